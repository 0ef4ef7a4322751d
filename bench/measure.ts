// Timing helpers: run commands alternately so machine noise hits every contender alike.
import { spawnSync } from 'node:child_process';

/** One timed run of a contender. */
export interface Sample {
  readonly ms: number;
  /** Peak resident memory of the child, in kB (GNU time), when measured. */
  readonly peakKb: number | undefined;
  /** CPU seconds in user space (JavaScript, V8) and in the kernel (syscalls), all threads (GNU time), when measured. */
  readonly userS?: number;
  readonly sysS?: number;
  readonly stdout: string;
}

/** Something to time. */
export interface Contender {
  readonly name: string;
  /** Runs once and returns the sample. */
  readonly run: () => Promise<Sample> | Sample;
}

/**
 * Runs a command under GNU time, returning wall time and peak RSS.
 * @param cwd where it runs (the tree itself, as a user runs `ctxlens size` in the project)
 * @param env variables added to this process's environment
 * @param okStatuses exit codes that are results, not failures (a gate that fails exits 1)
 * @returns the sample
 * @throws when the command fails
 */
export function timeCommand(command: string, args: readonly string[], cwd?: string, env?: NodeJS.ProcessEnv, okStatuses: readonly number[] = [0]): Sample {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: env && { ...process.env, ...env } });
  const ms = performance.now() - started;
  if (!okStatuses.includes(child.status ?? -1)) throw new Error(`${command} ${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const lines = child.stderr.trim().split('\n');
  const [peakKb, userS, sysS] = lines[lines.length - 1]!.split(' ').map(Number);
  return { ms, peakKb: Number.isFinite(peakKb) ? peakKb : undefined, userS, sysS, stdout: child.stdout };
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs every contender `rounds` times, alternating, after one warm-up round.
 * @returns samples per contender name
 */
export async function alternate(contenders: readonly Contender[], rounds: number): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  for (const c of contenders) await c.run(); // warm the page cache and JIT paths
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) samples.get(c.name)!.push(await c.run());
  }
  return samples;
}
