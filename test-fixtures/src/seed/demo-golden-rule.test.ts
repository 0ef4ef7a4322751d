// The demo's golden-rule report on a small tree shaped like the seed project: the course's
// multi-stage Dockerfile reads the whole context in its builder stage (so everything sent is used,
// two manifests ship, and there is no allowlist), while a Dockerfile that copies a subset gets an
// allowlist that saves exactly the files nothing uses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTree } from '../trees/build-tree.js';
import { makeTempDir, type TempDir } from '../trees/make-temp-dir.js';
import { formatGoldenRuleReport, goldenRuleReport } from './demo-golden-rule.js';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-demo-golden-');
  await buildTree(tmp.path, [
    { file: 'package.json', content: '{"name":"product-api"}' },
    { file: 'package-lock.json', content: 'x'.repeat(1000) },
    { file: 'src/server.js', content: 'x'.repeat(300) },
    { file: 'tests/api.test.js', content: 'x'.repeat(200) },
    { file: 'README.md', content: 'x'.repeat(50) },
    { file: 'node_modules/express/index.js', content: 'x'.repeat(5000) },
    { file: '.dockerignore', content: 'node_modules\n' },
  ]);
});
afterEach(() => tmp.cleanup());

describe('goldenRuleReport', () => {
  it("on the course's multi-stage Dockerfile: all sent is used, package*.json ship, no allowlist", async () => {
    const r = await goldenRuleReport(tmp.path);
    // Eligible: package.json (22), package-lock.json, server.js, api.test.js, README.md, .dockerignore (13).
    expect(r.eligible).toEqual({ files: 6, bytes: 22 + 1000 + 300 + 200 + 50 + 13 });
    expect(r.used).toEqual(r.sent);
    expect(r.shipped).toEqual({ files: 2, bytes: 1022 });
    expect(r.sentUnused).toEqual([]);
    expect(r.withoutIgnoreFile.eligible.files).toBe(7);
    expect(r.allowlist.reason).toMatch(/reads the whole context/);
    expect(formatGoldenRuleReport(r).at(-1)).toContain('none, the Dockerfile reads the whole context');
  });

  it('on a Dockerfile that copies a subset: the allowlist saves what nothing uses', async () => {
    const r = await goldenRuleReport(tmp.path, 'FROM scratch\nCOPY package*.json /app/\nCOPY src /app/src\n');
    expect(r.used).toEqual({ files: 3, bytes: 1322 });
    expect(r.eligibleUnused.map((g) => g.top)).toEqual(['tests', 'README.md']);
    expect(r.allowlist.lines).toEqual(['*', '!package*.json', '!src']);
    // tests/ and README.md (250 bytes), and the .dockerignore itself (13), which `*` now excludes too.
    expect([r.allowlist.eligibleFiles, r.allowlist.eligibleBytes]).toEqual([3, 263]);
  });
});
