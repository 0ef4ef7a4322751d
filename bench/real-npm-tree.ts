// A real node_modules (issue 14): `npm ci --ignore-scripts` of bench/real-npm/package.json and its
// lockfile (a few dozen popular packages), made once into <root>/real-npm-v1 beside the Dockerfile
// and .dockerignore of bench/real-npm, as a project holding it would have. No install script runs, so nothing is fetched
// from outside the npm registry; the lockfile pins every version, so the tree is the same each time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureShape, type TreeShape } from './tree-shape.js';

/** The installed tree. */
export interface RealNpmTree {
  readonly dir: string;
  readonly shape: TreeShape;
}

/**
 * Installs (once, then reuses) the real node_modules of the bench.
 * @param manifest the directory holding package.json and package-lock.json (bench/real-npm)
 * @returns where it is and its shape
 * @throws when npm fails (its output is in the message)
 */
export function realNpmTree(root: string, manifest: string): RealNpmTree {
  const dir = path.join(root, 'real-npm-v1');
  const marker = `${dir}.json`;
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8')) as RealNpmTree;
  // Installed beside the final place, then renamed: a half-made tree never looks complete.
  const staging = `${dir}.tmp`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  for (const name of ['package.json', 'package-lock.json', 'Dockerfile', '.dockerignore']) fs.copyFileSync(path.join(manifest, name), path.join(staging, name));
  const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: staging, encoding: 'utf8', timeout: 30 * 60_000 });
  if (npm.status !== 0) throw new Error(`npm ci in ${staging} failed (${npm.status ?? npm.signal}): ${(npm.stderr || npm.stdout).slice(-2000)}\nCheck that the npm registry is reachable, then run the bench again.`);
  fs.renameSync(staging, dir);
  const tree: RealNpmTree = { dir, shape: measureShape(dir) };
  fs.writeFileSync(marker, JSON.stringify(tree));
  return tree;
}
