// The floor for any Node program on this machine: start Node, then readdirSync + lstat every
// entry on two threads (this one and a worker, the directories two levels down dealt out in turn),
// summing sizes and nothing else. No rules, no inventory, no argument parser. `pnpm bench` times it
// next to find and ctxlens, so the cost of everything ctxlens does on top is visible. lstat goes
// through Node's fs binding, the fastest way Node has, as ctxlens's scans do where they may
// (packages/core/src/inventory/lstat-facts.ts); without it, fs.lstatSync. A second argument `1`
// reads on this thread alone: with one core busy, a worker's start-up can cost more than it wins.
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';

// [mode, size] of a path.
const LSTAT = `(() => {
  let binding;
  try { binding = process.binding('fs'); } catch {}
  if (typeof binding?.lstat !== 'function') return (path) => { const s = fs.lstatSync(path); return [s.mode, s.size]; };
  return (path) => { const s = binding.lstat(path, false, undefined, true); return [s[1], s[8]]; };
})()`;

const WALK = `(dirs) => {
  const lstat = ${LSTAT};
  let entries = 0;
  let bytes = 0;
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const path = dir + '/' + name;
      const [mode, size] = lstat(path);
      entries++;
      bytes += size;
      if ((mode & 0o170000) === 0o040000) walk(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return [entries, bytes];
}`;

const root = process.argv[2];
const walk = new Function('fs', `return ${WALK}`)(fs);
if (process.argv[3] === '1') {
  console.log(walk([root]).join(' '));
  process.exit(0);
}
const lstat = new Function('fs', `return ${LSTAT}`)(fs);
let entries = 0;
let bytes = 0;
const dirs = [];
const visit = (dir, depth) => {
  for (const name of fs.readdirSync(dir)) {
    const path = `${dir}/${name}`;
    const [mode, size] = lstat(path);
    entries++;
    bytes += size;
    if ((mode & 0o170000) === 0o040000) (depth === 0 ? visit(path, 1) : dirs.push(path));
  }
};
visit(root, 0);
const worker = new Worker(`const fs = require('node:fs'); const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage((${WALK})(workerData));`, {
  eval: true,
  workerData: dirs.filter((_, i) => i % 2 === 1),
});
const theirs = new Promise((resolve, reject) => worker.on('message', resolve).on('error', reject));
const [mine, mineBytes] = walk(dirs.filter((_, i) => i % 2 === 0));
const [other, otherBytes] = await theirs;
await worker.terminate();
console.log(`${entries + mine + other} ${bytes + mineBytes + otherBytes}`);
