// `lint` output: "file:line: severity: message [code]", then the evidence and the fix, indented.
import type { DockerfileFinding, LintFinding } from '@ctxlens/core';
import type { Colors } from './color.js';
import { plural } from './numbers.js';
import { displayPath } from './paths.js';

/** A finding of either side of `lint`: the ignore file's, or the Dockerfile's. */
export type AnyFinding = LintFinding | DockerfileFinding;

/** Counts by severity. */
export interface LintCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * Counts findings by severity.
 * @returns the counts
 */
export function countFindings(findings: readonly AnyFinding[]): LintCounts {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/**
 * The text report.
 * @returns lines without newlines
 */
export function lintLines(findings: readonly AnyFinding[], c: Colors, cwd: string, ignoreFile: string): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
    lines.push(`${c.bold(`${displayPath(f.file, cwd)}:${f.line}:`)} ${sev}: ${f.message} ${c.dim(`[${f.code}]`)}`);
    if (f.detail) lines.push(`    ${f.detail}`);
    lines.push(`    ${c.green('fix:')} ${f.fix}`);
  }
  const n = countFindings(findings);
  const name = displayPath(ignoreFile, cwd);
  if (findings.length === 0) lines.push(c.green(`${name}: no problems found`));
  else {
    const parts = [n.errors > 0 ? plural(n.errors, 'error') : '', n.warnings > 0 ? plural(n.warnings, 'warning') : '', n.infos > 0 ? plural(n.infos, 'info') : ''].filter(Boolean);
    lines.push('', `${name}: ${parts.join(', ')}`);
  }
  return lines;
}

/**
 * The JSON body of `lint`.
 * @returns a plain object (schemaVersion is added by toJson)
 */
export function lintJson(findings: readonly AnyFinding[], cwd: string): Record<string, unknown> {
  const n = countFindings(findings);
  return {
    ...n,
    findings: findings.map((f) => ({ file: displayPath(f.file, cwd), line: f.line, text: f.text, code: f.code, severity: f.severity, message: f.message, detail: f.detail ?? null, fix: f.fix, replacement: f.replacement ?? null })),
  };
}
