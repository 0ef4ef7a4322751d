// Inputs that could hang or exhaust ctxlens, run through the built CLI in a child process: a FIFO
// as .dockerignore, --ignore-file or configuration file, /dev/zero as ignore file or Dockerfile, a
// deleted working directory. Each must end at once with one line of error, a hint and exit 2.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

/** Long enough for any of these commands on a tiny tree; a CLI still running then is blocked. */
const KILL_AFTER_MS = 10_000;
const FIFO_MESSAGE = 'is a FIFO (named pipe), not a regular file';

let dir: TempDir;
const at = (...parts: string[]): string => join(dir.path, ...parts);
const mkfifo = (path: string): void => {
  execFileSync('mkfifo', [path]);
};

beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([
    { file: 'fifo-ignore/Dockerfile', content: 'FROM scratch\n' },
    { file: 'fifo-ignore/a.txt', content: 'a\n' },
    { file: 'plain/Dockerfile', content: 'FROM scratch\n' },
    { file: 'plain/a.txt', content: 'a\n' },
    { file: 'zero-ignore/Dockerfile', content: 'FROM scratch\n' },
    { file: 'fifo-config/Dockerfile', content: 'FROM scratch\n' },
    // Reads the whole context, so the walk meets the FIFO (and must not open it).
    { file: 'fifo-package/Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
  ]);
  mkfifo(at('fifo-ignore/.dockerignore'));
  mkfifo(at('a-fifo'));
  mkfifo(at('fifo-config/.ctxlens.json'));
  mkfifo(at('fifo-package/package.json'));
  symlinkSync('/dev/zero', at('zero-ignore/.dockerignore'));
});
afterAll(() => dir.cleanup());

/** Asserts the run ended by itself with exit 2, `message` on stderr, a hint and no stack trace. */
function expectRefused(r: Awaited<ReturnType<typeof runCli>>, message: string): void {
  expect(r.signal ?? null, `killed after ${KILL_AFTER_MS} ms: blocked (stderr: ${r.stderr})`).toBeNull();
  expect(r.stderr).toContain(message);
  expect(r.stderr).toContain('hint:');
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(r.code).toBe(2);
}

describe('a FIFO is never opened for reading', () => {
  it('package.json is a FIFO: commands that do not read a config never touch it', async () => {
    const r = await runCli(['ls'], { cwd: at('fifo-package'), killAfterMs: KILL_AFTER_MS });
    expect(r.signal ?? null).toBeNull();
    expect(r.stdout).toContain('Dockerfile');
    expect(r.code).toBe(0);
  });

  it.each([['ls'], ['size'], ['check'], ['lint'], ['suggest'], ['diff'], ['explain', 'a.txt']])('.dockerignore is a FIFO: ctxlens %s refuses it', async (...command) => {
    const r = await runCli([...command, '--builder', 'legacy'], { cwd: at('fifo-ignore'), killAfterMs: KILL_AFTER_MS });
    expectRefused(r, `ignore file ${at('fifo-ignore/.dockerignore')} ${FIFO_MESSAGE}`);
  });

  it('.dockerignore is a FIFO, BuildKit rules: refused too', async () => {
    expectRefused(await runCli(['ls'], { cwd: at('fifo-ignore'), killAfterMs: KILL_AFTER_MS }), FIFO_MESSAGE);
  });

  it('--ignore-file names a FIFO', async () => {
    expectRefused(await runCli(['ls', '--ignore-file', at('a-fifo')], { cwd: at('plain'), killAfterMs: KILL_AFTER_MS }), `ignore file ${at('a-fifo')} ${FIFO_MESSAGE}`);
  });

  it.each([
    ['.ctxlens.json is a FIFO', 'fifo-config', [], 'fifo-config/.ctxlens.json'],
    ['package.json is a FIFO', 'fifo-package', [], 'fifo-package/package.json'],
    ['--config names a FIFO', 'plain', ['--config', '../a-fifo'], 'a-fifo'],
  ] as const)('check: %s', async (_, cwd, extra, fifo) => {
    const r = await runCli(['check', ...extra], { cwd: at(cwd), killAfterMs: KILL_AFTER_MS });
    expectRefused(r, `config file ${at(fifo)} ${FIFO_MESSAGE}`);
  });
});

describe('devices that never end are read with a bound', () => {
  it('.dockerignore -> /dev/zero: Docker\'s "bufio.Scanner: token too long", at once', async () => {
    const r = await runCli(['ls', '--builder', 'legacy'], { cwd: at('zero-ignore'), killAfterMs: KILL_AFTER_MS });
    expectRefused(r, '.dockerignore:1: bufio.Scanner: token too long');
    // The start of the line is quoted, with its NUL bytes made visible rather than sent to the terminal.
    expect(r.stderr).not.toContain('\0');
    expect(r.stderr).toContain('  pattern: \\x00\\x00');
  });

  it('--ignore-file /dev/zero: the same error', async () => {
    expectRefused(await runCli(['size', '--ignore-file', '/dev/zero'], { cwd: at('plain'), killAfterMs: KILL_AFTER_MS }), '/dev/zero:1: bufio.Scanner: token too long');
  });

  it('-f /dev/zero: refused after a bounded read (Docker reads it until memory runs out)', async () => {
    expectRefused(await runCli(['size', '--builder', 'legacy', '-f', '/dev/zero'], { cwd: at('plain'), killAfterMs: KILL_AFTER_MS }), 'Dockerfile /dev/zero holds more than 32 MiB');
  });

  it('-f /dev/null: an empty Dockerfile outside the context, as Docker reads it', async () => {
    const r = await runCli(['ls', '--builder', 'legacy', '-f', '/dev/null'], { cwd: at('plain'), killAfterMs: KILL_AFTER_MS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a.txt');
  });
});

describe('a deleted working directory', () => {
  // Node's spawn cannot start a child in a missing directory, so a shell enters it, removes it and
  // then runs ctxlens, as a user would (`mkdir d; cd d; rmdir ../d; ctxlens ls`).
  const inDeletedDir = (args: readonly string[]): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve, reject) => {
      const gone = at('gone');
      mkdirSync(gone, { recursive: true });
      const script = `cd "$1" && rmdir "$1" && shift && exec "$@"`;
      const child = spawn('sh', ['-c', script, 'sh', gone, process.execPath, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      const err: Buffer[] = [];
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', reject);
      child.on('close', (code) => {
        try {
          rmdirSync(gone);
        } catch {
          /* removed by the script */
        }
        resolve({ code, stderr: Buffer.concat(err).toString('utf8') });
      });
    });

  it.each([[['ls']], [['size', '--json']], [[]]])('ctxlens %j: one line and a hint, exit 2, no stack trace', async (args) => {
    const r = await inDeletedDir(args);
    expect(r.stderr).toBe('ctxlens: cannot get the current directory: it no longer exists (getcwd failed)\n  hint: cd to a directory that exists and run ctxlens again.\n');
    expect(r.code).toBe(2);
  });
});
