// `pnpm demo`: the README's first command. Generates the course's seed scenario (cached, sparse
// files), then shows what `docker build` would send with and without its .dockerignore, using the
// built CLI, and, when the Docker CLI is installed, what the real client prints for the same tree.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerCliStatus, runLegacyBuild, startFakeDaemon } from '../docker-oracle/index.js';
import { showBuildkit } from './demo-buildkit.js';
import { showGoldenRule } from './demo-golden-rule.js';
import { seedScenarioDir } from './seed-cache.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(repo, 'packages/cli/dist/ctxlens.mjs');

console.log('Generating the seed scenario (the Docker course\'s Node API project; sparse files, cached)…');
const dir = await seedScenarioDir();
console.log(`  ${dir}\n`);

const run = (args: string[]) => {
  console.log(`$ ctxlens ${args.join(' ')}`);
  const child = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  console.log();
  if (child.status !== 0) process.exit(child.status ?? 1);
};
// --no-tui: on a terminal the default command would open the interactive view; the demo prints.
run([dir, '--builder', 'legacy', '--no-tui']);

const docker = dockerCliStatus();
if (!docker.available) {
  console.log(`(Docker CLI not found: ${docker.reason}; skipping the comparison with the real client.)`);
} else {
  const daemon = await startFakeDaemon();
  const ignore = path.join(dir, '.dockerignore');
  const aside = `${ignore}.demo-aside`;
  try {
    const withIgnore = await runLegacyBuild(daemon, dir, { timeoutMs: 300_000 });
    fs.renameSync(ignore, aside);
    const without = await runLegacyBuild(daemon, dir, { timeoutMs: 300_000 });
    console.log(`The real Docker CLI (${docker.version}, legacy builder, fake daemon) prints for the same tree:`);
    console.log(`  with .dockerignore:     Sending build context to Docker daemon  ${withIgnore.printedSize}  (${withIgnore.tarBytes} bytes)`);
    console.log(`  without .dockerignore:  Sending build context to Docker daemon  ${without.printedSize}  (${without.tarBytes} bytes)`);
  } finally {
    if (fs.existsSync(aside)) fs.renameSync(aside, ignore);
    await daemon.close();
  }
}

console.log();
await showBuildkit(dir);
await showGoldenRule(dir);
