// The golden rule as an ignore file: `*`, then a `!` line for exactly what the Dockerfile uses
// (each COPY/ADD source and bind mount source of the target's stages, globs kept, the symlink
// targets they lead to), then the user's own file, comments and rules as they were, so what the
// user excluded inside those paths stays excluded. BuildKit enters excluded directories when the
// rules have exceptions, so `!src/app` below `*` brings back that path and its parents only.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { evaluateRules } from '../context/compute-context.js';
import { receivedTree } from '../context/missing-sources.js';
import { EntryState } from '../walk/walk-result.js';
import { literalPattern } from './docker-pattern.js';
import type { FileTotals } from './usage.js';

const WILDCARD = /[*?[]/;

/** What the allowlist saves against the current ignore file. */
export interface AllowlistSavings {
  /** Eligible files and bytes no longer let through: what the legacy builder stops sending. */
  readonly eligibleFiles: number;
  readonly eligibleBytes: number;
  /** Bytes of the legacy builder's upload saved. */
  readonly legacyTarBytes: number;
  /** Files and bytes this context's builder stops sending. */
  readonly sentFiles: number;
  readonly sentBytes: number;
}

/** The allowlist ignore file, or why there is none. */
export interface AllowlistResult {
  /** The whole new ignore file; undefined when the Dockerfile reads the whole context. */
  readonly text: string | undefined;
  /** Why there is no allowlist. */
  readonly reason: string | undefined;
  /** The lines written before the user's file: `*` and the `!` lines. */
  readonly lines: readonly string[];
  /** The context with the allowlist applied. */
  readonly after: BuildContext | undefined;
  readonly saved: AllowlistSavings;
}

const HEADER = '# Allowlist (the golden rule): everything is excluded, then what the Dockerfile uses is let back in.';

/**
 * Writes the golden rule's allowlist for a BuildKit context whose Dockerfile was read.
 * @returns the new ignore file's text, its lines, the context it gives and what it saves
 */
export function allowlistIgnoreFile(ctx: BuildContext): AllowlistResult {
  checkContextArgument(ctx, 'ctx');
  const none: AllowlistSavings = { eligibleFiles: 0, eligibleBytes: 0, legacyTarBytes: 0, sentFiles: 0, sentBytes: 0 };
  const requests = ctx.plan?.requests;
  if (requests === undefined) return { text: undefined, reason: 'the Dockerfile was not read (legacy builder, the whole context asked for, or no Dockerfile)', lines: [], after: undefined, saved: none };
  if (requests.wholeContext) return { text: undefined, reason: 'the Dockerfile reads the whole context (COPY . or a bind mount without source): everything it sends is used', lines: [], after: undefined, saved: none };
  const tree = receivedTree(ctx.inventory, ctx.walk);
  const allowed = new Set<string>();
  const allow = (path: string, glob: boolean): void => {
    const line = glob ? path.replace(/\*{2,}/g, '*') : literalPattern(path);
    if (line !== undefined && path !== '' && path !== '.') allowed.add('!' + line);
  };
  for (const r of requests.requests) {
    if (r.kind !== 'copy' && r.kind !== 'add' && r.kind !== 'bind-mount') continue;
    const glob = r.kind !== 'bind-mount' && WILDCARD.test(r.path);
    allow(r.path, glob);
    // A symbolic link is copied as what it points to: that must arrive too.
    for (const m of glob ? tree.globMatches(r.path) : [r.path]) {
      const resolved = tree.resolve(m);
      if (resolved !== undefined && resolved !== m) allow(resolved, false);
    }
  }
  const lines = ['*', ...allowed];
  const own = ctx.ignoreFile?.source.lines.map((l) => l.text) ?? [];
  const rules = [HEADER, ...lines, ...own];
  const file = ctx.inputs.ignoreFile ?? '.dockerignore';
  const after = evaluateRules(ctx, { rules, file });
  const eligible = (c: BuildContext): FileTotals => {
    const state = c.eligibleWalk().state;
    let files = 0;
    let bytes = 0;
    for (let i = 1; i < c.inventory.count; i++) {
      if (state[i] !== EntryState.Included || c.inventory.kind(i) !== 'file') continue;
      files++;
      bytes += c.inventory.sizes[i]!;
    }
    return { files, bytes };
  };
  const before = eligible(ctx);
  const now = eligible(after);
  const legacy = (r: readonly string[]): number => evaluateRules(ctx, { rules: r, file, builder: 'legacy' }).sizes.tarBytes;
  return {
    text: rules.join('\n') + '\n',
    reason: undefined,
    lines,
    after,
    saved: {
      eligibleFiles: before.files - now.files,
      eligibleBytes: before.bytes - now.bytes,
      legacyTarBytes: legacy(own) - legacy(rules),
      sentFiles: ctx.sizes.files - after.sizes.files,
      sentBytes: ctx.sizes.bytes - after.sizes.bytes,
    },
  };
}
