// The floor for any Node program on this machine: start Node, then readdirSync + lstatSync every
// entry on two threads (this one and a worker, the directories two levels down dealt out in turn),
// summing sizes and nothing else. No rules, no inventory, no argument parser. `pnpm bench` times it
// next to find and ctxlens, so the cost of everything ctxlens does on top is visible.
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';

const WALK = `(dirs) => {
  let entries = 0;
  let bytes = 0;
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const path = dir + '/' + name;
      const stat = fs.lstatSync(path);
      entries++;
      bytes += stat.size;
      if (stat.isDirectory()) walk(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return [entries, bytes];
}`;

const root = process.argv[2];
let entries = 0;
let bytes = 0;
const dirs = [];
const visit = (dir, depth) => {
  for (const name of fs.readdirSync(dir)) {
    const path = `${dir}/${name}`;
    const stat = fs.lstatSync(path);
    entries++;
    bytes += stat.size;
    if (stat.isDirectory()) (depth === 0 ? visit(path, 1) : dirs.push(path));
  }
};
visit(root, 0);
const worker = new Worker(`const fs = require('node:fs'); const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage((${WALK})(workerData));`, {
  eval: true,
  workerData: dirs.filter((_, i) => i % 2 === 1),
});
const theirs = new Promise((resolve, reject) => worker.on('message', resolve).on('error', reject));
const walk = new Function('fs', `return ${WALK}`)(fs);
const [mine, mineBytes] = walk(dirs.filter((_, i) => i % 2 === 0));
const [other, otherBytes] = await theirs;
await worker.terminate();
console.log(`${entries + mine + other} ${bytes + mineBytes + otherBytes}`);
