// `check` output: one "PASS|FAIL|SKIP <rule> (<reason>)" line per rule, each failing rule followed
// by its offenders (size, path, why) and the .dockerignore line that would fix each.
import { type CheckOffender, FIGURES } from '@ctxlens/core';
import type { GateResult } from '../config/check-gate.js';
import type { GateConfig } from '../config/check-config.js';
import type { Colors } from './color.js';
import { formatCount, formatSize, plural } from './numbers.js';
import { suggestion } from './offenders-report.js';
import { alignColumns } from './table.js';

/**
 * Why a rule passed, failed or was skipped, in words.
 * @returns the text that goes between parentheses
 */
export function checkReason(r: GateResult): string {
  if (r.rule === 'maxSize') {
    if (r.status === 'skip') return 'not configured';
    const upload = `${FIGURES.tarBytes.label} ${formatSize(r.actual)}`;
    return r.status === 'pass' ? `${upload}, limit ${formatSize(r.limit!)}` : `${upload}, over the ${formatSize(r.limit!)} limit`;
  }
  if (r.rule === 'maxFiles') {
    if (r.status === 'skip') return 'not configured';
    return r.status === 'pass' ? `${plural(r.actual, 'file')}, limit ${formatCount(r.limit!)}` : `${plural(r.actual, 'file')}, over the ${formatCount(r.limit!)} limit`;
  }
  if (r.rule === 'maxUnused') {
    // A configured rule that could not run keeps its limit (see runChecks).
    if (r.status === 'skip') return r.limit === undefined ? 'not configured' : 'what the Dockerfile uses is known only from the Dockerfile under BuildKit';
    return r.status === 'pass' ? `${formatSize(r.actual)} sent but never used, limit ${formatSize(r.limit!)}` : `${formatSize(r.actual)} sent but never used, over the ${formatSize(r.limit!)} limit`;
  }
  if (r.rule === 'deny') return 'no category denied';
  if (r.rule === 'builderDivergence') {
    if (r.status === 'skip') return 'not configured';
    return r.status === 'pass' ? 'BuildKit and the legacy builder send the same entries' : `${plural(r.actual, 'path')} sent by one builder only`;
  }
  if (r.rule.endsWith(':secrets-shipped') && r.status === 'skip') return 'what reaches the image is known only from the Dockerfile under BuildKit';
  const verb = r.rule.endsWith(':secrets-shipped') ? 'shipped' : 'sent';
  const allowed = r.allowed > 0 ? `, ${plural(r.allowed, 'allowed path')} not counted` : '';
  return (r.status === 'pass' ? `none ${verb}` : `${plural(r.actual, 'path')} ${verb}`) + allowed;
}

function offenderRows(offenders: readonly CheckOffender[], byFiles: boolean, sizeRule: boolean): string[][] {
  // The header names the figure, so "9B" is never read as upload bytes (the maxSize rule's own figure).
  const header = [byFiles ? FIGURES.files.label : FIGURES.bytes.label, 'path', '', '', ''];
  return [header, ...offenders.map((o) => [
    byFiles ? plural(o.files, 'file') : formatSize(o.bytes),
    o.isDir ? `${o.path}/` : o.path,
    o.isDir && !byFiles ? `(${plural(o.files, 'file')})` : '',
    o.reason ?? '',
    // maxSize and maxFiles also list plain big files and directories, which the image may need.
    suggestion(o.suggestedLine, !(byFiles || sizeRule) || o.reason !== undefined),
  ])];
}

/**
 * The text report.
 * @returns lines without newlines
 */
export function checkLines(results: readonly GateResult[], c: Colors, ignoreFileName: string): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const label = r.status === 'pass' ? c.green('PASS') : r.status === 'fail' ? c.red('FAIL') : r.status === 'warn' ? c.yellow('WARN') : c.dim('SKIP');
    lines.push(`${label} ${r.rule} (${checkReason(r)})`);
    if (r.offenders.length === 0) continue;
    const rows = alignColumns(offenderRows(r.offenders, r.rule === 'maxFiles', r.rule === 'maxSize'), ['right', 'left', 'left', 'left', 'left'], (cell, row, col) => (row === 0 || col === 3 ? c.dim(cell) : col === 4 ? c.cyan(cell) : cell));
    lines.push(...rows.map((row) => `     ${row}`));
    if (r.offenderCount > r.offenders.length) lines.push(c.dim(`     … and ${formatCount(r.offenderCount - r.offenders.length)} more`));
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  const ran = results.filter((r) => r.status !== 'skip').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  lines.push('');
  if (warned > 0) lines.push(c.yellow(`${plural(warned, 'rule')} warned: the paths above are sent, but ${warned === 1 ? 'it is' : 'they are'} configured to warn, not fail.`));
  if (failed > 0) lines.push(c.red(`check failed: ${failed} of ${plural(ran, 'rule')}. Add the suggested lines to ${ignoreFileName}, or see \`ctxlens suggest\`.`));
  else lines.push(c.green(`check passed: ${plural(ran, 'rule')}${ran < results.length ? `, ${results.length - ran} skipped` : ''}.`));
  return lines;
}

/**
 * The JSON body of `check`.
 * @returns a plain object (schemaVersion is added by toJson)
 */
export function checkJson(results: readonly GateResult[], config: GateConfig, configSource: string | undefined): Record<string, unknown> {
  return {
    passed: !results.some((r) => r.status === 'fail'),
    config: { source: configSource ?? null, maxSize: config.maxSize ?? null, maxFiles: config.maxFiles ?? null, maxUnused: config.maxUnused ?? null, deny: config.deny, warn: config.warn, allow: config.allow, builderDivergence: config.builderDivergence },
    rules: results.map((r) => ({
      rule: r.rule,
      status: r.status,
      reason: checkReason(r),
      actual: r.actual,
      limit: r.limit ?? null,
      offenderCount: r.offenderCount,
      allowed: r.allowed,
      offenders: r.offenders.map((o) => ({ path: o.path, type: o.isDir ? 'dir' : 'file', files: o.files, bytes: o.bytes, reason: o.reason ?? null, suggestedLine: o.suggestedLine ?? null, ...(o.findings === undefined ? {} : { findings: o.findings }) })),
    })),
  };
}
