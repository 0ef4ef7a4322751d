// Random Dockerfiles over random trees, for comparing BuildKit's send set and transfer figure:
// sources aimed at the tree (files, directories, symlinks, globs, missing paths, the root),
// multi-stage builds with --target and COPY --from, ARG expansion with build args, bind mounts, and
// a few Dockerfiles BuildKit refuses. Same seed, same case.
import { generateCase, type RandomCase } from './generate-case.js';
import { Rng } from './rng.js';

/** A random tree, its ignore file, and a Dockerfile with its build options. */
export interface DockerfileCase extends RandomCase {
  readonly dockerfile: string;
  readonly target: string | undefined;
  readonly buildArgs: Readonly<Record<string, string>>;
  /** True when the generator meant the Dockerfile to be refused (the oracle decides what fails). */
  readonly meantBad: boolean;
  /** What the Dockerfile does, for the case description. */
  readonly dockerfileFeatures: readonly string[];
}

/** Names a Dockerfile can hold in shell form without quoting or escaping. */
const PLAIN = /^[A-Za-z0-9._@+-]+(?:\/[A-Za-z0-9._@+-]+)*$/;

/** Bad Dockerfiles and what makes them bad. */
const BAD: readonly [string, string][] = [
  ['FROM scratch\nCOPY --parents a /b\n', 'bad-parents-flag'],
  ['FROM scratch\nCOPPY a /b\n', 'bad-instruction'],
  ['COPY a /b\n', 'bad-no-from'],
  ['FROM scratch\nCOPY ${NOPE:?unset} /b\n', 'bad-variable'],
  ['FROM scratch\nCOPY a\n', 'bad-copy-args'],
];

/**
 * Generates the Dockerfile case for one seed.
 * @param runImage an image RUN can use offline (bind mounts need a RUN); without one, no RUN
 * @returns the tree, the ignore file, the Dockerfile and its build options
 */
export function generateDockerfileCase(seed: number, runImage?: string): DockerfileCase {
  const base = generateCase(seed);
  // A separate stream, so the tree and ignore file stay those of generateCase(seed).
  const rng = new Rng(seed ^ 0x5eed5e75);
  const features: string[] = [];
  const paths = base.tree.flatMap((e) => {
    const p = 'file' in e ? e.file : 'dir' in e ? e.dir.replace(/\/$/, '') : 'symlink' in e ? e.symlink : 'hardlink' in e ? e.hardlink : undefined;
    return p !== undefined && PLAIN.test(p) ? [p] : [];
  });
  if (rng.chance(0.05)) {
    const [text, feature] = rng.pick(BAD);
    return { ...base, dockerfile: text, target: undefined, buildArgs: {}, meantBad: true, dockerfileFeatures: [feature] };
  }
  const source = (): string => {
    const kind = rng.weighted({ path: 8, parent: 2, glob: 3, missing: 1, root: 1 });
    features.push(`src-${kind}`);
    if (kind === 'root' || paths.length === 0) return '.';
    const p = rng.pick(paths);
    if (kind === 'missing') return `${p}-missing`;
    if (kind === 'parent') return p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : p;
    if (kind === 'glob') {
      const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
      const name = p.slice(dir.length);
      const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
      return dir + rng.pick([`*${ext}`, `${name.slice(0, 1)}*`, '*', `?${name.slice(1)}`]);
    }
    return p;
  };
  const lines: string[] = [];
  const buildArgs: Record<string, string> = {};
  const stages = rng.int(1, 3);
  let target: string | undefined;
  for (let s = 0; s < stages; s++) {
    const last = s === stages - 1;
    const useRun = runImage !== undefined && rng.chance(0.3);
    lines.push(`FROM ${useRun ? runImage : 'scratch'} AS s${s}`);
    if (rng.chance(0.25)) {
      features.push('arg');
      const value = source();
      lines.push(`ARG D${s}=${value}`);
      if (rng.chance(0.5)) {
        features.push('build-arg');
        buildArgs[`D${s}`] = source();
      }
      lines.push(`COPY \${D${s}} /arg${s}/`);
    }
    const copies = rng.int(0, 3);
    for (let c = 0; c < copies; c++) {
      const n = rng.weighted({ 1: 6, 2: 2, 3: 1 });
      const sources = Array.from({ length: Number(n) }, source);
      if (rng.chance(0.1)) {
        features.push('exclude');
        lines.push(`COPY --exclude=*.md ${sources.join(' ')} /c${s}-${c}/`);
      } else if (rng.chance(0.15)) {
        features.push('json-form');
        lines.push(`COPY ${JSON.stringify([...sources, `/c${s}-${c}/`])}`);
      } else lines.push(`${rng.chance(0.15) ? 'ADD' : 'COPY'} ${sources.join(' ')} /c${s}-${c}/`);
    }
    if (useRun) {
      features.push('bind-mount');
      const src = rng.chance(0.2) ? '' : `,source=${source()}`;
      lines.push(`RUN --mount=type=bind${src},target=/m true`);
    }
    if (s > 0 && rng.chance(0.3)) {
      features.push('copy-from');
      lines.push(`COPY --from=s${rng.int(0, s - 1)} / /from/`);
    }
    if (!last && rng.chance(0.15)) {
      features.push('target');
      target = `s${s}`;
    }
  }
  if (target !== undefined && rng.chance(0.5)) lines.push('COPY . /late/');
  return { ...base, dockerfile: lines.join('\n') + '\n', target, buildArgs, meantBad: false, dockerfileFeatures: [...new Set(features)].sort() };
}
