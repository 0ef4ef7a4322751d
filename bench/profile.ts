// Where `ctxlens size` spends its time: one run under --cpu-prof, self time summed per kind of
// work (the fs binding calls that make the syscalls, the rest of Node, ctxlens's own JavaScript,
// garbage collection, waiting), beside the kernel/user split GNU time gives for the same run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { timeCommand } from './measure.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

// Native functions of Node's fs binding: what they cost is mostly the syscall they make.
const SYSCALLS = new Set(['lstat', 'readdir', 'readlink', 'stat', 'open', 'close', 'read']);

/** Self time in microseconds by kind, and by ctxlens function. */
function selfTimes(profile: CpuProfile, kinds: Map<string, number>, functions: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!;
    const us = profile.timeDeltas[i] ?? 0;
    const name = frame.functionName;
    const kind = name === '(garbage collector)' ? 'garbage collection' : name === '(idle)' ? 'idle (waiting on the other thread or I/O)' : name === '(program)' ? 'V8 and native code outside JavaScript' : frame.url === '' && SYSCALLS.has(name) ? `fs binding calls (${[...SYSCALLS].slice(0, 3).join(', ')}: the syscalls)` : frame.url.startsWith('node:') || frame.url === '' ? 'Node internals (JavaScript)' : 'ctxlens JavaScript';
    kinds.set(kind, (kinds.get(kind) ?? 0) + us);
    if (kind === 'ctxlens JavaScript') functions.set(name || '(anonymous)', (functions.get(name || '(anonymous)') ?? 0) + us);
  });
}

/**
 * Profiles one `ctxlens size --builder legacy` in `tree`.
 * @returns a paragraph for docs/benchmarks.md
 */
export async function profileSize(cli: string, tree: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxlens-prof-'));
  try {
    const sample = timeCommand(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, cli, 'size', '--builder', 'legacy', '--json'], tree);
    const kinds = new Map<string, number>();
    const functions = new Map<string, number>();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    for (const file of files) selfTimes(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, kinds, functions);
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    const pct = (us: number) => `${((100 * us) / total).toFixed(0)}%`;
    const kindText = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, us]) => `${k} ${pct(us)}`).join(', ');
    const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([f, us]) => `\`${f}\` ${pct(us)}`).join(', ');
    return [
      `Where \`ctxlens size\`'s time goes on this tree: one run under \`--cpu-prof\` (${files.length === 1 ? 'the main thread; the worker runs the same reads' : `${files.length} threads`}, ${(sample.ms / 1000).toFixed(2)} s wall; GNU time: ${sample.userS?.toFixed(2)} s user, ${sample.sysS?.toFixed(2)} s kernel).`,
      `Self time by kind: ${kindText}. Busiest ctxlens functions: ${top}.\n`,
    ].join(' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
