// The BuildKit section of `pnpm bench`: BuildKit asks the client only for what the Dockerfile copies,
// so ctxlens walks only that. Each Dockerfile is timed through the core (bench/sendset-child.mjs)
// beside find on the whole tree, find on src/ alone, a full walk (COPY . with no ignore rules) and
// `ctxlens size` under the legacy builder, which always uploads the whole filtered context.
import * as path from 'node:path';
import { formatProgressBytes } from '../packages/core/dist/index.js';
import { type Contender, median, type Sample } from './measure.js';

/** `CTXLENS_BENCH_ONLY` value that runs this section alone. */
export const BUILDKIT_SECTION = 'buildkit';

/** Names of the baselines this section reads from the same run. */
export const BASELINES = { find: 'find -printf', findSrc: 'find src -printf', legacySize: 'ctxlens size' } as const;

interface Case {
  readonly name: string;
  /** Dockerfile text, or `-` for the whole context. */
  readonly dockerfile: string;
  /** True to read no ignore file. */
  readonly noIgnore?: boolean;
}

const FULL_WALK = 'BuildKit, COPY . /app, no .dockerignore (full walk)';
const SRC = 'BuildKit, COPY src /app/src';
const CASES: readonly Case[] = [
  { name: FULL_WALK, dockerfile: '-', noIgnore: true },
  { name: 'BuildKit, COPY . /app', dockerfile: '-' },
  { name: SRC, dockerfile: 'FROM scratch\nCOPY src /app/src\n' },
  { name: `${SRC}, no .dockerignore`, dockerfile: 'FROM scratch\nCOPY src /app/src\n', noIgnore: true },
  // One source directory of fifty.
  { name: 'BuildKit, COPY src/m0 /app/src', dockerfile: 'FROM scratch\nCOPY src/m0 /app/src\n' },
  // What every row pays before it reads a tree: Node, the core, the Dockerfile, the root's listing.
  { name: 'BuildKit, FROM scratch alone (no context read)', dockerfile: 'FROM scratch\n' },
];

type InTree = (command: string, args: readonly string[]) => () => Sample;

/**
 * The section's contenders: `find src` and one per Dockerfile (the run adds find and `ctxlens size`).
 * @returns contenders to time alternately with the others
 */
export function buildkitContenders(inTree: InTree, repo: string): Contender[] {
  const child = path.join(repo, 'bench/sendset-child.mjs');
  return [
    { name: BASELINES.findSrc, run: inTree('find', ['./src', '-printf', '%s\n']) },
    ...CASES.map((c) => ({ name: c.name, run: inTree(process.execPath, [child, '.', c.dockerfile, ...(c.noIgnore ? ['/dev/null'] : [])]) })),
  ];
}

/**
 * Writes the section's table and checks that each walk saw what it should.
 * @param findCount entries find saw in the whole tree
 * @throws when a walk read or sent other entries than find counts
 */
export function reportBuildkit(samples: ReadonlyMap<string, readonly Sample[]>, findCount: number, out: (line: string) => void): void {
  const med = (name: string) => median(samples.get(name)!.map((s) => s.ms));
  const last = (name: string) => samples.get(name)!.at(-1)!;
  const parsed = new Map(CASES.map((c) => [c.name, last(c.name).stdout.trim().split(' ').map(Number) as [number, number, number, number]]));
  const legacy = JSON.parse(last(BASELINES.legacySize).stdout) as { dockerSize: string; withoutIgnoreFile: { dockerSize: string } };
  const srcCount = last(BASELINES.findSrc).stdout.split('\n').length - 1;
  const [fullSent, fullRead] = parsed.get(FULL_WALK)!;
  if (fullRead !== findCount || fullSent !== findCount) throw new Error(`count mismatch: the full BuildKit walk read ${fullRead} and sent ${fullSent} entries, find saw ${findCount}`);
  for (const name of [SRC, `${SRC}, no .dockerignore`]) {
    if (parsed.get(name)![0] !== srcCount) throw new Error(`count mismatch: ${name} sent ${parsed.get(name)![0]} entries, find src saw ${srcCount}`);
  }
  const find = med(BASELINES.find);
  const full = med(FULL_WALK);
  const legacyMs = med(BASELINES.legacySize);
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  out(`### BuildKit: only what the Dockerfile copies is read\n`);
  out(`ctxlens's core under BuildKit (\`computeContext\` with the Dockerfile as text), against \`find\` on the whole tree (${(find / 1000).toFixed(2)} s), \`find src\` (${(med(BASELINES.findSrc) / 1000).toFixed(2)} s, ${srcCount.toLocaleString('en-US')} entries), the full walk of the first row, and \`ctxlens size --builder legacy\` (${(legacyMs / 1000).toFixed(2)} s): the legacy builder uploads the whole filtered context whatever the Dockerfile copies, ${legacy.dockerSize} here (${legacy.withoutIgnoreFile.dockerSize} with no ignore file).\n`);
  out(`| Dockerfile | median | vs find | vs full walk | vs legacy size | entries read | entries sent | transferring context | legacy upload |`);
  out(`|---|---|---|---|---|---|---|---|---|`);
  for (const c of CASES) {
    const [sent, read, transfer] = parsed.get(c.name)!;
    const ms = med(c.name);
    out(`| ${c.name} | ${(ms / 1000).toFixed(2)} s | ${x(ms, find)} | ${x(ms, full)} | ${x(ms, legacyMs)} | ${read.toLocaleString('en-US')} | ${sent.toLocaleString('en-US')} | ${transfer === 0 ? 'none (no load step)' : formatProgressBytes(transfer)} | ${c.noIgnore ? legacy.withoutIgnoreFile.dockerSize : legacy.dockerSize} |`);
  }
  out('');
}
