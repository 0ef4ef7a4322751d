// Content detection over a context: which files are read (sent, candidate names, small, regular,
// not below a dependency directory), and how findings reach every secret report.
import { buildTree, fakeChars, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import * as nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContext, computeContextWithBaseline } from '../context/compute-context.js';
import type { Inventory } from '../inventory/inventory.js';
import { findCategoryHits } from './category-hits.js';
import { isSecretContentCandidate, readInventoryFile, readSmallRegularFile, SECRET_CONTENT_MAX_BYTES, type SecretContentReader } from './secret-content-scan.js';
import { secretAtPath } from './secret-at-path.js';
import { secretsFlow } from './secrets-flow.js';

const token = `ghp_${fakeChars(36)}`;
const gcpKey = `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${fakeChars(64)}\\n-----END PRIVATE KEY-----\\n"\n}\n`;

let root: TempDir;
let dir: string;
beforeAll(async () => {
  root = await makeTempDir('ctxlens-secret-content-');
  dir = nodePath.join(root.path, 'ctx');
  await buildTree(root.path, [
    { file: 'outside/token.txt', content: `${token}\n` },
    { file: 'ctx/Dockerfile', content: 'FROM scratch\nCOPY src /app/src\n' },
    { file: 'ctx/.dockerignore', content: 'excluded\n' },
    { file: 'ctx/.env', content: 'A=1\n' },
    { file: 'ctx/src/.env.local', content: `GH=${token}\n` },
    { file: 'ctx/src/index.ts', content: `// ${token}\n` },
    { file: 'ctx/config/gcp-sa.json', content: gcpKey },
    { file: 'ctx/secrets.txt', content: `deploy\n${token}\n` },
    { file: 'ctx/.npmrc', content: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' },
    { file: 'ctx/big.txt', content: `${token}\n${'x'.repeat(SECRET_CONTENT_MAX_BYTES)}` },
    { file: 'ctx/logo.txt', content: `\u0000PNG ${token}\n` },
    { symlink: 'ctx/leak.txt', target: '../outside/token.txt' },
    { file: 'ctx/excluded/token.txt', content: `${token}\n` },
    { file: 'ctx/node_modules/pkg/test/key.json', content: gcpKey },
  ]);
});
afterAll(() => root.cleanup());

/** A reader that records what it reads. */
function spy(): { read: SecretContentReader; paths: string[] } {
  const paths: string[] = [];
  return { paths, read: (inv: Inventory, i: number) => (paths.push(inv.path(i)), readInventoryFile(inv, i)) };
}

describe('content detection over a context', () => {
  it('legacy builder: finds secrets by content in sent candidate files, reads nothing else', async () => {
    const { context } = await computeContextWithBaseline(dir, { builder: 'legacy' });
    const { read, paths } = spy();
    const hits = findCategoryHits(context, { categories: ['secrets'], readContent: read });
    expect(hits.map((h) => [h.path, h.findings.map((f) => `${f.detector}@${f.line}`)]).sort()).toEqual([
      ['.env', []],
      ['config/gcp-sa.json', ['gcp-service-account@3']],
      ['secrets.txt', ['github-token@2']],
      ['src/.env.local', ['github-token@1']],
    ]);
    expect(hits.find((h) => h.path === 'secrets.txt')?.reason).toBe('GitHub token (ghp_…) on line 2');
    expect(hits.find((h) => h.path === 'src/.env.local')?.reason).toBe('environment file (.env*); content: GitHub token (ghp_…) on line 1');
    // Read: small sent candidates only. Not src/index.ts (not a candidate), big.txt (over the cap),
    // leak.txt (a symlink), excluded/ (not sent), node_modules (dependencies).
    expect(paths.sort()).toEqual(['.env', '.npmrc', 'config/gcp-sa.json', 'logo.txt', 'secrets.txt', 'src/.env.local']);
  });

  it('BuildKit: only what the Dockerfile asks for is read; secrets by name still show as not sent', async () => {
    const ctx = await computeContext(dir, { builder: 'buildkit', wholeContext: false });
    const { read, paths } = spy();
    const report = secretsFlow(ctx, {});
    const hits = findCategoryHits(ctx, { categories: ['secrets'], readContent: read });
    expect(paths).toEqual(['src/.env.local']);
    expect(hits.map((h) => h.path)).toEqual(['src/.env.local']);
    expect(report.files.map((f) => [f.path, f.reach, f.findings.map((x) => x.detector)])).toEqual([
      ['src/.env.local', 'shipped', ['github-token']],
      ['.env', 'not-sent', []],
    ]);
  });

  it('the reader never follows a symlink, and refuses what is over the cap', () => {
    expect(readSmallRegularFile(nodePath.join(dir, 'leak.txt'))).toBeUndefined();
    expect(readSmallRegularFile(nodePath.join(dir, 'big.txt'))).toBeUndefined();
    expect(readSmallRegularFile(nodePath.join(dir, 'secrets.txt'))?.toString()).toBe(`deploy\n${token}\n`);
  });
});

describe('isSecretContentCandidate', () => {
  it.each([
    ['.env', true], ['.env.production', true], ['.npmrc', true], ['credentials', true], ['id_deploy', true], ['id_deploy.pub', false],
    ['gcp-sa.json', true], ['secrets.txt', true], ['app.yaml', true], ['server.KEY', true], ['my_api_token', true], ['db-password', true],
    ['index.ts', false], ['README.md', false], ['logo.png', false], ['Makefile', false], ['json', false],
  ] as const)('%s -> %s', (name, expected) => {
    expect(isSecretContentCandidate(name)).toBe(expected);
  });
});

describe('secretAtPath (explain)', () => {
  it.each([
    { path: '.env', sent: true, expected: 'environment file (.env*)' },
    { path: 'secrets.txt', sent: true, expected: 'GitHub token (ghp_…) on line 2' },
    { path: 'config/gcp-sa.json', sent: true, expected: 'Google Cloud service-account key (PRIVATE KEY…) on line 3' },
    { path: 'secrets.txt', sent: false, expected: undefined },
    { path: 'node_modules/pkg/test/key.json', sent: true, expected: undefined },
    { path: 'leak.txt', sent: true, expected: undefined },
    { path: 'src/index.ts', sent: true, expected: undefined },
    { path: 'no/such/file.txt', sent: true, expected: undefined },
    { path: '../outside/token.txt', sent: true, expected: undefined },
  ])('$path (sent: $sent) -> $expected', ({ path, sent, expected }) => {
    expect(secretAtPath(dir, path, sent)?.reason).toBe(expected);
  });
});
