import type { RuleOrigin } from '../errors.js';
import { CtxlensError } from '../errors.js';
import { parseIgnoreFile, type IgnoreFile, type RawRule, readAllPattern } from '../ignorefile/read-ignore-file.js';
import { IGNORE_FILE_LIMITS, type InputFileRead } from '../input-file.js';
import { matchesSingleDepth } from '../patterns/matcher.js';
import { compileRules, type PatternSet } from '../patterns/pattern-set.js';
import type { ResolvedOptions } from '../options.js';
import { type BuildInputs, dockerfileTravelsApart } from './resolve-inputs.js';

/** Label used as the "file" of rules the legacy client adds on its own. */
export const LEGACY_FORCED_RULES = '(legacy builder)';
/** Label used as the "file" of rules passed in `extraRules`. */
export const EXTRA_RULES = '(extra rules)';

/** The rules in force for one build, from the ignore file and extra rules. */
export interface RuleSource {
  readonly ignoreFile: IgnoreFile | undefined;
  readonly rules: readonly RawRule[];
}

/**
 * Reads the ignore file (if any) and appends extra rules, each with its origin.
 * @returns the raw rules in evaluation order
 * @throws IgnoreFileError when the file cannot be read or has a line Docker cannot read
 */
export function loadRules(inputs: BuildInputs, options: ResolvedOptions): RuleSource {
  const ignoreFile = inputs.ignoreFile === undefined ? undefined : parseIgnoreFile(readIgnoreFile(options, inputs.ignoreFile), inputs.ignoreFile);
  return { ignoreFile, rules: [...(ignoreFile?.rules ?? []), ...extraRules(options.extraRules)] };
}

/** Go's words for the errors opening a file gives, so a message can be set beside Docker's. */
const GO_ERRNO_TEXT: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'not a directory',
  ENOENT: 'no such file or directory',
};

/**
 * Reads an ignore file whole, through the bounded reader: a FIFO is refused, and a device stops at
 * the first line Docker's scanner refuses (64 KiB), where Docker stops too.
 * @returns the file's bytes
 * @throws IgnoreFileError for a device whose line is too long; InputError for a file that is not
 *   regular or too long; CtxlensError when the file cannot be read
 */
export function readIgnoreFile(options: ResolvedOptions, path: string): Buffer {
  let read: InputFileRead;
  try {
    read = options.fs.readFile(path, 'ignore file', IGNORE_FILE_LIMITS);
  } catch (error) {
    if (error instanceof CtxlensError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code !== undefined && code in GO_ERRNO_TEXT ? `${GO_ERRNO_TEXT[code]} (${code})` : (error as Error).message;
    throw new CtxlensError('IGNORE_FILE_READ', `cannot read ${path}: ${reason}`, 'Docker fails the build when it cannot read the ignore file; fix the file or its permissions.');
  }
  // The bytes end inside a line of 64 KiB, so parsing raises the error Docker gives for it.
  if (read.stoppedAtLongLine) parseIgnoreFile(read.bytes, path);
  return read.bytes;
}

/**
 * Turns free-standing rule lines into raw rules, read like ignore-file lines.
 * @returns the rules that are not comments or blank
 */
export function extraRules(lines: readonly string[], file = EXTRA_RULES): RawRule[] {
  const out: RawRule[] = [];
  lines.forEach((text, i) => {
    const pattern = readAllPattern(text);
    if (pattern !== undefined) out.push({ pattern, origin: { file, line: i + 1, text } });
  });
  return out;
}

/** Where the Dockerfile is, as far as the legacy client's forced exceptions care. */
export type DockerfilePlace = Pick<BuildInputs, 'dockerfileRelative' | 'dockerfileFromStdin'>;

/**
 * docker/cli TrimBuildFilesFromExcludes: when the (deprecated, single-depth) matcher says the
 * `.dockerignore` or the Dockerfile is excluded, the legacy client appends an exception for it.
 * @returns the rules with those exceptions appended
 */
export function withLegacyForcedRules(rules: readonly RawRule[], set: PatternSet, dockerfile: DockerfilePlace): { rules: RawRule[]; set: PatternSet } {
  const out = [...rules];
  let current = set;
  const force = (path: string): void => {
    if (!matchesSingleDepth(current, path)) return;
    const origin: RuleOrigin = { file: LEGACY_FORCED_RULES, line: 0, text: `!${path}` };
    out.push({ pattern: `!${path}`, origin });
    current = compileRules(out);
  };
  force('.dockerignore');
  // A Dockerfile from stdin or outside the context travels separately, under a generated name.
  if (!dockerfileTravelsApart(dockerfile)) force(dockerfile.dockerfileRelative);
  return { rules: out, set: current };
}

/**
 * The compiled rules a builder evaluates: the rules themselves, plus, for the legacy client, the
 * exceptions it adds for the Dockerfile and .dockerignore.
 * @returns the pattern set
 * @throws IgnoreFileError for rules Docker rejects when loading
 */
export function builderPatternSet(rules: readonly RawRule[], builder: 'buildkit' | 'legacy', dockerfile: DockerfilePlace): PatternSet {
  const set = compileRules(rules);
  return builder === 'legacy' ? withLegacyForcedRules(rules, set, dockerfile).set : set;
}
