import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline } from '../context/compute-context.js';
import { findCategoryHits } from './category-hits.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await makeTempDir('ctxlens-categories-');
  await buildTree(dir.path, [
    { file: 'Dockerfile' },
    { file: '.env', content: 'A=1' },
    { file: 'config/.env.production', content: 'A=1' },
    { file: '.env.example', content: 'A=' },
    { file: 'id_ed25519', content: 'k' },
    { file: 'id_ed25519.pub', content: 'k' },
    { file: 'tls/server.pem', content: '-----BEGIN EC PRIVATE KEY-----\n' },
    { file: 'tls/ca.pem', content: '-----BEGIN CERTIFICATE-----\n' },
    { file: '.npmrc', content: 'registry=https://x\n' },
    { file: 'sa-key.json', content: '{"type": "service_account", "private_key": "x"}' },
    { file: 'package.json', content: '{}' },
    { file: '.git/HEAD', content: 'ref' },
    { file: 'node_modules/x/.env', content: 'fixture' },
    { file: 'web/node_modules/y/i.js', size: 300 },
    { file: 'vendor/a.go', content: 'package a' },
    { file: 'coverage/lcov.info', content: 'x' },
    { file: 'debug.log', size: 10 },
    { file: 'srv/x.log.3', size: 5 },
    { file: 'a/__pycache__/m.pyc', size: 7 },
    { file: 'b/.DS_Store', size: 1 },
  ]);
});
afterAll(() => dir.cleanup());

describe('findCategoryHits', () => {
  it('finds each category, outermost directories once, secrets outside dependency directories only', async () => {
    const { context } = await computeContextWithBaseline(dir.path, { wholeContext: true });
    const hits = findCategoryHits(context, { categories: ['secrets', 'vcs', 'dependencies', 'test-output', 'logs', 'caches'] });
    const got = hits.map((h) => `${h.category} ${h.path} -> ${h.pattern}`).sort();
    expect(got).toEqual(
      [
        'caches a/__pycache__ -> **/__pycache__',
        'caches b/.DS_Store -> **/.DS_Store',
        'dependencies node_modules -> node_modules',
        'dependencies vendor -> vendor',
        'dependencies web/node_modules -> **/node_modules',
        'logs debug.log -> *.log',
        'logs srv/x.log.3 -> **/*.log.*',
        'secrets .env -> .env',
        'secrets config/.env.production -> config/.env.production',
        'secrets id_ed25519 -> id_ed25519',
        'secrets sa-key.json -> sa-key.json',
        'secrets tls/server.pem -> tls/server.pem',
        'test-output coverage -> coverage',
        'vcs .git -> .git',
      ].sort(),
    );
  });

  it('reports only what is sent', async () => {
    const { evaluateRules } = await import('../context/compute-context.js');
    const { context } = await computeContextWithBaseline(dir.path, { wholeContext: true });
    const trimmed = evaluateRules(context, { rules: ['**/node_modules', '.env*'] });
    const hits = findCategoryHits(trimmed, { categories: ['dependencies', 'secrets'] }).map((h) => h.path);
    expect(hits).not.toContain('node_modules');
    expect(hits).not.toContain('.env');
    expect(hits).toContain('config/.env.production');
  });
});
