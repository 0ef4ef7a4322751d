// What the golden rule's allowlist (`ctxlens suggest --allowlist`) saves on project-shaped fixtures,
// printed for docs/golden-rule.md and checked against the real legacy builder (Docker CLI 28, fake
// daemon): the upload must shrink by exactly the tar bytes allowlistIgnoreFile predicts.
// Fixtures: the Node project of issue 12 (a Dockerfile that copies package*.json, src, dist and
// node_modules), without and with a partial .dockerignore, and the course's product-api project with
// its multi-stage Dockerfile (whose builder stage reads the whole context: no allowlist).
import { writeFile } from 'node:fs/promises';
import { allowlistIgnoreFile, computeContext } from '@ctxlens/core';
import { buildTree, COURSE_MULTI_STAGE_DOCKERFILE, courseProjectSpec, dockerCliStatus, type FakeDaemon, makeTempDir, runLegacyBuild, startFakeDaemon, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, describe, expect, it } from 'vitest';

const cli = dockerCliStatus();
const daemon: FakeDaemon | null = cli.available ? await startFakeDaemon() : null;
const dirs: TempDir[] = [];
afterAll(async () => {
  for (const d of dirs) await d.cleanup();
  await daemon?.close();
});

const bytes = (n: number, c = 'x'): string => c.repeat(n);
const NODE_PROJECT: TreeSpec = [
  { file: 'package.json', content: '{"name":"api","main":"dist/index.js","scripts":{"build":"tsc"}}\n' },
  { file: 'package-lock.json', content: bytes(12_000) },
  { file: 'src/index.ts', content: bytes(600) },
  { file: 'src/routes/products.ts', content: bytes(900) },
  { file: 'dist/index.js', content: bytes(2_500) },
  { file: 'dist/index.js.map', content: bytes(4_000) },
  { file: 'node_modules/express/package.json', content: bytes(1_200) },
  { file: 'node_modules/express/index.js', content: bytes(20_000) },
  { file: 'node_modules/express/lib/router.js', content: bytes(30_000) },
  { file: 'node_modules/.package-lock.json', content: bytes(8_000) },
  { file: 'tests/api.test.ts', content: bytes(1_200) },
  { file: 'coverage/lcov.info', content: bytes(8_000) },
  { file: 'coverage/index.html', content: bytes(15_000) },
  { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
  { file: '.git/objects/pack/pack-1.pack', content: bytes(60_000) },
  { file: '.git/index', content: bytes(3_000) },
  { file: 'docs/architecture.md', content: bytes(4_000) },
  { file: 'README.md', content: bytes(900) },
  { file: '.env', content: 'DATABASE_URL=postgres://u:p@db/api\n' },
  { file: 'npm-debug.log', content: bytes(2_000) },
  { file: 'Dockerfile', content: 'x' },
];
const NODE_DOCKERFILE = 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nCOPY node_modules ./node_modules\nCOPY dist ./dist\nCOPY src ./src\nUSER node\nCMD ["node", "dist/index.js"]\n';

interface Fixture {
  readonly name: string;
  readonly tree: TreeSpec;
  readonly dockerfile: string;
  /** Figures the allowlist must give: [eligible files, eligible bytes, legacy tar bytes, BuildKit sent bytes], or the reason there is none. BuildKit already sends only what the Dockerfile names: it saves nothing there. */
  readonly expected: readonly [number, number, number, number] | RegExp;
}

const FIXTURES: readonly Fixture[] = [
  { name: "issue 12's Node project, no .dockerignore", tree: NODE_PROJECT, dockerfile: NODE_DOCKERFILE, expected: [11, 94_157, 105_984, 0] },
  { name: "issue 12's Node project, .dockerignore: .git, coverage, *.log", tree: [...NODE_PROJECT, { file: '.dockerignore', content: '.git\ncoverage\n*.log\n' }], dockerfile: NODE_DOCKERFILE, expected: [6, 6_156, 11_264, 0] },
  { name: "the course's product-api project, multi-stage Dockerfile", tree: courseProjectSpec(), dockerfile: COURSE_MULTI_STAGE_DOCKERFILE, expected: /reads the whole context/ },
];

/**
 * The legacy upload's context entries, as tar bytes (a header and the padded content each): the
 * ignore file's entry and the Dockerfile the client adds for `-f -` are left aside, since the client
 * always sends both and the ignore file's size changes with the rules; the stream's unpadded end
 * (the client sends no trailer) is left aside by counting entries, not the stream.
 */
async function legacyUpload(dir: string, dockerfile: string): Promise<number> {
  const r = await runLegacyBuild(daemon!, dir, { dockerfile: '-', stdin: dockerfile });
  if (!r.uploaded) throw new Error(`the legacy client sent nothing: ${r.error ?? ''}`);
  const context = r.entries.filter((e) => e.name !== '.dockerignore' && !e.name.startsWith('.dockerfile.'));
  expect(context.every((e) => e.name.length < 100)).toBe(true);
  return context.reduce((n, e) => n + 512 + Math.ceil(e.size / 512) * 512, 0);
}

describe.skipIf(daemon === null)(`the allowlist's savings on project-shaped fixtures${daemon === null ? ' [skipped: no Docker CLI]' : ''}`, () => {
  it.each(FIXTURES)('$name', async (f) => {
    const tmp = await makeTempDir('ctxlens-allow-save-');
    dirs.push(tmp);
    await buildTree(tmp.path, f.tree);
    const ctx = await computeContext(tmp.path, { builder: 'buildkit', dockerfileText: f.dockerfile });
    const allow = allowlistIgnoreFile(ctx);
    const s = allow.saved;
    console.log(`${f.name}: eligible ${ctx.eligibleWalk().state.length} entries; allowlist ${allow.reason ?? allow.lines.join(' ')}; saves eligible ${s.eligibleFiles} files ${s.eligibleBytes} B, legacy tar ${s.legacyTarBytes} B, BuildKit sent ${s.sentFiles} files ${s.sentBytes} B`);
    if (f.expected instanceof RegExp) {
      expect(allow.text).toBeUndefined();
      expect(allow.reason).toMatch(f.expected);
      return;
    }
    expect([s.eligibleFiles, s.eligibleBytes, s.legacyTarBytes, s.sentBytes]).toEqual(f.expected);
    const before = await legacyUpload(tmp.path, f.dockerfile);
    await writeFile(`${tmp.path}/.dockerignore`, allow.text!);
    const after = await legacyUpload(tmp.path, f.dockerfile);
    console.log(`  real legacy upload (ignore file aside): ${before} -> ${after} tar bytes`);
    expect(before - after).toBe(s.legacyTarBytes);
  });
});
