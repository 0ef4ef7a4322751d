// `lint` under GitHub Actions: each finding as an annotation on its ignore-file line (errors as
// errors, warnings as warnings, info findings as notices).
import { annotation, annotationFile } from './annotations.js';
import type { AnyFinding } from './lint-report.js';

/**
 * The workflow commands for lint findings.
 * @returns the lines, each ending with a newline
 */
export function lintAnnotations(findings: readonly AnyFinding[], env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  let out = '';
  for (const f of findings) {
    const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const message = `${f.message}${f.detail ? `\n${f.detail}` : ''}\nfix: ${f.fix}`;
    out += annotation(level, message, { file: annotationFile(f.file, env, cwd), line: f.line, title: `ctxlens lint: ${f.code}` });
  }
  return out;
}
