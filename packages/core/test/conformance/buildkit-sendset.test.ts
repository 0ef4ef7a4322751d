// BuildKit's send set over random Dockerfiles and random trees (test-fixtures/src/random/
// gen-dockerfile.ts). Without a BuildKit oracle this checks what must hold whatever BuildKit does:
// ctxlens answers every case with a context or one of its own errors (never a crash), sends only
// entries that pass the ignore file, and counts a transfer exactly when BuildKit loads the context.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContext, CtxlensError } from '@ctxlens/core';
import { generateDockerfileCase, makeTempDir, type TempDir, writeCase } from '@ctxlens/test-fixtures';

const CASES = Number(process.env['CTXLENS_BUILDKIT_CASES'] ?? 300);

let tmp: TempDir;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-bk-sendset-');
});
afterAll(() => tmp.cleanup());

describe('BuildKit send set on random Dockerfiles', () => {
  it(`${CASES} cases: a context or a ctxlens error, sent within eligible, a figure exactly when the context loads`, async () => {
    const problems: string[] = [];
    const outcomes = { sent: 0, none: 0, whole: 0, errors: 0, missingSources: 0 };
    for (let seed = 0; seed < CASES; seed++) {
      const c = generateDockerfileCase(seed, 'busybox');
      const dir = `${tmp.path}/${seed}`;
      await writeCase(dir, c);
      try {
        const ctx = await computeContext(dir, { builder: 'buildkit', dockerfileText: c.dockerfile, buildArgs: c.buildArgs, ...(c.target === undefined ? {} : { target: c.target }) });
        const scope = ctx.plan?.scope;
        if (scope === 'none') outcomes.none++;
        else if (scope === 'whole') outcomes.whole++;
        else outcomes.sent++;
        if (ctx.diagnostics.some((d) => d.code === 'buildkit-source-missing')) outcomes.missingSources++;
        // Parent directories are sent with the state of their own verdict (excluded, say), so membership counts.
        const eligible = new Set(ctx.eligibleWalk().order);
        for (const i of ctx.walk.order) {
          if (!eligible.has(i)) problems.push(`seed ${seed}: ${ctx.inventory.path(i)} sent but not eligible`);
        }
        const transfer = ctx.sizes.transferBytes ?? -1;
        // Files the sender cannot open arrive empty, so the figure can be below the bytes on disk.
        if (scope === 'none' ? transfer !== 0 : transfer < 2) problems.push(`seed ${seed}: transfer ${transfer} for ${ctx.sizes.bytes} bytes (${scope})`);
      } catch (error) {
        if (!(error instanceof CtxlensError)) problems.push(`seed ${seed}: ${String(error)}\n${c.dockerfile}`);
        outcomes.errors++;
      }
    }
    console.log(`buildkit send set: ${CASES} random Dockerfiles: ${outcomes.sent} sent requested paths, ${outcomes.whole} the whole context, ${outcomes.none} nothing, ${outcomes.errors} errors, ${outcomes.missingSources} with a source BuildKit will not receive`);
    expect(problems).toEqual([]);
    expect(outcomes.sent).toBeGreaterThan(0);
    expect(outcomes.none + outcomes.whole + outcomes.errors).toBeGreaterThan(0);
  }, 600_000);
});
