// Conventions every command shares, end to end: --help with examples, -q, the default command,
// colours and the progress line on a terminal, and errors for unreadable files (as an
// unprivileged user, since root reads everything).
import type { TempDir } from '@ctxlens/test-fixtures';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli, runCliInTty } from './helpers/built-cli.js';
import { fixture, WEB_PROJECT } from './helpers/fixtures.js';

const COMMANDS = ['ls', 'size', 'explain', 'check', 'lint', 'diff', 'suggest'];
let web: TempDir;
beforeAll(async () => {
  ensureBuilt();
  web = await fixture([...WEB_PROJECT, { file: '.dockerignore', content: '.git\n.env\n' }]);
});
afterAll(() => web.cleanup());

describe('--help', () => {
  it.each(COMMANDS)('ctxlens %s --help: usage, options, examples, exit 0', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ctxlens ${command}`);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--builder');
    expect(r.stdout).toContain('--ignore-file');
    expect(r.stdout).toContain('-f, --file');
  });

  it('ctxlens --help lists every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`ctxlens ${c}`);
    expect(r.stdout).toContain('Exit codes:');
  });

  it('--version', async () => {
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('-q prints nothing but errors', () => {
  it.each([['ls'], ['size'], ['explain', '.env'], ['check'], ['lint'], ['diff'], ['suggest'], []])('ctxlens %s -q', async (...args) => {
    const r = await runCli([...args, '-q'], { cwd: web.path });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(r.code).not.toBe(2);
  });

  it('errors still print with -q', async () => {
    const r = await runCli(['size', '-q', '/nonexistent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not found');
  });
});

describe('`--` ends the options: the words after it are operands, even with a leading dash', () => {
  // Every command that takes [dir]; before, yargs kept these words away from the positional and the
  // command ran on `.` with exit 0.
  it.each([['ls'], ['size'], ['check'], ['lint'], ['diff'], ['suggest'], []])('ctxlens %s -- /nonexistent: DIR is /nonexistent, which is missing (exit 2)', async (...args) => {
    const r = await runCli([...args, '--', '/nonexistent'], { cwd: web.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('path "/nonexistent" not found');
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('ctxlens ls DIR -- OTHER: a second directory is an unknown argument, as in `ls DIR OTHER` (exit 2)', async () => {
    for (const args of [['ls', '.', '--', 'b'], ['ls', '.', 'b'], ['ls', '--', '.', 'b']]) {
      const r = await runCli(args, { cwd: web.path });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Unknown argument: b');
    }
  });

  it('ctxlens ls -- -f: a directory named like an option', async () => {
    const dashed = await fixture([{ file: '-f/Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: '-f/x' }]);
    try {
      const r = await runCli(['ls', '--', '-f'], { cwd: dashed.path });
      expect(r).toMatchObject({ code: 0, stdout: 'Dockerfile\nx\n', stderr: '' });
    } finally {
      dashed.cleanup();
    }
  });

  it('ctxlens explain -- -rf explains the path -rf', async () => {
    const r = await runCli(['explain', '-v', '-n', '--', '-rf'], { cwd: web.path });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('::\t-rf\n');
  });

  it('ctxlens explain a -- b explains both', async () => {
    const r = await runCli(['explain', '.env', '--', '.git/HEAD', '-x'], { cwd: web.path });
    expect(r).toMatchObject({ code: 0, stdout: '.env\n.git/HEAD\n', stderr: '' });
    const json = await runCli(['explain', '--json', 'a', '--', 'b'], { cwd: web.path });
    expect((JSON.parse(json.stdout) as { paths: { path: string }[] }).paths.map((p) => p.path)).toEqual(['a', 'b']);
  });
});

describe('default command', () => {
  it('not on a terminal: the size summary and the biggest offenders', async () => {
    const r = await runCli([], { cwd: web.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+files\s+file bytes\s+transfer bytes\nsent \(buildkit\)\s+11\s/);
    expect(r.stdout).toContain('\nBiggest in the context (file bytes, files):\n');
    expect(r.stdout).toMatch(/^\s+2MB\s+assets\/video\.mp4$/m);
    expect(r.stdout).toMatch(/^\s+40kB\s+2 files\s+node_modules\/\s+dependencies\s+→ node_modules$/m);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--json: sizes plus offenders', async () => {
    const doc = JSON.parse((await runCli(['--json', '--top', '1'], { cwd: web.path })).stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, builder: 'buildkit', files: 11, withoutIgnoreFile: { files: 14 } });
    expect(doc.offenders).toHaveLength(1);
    expect(doc.offenders[0]).toEqual({ path: 'assets/video.mp4', type: 'file', files: 1, bytes: 2_000_000, category: null, used: false, suggestedLine: 'assets/video.mp4' });
  });

  it('on a terminal with --no-tui: the summary, in colour', () => {
    const r = runCliInTty(['--no-tui'], { cwd: web.path });
    expect(r.code).toBe(0);
    expect(r.output).toContain('Biggest in the context (file bytes, files):');
    expect(r.output).toContain('\u001b[');
  });

  it('NO_COLOR turns colour off even on a terminal', () => {
    const r = runCliInTty(['size'], { cwd: web.path, env: { NO_COLOR: '1' } });
    expect(r.output).not.toContain('\u001b[');
  });
});

describe('progress line', () => {
  let big: TempDir;
  beforeAll(async () => {
    big = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, ...Array.from({ length: 9000 }, (_, i) => ({ file: `d${i % 30}/f${i}` }))]);
  });
  afterAll(() => big.cleanup());

  it('shows entries scanned and elapsed time on a terminal, then erases itself', () => {
    const r = runCliInTty(['size'], { cwd: big.path });
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/scanning… [\d,]+ entries, \S+, \d+\.\ds/);
    expect(r.output).toContain('\r\u001b[2K');
  });

  it('stays off with --json and off the terminal', async () => {
    expect(runCliInTty(['size', '--json'], { cwd: big.path }).output).not.toContain('scanning');
    expect((await runCli(['size'], { cwd: big.path })).stderr).toBe('');
  });
});

describe('unreadable files: named, with what Docker would do (run as nobody)', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: 'secret.key', content: 'k', mode: 0o000 }, { dir: 'locked', mode: 0o000 }, { file: 'ok.txt' }]);
    chmodSync(dir.path, 0o755);
  });
  afterAll(() => dir.cleanup());
  const nobody = 65534;

  it('legacy builder: the unreadable file fails the build, as `docker build` would', async () => {
    const r = await runCli(['ls', '--builder', 'legacy', '--ignore-file', '/dev/null', '.'], { cwd: dir.path, uid: nobody });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ctxlens: error checking context: (no permission to read from|can't stat) '.*(secret\.key|locked)'/);
    expect(r.stderr).toContain('hint: ');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('BuildKit: an unreadable directory it must send is named', async () => {
    const r = await runCli(['ls', '.'], { cwd: dir.path, uid: nobody });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BuildKit cannot read "locked"');
    expect(r.stderr).toContain('hint: Make it readable, or exclude it in .dockerignore.');
  });

  it('excluded, the same directory is fine for BuildKit', async () => {
    const ignore = join(dir.path, 'ignore.txt');
    (await import('node:fs')).writeFileSync(ignore, 'locked\nsecret.key\n');
    (await import('node:fs')).chmodSync(ignore, 0o644);
    const r = await runCli(['ls', '.', '--ignore-file', ignore], { cwd: dir.path, uid: nobody });
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toBe('Dockerfile\nignore.txt\nok.txt\n');
  });
});
