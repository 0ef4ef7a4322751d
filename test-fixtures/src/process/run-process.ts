// Runs a child process to completion with captured output, optional stdin and a hard time limit:
// the way the oracles run the Docker CLI and buildx.
import { spawn } from 'node:child_process';

/** Options for {@link runProcess}. */
export interface RunProcessOptions {
  readonly cwd?: string;
  /** The whole environment of the child (nothing is inherited when given). */
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the child with SIGKILL and reject after this many milliseconds. */
  readonly timeoutMs: number;
  /** Written to the child's stdin, which is closed afterwards; without it stdin is /dev/null. */
  readonly stdin?: string | Buffer;
}

/** How a child process ended. */
export interface ProcessOutcome {
  /** Exit code (128 when a signal ended it). */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  readonly ms: number;
}

/**
 * Runs `bin args…` and waits for it to exit.
 * @returns its exit code, output (UTF-8) and duration
 * @throws the spawn error when it cannot start; an Error with its output when it outlives `timeoutMs`
 */
export function runProcess(bin: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessOutcome> {
  const { stdin, timeoutMs } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin, args, { cwd: options.cwd, env: options.env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    if (stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => {
        /* the child may exit without reading stdin */
      });
      child.stdin.end(stdin);
    }
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        reject(new Error(`${bin} ${args.join(' ')} timed out after ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
      } else {
        resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr, ms: performance.now() - started });
      }
    });
  });
}
