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
 * @param cleanFile the file named when there are no findings (the ignore file, or the Dockerfile without one)
 * @returns lines without newlines
 */
export function lintLines(findings: readonly AnyFinding[], c: Colors, cwd: string, cleanFile: string): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
    lines.push(`${c.bold(`${displayPath(f.file, cwd)}:${f.line}:`)} ${sev}: ${f.message} ${c.dim(`[${f.code}]`)}`);
    if (f.detail) lines.push(`    ${f.detail}`);
    lines.push(`    ${c.green('fix:')} ${f.fix}`);
  }
  if (findings.length === 0) lines.push(c.green(`${displayPath(cleanFile, cwd)}: no problems found`));
  else lines.push('', summaryLine(findings, cwd));
  return lines;
}

/**
 * Each file with findings and its own counts, in the order its first finding was printed:
 * "Dockerfile: 2 warnings, 1 info" or ".dockerignore: 1 info; Dockerfile: 1 error". Findings of the
 * Dockerfile and of the ignore file are counted apart, so neither is blamed for the other's.
 * @returns one line, without a newline
 */
function summaryLine(findings: readonly AnyFinding[], cwd: string): string {
  const byFile = new Map<string, AnyFinding[]>();
  for (const f of findings) {
    const name = displayPath(f.file, cwd);
    const list = byFile.get(name);
    if (list === undefined) byFile.set(name, [f]);
    else list.push(f);
  }
  return [...byFile].map(([name, list]) => `${name}: ${countsText(countFindings(list))}`).join('; ');
}

/** @returns "1 error, 3 warnings, 1 info", leaving out the severities with none */
function countsText(n: LintCounts): string {
  return [n.errors > 0 ? plural(n.errors, 'error') : '', n.warnings > 0 ? plural(n.warnings, 'warning') : '', n.infos > 0 ? plural(n.infos, 'info') : ''].filter(Boolean).join(', ');
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
