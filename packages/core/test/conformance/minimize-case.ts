// Shrinks a random case that disagrees with Docker to a minimal reproduction: drops .dockerignore
// lines and tree entries one at a time while the disagreement persists (greedy delta debugging).
//
//   npx tsx --tsconfig tsconfig.tests.json packages/core/test/conformance/minimize-case.ts <seed>
import { join } from 'node:path';
import { generateCase, makeTempDir, startFakeDaemon, type TreeEntry } from '@ctxlens/test-fixtures';
import { type ConformanceOutcome, runConformanceCase } from './docker-compare.js';

const seed = Number(process.argv[2]);
if (!Number.isInteger(seed)) throw new Error('usage: minimize-case.ts <seed>');

const daemon = await startFakeDaemon();
const tmp = await makeTempDir('ctxlens-minimize-');
let runs = 0;

async function attempt(tree: TreeEntry[], lines: string[]): Promise<ConformanceOutcome | undefined> {
  runs++;
  try {
    const outcome = await runConformanceCase(daemon, join(tmp.path, `run-${runs}`), { label: `seed ${seed} (minimized)`, tree, dockerignore: lines.join('') });
    return outcome.problems.length > 0 ? outcome : undefined;
  } catch {
    return undefined; // e.g. a hardlink whose target was dropped
  }
}

try {
  const c = generateCase(seed);
  let tree = [...c.tree];
  let lines = c.dockerignore.split(/(?<=\n)/);
  let last = await attempt(tree, lines);
  if (!last) {
    console.log(`seed ${seed} agrees with docker: nothing to minimize`);
  } else {
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = lines.length - 1; i >= 0; i--) {
        const fewer = lines.filter((_, j) => j !== i);
        const outcome = await attempt(tree, fewer);
        if (outcome) [lines, last, changed] = [fewer, outcome, true];
      }
      for (let i = tree.length - 1; i >= 1; i--) {
        const fewer = tree.filter((_, j) => j !== i);
        const outcome = await attempt(fewer, lines);
        if (outcome) [tree, last, changed] = [fewer, outcome, true];
      }
    }
    const show = (e: TreeEntry): string => JSON.stringify(e, (k, v: unknown) => (k === 'content' ? undefined : v));
    console.log(`seed ${seed} minimized in ${runs} runs`);
    console.log(`tree:\n  ${tree.map(show).join('\n  ')}`);
    console.log(`.dockerignore: ${JSON.stringify(lines.join(''))}`);
    console.log(`docker:  ${JSON.stringify(last!.dockerNames)} ${last!.dockerError ?? ''}`);
    console.log(`ctxlens: ${JSON.stringify(last!.ourNames)} ${last!.ourError ?? ''}`);
    console.log(last!.problems.join('\n'));
  }
} finally {
  await daemon.close();
  await tmp.cleanup();
}
