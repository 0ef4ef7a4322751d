// `ctxlens explain`, end to end: git check-ignore's formats and exit codes, the trace, every error
// path, and agreement with the engine on random cases.
import { computeContextWithBaseline } from '@ctxlens/core';
import type { TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';
import { randomCase } from './helpers/random-case.js';

let dir: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([
    // Reads the whole context: these tests are about the ignore file.
    { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
    { file: '.dockerignore', content: 'build\n!**/*.map\n.env\nDockerfile\n' },
    { file: 'build/a.map' },
    { file: 'build/sub/b.map' },
    { file: 'build/x.js' },
    { file: 'src/app.ts' },
    { file: '.env' },
  ]);
});
afterAll(() => dir.cleanup());

const explain = (args: string[], input?: string) => runCli(['explain', ...args], { cwd: dir.path, ...(input === undefined ? {} : { input }) });

describe('ctxlens explain: git check-ignore formats', () => {
  it('without -v prints only the excluded paths, as given; exit 0', async () => {
    const r = await explain(['build/x.js', 'build/a.map', './src/app.ts', '.env', 'does/not/exist']);
    expect(r).toMatchObject({ code: 0, stdout: 'build/x.js\n.env\n', stderr: '' });
  });

  it('exit 1 when no path is excluded', async () => {
    expect(await explain(['src/app.ts', 'build/a.map'])).toMatchObject({ code: 1, stdout: '' });
  });

  it('-v prints "<source>:<line>:<pattern><TAB><path>" for every matched path, exceptions too', async () => {
    const r = await explain(['-v', 'build/x.js', 'build/a.map', 'src/app.ts']);
    expect(r.stdout).toBe('.dockerignore:1:build\tbuild/x.js\n.dockerignore:2:!**/*.map\tbuild/a.map\n');
    expect(r.code).toBe(0);
  });

  it('-v counts a matching exception, as git does (exit 0 although nothing is excluded)', async () => {
    expect(await explain(['-v', 'build/a.map'])).toMatchObject({ code: 0 });
    expect(await explain(['build/a.map'])).toMatchObject({ code: 1, stdout: '' });
  });

  it('-v -n adds "::<TAB>path" for paths no rule matches', async () => {
    const r = await explain(['-v', '-n', 'src/app.ts', '.env']);
    expect(r.stdout).toBe('::\tsrc/app.ts\n.dockerignore:3:.env\t.env\n');
  });

  it('quotes unusual paths like git (core.quotePath)', async () => {
    const r = await explain(['-v', '-n', 'é.txt', 'tab\there']);
    expect(r.stdout).toBe('::\t"\\303\\251.txt"\n::\t"tab\\there"\n');
  });

  it('--stdin reads lines (C-quoted ones unquoted); -z switches both sides to NUL', async () => {
    const r = await explain(['--stdin', '-v', '-n'], 'build/x.js\n"\\303\\251.txt"\n');
    expect(r.stdout).toBe('.dockerignore:1:build\tbuild/x.js\n::\t"\\303\\251.txt"\n');
    const z = await explain(['--stdin', '-z', '-v', '-n'], 'build/x.js\0src/app.ts\0');
    expect(z.stdout).toBe('.dockerignore\x001\x00build\x00build/x.js\x00\x00\x00\x00src/app.ts\x00');
    const plain = await explain(['--stdin', '-z'], 'build/x.js\0src/app.ts\0');
    expect(plain.stdout).toBe('build/x.js\0');
  });

  it('-q prints nothing and keeps the exit code', async () => {
    expect(await explain(['-q', '.env'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await explain(['-q', 'src/app.ts'])).toMatchObject({ code: 1, stdout: '', stderr: '' });
  });

  it('-C DIR: the context, and the base of relative paths', async () => {
    // As in git, everything is then relative to DIR: the rule's source too.
    const r = await runCli(['explain', '-C', dir.path, '-v', 'build/x.js', `${dir.path}/.env`]);
    expect(r.stdout).toBe('.dockerignore:1:build\tbuild/x.js\n.dockerignore:3:.env\t' + dir.path + '/.env\n');
    const inside = await runCli(['explain', '-v', 'build/x.js'], { cwd: dir.path });
    expect(inside.stdout).toBe('.dockerignore:1:build\tbuild/x.js\n');
  });
});

describe('ctxlens explain: -vv trace and the other builder', () => {
  it('names the parent directory that decided, and that BuildKit would differ', async () => {
    const r = await explain(['-vv', '--builder', 'legacy', 'build/sub/b.map']);
    expect(r.stdout).toBe(
      [
        '.dockerignore:1:build\tbuild/sub/b.map',
        '  not sent by the legacy builder',
        '  excluded by .dockerignore:1:build (matched parent directory "build")',
        '  decided by parent directory "build": the legacy builder excludes it and never enters it, so no exception below it applies',
        '  BuildKit decides differently: sent (.dockerignore:2:!**/*.map)',
        '  not eligible: the ignore file keeps it out',
        '',
      ].join('\n'),
    );
  });

  it('shows every rule that flipped the state, including the legacy client\'s own exception', async () => {
    const r = await explain(['--trace', '--builder', 'legacy', 'Dockerfile']);
    expect(r.stdout).toContain('(legacy builder):0:!Dockerfile\tDockerfile\n');
    expect(r.stdout).toContain('  excluded by .dockerignore:4:Dockerfile\n  re-included by (legacy builder):0:!Dockerfile\n');
    expect(r.stdout).toContain('  BuildKit decides differently: not sent (.dockerignore:4:Dockerfile)\n');
  });

  it('says when the other builder decides the same', async () => {
    const r = await explain(['-vv', '.env']);
    expect(r.stdout).toContain('  the legacy builder decides the same: not sent\n');
  });

  it('--json: both builders, the trace and the pruning directory', async () => {
    const r = await explain(['--json', '--builder', 'legacy', 'build/sub/b.map', 'src/app.ts']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.paths[0]).toMatchObject({
      path: 'build/sub/b.map',
      contextPath: 'build/sub/b.map',
      builder: 'legacy',
      included: false,
      prunedAt: 'build',
      rule: { source: '.dockerignore', line: 1, pattern: 'build', exception: false },
      otherBuilder: { builder: 'buildkit', included: true, rule: { line: 2, pattern: '!**/*.map', exception: true } },
      buildersDiffer: true,
    });
    expect(doc.paths[1]).toMatchObject({ path: 'src/app.ts', included: true, rule: null, buildersDiffer: false });
  });
});

describe('ctxlens explain: entries no walk sends', () => {
  it('a unix socket: the legacy builder leaves it out, with the reason, as its ls does; BuildKit sends it as an empty file', async () => {
    const sock = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { socket: 'app.sock' }, { file: 'f' }]);
    try {
      const run = (args: string[]) => runCli(args, { cwd: sock.path });
      expect((await run(['ls', '--builder', 'legacy'])).stdout).toBe('Dockerfile\nf\n');
      expect((await run(['ls', '--builder', 'buildkit'])).stdout).toBe('Dockerfile\napp.sock\nf\n');
      const json = await run(['explain', '--json', '--builder', 'legacy', 'app.sock', 'f']);
      expect(json.code).toBe(0);
      const doc = JSON.parse(json.stdout);
      expect(doc.paths[0]).toMatchObject({ path: 'app.sock', included: false, rule: null, notSent: expect.stringContaining('sockets are never sent by the legacy builder'), otherBuilder: { builder: 'buildkit', included: true }, buildersDiffer: true });
      expect(doc.paths[1]).toMatchObject({ path: 'f', included: true, notSent: null });
      // git check-ignore's contract: print what is left out, exit 1 when nothing is.
      expect(await run(['explain', '--builder', 'legacy', 'app.sock', 'f'])).toMatchObject({ code: 0, stdout: 'app.sock\n' });
      expect(await run(['explain', '--builder', 'buildkit', 'app.sock', 'f'])).toMatchObject({ code: 1, stdout: '' });
      const trace = await run(['explain', '-vv', '-n', '--builder', 'legacy', 'app.sock']);
      expect(trace.stdout).toContain('  not sent by the legacy builder: sockets are never sent by the legacy builder');
    } finally {
      sock.cleanup();
    }
  });
});

describe('ctxlens explain: errors (exit 2, git\'s messages, no stack)', () => {
  it.each([
    { args: [], message: 'no path specified' },
    { args: ['--stdin', 'x'], message: 'cannot specify pathnames with --stdin' },
    { args: ['-n', 'x'], message: '--non-matching is only valid with --verbose' },
    { args: ['-z', 'x'], message: '-z only makes sense with --stdin' },
    { args: ['-q', '-v', 'x'], message: 'cannot have both --quiet and --verbose' },
    { args: ['-q', 'x', 'y'], message: '--quiet is only valid with a single pathname' },
    { args: ['../outside'], message: "'../outside' is outside the build context" },
    { args: ['-C', 'missing-dir', 'x'], message: 'not found' },
    { args: ['-f', 'nope.Dockerfile', 'x'], message: 'Cannot locate Dockerfile' },
  ])('$args', async ({ args, message }) => {
    const r = await explain(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a badly quoted stdin line', async () => {
    const r = await explain(['--stdin'], '"unterminated\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('badly quoted');
  });

  it('an invalid pattern: file:line, pattern, hint', async () => {
    const bad = await fixture([{ file: 'Dockerfile' }, { file: '.dockerignore', content: 'a\n[\n' }]);
    try {
      const r = await runCli(['explain', 'x'], { cwd: bad.path });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('.dockerignore:2: syntax error in pattern\n  pattern: [\n  hint:');
    } finally {
      await bad.cleanup();
    }
  });
});

describe('ctxlens explain agrees with the engine on random cases', () => {
  const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);
  it.each(SEEDS)('seed %i', async (seed) => {
    const c = randomCase(seed);
    const tree = await fixture(c.spec, 'ctxlens-explain-random-');
    try {
      for (const builder of ['buildkit', 'legacy'] as const) {
        const { context } = await computeContextWithBaseline(tree.path, { builder, wholeContext: true });
        const inv = context.inventory;
        const expected = new Map<string, boolean>();
        for (let i = 1; i < inv.count; i++) expected.set(inv.path(i), context.isIncluded(i));
        const paths = [...expected.keys()];
        const r = await runCli(['explain', '--stdin', '-z', '--whole-context', '--builder', builder], { cwd: tree.path, input: paths.join('\0') + '\0' });
        const excluded = new Set(r.stdout.split('\0').filter((p) => p !== ''));
        const mismatches = paths.filter((p) => excluded.has(p) === expected.get(p)).map((p) => `${p}: engine ${expected.get(p) ? 'sends' : 'leaves out'}, explain says ${excluded.has(p) ? 'excluded' : 'included'}`);
        expect(mismatches, `seed ${seed} ${builder}\n.dockerignore:\n${c.dockerignore}`).toEqual([]);
        expect(r.code).toBe(excluded.size > 0 ? 0 : 1);
        const json = JSON.parse((await runCli(['explain', '--json', '--whole-context', '--builder', builder, ...paths.slice(0, 30)], { cwd: tree.path })).stdout);
        for (const p of json.paths) expect(p.included, `${p.path} (seed ${seed} ${builder})`).toBe(expected.get(p.path));
      }
    } finally {
      await tree.cleanup();
    }
  });
});
