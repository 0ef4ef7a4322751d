// The GitHub Actions job summary of `check` (appended to $GITHUB_STEP_SUMMARY): a rules table and
// an offenders table with the suggested .dockerignore lines.
import type { GateResult } from '../config/check-gate.js';
import { checkReason } from './check-report.js';
import { formatCount, formatSize } from './numbers.js';

/** Table-safe inline code: HTML-escaped, pipes escaped, so odd file names cannot break the table. */
function code(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/\n/g, '\\n');
  return `<code>${escaped}</code>`;
}

const ICON = { pass: '✅ PASS', fail: '❌ FAIL', warn: '⚠️ WARN', skip: '⏭️ SKIP' } as const;

/**
 * The Markdown summary.
 * @param title what was checked, e.g. the context directory and builder
 * @returns Markdown text ending with a blank line
 */
export function checkMarkdown(results: readonly GateResult[], title: string, contextLine: string): string {
  const failed = results.some((r) => r.status === 'fail');
  const warned = results.some((r) => r.status === 'warn');
  const out = [`## ctxlens check: ${failed ? '❌ failed' : warned ? '⚠️ passed with warnings' : '✅ passed'}`, '', `${title}: ${contextLine}`, '', '| Rule | Result | Details |', '| --- | --- | --- |'];
  for (const r of results) out.push(`| ${r.rule} | ${ICON[r.status]} | ${checkReason(r).replace(/\|/g, '&#124;')} |`);
  const offending = results.filter((r) => r.offenders.length > 0);
  if (offending.length > 0) {
    out.push('', '### Offenders', '', '| Rule | Path | Size | Files | Suggested `.dockerignore` line |', '| --- | --- | ---: | ---: | --- |');
    for (const r of offending) {
      for (const o of r.offenders) {
        // Size limits also list plain big paths, which the image may need.
        const hedge = (r.rule === 'maxSize' || r.rule === 'maxFiles') && o.reason === undefined ? ' if the image does not need it' : '';
        out.push(`| ${r.rule} | ${code(o.isDir ? `${o.path}/` : o.path)} | ${formatSize(o.bytes)} | ${formatCount(o.files)} | ${o.suggestedLine === undefined ? '' : code(o.suggestedLine) + hedge} |`);
      }
      if (r.offenderCount > r.offenders.length) out.push(`| ${r.rule} | … and ${formatCount(r.offenderCount - r.offenders.length)} more | | | |`);
    }
  }
  return out.join('\n') + '\n\n';
}
