// suggest and lint agree (issue 13 point 14): for every line lint gives a fix for, `suggest --write`
// writes exactly that fix in place of the line (not a second line next to it), every other byte
// kept, and lint afterwards finds nothing on the fixed line. A fix that would take away what the
// Dockerfile reads is not written (suggest never breaks a build).
import type { TempDir } from '@ctxlens/test-fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

beforeAll(() => ensureBuilt());
const dirs: TempDir[] = [];
afterAll(async () => {
  for (const d of dirs) await d.cleanup();
});

interface Finding {
  readonly line: number;
  readonly code: string;
  readonly file: string;
  readonly replacement: readonly string[] | null;
}
const lint = async (cwd: string): Promise<Finding[]> => JSON.parse((await runCli(['lint', '--json'], { cwd })).stdout).findings.filter((f: Finding) => f.file === '.dockerignore');

/** A project's .dockerignore (CRLF endings, a comment, a file without a final newline) and what suggest --write leaves in it. */
const IGNORE = '# deps\r\nnode_modules\r\ncoverage   # test reports\r\n.env*\r\nbuild/\r\n*.[!o]';
const EXPECTED = '# deps\r\nnode_modules\r\n# test reports\r\n**/coverage\r\n**/.env*\r\nbuild\r\n*.[^o]';

describe('suggest --write writes the fix lint gives for each line', () => {
  it('replaces each broken line with lint\'s replacement; lint then finds nothing on it', async () => {
    const d = await fixture([
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
      { file: '.dockerignore', content: IGNORE },
      { file: 'node_modules/x/index.js', size: 3000 },
      { file: 'coverage/lcov.info', size: 500 },
      { file: 'web/coverage/lcov.info', size: 700 },
      { file: '.env', content: 'A=1\n' },
      { file: 'src/.env.local', content: 'SECRET=1\n' },
      { file: 'build', content: 'a file named build\n' },
      { file: 'a.c', content: 'int x;\n' },
      { file: 'src/index.js', content: 'x\n' },
    ]);
    dirs.push(d);
    const before = await lint(d.path);
    const fixes = new Map<number, readonly string[]>();
    for (const f of before) if (f.replacement !== null) fixes.set(f.line, f.replacement);
    // Every finding on a line names the same whole-line fix.
    for (const f of before) if (f.replacement !== null) expect(f.replacement).toEqual(fixes.get(f.line));
    expect([...fixes.keys()].sort()).toEqual([3, 4, 5, 6]);

    const r = await runCli(['suggest', '--write', '--no-gitignore', '--json'], { cwd: d.path });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const replaced = doc.suggestions.filter((s: { replaces: unknown }) => s.replaces !== null);
    expect(replaced.map((s: { replaces: { line: number; lines: string[] } }) => [s.replaces.line, s.replaces.lines])).toEqual([...fixes.entries()].sort((a, b) => a[0] - b[0]));
    // Nothing is appended for what a fix already covers (src/.env.local, web/coverage).
    const appended = doc.suggestions.filter((s: { replaces: unknown }) => s.replaces === null).map((s: { line: string }) => s.line);
    expect(appended).not.toContain('src/.env.local');
    expect(appended.some((l: string) => l.includes('coverage'))).toBe(false);

    const written = readFileSync(join(d.path, '.dockerignore'), 'latin1');
    // The fixes in place, then what suggest appends (no final newline before: the file had none).
    expect(written.slice(0, EXPECTED.length)).toBe(EXPECTED);
    const after = await lint(d.path);
    const fixedLines = written.split('\r\n').flatMap((l, k) => (EXPECTED.split('\r\n').slice(2).includes(l) && !l.startsWith('#') ? [k + 1] : []));
    expect(after.filter((f) => fixedLines.includes(f.line) && f.code !== 'dead-rule')).toEqual([]);
    expect(after.filter((f) => f.replacement !== null)).toEqual([]);
  });

  it('does not write a fix that would exclude what the Dockerfile copies', async () => {
    const d = await fixture([
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY docs/guide.md /\n' },
      { file: '.dockerignore', content: '*.md\n' },
      { file: 'README.md', content: 'readme\n' },
      { file: 'docs/guide.md', content: 'guide\n' },
    ]);
    dirs.push(d);
    const findings = await lint(d.path);
    expect(findings.find((f) => f.code === 'anchored-name')?.replacement).toEqual(['**/*.md']);
    const r = await runCli(['suggest', '--write', '--no-gitignore', '--json'], { cwd: d.path });
    expect(JSON.parse(r.stdout).suggestions).toEqual([]);
    expect(readFileSync(join(d.path, '.dockerignore'), 'utf8')).toBe('*.md\n');
  });
});
