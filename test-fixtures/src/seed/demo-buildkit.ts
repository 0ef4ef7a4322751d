// The BuildKit half of `pnpm demo`: what BuildKit sends for the course's multi-stage Dockerfile, beside
// the whole eligible context and the tree without .dockerignore, then what the real BuildKit prints
// for the same tree when its oracle runs on this machine (scripts/buildkit-oracle.sh).
import { execFileSync } from 'node:child_process';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildContext, computeContext, computeContextWithBaseline, type ContextSizes, formatDockerSize, formatProgressBytes } from '@ctxlens/core';
import { BUSYBOX_IMAGE, buildkitOracle, runBuildkitBuild, runInChroot, type BuildkitOracle } from '../buildkit-oracle/index.js';
import { engineRequest } from '../buildkit-oracle/docker-api.js';
import { removeTree } from '../trees/make-temp-dir.js';
import { COURSE_MULTI_STAGE_DOCKERFILE } from './course-project.js';

/**
 * The course's Dockerfile as the offline oracle can build it: the same stages, target and context reads,
 * with the local busybox as base (no registry here), no RUN (busybox has no npm), and server.js taken from
 * src/, where the seed project keeps it (the course's `/app/server.js` fails the build after the transfer).
 */
export const OFFLINE_MULTI_STAGE_DOCKERFILE = `FROM ${BUSYBOX_IMAGE} AS builder
WORKDIR /app
COPY package*.json ./
COPY . .
FROM ${BUSYBOX_IMAGE} AS production
WORKDIR /app
COPY package*.json ./
COPY --from=builder /app/src/server.js ./
`;

/** Set to 1 to also build without .dockerignore on the real BuildKit (1.22GB written into the builder). */
const FULL_BUILD_ENV = 'CTXLENS_DEMO_BUILDKIT_FULL';

const num = (n: number) => n.toLocaleString('en-US');
const row = (label: string, s: ContextSizes) =>
  `  ${label.padEnd(30)}${num(s.entries).padStart(8)}${num(s.files).padStart(8)}${formatDockerSize(s.bytes).padStart(10)}  ${s.transferSize ?? ''}`;

/**
 * Prints BuildKit's view of the seed scenario `dir` and, when the real BuildKit is up, its own figures.
 * @returns when done
 * @throws when ctxlens or the oracle fails
 */
export async function showBuildkit(dir: string): Promise<void> {
  const dockerfileText = COURSE_MULTI_STAGE_DOCKERFILE;
  const { context, unfiltered } = await computeContextWithBaseline(dir, { builder: 'buildkit', dockerfileText });
  const eligible = await computeContext(dir, { builder: 'buildkit', wholeContext: true });
  console.log(`BuildKit (docker build's default builder) reads the Dockerfile and asks the client only for what the target's stages copy.`);
  console.log(`The course's multi-stage Dockerfile (section 6.3, "Version 2"; target production, given with -f):`);
  for (const r of context.plan?.requests?.requests ?? []) {
    const stage = context.plan!.requests!.graph.stages[r.stage]!.name;
    console.log(`  Dockerfile:${String(r.instruction.line).padEnd(3)} ${r.instruction.text.padEnd(24)} stage ${stage}${r.wholeContext ? ': the whole context' : ''}`);
  }
  console.log(`\n  ${''.padEnd(30)}${'entries'.padStart(8)}${'files'.padStart(8)}${'bytes'.padStart(10)}  transferring context`);
  console.log(row('sent for this Dockerfile', context.sizes));
  console.log(row('eligible context (COPY . .)', eligible.sizes));
  console.log(row('without .dockerignore', unfiltered.sizes));
  console.log(`  sent, by top-level entry: ${topLevel(context).join(', ')}`);
  console.log(`The production stage copies only server.js from the builder, yet the builder's COPY . . asks for the whole context:`);
  console.log(`multi-stage builds shrink the image, not the context; .dockerignore shrinks the context. "transferring context" is`);
  console.log(`BuildKit's figure for a first build; a rebuild on a warm builder sends only what changed.\n`);

  const oracle = await buildkitOracle();
  if ('skip' in oracle) {
    console.log(`(Real BuildKit skipped: ${oracle.skip}.)`);
    return;
  }
  await compareWithRealBuildkit(oracle, dir, context);
}

async function compareWithRealBuildkit(oracle: BuildkitOracle, dir: string, shown: BuildContext): Promise<void> {
  // BuildKit's client must read the context from inside the chroot: a sparse copy takes seconds.
  const copy = join(oracle.contextsDir, `demo-seed-${process.pid}`);
  execFileSync('cp', ['-a', '--sparse=always', dir, copy]);
  try {
    console.log(`The real BuildKit (${await versions(oracle)}; first build, cache pruned), on a copy of the same tree,`);
    console.log(`building the course's Dockerfile offline (busybox as base, no RUN, server.js from src/ where this project keeps it;`);
    console.log(`the same stages and COPY sources):`);
    await compareOne(oracle, copy, 'with .dockerignore:   ', shown);
    if (process.env[FULL_BUILD_ENV] !== '1') {
      console.log(`  without .dockerignore: not built (BuildKit then writes all 1.22GB into the builder: 53 to 67 s on a loaded 2-core machine); ${FULL_BUILD_ENV}=1 builds it.`);
      return;
    }
    await rename(join(copy, '.dockerignore'), join(copy, '.dockerignore.aside'));
    await compareOne(oracle, copy, 'without .dockerignore:', undefined);
  } finally {
    await removeTree(copy);
  }
}

async function compareOne(oracle: BuildkitOracle, copy: string, label: string, shown: BuildContext | undefined): Promise<void> {
  const ours = await computeContext(copy, { builder: 'buildkit', dockerfileText: OFFLINE_MULTI_STAGE_DOCKERFILE });
  const course = await computeContext(copy, { builder: 'buildkit', dockerfileText: COURSE_MULTI_STAGE_DOCKERFILE });
  if (course.sizes.transferBytes !== ours.sizes.transferBytes) {
    console.log(`  (ctxlens gives the offline Dockerfile ${ours.sizes.transferSize} and the course's ${course.sizes.transferSize}: the comparison below is for the offline one.)`);
  }
  if (shown && shown.sizes.transferBytes !== ours.sizes.transferBytes) console.log(`  (the copy gives ${ours.sizes.transferSize}, the seed tree ${shown.sizes.transferSize}.)`);
  const real = await runBuildkitBuild(oracle, { dir: copy, dockerfile: { text: OFFLINE_MULTI_STAGE_DOCKERFILE }, timeoutMs: 900_000 });
  if (!real.ok) {
    console.log(`  ${label} the build failed: ${real.error}`);
    return;
  }
  // Path, kind and size of each entry: what arrived against what ctxlens says is sent.
  const ourPaths = ours.entries().map((e) => `${e.path} ${e.kind} ${e.size}`).sort();
  const realPaths = real.received.map((e) => `${e.path} ${e.kind} ${e.size}`).sort();
  const samePaths = ourPaths.length === realPaths.length && ourPaths.every((p, i) => p === realPaths[i]);
  const sameFigure = real.transferredBytes === ours.sizes.transferBytes;
  const verdict = sameFigure && samePaths ? 'the same figure and entries as ctxlens' : `ctxlens: ${ours.sizes.transferBytes} bytes, ${ourPaths.length} entries${samePaths ? ' (same entries)' : ' (other entries)'}`;
  console.log(`  ${label} transferring context: ${real.transferred}  (${num(real.transferredBytes ?? 0)} bytes, ${num(real.received.length)} entries received in ${(real.buildMs / 1000).toFixed(1)} s): ${verdict}`);
}

/** The five biggest top-level entries sent, directories rolled up, with their share of the transfer figure. */
function topLevel(context: BuildContext): string[] {
  const groups = new Map<string, { files: number; bytes: number }>();
  for (const e of context.entries()) {
    const slash = e.path.indexOf('/');
    const key = slash >= 0 ? `${e.path.slice(0, slash)}/` : e.kind === 'dir' ? `${e.path}/` : e.path;
    const group = groups.get(key) ?? { files: 0, bytes: 0 };
    if (e.kind === 'file') group.files += 1;
    group.bytes += e.transferBytes;
    groups.set(key, group);
  }
  return [...groups]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 5)
    .map(([name, g]) => `${name} ${formatProgressBytes(g.bytes)}${name.endsWith('/') ? ` (${num(g.files)} files)` : ''}`);
}

async function versions(oracle: BuildkitOracle): Promise<string> {
  const engine = JSON.parse((await engineRequest(oracle.socket, 'GET', '/version', 10_000)).body) as { Version?: string };
  const buildx = await runInChroot(oracle, ['version'], { timeoutMs: 30_000 });
  const buildxVersion = buildx.stdout.split(/\s+/)[1] ?? 'unknown';
  return `dockerd ${engine.Version ?? 'unknown'}, buildx ${buildxVersion}`;
}
