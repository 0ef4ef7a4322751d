import { describe, expect, it } from 'vitest';
import { entryKind, entryPath, splitSpecPath } from '../trees/tree-spec.js';
import { generateCase, MAX_CASE_ENTRIES, type RandomCase } from './index.js';

const SEEDS = 1000;
const cases: RandomCase[] = Array.from({ length: SEEDS }, (_, seed) => generateCase(seed));

/** Features the generator must reach within the first SEEDS seeds (tree, rules and file layout). */
const REQUIRED_FEATURES = [
  // tree
  'deep', 'fifo', 'hardlink', 'hardlink-to-symlink', 'hardlink-to-fifo', 'large-file', 'long-path', 'odd-mtime', 'socket',
  'symlink-to-file', 'symlink-to-dir', 'symlink-dangling', 'symlink-absolute', 'symlink-long-target', 'symlink-unicode-target',
  'name-cr-lf', 'name-unicode', 'name-astral', 'name-glob-chars', 'name-over-100-bytes', 'path-over-256-bytes',
  // rules
  'literal', 'star', 'qmark', 'class', 'globstar-prefix', 'globstar-mid', 'globstar-suffix', 'globstar-tail', 'globstar-ext',
  'dir-star', 'parent', 'case-flip', 'special', 'forced', 'invalid', 'invalid-reached-in-walk',
  'leading-slash', 'dot-slash', 'dotdot', 'double-slash', 'inner-dotdot', 'trailing-slash', 'trailing-dot',
  'combo-child-then-bang-dir', 'combo-star-then-bang-dir', 'combo-dir-then-bang-child', 'combo-globstar-then-bang-child',
  'combo-bang-first', 'combo-all-but', 'combo-hardlink-first',
  // file layout
  'exception-bang', 'exception-bang-space', 'exception-bang-tab', 'exception-bang-slash', 'exception-slash-bang', 'exception-bang-dot-slash',
  'comment', 'blank', 'hash-pattern', 'crlf', 'lone-cr', 'bom', 'no-final-newline', 'long-line-65535', 'long-line-65536',
  'ws-space', 'ws-tab', 'ws-nbsp', 'ws-nel', 'ws-feff', 'ws-ideographic', 'ws-line-separator', 'ws-vt-ff',
];

/** Pattern syntax that must show up verbatim in some .dockerignore. */
const REQUIRED_TEXT: [string, RegExp][] = [
  ['**/x', /(^|\n)\*\*\/[^\n]/], ['x/**', /[^\s*]\/\*\*(\r?\n|$)/], ['a/**/b', /[^\s/]\/\*\*\/[^\s]/], ['**.ext', /\*\*\.[a-z]/],
  ['foo**', /[a-z]\*\*(\r?\n|$)/], ['lone **', /(^|\n)\*\*\r?\n/], ['[abc]', /\[[a-z]{2,}\]/], ['[a-z]', /\[a-z\]/], ['[^a]', /\[\^[^\]]\]/],
  ['[!a]', /\[![^\]]\]/], ['[[:alpha:]]', /\[\[:alpha:\]\]/], ['[\\]]', /\[\\\]\]/], ['\\*', /\\\*/], ['\\.', /\\\./], ['\\a', /\\a/],
  ['regexp metachars', /[+()|{}$^]/], ['a//b', /[^\s/]\/\/[^\s/]/], ['a/../b', /\/\.\.\//], ['../', /(^|\n)\.\.\//],
  ['./', /(^|\n)\.\//], ['!/x', /(^|\n)!\//], ['/!x', /(^|\n)\/!/], ['! x', /(^|\n)! /], ['Dockerfile', /Dockerfile/],
  ['.dockerignore', /\.dockerignore/], ['lone !', /(^|\n)!\r?(\n|$)/], ['[', /(^|\n)\[\r?(\n|$)/], ['a\\', /[^\\]\\\r?(\n|$)/],
  ['[z-a]', /\[z-a\]/], ['\\k', /\\k/], ['x|y*', /\|[^\n]*\*/], ['{n}', /\{\d/],
];

describe('generateCase', () => {
  it('is deterministic per seed, and seeds differ', () => {
    expect(generateCase(7)).toEqual(generateCase(7));
    expect(generateCase(7).dockerignore + JSON.stringify(generateCase(7).tree)).not.toBe(generateCase(8).dockerignore + JSON.stringify(generateCase(8).tree));
  });

  it('makes valid small trees with a root Dockerfile and no root .dockerignore', () => {
    for (const c of cases) {
      const paths = c.tree.map(entryPath);
      expect(new Set(paths).size, `seed ${c.seed}: duplicate paths`).toBe(paths.length);
      expect(c.tree.length, `seed ${c.seed}`).toBeLessThanOrEqual(MAX_CASE_ENTRIES);
      expect(c.tree.some((e) => entryKind(e) === 'file' && entryPath(e) === 'Dockerfile'), `seed ${c.seed}`).toBe(true);
      expect(paths, `seed ${c.seed}`).not.toContain('.dockerignore');
      for (const p of paths) {
        expect(() => splitSpecPath(p)).not.toThrow();
        for (const name of p.split('/')) expect(Buffer.byteLength(name), `seed ${c.seed}: ${p}`).toBeLessThanOrEqual(255);
      }
      for (const e of c.tree) if ('hardlink' in e) expect(paths, `seed ${c.seed}: hardlink target`).toContain(e.target);
      expect(c.dockerignore, `seed ${c.seed}: lone surrogate`).not.toMatch(/\p{Cs}/u);
    }
  });

  it(`reaches every required feature within ${SEEDS} seeds`, () => {
    const seen = new Map<string, number>();
    for (const c of cases) for (const f of c.features) seen.set(f, (seen.get(f) ?? 0) + 1);
    const missing = REQUIRED_FEATURES.filter((f) => !seen.has(f));
    expect(missing).toEqual([]);
    const missingText = REQUIRED_TEXT.filter(([, re]) => !cases.some((c) => re.test(c.dockerignore))).map(([name]) => name);
    expect(missingText).toEqual([]);
    const entries = cases.reduce((n, c) => n + c.tree.length, 0);
    console.log(`random cases: ${SEEDS} seeds, ${entries} tree entries, ${REQUIRED_FEATURES.length} features and ${REQUIRED_TEXT.length} syntax forms all reached (rarest: ${[...seen].sort((a, b) => a[1] - b[1]).slice(0, 4).map(([f, n]) => `${f} ${n}`).join(', ')})`);
  });
});
