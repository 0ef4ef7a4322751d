// Fixture trees for the e2e tests, built with the shared tree builder.
import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';

/** A fixed mtime, so tar sizes are the same on every run. */
export const MTIME = new Date('2024-01-02T03:04:05Z');

/**
 * Creates a temporary directory holding `spec`.
 * @returns the directory (call cleanup() in afterEach/afterAll)
 */
export async function fixture(spec: TreeSpec, prefix = 'ctxlens-e2e-'): Promise<TempDir> {
  const dir = await makeTempDir(prefix);
  await buildTree(dir.path, spec, { mtime: MTIME });
  return dir;
}

/** A small web project: sources, dependencies, VCS data, test output, logs and a secret. */
export const WEB_PROJECT: TreeSpec = [
  { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
  { file: 'package.json', content: '{"name":"web"}\n' },
  { file: 'src/index.js', content: 'console.log(1)\n' },
  { file: 'src/util.js', content: 'export {}\n' },
  { file: 'node_modules/left-pad/index.js', size: 40_000 },
  { file: 'node_modules/left-pad/package.json', content: '{}' },
  { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
  { file: '.git/objects/pack/pack-1.pack', size: 120_000 },
  { file: 'coverage/lcov-report/index.html', size: 9_000 },
  { file: 'logs/app.log', size: 3_000 },
  { file: '.env', content: 'API_KEY=secret\n' },
  { file: '.env.example', content: 'API_KEY=\n' },
  { file: 'assets/video.mp4', size: 2_000_000 },
];
