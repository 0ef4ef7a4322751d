// `explain` on a terminal always answers (issue 13 point 13): git check-ignore prints nothing for a
// sent path, which a person reads as a hang or a failure. Scripts (stdout a pipe) keep git's
// formats and exit codes; a terminal gets "PATH: sent: ..." with the instruction that reads it.
import type { TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, runCliInTty } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([
    { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
    { file: '.dockerignore', content: '*.log\n!keep.log\n' },
    { file: 'coverage/lcov.info', content: 'TN:\n' },
    { file: 'keep.log' },
    { file: 'app.log' },
  ]);
});
afterAll(() => dir.cleanup());

/** args -> what a pipe gets (git's output, byte for byte) and what a terminal gets, with the exit code both share. */
const CASES = [
  { args: ['coverage/lcov.info'], pipe: '', tty: ['coverage/lcov.info: sent: no rule matches', '  the Dockerfile reads the whole context: Dockerfile:2 COPY . /', '  used by Dockerfile:2 (COPY . /) → stage stage-0 → final image'], code: 1 },
  { args: ['-v', 'coverage/lcov.info'], pipe: '', tty: ['coverage/lcov.info: sent: no rule matches', '  the Dockerfile reads the whole context: Dockerfile:2 COPY . /', '  used by Dockerfile:2 (COPY . /) → stage stage-0 → final image'], code: 1 },
  {
    args: ['-vv', 'coverage/lcov.info'],
    pipe: '',
    tty: ['coverage/lcov.info: sent: no rule matches', '  the Dockerfile reads the whole context: Dockerfile:2 COPY . /', '  the legacy builder decides the same: sent', '  used by Dockerfile:2 (COPY . /) → stage stage-0 → final image'],
    code: 1,
  },
  // Without -v git does not count a matching exception: the terminal still says which one sent it.
  { args: ['keep.log'], pipe: '', tty: ['keep.log: sent: re-included by .dockerignore:2:!keep.log', '  the Dockerfile reads the whole context: Dockerfile:2 COPY . /', '  used by Dockerfile:2 (COPY . /) → stage stage-0 → final image'], code: 1 },
  // What git prints is unchanged on a terminal, next to the sent path's answer.
  { args: ['app.log', 'coverage/lcov.info'], pipe: 'app.log\n', tty: ['app.log', 'coverage/lcov.info: sent: no rule matches', '  the Dockerfile reads the whole context: Dockerfile:2 COPY . /', '  used by Dockerfile:2 (COPY . /) → stage stage-0 → final image'], code: 0 },
  // -n asks for git's "::" record: that is what it gets, on a terminal too.
  { args: ['-v', '-n', 'coverage/lcov.info'], pipe: '::\tcoverage/lcov.info\n', tty: ['::\tcoverage/lcov.info'], code: 1 },
] as const;

describe('explain: a terminal always gets an answer; a pipe gets git check-ignore', () => {
  it.each(CASES)('explain $args', async ({ args, pipe, tty, code }) => {
    const piped = await runCli(['explain', ...args], { cwd: dir.path });
    expect(piped).toMatchObject({ code, stdout: pipe, stderr: '' });
    const terminal = runCliInTty(['explain', ...args], { cwd: dir.path, env: { NO_COLOR: '1' } });
    expect(terminal.code).toBe(code);
    expect(terminal.output.replace(/\r\n/g, '\n')).toBe(tty.map((l) => `${l}\n`).join(''));
  });
});
