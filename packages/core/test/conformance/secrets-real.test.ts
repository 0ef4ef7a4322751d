// Secrets against the real BuildKit (Docker 28.5.2, buildx 0.29.1: scripts/buildkit-oracle.sh).
// 1. "Shipped": each case's final image is exported with `--output type=local`, and the context
//    files found in it (each file's first line names its context path) must be exactly analyzeUsage's
//    shipped set; secretsFlow must call exactly the exported secrets shipped.
// 2. SecretsUsedInArgOrEnv: `buildx build --call check,format=json --target …` lists the ARG/ENV names
//    BuildKit flags; secretVariables with Docker 28.5's allow list must list the same (name, line).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeUsage, computeContextWithBaseline, secretsFlow, UseMark } from '@ctxlens/core';
import { EntryState } from '@ctxlens/core/live';
import { SECRET_NAME_ALLOWED_WORDS_DOCKER_28, secretVariables } from '@ctxlens/core/internal';
import { BUSYBOX_IMAGE, buildkitOracle, makeBuildkitContext, pathInChroot, runBuildkitBuild, runInChroot, type BuildkitContext, type BuildkitOracle, type TreeSpec } from '@ctxlens/test-fixtures';
import { SECRET_NAME_VECTORS } from '../../src/analysis/secret-names.vectors.js';
import { buildStageGraph, parseDockerfile } from '../../src/dockerfile/stages.js';

const found = await buildkitOracle();
const oracle: BuildkitOracle | null = 'skip' in found ? null : found;
const skipped = 'skip' in found ? ` [skipped: ${found.skip}]` : '';
const contexts: BuildkitContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.cleanup();
});

/** Every file starts with `# <its path>`, so a file found in the image names where it came from. */
const named = (path: string, rest = ''): { file: string; content: string } => ({ file: path, content: `# ${path}\n${rest}` });
const TREE: TreeSpec = [
  named('package.json'),
  named('README.md'),
  named('src/index.js'),
  named('src/lib/util.js'),
  named('src/.env.local', 'TOKEN=1\n'),
  named('.env', 'API_KEY=1\n'),
  named('.npmrc', '//registry.npmjs.org/:_authToken=npm_abc\n'),
  named('config/app.json'),
  named('config/service-account-key.json', '{"private_key": "x"}\n'),
  named('deploy/id_ed25519'),
];

interface ShipCase {
  readonly name: string;
  readonly dockerfile: string;
  readonly ignore?: string;
  readonly target?: string;
}

const B = BUSYBOX_IMAGE;
const SHIP_CASES: readonly ShipCase[] = [
  { name: 'a build stage copies .npmrc and src; the image takes src', dockerfile: `FROM ${B} AS build\nCOPY .npmrc /root/\nCOPY src /app/src\nRUN true\nFROM scratch\nCOPY --from=build /app/src /src\n` },
  { name: 'COPY . into a build stage; the image takes all of it', dockerfile: `FROM ${B} AS build\nCOPY . /app\nFROM scratch\nCOPY --from=build /app /app\n` },
  { name: 'COPY . into a build stage; the image takes one directory and a glob', dockerfile: `FROM ${B} AS build\nWORKDIR /app\nCOPY . .\nFROM scratch\nCOPY --from=build /app/config /cfg\nCOPY --from=build /app/*.json /top/\n` },
  { name: 'the image is built FROM a stage that copied .env', dockerfile: 'FROM scratch AS base\nCOPY .env /etc/app.env\nFROM base\nCOPY package.json /\n' },
  { name: 'the ignore file keeps .env and deploy out of COPY . .', dockerfile: 'FROM scratch\nCOPY . /\n', ignore: '# .dockerignore\n.env\ndeploy\n' },
  { name: 'COPY --exclude keeps secrets out of the image', dockerfile: 'FROM scratch\nCOPY --exclude=.env --exclude=**/*.json --exclude=.dockerignore . /app/\n' },
  { name: 'a bind mount reads .npmrc in a build stage; only src ships', dockerfile: `FROM ${B} AS build\nRUN --mount=type=bind,source=.npmrc,target=/root/.npmrc cat /root/.npmrc >/dev/null\nCOPY src /app/src\nFROM scratch\nCOPY --from=build /app /app\n` },
  { name: '--target a build stage: what it copied ships', dockerfile: 'FROM scratch AS secrets\nCOPY .npmrc config /\nFROM scratch\nCOPY README.md /\n', target: 'secrets' },
  { name: 'a file re-included under an excluded directory: COPY . ships it', dockerfile: 'FROM scratch\nCOPY . /\n', ignore: '# .dockerignore\nsrc\n!src/index.js\n' },
  { name: 'a glob exception re-includes under an excluded directory: COPY . ships it', dockerfile: 'FROM scratch\nCOPY . /\n', ignore: '# .dockerignore\nsrc\n!**/util.js\n' },
  { name: 'COPY --from a stage built FROM another', dockerfile: `FROM ${B} AS deps\nCOPY package.json .npmrc /app/\nFROM deps AS build\nCOPY src /app/src\nFROM scratch\nCOPY --from=build /app/src/lib /lib\nCOPY --from=build /app/package.json /\n` },
];

/** The context paths of the files found under `dir` (by their first line), sorted. */
async function contextFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const first = (await readFile(join(entry.parentPath, entry.name), 'utf8')).split('\n')[0]!;
    out.push(first.startsWith('# ') ? first.slice(2) : `?${join(entry.parentPath, entry.name).slice(dir.length)}`);
  }
  return out.sort();
}

describe(`real BuildKit: secrets${skipped}`, () => {
  it.skipIf(oracle === null)(`the final image holds exactly the files ctxlens calls shipped (--output type=local)${skipped}`, async () => {
    const problems: string[] = [];
    let secretsShipped = 0;
    let secretsNotShipped = 0;
    for (const c of SHIP_CASES) {
      const made = await makeBuildkitContext(oracle!, [...TREE, ...(c.ignore === undefined ? [] : [{ file: '.dockerignore', content: c.ignore }])]);
      contexts.push(made);
      const out = join(oracle!.contextsDir, `.out-${process.pid}-${contexts.length}`);
      await rm(out, { recursive: true, force: true });
      try {
        const real = await runBuildkitBuild(oracle!, { dir: made.dir, dockerfile: { text: c.dockerfile }, ...(c.target === undefined ? {} : { target: c.target }), extraArgs: ['--output', `type=local,dest=${pathInChroot(oracle!, out)}`] });
        if (!real.ok) {
          problems.push(`${c.name}: the real build failed: ${real.error ?? ''}`);
          continue;
        }
        const inImage = await contextFilesIn(out);
        const { context } = await computeContextWithBaseline(made.dir, { builder: 'buildkit', dockerfileText: c.dockerfile, ...(c.target === undefined ? {} : { target: c.target }) });
        const usage = analyzeUsage(context);
        const inv = context.inventory;
        const shipped: string[] = [];
        for (let i = 1; i < inv.count; i++) if (inv.kind(i) === 'file' && (usage.marks[i]! & UseMark.Shipped) !== 0 && context.walk.state[i] === EntryState.Included) shipped.push(inv.path(i));
        // A file copied twice lands twice: compare the distinct paths.
        const distinct = [...new Set(inImage)].sort();
        if (JSON.stringify(distinct) !== JSON.stringify(shipped.sort())) problems.push(`${c.name}:\n  image:   ${distinct.join(' ')}\n  ctxlens: ${shipped.join(' ')}`);
        const report = secretsFlow(context);
        for (const f of report.files) {
          const real = distinct.some((p) => p === f.path || p.startsWith(`${f.path}/`));
          if (real !== f.shipped) problems.push(`${c.name}: secret ${f.path}: image has it ${real}, ctxlens says shipped ${f.shipped} (${f.reach})`);
          if (real) secretsShipped++;
          else secretsNotShipped++;
        }
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    }
    console.log(`secrets, shipped: ${SHIP_CASES.length - new Set(problems.map((p) => p.split(':')[0])).size}/${SHIP_CASES.length} images hold exactly the predicted files; secrets checked: ${secretsShipped} shipped, ${secretsNotShipped} not`);
    expect(problems).toEqual([]);
  }, 600_000);

  it.skipIf(oracle === null)(`SecretsUsedInArgOrEnv: the same names on the same lines as BuildKit's check${skipped}`, async () => {
    const half = Math.ceil(SECRET_NAME_VECTORS.length / 2);
    const args = SECRET_NAME_VECTORS.slice(0, half).map((v) => `ARG ${v.name}`);
    const envs = SECRET_NAME_VECTORS.slice(half).map((v) => `ENV ${v.name}=1`);
    const dockerfiles = [
      ['ARG GLOBAL_TOKEN=1', `FROM ${B} AS build`, ...args, `FROM ${B} AS unused`, 'ARG UNUSED_SECRET', 'FROM build AS final', 'ONBUILD ENV OB_PASSWORD=1', ...envs, 'ENV A=1 DB_PASSWORD=2 NPM_TOKEN=3', 'ARG GLOBAL_TOKEN'].join('\n') + '\n',
      `FROM ${B} AS final\nARG aws_secret_access_key=1 SECRETS_X\nENV AUTH abc\n`,
    ];
    const dir = join(oracle!.contextsDir, `.check-${process.pid}`);
    await mkdir(dir, { recursive: true });
    let compared = 0;
    try {
      for (const text of dockerfiles) {
        await writeFile(join(dir, 'Dockerfile'), text);
        const graph = buildStageGraph(parseDockerfile(text));
        // An explicit target: without one, the check lints every stage, where a build only dispatches the needed ones.
        const r = await runInChroot(oracle!, ['build', '--call', 'check,format=json', '--network=none', '--target', 'final', pathInChroot(oracle!, dir)], { timeoutMs: 60_000 });
        const warnings = (JSON.parse(r.stdout) as { warnings?: { ruleName: string; detail: string; location: { ranges: { start: { line: number } }[] } }[] }).warnings ?? [];
        const real = warnings.filter((w) => w.ruleName === 'SecretsUsedInArgOrEnv').map((w) => `${w.location.ranges[0]!.start.line} ${/\((ARG|ENV) "([^"]*)"\)/.exec(w.detail)!.slice(1).join(' ')}`).sort();
        const mine = secretVariables(graph, SECRET_NAME_ALLOWED_WORDS_DOCKER_28).map((v) => `${v.line} ${v.instruction} ${v.name}`).sort();
        compared += real.length;
        expect(mine).toEqual(real);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    console.log(`SecretsUsedInArgOrEnv: ${compared} flagged names agree with BuildKit's check (${SECRET_NAME_VECTORS.length} vector names)`);
  }, 120_000);
});
