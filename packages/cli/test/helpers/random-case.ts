// Random contexts and ignore files for checking the CLI against the engine: small trees with
// recurring names, and rules drawn from those names with Docker's pattern forms (globs, `**`,
// exceptions, anchored paths), so that parent matching, exceptions and pruning all come up.
import type { TreeSpec } from '@ctxlens/test-fixtures';

/** A seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function rng(seed: number): { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
  };
}

const DIRS = ['src', 'build', 'node_modules', 'docs', 'a', 'lib', '.git'];
const FILES = ['index.js', 'app.map', 'README.md', 'x.txt', '.env', 'b.go', 'keep.txt'];

/** A random case: the tree, the ignore file, and every path in the tree. */
export interface RandomCase {
  readonly spec: TreeSpec;
  readonly dockerignore: string;
  readonly paths: string[];
}

/**
 * Generates one case from a seed.
 * @returns the tree spec, .dockerignore content and all paths (files and directories)
 */
export function randomCase(seed: number): RandomCase {
  const r = rng(seed);
  const paths = new Set<string>();
  const spec: { file: string; content: string }[] = [{ file: 'Dockerfile', content: 'FROM scratch\n' }];
  const dirs: string[] = [''];
  for (let i = 0; i < r.int(3, 8); i++) {
    const parent = r.pick(dirs);
    const dir = parent === '' ? r.pick(DIRS) : `${parent}/${r.pick(DIRS)}`;
    if (!dirs.includes(dir) && dir.split('/').length <= 4) dirs.push(dir);
  }
  for (let i = 0; i < r.int(6, 20); i++) {
    const dir = r.pick(dirs);
    const file = dir === '' ? r.pick(FILES) : `${dir}/${r.pick(FILES)}`;
    if (dirs.includes(file) || spec.some((s) => s.file === file)) continue;
    spec.push({ file, content: file });
  }
  // Files only: a directory that also holds a file of the same path would clash.
  const files = spec.filter((s) => !dirs.some((d) => d !== '' && (s.file === d || d.startsWith(s.file + '/'))));
  for (const f of files) {
    const parts = f.file.split('/');
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('/'));
  }
  const names = [...new Set([...paths].flatMap((p) => p.split('/')))];
  const somePath = (): string => r.pick([...paths]);
  const forms: (() => string)[] = [
    () => r.pick(names),
    () => `**/${r.pick(names)}`,
    () => somePath(),
    () => `${somePath()}/*`,
    () => `${somePath()}/**`,
    () => `*.${r.pick(['js', 'map', 'md', 'txt', 'go'])}`,
    () => `**/*.${r.pick(['js', 'map', 'md', 'txt', 'go'])}`,
    () => `${r.pick(DIRS)}/**/${r.pick(FILES)}`,
    () => `?${r.pick(names).slice(1)}`,
    () => `[a-m]*`,
    () => `/${somePath()}`,
    () => '*',
  ];
  const lines: string[] = [];
  for (let i = 0; i < r.int(1, 6); i++) lines.push((r.chance(0.35) ? '!' : '') + r.pick(forms)());
  return { spec: [...files, { file: '.dockerignore', content: lines.join('\n') + '\n' }], dockerignore: lines.join('\n') + '\n', paths: [...paths, '.dockerignore', 'Dockerfile'] };
}
