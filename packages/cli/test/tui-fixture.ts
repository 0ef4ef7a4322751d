// A small project for the TUI tests: node_modules (with a nested copy), coverage, src, .git and a
// commented .dockerignore. Big files are sparse, so the figures are large and the disk cost tiny.
import { buildTree, type TreeSpec } from '@ctxlens/test-fixtures';

/** The fixture's .dockerignore: comments, a blank line and three rules (node_modules is line 3). */
export const FIXTURE_DOCKERIGNORE = `# Build context for the demo API
# Dependencies are installed in the image
node_modules

# Version control
.git
*.log
`;

/** The fixture tree. */
export const FIXTURE_SPEC: TreeSpec = [
  { file: '.dockerignore', content: FIXTURE_DOCKERIGNORE },
  { file: 'Dockerfile', content: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "src/index.js"]\n' },
  { file: 'package.json', content: '{"name":"demo-api","version":"1.0.0"}\n' },
  { file: 'src/index.js', content: 'console.log("hi");\n', size: 2_000 },
  { file: 'src/lib/db.js', size: 6_000 },
  { file: 'src/lib/util.js', size: 3_000 },
  { file: 'node_modules/react/index.js', size: 120_000 },
  { file: 'node_modules/react/cjs/react.development.js', size: 2_000_000 },
  { file: 'node_modules/lodash/lodash.js', size: 5_000_000 },
  { file: 'node_modules/left-pad/index.js', size: 1_000 },
  { file: 'node_modules/left-pad/node_modules/lodash/lodash.js', size: 4_000_000 },
  { file: 'node_modules/.cache/webpack/pack.bin', size: 300_000_000 },
  { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
  { file: '.git/objects/pack/pack-1.pack', size: 100_000_000 },
  { file: 'coverage/lcov.info', size: 1_000_000 },
  { file: 'coverage/lcov-report/index.html', size: 3_000_000 },
  { file: 'app.log', size: 10_000_000 },
  { file: '.env', content: 'API_KEY=not-a-real-key\n' },
];

/** Fixed mtime so tar sizes (which do not depend on it below 8^11) and listings are stable. */
export const MTIME = new Date('2024-05-14T16:20:00Z');

/**
 * Builds the fixture under `dir`.
 * @returns once it exists
 */
export async function buildTuiFixture(dir: string): Promise<void> {
  await buildTree(dir, FIXTURE_SPEC, { mtime: MTIME });
}
