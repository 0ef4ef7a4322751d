// GitHub Actions workflow commands (`::error file=…,line=…::message`): the runner turns them into
// annotations on the run and, for files in the repository, on the lines of the pull request.
// Values are escaped as the runner's command parser unescapes them (actions/toolkit, command.ts):
// `%`, CR and LF in the message; also `:` and `,` in properties.
import * as nodePath from 'node:path';

/** An annotation's level; GitHub shows `error` and `warning` in red and yellow, `notice` in grey. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Where an annotation points, and its title. */
export interface AnnotationProps {
  /** Relative to the repository root ($GITHUB_WORKSPACE), with `/`. */
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly title?: string | undefined;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command line.
 * @returns the line, ending with a newline
 */
export function annotation(level: AnnotationLevel, message: string, props: AnnotationProps = {}): string {
  const parts: string[] = [];
  if (props.file !== undefined) parts.push(`file=${escapeProperty(props.file)}`);
  if (props.line !== undefined) parts.push(`line=${props.line}`);
  if (props.title !== undefined) parts.push(`title=${escapeProperty(props.title)}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeData(message)}\n`;
}

/**
 * Whether to annotate: GitHub's runner sets GITHUB_ACTIONS=true in every step.
 * @returns true under GitHub Actions
 */
export function inGitHubActions(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * A path as an annotation's `file`: relative to $GITHUB_WORKSPACE (the repository checkout), or to
 * `cwd` when that is unset.
 * @returns the relative path with `/`, or undefined when it lies outside the repository
 */
export function annotationFile(absolutePath: string, env: Readonly<Record<string, string | undefined>>, cwd: string): string | undefined {
  const root = nodePath.resolve(cwd, env.GITHUB_WORKSPACE ?? cwd);
  const rel = nodePath.relative(root, nodePath.resolve(cwd, absolutePath));
  if (rel === '' || rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
  return rel.split(nodePath.sep).join('/');
}
