// The README's library example must run as written.
import { buildTree, makeTempDir } from '@ctxlens/test-fixtures';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

it('the README library example runs as written and prints real figures', async () => {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code).toBeDefined();
  const tmp = await makeTempDir('ctxlens-readme-');
  try {
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM node:20\n' },
      { file: '.dockerignore', content: 'node_modules\n' },
      { file: 'node_modules/left-pad/index.js', size: 4000 },
      { file: 'src/index.js', content: 'console.log(1)\n' },
      { file: 'coverage/lcov.info', size: 9000 },
    ]);
    // Inside test-fixtures so the tsconfig maps @ctxlens/core to its sources.
    const script = path.join(repo, 'test-fixtures/src/readme-example.tmp.ts');
    fs.writeFileSync(script, code!);
    try {
      const child = spawnSync(path.join(repo, 'node_modules/.bin/tsx'), [script], {
        cwd: tmp.path,
        encoding: 'utf8',
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(repo, 'test-fixtures/tsconfig.json') },
      });
      expect(child.stderr).toBe('');
      const lines = child.stdout.trim().split('\n');
      // Legacy tar: .dockerignore 1024 + Dockerfile 1024 + coverage/ 512 + lcov.info 512+9216
      // + src/ 512 + index.js 1024 + trailer 1024 = 14848; node_modules adds 512+512+512+4096.
      expect(lines[0]).toBe('4 files, 14.85kB (without .dockerignore: 20.48kB)');
      expect(lines[1]).toBe('file .dockerignore 13 1024');
      expect(lines).toContain('excluded by ' + path.join(tmp.path, '.dockerignore') + ':1');
      expect(lines.at(-1)).toBe('4.608kB'); // coverage/ and lcov.info gone: 14848 - 10240
    } finally {
      fs.rmSync(script, { force: true });
    }
  } finally {
    await tmp.cleanup();
  }
});
