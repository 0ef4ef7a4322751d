// `explain` output: git check-ignore's formats (plain paths, `-v` "<source>:<line>:<pattern><TAB><path>",
// `-z` NUL fields) plus the trace ctxlens adds with -vv, and the JSON document.
import type { CompiledPattern, Explanation, PathSecret, RequestExplanation } from '@ctxlens/core';
import type { PathVerdict } from '@ctxlens/core/internal';
import type { AskedPath } from '../commands/explain-paths.js';
import { quoteCStyle } from './c-quote.js';
import { displayPath } from './paths.js';

/** How a rule is named in output: its source, line and pattern as written. */
export interface RuleRef {
  readonly source: string;
  readonly line: number;
  readonly pattern: string;
}

/**
 * Names a rule like git does: the file it came from (relative to the current directory when inside it), the line, the pattern.
 * @returns the reference
 */
export function ruleRef(rule: CompiledPattern, cwd: string): RuleRef {
  const file = rule.origin.file;
  const source = file.startsWith('/') ? displayPath(file, cwd) : file;
  return { source, line: rule.origin.line, pattern: rule.origin.text.trim() };
}

/**
 * One line of `-v` output, or its -z form.
 * @returns the record, terminated
 */
export function verboseRecord(rule: CompiledPattern | undefined, path: AskedPath, cwd: string, nul: boolean): string {
  if (nul) {
    if (rule === undefined) return `\0\0\0${path.given}\0`;
    const r = ruleRef(rule, cwd);
    return `${r.source}\0${r.line}\0${r.pattern}\0${path.given}\0`;
  }
  if (rule === undefined) return `::\t${quoteCStyle(path.given)}\n`;
  const r = ruleRef(rule, cwd);
  return `${quoteCStyle(r.source)}:${r.line}:${r.pattern}\t${quoteCStyle(path.given)}\n`;
}

/**
 * `<source>:<line>:<pattern>` of a rule.
 * @returns the reference text
 */
export function refText(rule: CompiledPattern, cwd: string): string {
  const r = ruleRef(rule, cwd);
  return `${r.source}:${r.line}:${r.pattern}`;
}

/**
 * The builder's name in prose.
 * @returns `BuildKit` or `the legacy builder`
 */
export function builderName(e: Pick<Explanation, 'builder'>): string {
  return e.builder === 'buildkit' ? 'BuildKit' : 'the legacy builder';
}

/**
 * What a person at a terminal gets for a path git check-ignore would pass over in silence (a sent
 * path): that it is sent and why, which instruction asked for it (BuildKit), and how the image uses
 * it; with -vv, the whole trace.
 * @returns lines, each ending in a newline; the first is e.g. `coverage/lcov.info: sent: no rule matches`
 */
export function sentRecord(verdict: PathVerdict, path: AskedPath, cwd: string, verbosity: number, use: PathUse | undefined): string {
  const e = verdict.primary;
  const why = e.rule === undefined ? 'no rule matches' : `re-included by ${refText(e.rule, cwd)}`;
  // traceLines' first line restates the verdict; its request line is the one added below otherwise.
  const detail = verbosity > 1 ? traceLines(verdict, path.relative, cwd).slice(1) : e.request !== undefined && e.request.instructions.length > 0 ? [`  ${requestText(e.request)}`] : [];
  return [`${quoteCStyle(path.given)}: ${verdictText(e)}: ${why}`, ...detail, ...(use === undefined ? [] : [`  ${useText(use)}`])].join('\n') + '\n';
}

function verdictText(e: Explanation): string {
  return e.included ? 'sent' : 'not sent';
}

/**
 * The -vv lines after a path's git line: each rule that flipped its state, the parent directory
 * that decided, and what the other builder would do.
 * @returns indented lines, without newlines
 */
export function traceLines(verdict: PathVerdict, relative: string, cwd: string): string[] {
  const e = verdict.primary;
  const unrequested = e.eligible === true && !e.included && e.request !== undefined;
  const lines = [`  ${verdictText(e)} by ${builderName(e)}${unrequested ? `: ${e.request!.reason}` : e.notSent !== undefined ? `: ${e.notSent}` : e.rule === undefined ? ': no rule matches it' : ''}`];
  if (e.request !== undefined && !unrequested) lines.push(`  ${requestText(e.request)}`);
  for (const step of e.trace) {
    const at = step.matchedAt === relative ? '' : ` (matched parent directory "${step.matchedAt}")`;
    lines.push(`  ${step.effect === 'exclude' ? 'excluded by' : 're-included by'} ${refText(step.rule, cwd)}${at}`);
  }
  if (e.prunedAt !== undefined) {
    lines.push(`  decided by parent directory "${e.prunedAt}": ${builderName(e)} excludes it and never enters it, so no exception below it applies`);
  }
  const o = verdict.other;
  const why = (o.eligible === true && !o.included ? o.request?.reason : undefined) ?? o.notSent ?? (o.rule === undefined ? 'no rule matches it' : `${o.prunedAt === undefined ? '' : `parent directory "${o.prunedAt}", `}${refText(o.rule, cwd)}`);
  if (verdict.differs) lines.push(`  ${builderName(o)} decides differently: ${verdictText(o)} (${why})`);
  else lines.push(`  ${builderName(o)} decides the same: ${verdictText(o)}`);
  return lines;
}

/**
 * Whether and why the Dockerfile asks for a path, with the instructions that do.
 * @returns one line, without indent
 */
export function requestText(r: RequestExplanation): string {
  return r.instructions.length === 0 ? `Dockerfile: ${r.reason}` : `${r.reason}: ${r.instructions.join('; ')}`;
}

function ruleJson(rule: CompiledPattern | undefined, cwd: string): object | null {
  if (rule === undefined) return null;
  const r = ruleRef(rule, cwd);
  return { source: r.source, line: r.line, pattern: r.pattern, exception: rule.exclusion };
}

/**
 * One builder's explanation in JSON.
 * @returns a plain object
 */
export function explanationJson(e: Explanation, cwd: string): object {
  return {
    builder: e.builder,
    included: e.included,
    rule: ruleJson(e.rule, cwd),
    prunedAt: e.prunedAt ?? null,
    notSent: e.notSent ?? null,
    eligible: e.eligible ?? e.included,
    request: e.request === undefined ? null : { kind: e.request.kind, reason: e.request.reason, instructions: e.request.instructions },
    trace: e.trace.map((s) => ({ effect: s.effect, matchedAt: s.matchedAt, rule: ruleJson(s.rule, cwd) })),
  };
}

/**
 * One path of the JSON document.
 * @returns a plain object
 */
export function pathJson(path: AskedPath, verdict: PathVerdict, cwd: string): object {
  return { path: path.given, contextPath: path.relative, ...explanationJson(verdict.primary, cwd), otherBuilder: explanationJson(verdict.other, cwd), buildersDiffer: verdict.differs };
}

/** How the Dockerfile uses a path, for explain: the golden rule's view of one entry. */
export interface PathUse {
  /** shipped: reaches the final image; build-stage: used only in stages the target copies from; sent-unused; eligible-unused (the legacy builder sends it); not-eligible (the ignore file keeps it out). */
  readonly status: 'shipped' | 'build-stage' | 'sent-unused' | 'eligible-unused' | 'not-eligible';
  /** The first instruction that uses it, with the Dockerfile's name and the stage it runs in. */
  readonly by: { readonly dockerfile: string; readonly line: number; readonly instruction: string; readonly stage: string } | undefined;
}

/**
 * One line on how the image uses a path.
 * @returns e.g. `used by Dockerfile:12 (COPY src ./src) → stage build → final image`, or `sent, never used`
 */
export function useText(u: PathUse): string {
  if (u.by !== undefined) return `used by ${u.by.dockerfile}:${u.by.line} (${u.by.instruction}) → stage ${u.by.stage} → ${u.status === 'shipped' ? 'final image' : 'build stage only (not in the final image)'}`;
  if (u.status === 'sent-unused') return 'sent, never used';
  if (u.status === 'eligible-unused') return 'eligible, never used (the legacy builder, or a COPY . ., would send it)';
  return 'not eligible: the ignore file keeps it out';
}

/**
 * A PathUse in JSON.
 * @returns a plain object
 */
export function useJson(u: PathUse | undefined): object | null {
  if (u === undefined) return null;
  return { status: u.status, text: useText(u), by: u.by ?? null };
}

/**
 * One line saying a path is a secret, and why (its name, what its content holds).
 * @returns e.g. `secret: GitHub token (ghp_…) on line 2`
 */
export function secretText(s: PathSecret): string {
  return `secret: ${s.reason}`;
}
