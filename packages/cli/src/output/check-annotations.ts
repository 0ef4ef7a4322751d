// `check` under GitHub Actions: one annotation per offending path of a failing (error) or warning
// (warning) rule, on the path itself when it is a file of the repository, else on the ignore file.
import * as nodePath from 'node:path';
import type { GateResult } from '../config/check-gate.js';
import { annotation, annotationFile } from './annotations.js';
import { checkReason } from './check-report.js';

/** Where the annotations point. */
export interface CheckAnnotationTarget {
  /** Absolute context directory. */
  readonly contextDir: string;
  /** Absolute path of the ignore file, when there is one. */
  readonly ignoreFile: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * The workflow commands for `check`'s results.
 * @returns the lines, each ending with a newline (empty when every rule passed)
 */
export function checkAnnotations(results: readonly GateResult[], target: CheckAnnotationTarget): string {
  const ignoreFile = target.ignoreFile === undefined ? undefined : annotationFile(target.ignoreFile, target.env, target.cwd);
  let out = '';
  for (const r of results) {
    if (r.status !== 'fail' && r.status !== 'warn') continue;
    const level = r.status === 'fail' ? 'error' : 'warning';
    const title = `ctxlens check: ${r.rule}`;
    if (r.offenders.length === 0) {
      out += annotation(level, checkReason(r), { file: ignoreFile, title });
      continue;
    }
    for (const o of r.offenders) {
      const file = o.isDir ? undefined : annotationFile(nodePath.join(target.contextDir, o.path), target.env, target.cwd);
      const what = `${o.isDir ? `${o.path}/` : o.path} is sent in the Docker build context${o.reason === undefined ? '' : ` (${o.reason})`}`;
      // Size limits also list plain big paths, which the image may need.
      const hedge = o.reason === undefined && (r.rule === 'maxSize' || r.rule === 'maxFiles') ? ' if the image does not need it' : '';
      const fix = o.suggestedLine === undefined ? '' : `. Add "${o.suggestedLine}" to ${ignoreFile ?? '.dockerignore'}${hedge}`;
      out += annotation(level, `${what}${fix}.`, { file: file ?? ignoreFile, title });
    }
    if (r.offenderCount > r.offenders.length) out += annotation(level, `${r.rule}: ${r.offenderCount - r.offenders.length} more paths; run ctxlens check to see them all.`, { file: ignoreFile, title });
  }
  return out;
}
