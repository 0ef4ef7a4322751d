// The root package's `prepare`: makes the bundled CLI (packages/cli/dist/ctxlens.mjs), the bin of
// this repository when it is installed from git: by pre-commit's `language: node`, by the GitHub
// Action (action.yml), or by `npm install -g git+https://…`. dist/ is not committed, so a clone
// has no bundle yet.
//
// It writes nothing on stdout: pre-commit 3.x reads the tarball's name from `npm pack`'s stdout,
// which runs this script first (the root .npmrc keeps npm's own banner off stdout too).
//
// It does not rely on the devDependencies being there: npm prepares a git dependency by running
// `npm install` in its clone, but under `npm install -g` (pre-commit 4.4+) that inner install
// inherits `global` and leaves the clone's node_modules empty. When esbuild cannot be found, only
// the packages the bundle is made from are installed, apart (node_modules/.ctxlens-bundle), at the
// versions the root package.json allows.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What scripts/bundle-cli.mjs needs: esbuild, and every package the bundle holds. */
const BUNDLE_INPUTS = ['esbuild', 'ink', 'react', 'yargs', 'ignore'];

function canResolve(name) {
  try {
    createRequire(`${root}package.json`).resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment for our own npm: without the settings of the `npm install -g` that prepares this
 * repository, which npm passes down as npm_config_* and which a project install refuses
 * (--allow-scripts: EALLOWSCRIPTS) or obeys wrongly (global).
 */
function childEnv(extra) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (/^npm_config_(global|allow_scripts|location)$/i.test(key)) delete env[key];
  return env;
}

function run(command, args, env = {}) {
  // The children's stdout goes to our stderr, so nothing reaches npm pack's stdout.
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2], env: childEnv(env) });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(`ctxlens prepare: \`${command} ${args.join(' ')}\` failed with exit code ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}

let env = {};
if (!canResolve('esbuild')) {
  const dir = `${root}node_modules/.ctxlens-bundle`;
  const ranges = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).devDependencies;
  const specs = BUNDLE_INPUTS.map((name) => `${name}@${ranges[name]}`);
  process.stderr.write(`ctxlens prepare: esbuild is not installed; installing ${specs.join(' ')} into ${dir} to bundle the CLI\n`);
  mkdirSync(dir, { recursive: true });
  // A package.json of its own, so npm does not take the workspace's for this project.
  writeFileSync(`${dir}/package.json`, '{ "private": true }\n');
  // --global=false: a git dependency is prepared with the `npm install -g` environment.
  // --ignore-scripts: esbuild finds its binary in its platform package without its postinstall.
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--prefix', dir, '--global=false', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...specs]);
  env = { CTXLENS_BUNDLE_NODE_MODULES: `${dir}/node_modules` };
}
run(process.execPath, [`${root}scripts/bundle-cli.mjs`], env);
