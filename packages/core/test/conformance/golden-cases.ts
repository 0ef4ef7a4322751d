// Random cases for the golden rule against the real BuildKit: generateDockerfileCase's tree and
// Dockerfile, plus bulky entries a project has (node_modules, .git, dist, .env…) that the
// Dockerfile sometimes copies, and an ignore file aimed at the Dockerfile's own sources: a source
// excluded, its directory excluded, a glob taking it, `!` exceptions putting it back, `*` then
// `!source`. Same seed, same case.
import { parseDockerfile, requestedPaths } from '@ctxlens/core';
import { CaseRng, generateDockerfileCase, type TreeEntry, type TreeSpec } from '@ctxlens/test-fixtures';

const entryPath = (e: TreeEntry): string => ('file' in e ? e.file : 'dir' in e ? e.dir : 'symlink' in e ? e.symlink : 'hardlink' in e ? e.hardlink : 'fifo' in e ? e.fifo : e.socket);

/** One case: a tree, a Dockerfile with its options, and an ignore file. */
export interface GoldenCase {
  readonly name: string;
  readonly tree: TreeSpec;
  readonly dockerfile: string;
  readonly dockerignore: string;
  readonly target: string | undefined;
  readonly buildArgs: Readonly<Record<string, string>>;
}

const BULK: readonly [string, number][] = [
  ['node_modules/dep/index.js', 3000],
  ['node_modules/dep/package.json', 200],
  ['.git/HEAD', 40],
  ['.git/objects/ab/cdef01', 5000],
  ['dist/app.js', 2500],
  ['coverage/lcov.info', 4000],
  ['.env', 30],
  ['logs/app.log', 1500],
];
const BULK_SOURCES = ['dist', 'node_modules', '.env', 'coverage', 'dist/app.js', 'logs/*.log'];

/** The paths each source of the case's Dockerfile requests (none when the Dockerfile is refused). */
function requested(dockerfile: string, target: string | undefined, buildArgs: Readonly<Record<string, string>>): string[] {
  try {
    const reads = requestedPaths(parseDockerfile(dockerfile), { ...(target === undefined ? {} : { target }), buildArgs });
    return reads.requests.filter((r) => !r.wholeContext).map((r) => r.path);
  } catch {
    return [];
  }
}

/**
 * The case for one seed.
 * @param runImage the image RUN steps use offline
 * @returns the tree, Dockerfile and ignore file
 */
export function goldenCase(seed: number, runImage: string): GoldenCase {
  const base = generateDockerfileCase(seed, runImage);
  const rng = new CaseRng(seed ^ 0x60d7e11);
  const tops = new Set(base.tree.map((e) => entryPath(e).split('/')[0]!));
  const taken = (p: string): boolean => tops.has(p.split('/')[0]!);
  const bulk = BULK.filter(([p]) => !taken(p));
  const tree: TreeSpec = [...base.tree, ...bulk.map(([file, n]) => ({ file, content: `${file}\n`.repeat(Math.ceil(n / (file.length + 1))) }))];
  // Missing sources fail most random Dockerfiles on their own; most cases drop them, so that what
  // the ignore file does to the build decides.
  let dockerfile = rng.chance(0.7) ? base.dockerfile.split('\n').filter((l) => !l.includes('-missing')).join('\n') : base.dockerfile;
  if (!base.meantBad && bulk.length > 0 && rng.chance(0.4)) {
    const usable = BULK_SOURCES.filter((s) => bulk.some(([p]) => p.split('/')[0] === s.split('/')[0]));
    if (usable.length > 0) dockerfile += `COPY ${rng.pick(usable)} /bulk/\n`;
  }
  const sources = requested(dockerfile, base.target, base.buildArgs);
  const lines: string[] = [];
  if (rng.chance(0.35)) lines.push(...base.dockerignore.split(/\r\n|\n|\r/).filter((l) => l !== ''));
  const picks = sources.length === 0 || rng.chance(0.45) ? 0 : rng.int(1, Math.min(3, sources.length));
  for (let k = 0; k < picks; k++) {
    const p = rng.pick(sources);
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    const name = p.slice(p.lastIndexOf('/') + 1);
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
    const shape = rng.weighted({ exact: 3, parent: 2, glob: 2, reinclude: 2, parentReinclude: 2, star: 2, starParent: 1, contents: 1, sibling: 1 });
    switch (shape) {
      case 'exact': lines.push(p); break;
      case 'parent': lines.push(dir === '' ? p : dir); break;
      case 'glob': lines.push(ext === '' ? `**/${name}` : `**/*${ext}`); break;
      case 'reinclude': lines.push(p, `!${p}`); break;
      case 'parentReinclude': lines.push(dir === '' ? '*' : dir, `!${p}`); break;
      case 'star': lines.push('*', `!${p}`); break;
      case 'starParent': lines.push('*', `!${dir === '' ? p : dir}`); break;
      case 'contents': lines.push(`${p}/*`); break;
      case 'sibling': lines.push(`${p}-other`); break;
    }
  }
  if (rng.chance(0.3)) lines.push(rng.pick(['node_modules', '.git', '**/*.log', 'dist', 'coverage', '.env']));
  return { name: `golden seed ${seed} (${base.dockerfileFeatures.join(' ')})`, tree, dockerfile, dockerignore: lines.join('\n') + (lines.length > 0 ? '\n' : ''), target: base.target, buildArgs: base.buildArgs };
}
