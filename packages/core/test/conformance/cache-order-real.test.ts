// The cache-order lesson on the real BuildKit (Docker 28.5.2: scripts/buildkit-oracle.sh): build,
// change a source file, build again without pruning. With the broad COPY first the install step
// reruns; with the manifest-first lines ctxlens proposes it is CACHED, and the build stays green.
// The installers are stand-in scripts in a busybox stage (no network in the oracle).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline, lintCacheOrder } from '@ctxlens/core';
import { BUSYBOX_IMAGE, buildkitOracleOrSkip, lockDaemon, makeBuildkitContext, pathInChroot, pruneBuildCache, runInChroot, type BuildkitContext, type TreeSpec } from '@ctxlens/test-fixtures';

const { oracle, skipped } = await buildkitOracleOrSkip();
const contexts: BuildkitContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.cleanup();
});

interface CacheCase {
  readonly name: string;
  readonly tree: TreeSpec;
  /** The stage after the stand-in installer's; `{{base}}` is that stage. */
  readonly dockerfile: string;
  /** The installer the stand-in replaces. */
  readonly tool: string;
  /** The install step as BuildKit names it. */
  readonly step: string;
  /** The source file changed between the builds. */
  readonly touch: string;
}

const CASES: readonly CacheCase[] = [
  {
    name: 'npm: COPY . . before npm ci',
    tree: [{ file: 'package.json', content: '{}\n' }, { file: 'package-lock.json', content: '{}\n' }, { file: 'src/index.js', content: '1\n' }],
    dockerfile: 'FROM tools\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    tool: 'npm',
    step: 'RUN npm ci',
    touch: 'src/index.js',
  },
  {
    name: 'pip: COPY of the app directory before pip install -r',
    tree: [{ file: 'app/requirements.txt', content: 'flask\n' }, { file: 'app/main.py', content: 'print(1)\n' }],
    dockerfile: 'FROM tools\nWORKDIR /srv\nCOPY app .\nRUN pip install --no-cache-dir -r requirements.txt\n',
    tool: 'pip',
    step: 'RUN pip install --no-cache-dir -r requirements.txt',
    touch: 'app/main.py',
  },
];

const toolsStage = (tool: string): string => `FROM ${BUSYBOX_IMAGE} AS tools\nRUN echo 'exit 0' > /bin/${tool} && chmod +x /bin/${tool}\n`;

/** Whether the install step ran from cache in the plain progress output. */
function cached(progress: string, step: string): boolean {
  const id = new RegExp(`^(#\\d+) \\[[^\\]]*\\] ${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').exec(progress)?.[1];
  if (id === undefined) throw new Error(`no step "${step}" in:\n${progress}`);
  return new RegExp(`^${id} CACHED$`, 'm').test(progress);
}

describe(`real BuildKit: cache order${skipped}`, () => {
  it.skipIf(oracle === null)(`a source change reruns the install before the fix, not after${skipped}`, async () => {
    const rows: string[] = [];
    for (const c of CASES) {
      const made = await makeBuildkitContext(oracle!, c.tree);
      contexts.push(made);
      const original = toolsStage(c.tool) + c.dockerfile;
      const { context } = await computeContextWithBaseline(made.dir, { builder: 'buildkit', dockerfileText: original });
      const [finding] = lintCacheOrder(context);
      expect(finding, c.name).toBeDefined();
      // The install moves as written, so BuildKit names its step the same before and after.
      expect(finding!.replacement![1]).toBe(c.step);
      const lines = original.split('\n');
      const installLine = lines.findIndex((l) => l === c.step) + 1;
      const fixed = lines.flatMap((l, i) => (i + 1 === finding!.line ? [...finding!.replacement!] : i + 1 === installLine ? [] : [l])).join('\n');
      const dfDir = join(oracle!.contextsDir, `.df-cache-${process.pid}-${contexts.length}`);
      await mkdir(dfDir, { recursive: true });
      const release = await lockDaemon(oracle!);
      try {
        for (const [label, text] of [['before', original], ['after', fixed]] as const) {
          await writeFile(join(dfDir, 'Dockerfile'), text);
          await writeFile(join(made.dir, c.touch), `first ${label}\n`);
          await pruneBuildCache(oracle!.socket);
          const args = ['build', '--progress=plain', '--network=none', '--output', 'type=cacheonly', '-f', pathInChroot(oracle!, join(dfDir, 'Dockerfile')), pathInChroot(oracle!, made.dir)];
          const first = await runInChroot(oracle!, args, { timeoutMs: 120_000 });
          expect(first.exitCode, first.stderr).toBe(0);
          await writeFile(join(made.dir, c.touch), `changed ${label}\n`);
          const second = await runInChroot(oracle!, args, { timeoutMs: 120_000 });
          expect(second.exitCode, second.stderr).toBe(0);
          const hit = cached(second.stderr, c.step);
          rows.push(`${c.name}, ${label}: install ${hit ? 'CACHED' : 'reran'}`);
          expect(hit, `${c.name} ${label}:\n${text}`).toBe(label === 'after');
        }
      } finally {
        await release();
        await rm(dfDir, { recursive: true, force: true });
      }
    }
    console.log(`cache order on the real BuildKit:\n  ${rows.join('\n  ')}`);
  }, 600_000);
});
