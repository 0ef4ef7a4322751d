// `suggest` never breaks the build: its lines (under both builders) and the golden rule's allowlist
// (`suggest --allowlist --write`) are written, then the real BuildKit builds the same Dockerfile.
import { computeContextWithBaseline, evaluateRules, suggestIgnoreLines } from '@ctxlens/core';
import { buildkitOracleOrSkip, makeBuildkitContext, runBuildkitBuild, type TreeSpec } from '@ctxlens/test-fixtures';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuggest } from '../src/commands/suggest.js';
import { fakeIo } from './helpers/fake-io.js';

interface Case {
  readonly name: string;
  readonly tree: TreeSpec;
  readonly buildArgs?: Record<string, string>;
  /** Lines an unguarded suggest would propose and that would break the build. */
  readonly unsafe: readonly string[];
}

const USER_FILE = '# my rules\n*.log\n';
const CASES: readonly Case[] = [
  {
    name: 'Node: the Dockerfile copies dist and node_modules, which .gitignore lists',
    tree: [
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY package*.json /app/\nCOPY dist /app/dist\nCOPY node_modules /app/node_modules\n' },
      { file: '.dockerignore', content: USER_FILE },
      { file: '.gitignore', content: 'dist\nnode_modules\ncoverage\n.env\n' },
      { file: 'package.json', content: '{}\n' },
      { file: 'package-lock.json', content: '{}\n' },
      { file: 'dist/index.js', size: 3000 },
      // Sent by BuildKit too (inside a source): something for its view to propose.
      { file: 'dist/.env', content: 'TOKEN=y\n' },
      { file: 'node_modules/x/index.js', size: 20_000 },
      { file: 'src/index.js', size: 2000 },
      { file: 'coverage/lcov.info', size: 9000 },
      { file: '.env', content: 'TOKEN=x\n' },
      { file: 'app.log', size: 100 },
    ],
    unsafe: ['**/dist', '**/node_modules', 'dist', 'node_modules'],
  },
  {
    name: 'multi-stage: a glob and COPY --from',
    tree: [
      { file: 'Dockerfile', content: 'FROM scratch AS build\nCOPY src /src\nCOPY tools/*.sh /tools/\nFROM scratch\nCOPY --from=build /src /app\nCOPY config/app.yml /etc/app.yml\n' },
      { file: '.dockerignore', content: USER_FILE },
      { file: '.gitignore', content: 'tools/*.sh\nconfig\ntmp\n' },
      { file: 'src/main.go', size: 1000 },
      { file: 'src/node_modules/z/z.js', size: 6000 },
      { file: 'tools/gen.sh', size: 500 },
      { file: 'config/app.yml', size: 50 },
      { file: 'tmp/cache.bin', size: 30_000 },
      { file: 'node_modules/y/y.js', size: 8000 },
    ],
    unsafe: ['tools/*.sh', 'config', '**/config'],
  },
  {
    name: 'an ARG-expanded source',
    tree: [
      { file: 'Dockerfile', content: 'ARG OUT=build\nFROM scratch\nARG OUT\nCOPY ${OUT}/ /out/\n' },
      { file: '.dockerignore', content: USER_FILE },
      { file: '.gitignore', content: 'build\n.cache\n' },
      { file: 'build/a.js', size: 4000 },
      { file: 'build/coverage/lcov.info', size: 5000 },
      { file: '.cache/x', size: 7000 },
      { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
    ],
    unsafe: ['build', '**/build'],
  },
];

const { oracle, skipped } = await buildkitOracleOrSkip();

async function suggest(dir: string, flags: { builder: 'buildkit' | 'legacy'; allowlist: boolean; write: boolean }): Promise<{ code: number; json: Record<string, unknown>; err: string }> {
  const io = fakeIo({ cwd: dir });
  const code = await runSuggest({ dir: '.', buildArgs: {}, wholeContext: false, quiet: false, json: true, gitignore: true, limit: 20, ...flags }, io);
  return { code, json: JSON.parse(io.out()) as Record<string, unknown>, err: io.err() };
}

describe.skipIf(oracle === null)(`suggest keeps the real BuildKit build green${skipped}`, () => {
  it.each(CASES.flatMap((c) => (['buildkit', 'legacy'] as const).map((builder) => ({ ...c, builder }))))('$name, lines from the $builder view', async (c) => {
    const made = await makeBuildkitContext(oracle!, c.tree);
    try {
      const before = await runBuildkitBuild(oracle!, { dir: made.dir });
      expect(before.ok, before.error).toBe(true);
      if (c.builder === 'legacy') {
        // Control: without the guard, the legacy view proposes a line that breaks the build.
        const { context } = await computeContextWithBaseline(made.dir, { builder: 'buildkit' });
        const own = context.ignoreFile?.source.lines.map((l) => l.text) ?? [];
        const unguarded = suggestIgnoreLines(evaluateRules(context, { rules: own, builder: 'legacy' })).suggestions.map((x) => x.line);
        expect(unguarded.filter((l) => c.unsafe.includes(l))).not.toEqual([]);
      }
      const r = await suggest(made.dir, { builder: c.builder, allowlist: false, write: true });
      expect(r.code, r.err).toBe(0);
      const lines = (r.json.suggestions as { line: string }[]).map((s) => s.line);
      // The case is only a test if suggest proposes something, and none of the lines that break the
      // build. Under BuildKit everything sent is used here (no COPY .): nothing to propose.
      if (c.builder === 'legacy') expect(lines.length).toBeGreaterThan(0);
      else expect(lines).toEqual([]);
      if (lines.length === 0) return;
      for (const bad of c.unsafe) expect(lines).not.toContain(bad);
      expect(r.json.written).toBe(true);
      const after = await runBuildkitBuild(oracle!, { dir: made.dir });
      expect(after.ok, `${lines.join(', ')}: ${after.error}`).toBe(true);
    } finally {
      await made.cleanup();
    }
  }, 120_000);

  it('a COPY . . under BuildKit: lines are proposed, written, and the build stays green', async () => {
    const made = await makeBuildkitContext(oracle!, [
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /app\n' },
      { file: '.gitignore', content: 'node_modules\n' },
      { file: 'node_modules/a/a.js', size: 9000 },
      { file: '.env', content: 'K=v\n' },
      { file: 'index.js', size: 100 },
    ]);
    try {
      const r = await suggest(made.dir, { builder: 'buildkit', allowlist: false, write: true });
      expect((r.json.suggestions as { line: string }[]).map((s) => s.line)).toEqual(['.env', '**/node_modules']);
      const build = await runBuildkitBuild(oracle!, { dir: made.dir });
      expect(build.ok, build.error).toBe(true);
      expect(build.received.map((e) => e.path)).not.toContain('.env');
    } finally {
      await made.cleanup();
    }
  }, 120_000);

  it.each(CASES)('$name: the allowlist, written, keeps the build green and sends what was predicted', async (c) => {
    const made = await makeBuildkitContext(oracle!, c.tree);
    try {
      const r = await suggest(made.dir, { builder: 'buildkit', allowlist: true, write: true });
      expect(r.code, r.err).toBe(0);
      expect(r.json.written).toBe(true);
      const written = readFileSync(path.join(made.dir, '.dockerignore'), 'utf8');
      // `*` and the `!` lines first, then the user's file as it was.
      expect(written.split('\n')[1]).toBe('*');
      expect(written.endsWith(USER_FILE)).toBe(true);
      const saved = r.json.saved as { eligibleBytes: number; sentBytes: number };
      expect(saved.eligibleBytes).toBeGreaterThan(0);
      const build = await runBuildkitBuild(oracle!, { dir: made.dir });
      expect(build.ok, `${written}: ${build.error}`).toBe(true);
      // What BuildKit sends now, predicted by the same command on the written file.
      const again = await suggest(made.dir, { builder: 'buildkit', allowlist: true, write: false });
      expect((again.json.saved as { eligibleBytes: number }).eligibleBytes).toBe(0);
    } finally {
      await made.cleanup();
    }
  }, 120_000);
});
