// A rule whose regexp does not compile, met by BuildKit's Dockerfile frontend (COPY/ADD source
// checks, dockerd) and by the client's walk. Not run on the shared real BuildKit: a second check
// that reaches the rule crashes dockerd 28.5.2 (see frontend-ignore-check.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IgnoreFileError } from '../errors.js';
import { computeContext } from './compute-context.js';

describe('an ignore rule whose regexp does not compile, under BuildKit', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-badrule-');
    await buildTree(tmp.path, [{ file: 'a' }, { file: 'b' }, { file: '.dockerignore', content: 'x\n[z-a]\n' }]);
  });
  afterAll(() => tmp.cleanup());

  const run = (dockerfileText: string) => computeContext(tmp.path, { builder: 'buildkit', dockerfileText }).then(
    () => 'ok',
    (error: Error) => error,
  );

  it('two COPY sources that reach it: the frontend crashes the daemon, named with both instructions', async () => {
    const error = await run('FROM scratch\nCOPY a /a\nCOPY b /b\n');
    expect(error).toBeInstanceOf(IgnoreFileError);
    expect(error).toMatchObject({ line: 2, pattern: '[z-a]', phase: 'match' });
    expect((error as IgnoreFileError).message).toContain('dockerd 28.5.2 crashes');
    expect((error as IgnoreFileError).message).toContain('Dockerfile:2 COPY a /a');
    expect((error as IgnoreFileError).message).toContain('Dockerfile:3 COPY b /b');
    expect((error as IgnoreFileError).message).toContain('line 2 ("[z-a]")');
  });

  it('one COPY source: the frontend drops the error, and the client walk stops on the rule', async () => {
    const error = await run('FROM scratch\nCOPY a /a\n');
    expect(error).toBeInstanceOf(IgnoreFileError);
    expect((error as IgnoreFileError).message).toBe('syntax error in pattern');
    expect((error as IgnoreFileError).message).not.toContain('crashes');
  });

  it('a rule that no check reaches (an exception while nothing is excluded) is never compiled', async () => {
    writeFileSync(join(tmp.path, '.dockerignore'), 'x\n![z-a]\n');
    try {
      expect(await run('FROM scratch\nCOPY a /a\nCOPY b /b\n')).toBe('ok');
    } finally {
      writeFileSync(join(tmp.path, '.dockerignore'), 'x\n[z-a]\n');
    }
  });

  it('a bind mount is not checked by the frontend: only the client walk stops', async () => {
    const error = await run('FROM scratch\nRUN --mount=type=bind,target=/c true\nRUN --mount=type=bind,source=a,target=/a true\n');
    expect(error).toBeInstanceOf(IgnoreFileError);
  });
});
