// `ctxlens check --max-unused`: fails when the bytes sent that the Dockerfile never uses (BuildKit's
// reads, analyzeUsage) exceed a size or a percent of what is sent; skipped when the reads are unknown.
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

beforeAll(() => ensureBuilt());

// `--exclude` filters what is used, not what BuildKit sends: docs/ and README.md are sent and never
// used (4,000 bytes), src/notes.md too (500 bytes) though src/ is used. Sent in all: 4,573 bytes.
const FILES: TreeSpec = [
  { file: 'package.json', content: '{"name":"x"}\n' },
  { file: 'src/index.js', content: 'console.log(1);\n' },
  { file: 'src/notes.md', content: 'n'.repeat(500) },
  { file: 'docs/guide.md', content: 'g'.repeat(3000) },
  { file: 'README.md', content: 'r'.repeat(1000) },
  { file: 'Dockerfile', content: 'FROM scratch\nCOPY --exclude=**/*.md . /app/\n' },
];

interface Row {
  readonly name: string;
  readonly args: readonly string[];
  readonly extra?: TreeSpec;
  readonly code: number;
  /** Lines stdout (or stderr, for exit 2) must hold. */
  readonly lines: readonly string[];
}

const ROWS: readonly Row[] = [
  { name: 'bytes: over the limit fails, biggest unused top first', args: ['--max-unused', '4kB'], code: 1, lines: ['FAIL maxUnused (4.5kB sent but never used, over the 4kB limit)', 'docs/', 'README.md', 'src/', 'sent, never used by the Dockerfile'] },
  { name: 'bytes: under the limit passes', args: ['--max-unused', '5kB'], code: 0, lines: ['PASS maxUnused (4.5kB sent but never used, limit 5kB)'] },
  { name: 'percent of what is sent: 4,500 of 4,573 bytes (the Dockerfile is sent too) is over 90%', args: ['--max-unused', '90%'], code: 1, lines: ['FAIL maxUnused (4.5kB sent but never used, over the 4.115kB limit)'] },
  { name: 'percent: 100% always passes', args: ['--max-unused', '100%'], code: 0, lines: ['PASS maxUnused'] },
  { name: 'not configured: skipped', args: [], code: 0, lines: ['SKIP maxUnused (not configured)'] },
  { name: 'the legacy builder does not read the Dockerfile: skipped', args: ['--builder', 'legacy', '--max-unused', '1'], code: 0, lines: ['SKIP maxUnused (what the Dockerfile uses is known only from the Dockerfile under BuildKit)'] },
  { name: 'from .ctxlens.json', args: [], extra: [{ file: '.ctxlens.json', content: '{"maxUnused": "50%"}\n' }], code: 1, lines: ['FAIL maxUnused'] },
  { name: 'a flag wins over the file', args: ['--max-unused', '100%'], extra: [{ file: '.ctxlens.json', content: '{"maxUnused": "1kB"}\n' }], code: 0, lines: ['PASS maxUnused'] },
  { name: 'a bad flag is bad usage', args: ['--max-unused', '120%'], code: 2, lines: ['--max-unused: "120%" is not a size or a percent'] },
  { name: 'a bad key is bad input, naming the file', args: [], extra: [{ file: '.ctxlens.json', content: '{"maxUnused": true}\n' }], code: 2, lines: ['.ctxlens.json: maxUnused true is not a size or a percent'] },
];

describe('check --max-unused', () => {
  const dirs: TempDir[] = [];
  afterAll(async () => {
    for (const d of dirs) await d.cleanup();
  });

  it.each(ROWS)('$name', async (row) => {
    const dir = await fixture([...FILES, ...(row.extra ?? [])]);
    dirs.push(dir);
    const r = await runCli(['check', '--deny', 'none', ...row.args], { cwd: dir.path });
    expect(r.code, r.stdout + r.stderr).toBe(row.code);
    for (const line of row.lines) expect(row.code === 2 ? r.stderr : r.stdout).toContain(line);
  });

  it('JSON: the figures, and an ignore line only for a top the Dockerfile uses nothing of', async () => {
    const dir = await fixture(FILES);
    dirs.push(dir);
    const r = await runCli(['check', '--deny', 'none', '--max-unused', '10%', '--json'], { cwd: dir.path });
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.config.maxUnused).toEqual({ percent: 10 });
    const rule = doc.rules.find((x: { rule: string }) => x.rule === 'maxUnused');
    expect(rule).toMatchObject({ status: 'fail', actual: 4500, limit: 457, offenderCount: 3 });
    expect(rule.offenders.map((o: Record<string, unknown>) => [o.path, o.type, o.files, o.bytes, o.suggestedLine])).toEqual([
      ['docs', 'dir', 1, 3000, 'docs'],
      ['README.md', 'file', 1, 1000, 'README.md'],
      ['src', 'dir', 1, 500, null],
    ]);
  });

  it('no Dockerfile: skipped', async () => {
    const dir = await fixture(FILES.filter((f) => !('file' in f && f.file === 'Dockerfile')));
    dirs.push(dir);
    const r = await runCli(['check', '--deny', 'none', '--max-unused', '1'], { cwd: dir.path });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('SKIP maxUnused (what the Dockerfile uses is known only from the Dockerfile under BuildKit)');
  });
});
