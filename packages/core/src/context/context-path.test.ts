import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { computeContext } from './compute-context.js';
import type { BuildContext } from './build-context.js';
import { toContextRelative } from './context-path.js';

const inputs = { contextDir: '/real/ctx', contextDirAsGiven: '/link/ctx', dockerfile: '/real/ctx/Dockerfile', dockerfileRelative: 'Dockerfile', dockerfileSize: 0, dockerfileExists: true, ignoreFile: undefined, ignoreFileReason: 'none' } as const;

// [given, context-relative path, or null when it must be refused as outside the context]
const table: [string, string | null][] = [
  ['src/a.ts', 'src/a.ts'],
  ['./src/../.env', './src/../.env'],
  ['..foo', '..foo'],
  ['.', '.'],
  ['/real/ctx/.env', '.env'],
  ['/real/ctx', '.'],
  ['/real/ctx/', '.'],
  ['/real/ctx/src/../.env', '.env'],
  ['/link/ctx/src/a.ts', 'src/a.ts'],
  ['/real/ctx/..foo', '..foo'],
  ['../etc/passwd', null],
  ['..', null],
  ['src/../../x', null],
  ['/etc/passwd', null],
  ['/real/ctx/../other/.env', null],
  ['/real/ctxother/.env', null],
];

describe('toContextRelative', () => {
  it.each(table)('%s → %s', (given, want) => {
    if (want === null) expect(() => toContextRelative(inputs, given)).toThrow(InputError);
    else expect(toContextRelative(inputs, given)).toBe(want);
  });

  it('names the path, the context and the fix', () => {
    expect(() => toContextRelative(inputs, '/etc/passwd')).toThrow(expect.objectContaining({ message: '/etc/passwd is outside the build context /real/ctx', argument: 'path', hint: expect.stringContaining('absolute path inside it') }));
  });
});

describe('BuildContext.explain on absolute and outside paths', () => {
  let tmp: TempDir;
  let ctx: BuildContext;
  let viaLink: BuildContext;
  beforeAll(async () => {
    tmp = await makeTempDir();
    await buildTree(join(tmp.path, 'ctx'), [
      { file: '.dockerignore', content: '.env\n' },
      { file: '.env', content: 'K=1' },
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
      { file: 'src/a.ts', content: 'x' },
    ]);
    symlinkSync(join(tmp.path, 'ctx'), join(tmp.path, 'link'));
    ctx = await computeContext(join(tmp.path, 'ctx'), { builder: 'buildkit' });
    viaLink = await computeContext(join(tmp.path, 'link'), { builder: 'buildkit' });
  });
  afterAll(() => tmp.cleanup());

  it('answers for the file an absolute path names, not for the path without its leading /', () => {
    expect(ctx.explain(join(tmp.path, 'ctx', '.env'))).toMatchObject({ path: '.env', included: false, rule: { origin: { line: 1 } } });
    expect(ctx.explain(join(tmp.path, 'ctx', 'src/a.ts'))).toMatchObject({ path: 'src/a.ts', included: true });
  });

  it('takes absolute paths through the context directory as the caller named it (a symlink)', () => {
    expect(viaLink.explain(join(tmp.path, 'link', '.env'))).toMatchObject({ path: '.env', included: false });
  });

  it('refuses paths outside the context with an InputError', () => {
    expect(() => ctx.explain('../etc/passwd')).toThrow(InputError);
    expect(() => ctx.explain('/etc/passwd')).toThrow(InputError);
  });

  it('keeps relative paths as before', () => {
    expect(ctx.explain('.env')).toMatchObject({ path: '.env', included: false });
    expect(ctx.explain('./src/a.ts')).toMatchObject({ path: 'src/a.ts', included: true });
  });
});
