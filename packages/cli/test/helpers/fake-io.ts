// An Io for unit tests: captured stdout and stderr, a given stdin, chosen TTY flags and env.
import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../src/io.js';

/** A fake Io plus what was written to it. */
export interface FakeIo extends Io {
  out(): string;
  err(): string;
}

/**
 * Creates a fake Io.
 * @returns the Io and accessors for what the command wrote
 */
export function fakeIo(options: { tty?: boolean; env?: Record<string, string>; stdin?: string; cwd?: string } = {}): FakeIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const tty = options.tty ?? false;
  return {
    stdout,
    stderr,
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
    env: options.env ?? {},
    isTTY: { stdin: tty, stdout: tty, stderr: tty },
    cwd: options.cwd ?? process.cwd(),
    columns: tty ? 100 : undefined,
    out: () => Buffer.concat(out).toString('utf8'),
    err: () => Buffer.concat(err).toString('utf8'),
  };
}
