import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors.js';
import { dockerfileFailure, INSTRUCTION_ERRORS } from './instructions.vectors.js';
import { parseDockerfile } from './stages.js';

const failure = (text: string): string => dockerfileFailure(() => parseDockerfile(text));

describe('Dockerfiles the instruction parser refuses', () => {
  it.for(INSTRUCTION_ERRORS)('$name ($source)', (row) => {
    expect(failure(row.dockerfile)).toBe(row.error);
  });
});

describe('typed instructions', () => {
  it('groups instructions into stages after the global ARGs, with stage names lower-cased', () => {
    const { instructions } = parseDockerfile('ARG V=1\nARG B\nFROM --platform=$BUILDPLATFORM node:$V AS Build\nRUN x\nFROM build\n');
    expect(instructions.globalArgs.flatMap((a) => a.args)).toEqual([
      { key: 'V', value: '1' },
      { key: 'B', value: undefined },
    ]);
    expect(instructions.stages.map((s) => [s.index, s.name, s.baseName, s.platform, s.commands.length])).toEqual([
      [0, 'build', 'node:$V', '$BUILDPLATFORM', 1],
      [1, '', 'build', '', 0],
    ]);
  });

  it('reads COPY and ADD flags, heredoc sources and the accepted flags of Docker 28.5', () => {
    const { instructions } = parseDockerfile(
      'FROM a\nCOPY --from=b --chown=1:1 --chmod=644 --link --exclude=*.md --exclude=x a b /d/\nADD --keep-git-dir --checksum=sha256:0 --unpack=false <<EOF src /e\nhi\nEOF\n',
    );
    const [copy, add] = instructions.stages[0]!.commands;
    expect(copy).toMatchObject({ kind: 'copy', sources: ['a', 'b'], dest: '/d/', from: 'b', chown: '1:1', chmod: '644', link: true, excludes: ['*.md', 'x'] });
    expect(add).toMatchObject({ kind: 'add', sources: ['src'], dest: '/e', keepGitDir: true, checksum: 'sha256:0', unpack: false });
    expect(add!.kind === 'add' && add!.inlineSources).toEqual([{ name: 'EOF', content: 'hi\n', expand: true }]);
  });

  it('keeps RUN mounts raw (they are expanded per stage) and checks network and security', () => {
    const run = parseDockerfile('FROM a\nRUN --mount=type=bind,source=$S,target=/s --mount=from=b,target=/b --network=none --security=insecure make\n')
      .instructions.stages[0]!.commands[0]!;
    expect(run).toMatchObject({
      kind: 'run',
      network: 'none',
      security: 'insecure',
      mounts: [
        { value: 'type=bind,source=$S,target=/s', from: '' },
        { value: 'from=b,target=/b', from: 'b' },
      ],
    });
  });
});

describe('the frontend a Dockerfile asks for', () => {
  it('is reported, since Docker would build with that frontend instead', () => {
    expect(parseDockerfile('# syntax=docker/dockerfile:1.7-labs\nFROM a\nCOPY x /y\n').frontend).toEqual({
      ref: 'docker/dockerfile:1.7-labs',
      cmdline: 'docker/dockerfile:1.7-labs',
      line: 1,
    });
    expect(parseDockerfile('FROM a\n').frontend).toBeUndefined();
  });
});

describe('hints', () => {
  const hint = (text: string): string | undefined => {
    try {
      parseDockerfile(text);
    } catch (error) {
      if (error instanceof DockerfileError) return error.hint;
      throw error;
    }
    return undefined;
  };

  it('say which flags the built-in frontend accepts', () => {
    expect(hint('FROM a\nCOPY --parents x /y\n')).toBe(
      "COPY accepts --exclude, --chown, --from, --chmod, --link in Docker's built-in Dockerfile frontend (--parents needs a # syntax= line naming a labs frontend).",
    );
    expect(hint('FROM a\nENV --x=1 A=b\n')).toBe("ENV takes no flags in Docker's built-in Dockerfile frontend.");
  });

  it('point at continuation lines for an unknown instruction', () => {
    expect(hint('FROM a\nRUN apt-get update &&\n  apt-get install x\n')).toBe('Check the spelling, or end the previous line with the escape character if this line continues it.');
  });
});
