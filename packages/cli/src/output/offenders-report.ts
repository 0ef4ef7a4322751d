// The "top offenders" list of the default summary: biggest units sent, with a line to exclude each.
import type { RankedOffender, SecretFinding } from '@ctxlens/core';
import { describeFindings } from '@ctxlens/core/internal';
import type { Colors } from './color.js';
import { formatSize, plural } from './numbers.js';
import { alignColumns } from './table.js';

/**
 * The suggested line as shown: plain for known bloat, hedged for anything else (it may be needed).
 * @returns e.g. `→ node_modules`, or `→ src (if the image does not need it)`
 */
export function suggestion(line: string | undefined, known: boolean): string {
  if (line === undefined) return '';
  return known ? `→ ${line}` : `→ ${line} (if the image does not need it)`;
}

/**
 * Formats offenders as an aligned table: size, files, path, category, suggested line.
 * @returns lines without newlines (empty when there are none)
 */
export function offenderLines(offenders: readonly RankedOffender[], c: Colors): string[] {
  if (offenders.length === 0) return [];
  const rows = offenders.map((o) => [
    formatSize(o.bytes),
    o.kind === 'dir' ? plural(o.files, 'file') : '',
    o.kind === 'dir' ? `${o.path}/` : o.path,
    o.category ?? '',
    // A plain big directory such as src/ is usually needed: only known bloat gets a line here, and
    // nothing the Dockerfile uses does (the core gives it no line).
    o.used ? 'used by the Dockerfile' : o.category === undefined ? '' : suggestion(o.pattern, true),
  ]);
  return alignColumns(rows, ['right', 'right', 'left', 'left', 'left'], (cell, _r, col) => (col === 3 ? c.yellow(cell) : col === 4 ? c.dim(cell) : cell)).map((l) => `  ${l}`);
}

/**
 * Offenders in JSON.
 * @returns plain objects with stable field names
 */
export function offendersJson(offenders: readonly RankedOffender[]): object[] {
  return offenders.map((o) => ({ path: o.path, type: o.kind, files: o.files, bytes: o.bytes, category: o.category ?? null, used: o.used, suggestedLine: o.pattern ?? null }));
}

/** A secret-category entry the builder sends, and how far it gets. */
export interface SentSecret {
  readonly path: string;
  readonly dir: boolean;
  readonly files: number;
  readonly bytes: number;
  readonly reason: string;
  /** What its content holds: detector and line, never the value (empty when found by name alone). */
  readonly findings: readonly SecretFinding[];
  /** shipped: reaches the final image; build-stage: used only in build stages; unused: sent and never used; unknown: the Dockerfile was not read. */
  readonly use: 'shipped' | 'build-stage' | 'unused' | 'unknown';
  readonly suggestedLine: string | undefined;
}

/** The golden rule's two lists, for the summary. */
export interface UnusedSummary {
  /** Sent by the builder in use and never used. */
  readonly sent: { readonly files: number; readonly bytes: number; readonly groups: readonly { readonly top: string; readonly dir: boolean; readonly files: number; readonly bytes: number }[] };
  /** Eligible and never used (undefined when it is the same as `sent`: the legacy builder sends all that is eligible). */
  readonly eligible: UnusedSummary['sent'] | undefined;
}

const USE_TEXT: Record<SentSecret['use'], string> = { shipped: 'ships in the final image', 'build-stage': 'used in a build stage only', unused: 'sent, never used', unknown: 'sent' };

/**
 * The lines the summary leads with: secrets sent, then the biggest unused bytes by top directory.
 * @returns lines without newlines (empty when there is nothing to say)
 */
export function goldenRuleLines(secrets: readonly SentSecret[], unused: UnusedSummary | undefined, c: Colors, top: number): string[] {
  const lines: string[] = [];
  if (secrets.length > 0) {
    lines.push(c.bold(c.red(`Secrets sent to the builder: ${secrets.length}`)));
    // A secret found by content says which format and where (a column only when one was).
    const shown = secrets.slice(0, top);
    const content = shown.some((s) => s.findings.length > 0);
    const rows = shown.map((s) => [s.dir ? `${s.path}/` : s.path, formatSize(s.bytes), USE_TEXT[s.use], ...(content ? [describeFindings(s.findings)] : []), suggestion(s.suggestedLine, true)]);
    const last = rows[0]!.length - 1;
    lines.push(...alignColumns(rows, ['left', 'right', 'left', 'left', 'left'], (cell, _r, col) => (col === 2 ? c.red(cell) : col === last ? c.dim(cell) : cell)).map((l) => `  ${l}`));
    if (secrets.some((s) => s.use === 'shipped' || s.use === 'build-stage')) lines.push(c.dim('  A secret a build step needs belongs in RUN --mount=type=secret, not in the context.'));
  }
  const list = (title: string, u: UnusedSummary['sent']): void => {
    if (u.files === 0) return;
    if (lines.length > 0) lines.push('');
    lines.push(c.bold(`${title}: ${formatSize(u.bytes)} in ${plural(u.files, 'file')}`));
    const rows = u.groups.slice(0, top).map((g) => [formatSize(g.bytes), plural(g.files, 'file'), g.dir ? `${g.top}/` : g.top]);
    lines.push(...alignColumns(rows, ['right', 'right', 'left']).map((l) => `  ${l}`));
  };
  if (unused !== undefined) {
    list('Sent but never used', unused.sent);
    if (unused.eligible !== undefined) list('Eligible but never used (the legacy builder, or a COPY . ., would send it)', unused.eligible);
  }
  return lines;
}
