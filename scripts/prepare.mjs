// The root package's `prepare`: makes the bundled CLI (packages/cli/dist/ctxlens.mjs), the bin of
// this repository when it is installed from git: by pre-commit's `language: node`, or by
// `npm install -g git+https://…`. dist/ is not committed, so a clone has no bundle yet.
//
// It writes nothing on stdout: pre-commit 3.x reads the tarball's name from `npm pack`'s stdout,
// which runs this script first (the root .npmrc keeps npm's own banner off stdout too).
//
// It does not rely on the devDependencies being there: npm prepares a git dependency by running
// `npm install` in its clone, but under `npm install -g` (pre-commit 4.4+) that inner install
// inherits `global` and leaves the clone's node_modules empty. When esbuild cannot be found, the
// packages the bundle is made from are installed here, into this directory, first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function canResolve(name) {
  try {
    createRequire(`${root}package.json`).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  // stdout of the children goes to our stderr, so nothing reaches npm pack's stdout.
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, npm_config_global: 'false' } });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(`ctxlens prepare: \`${command} ${args.join(' ')}\` failed with exit code ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}

if (!canResolve('esbuild')) {
  process.stderr.write('ctxlens prepare: esbuild is not installed; installing the devDependencies the CLI bundle is built from\n');
  // --ignore-scripts: this script is the root's prepare, which a plain install would run again.
  // esbuild finds its binary in its platform package without its postinstall.
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--prefix', root, '--global=false', '--include=dev', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
}
run(process.execPath, [`${root}scripts/bundle-cli.mjs`]);
