// Dockerfiles BuildKit's instruction parser refuses, with the message it gives (`line: message`).
// Each row names where the rule lives in moby/buildkit (frontend/dockerfile/instructions/*.go,
// dockerfile2llb/convert.go) or the real-CLI fact of issue 11 it pins.

import { DockerfileError } from '../errors.js';

/**
 * Runs `read` and describes the DockerfileError it throws as `line: message` (the form of the rows
 * below), or `no error`.
 */
export function dockerfileFailure(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof DockerfileError) return `${error.line}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

/** One refused Dockerfile. */
export interface InstructionErrorVector {
  readonly name: string;
  readonly dockerfile: string;
  /** `line: message`. */
  readonly error: string;
  readonly source: string;
}

/** The refused Dockerfiles, run by instructions.test.ts. */
export const INSTRUCTION_ERRORS: readonly InstructionErrorVector[] = [
  { name: 'unknown instruction, with a suggestion', dockerfile: 'FROM a\nCOPPY x y\n', error: '2: dockerfile parse error on line 2: unknown instruction: COPPY (did you mean COPY?)', source: 'parse.go ParseInstruction + util/suggest' },
  { name: 'unknown instruction, lower case', dockerfile: 'FROM a\nfoo bar\n', error: '2: dockerfile parse error on line 2: unknown instruction: foo (did you mean from?)', source: 'parse.go ParseInstruction + util/suggest' },
  { name: 'unknown instruction, nothing close', dockerfile: 'FROM a\nfrobnicate bar\n', error: '2: dockerfile parse error on line 2: unknown instruction: frobnicate', source: 'parse.go ParseInstruction' },
  { name: 'instruction before FROM', dockerfile: 'RUN x\nFROM a\n', error: '1: no build stage in current context', source: 'parse.go Parse / commands.go CurrentStage' },
  { name: 'only ARGs', dockerfile: 'ARG A=1\n', error: '0: dockerfile contains no stages to build', source: 'convert.go toDispatchState' },
  { name: 'COPY --parents (not in the built-in frontend of Docker 28.5)', dockerfile: 'FROM a\nCOPY --parents x /y\n', error: '2: dockerfile parse error on line 2: unknown flag: parents', source: 'issue 11: real BuildKit 28.5.2 rejects it' },
  { name: 'misspelt flag', dockerfile: 'FROM a\nCOPY --chwon=1 x /y\n', error: '2: dockerfile parse error on line 2: unknown flag: chwon (did you mean chown?)', source: 'bflag.go Parse + util/suggest' },
  { name: 'flag without a value', dockerfile: 'FROM a\nCOPY --from x /y\n', error: '2: dockerfile parse error on line 2: missing a value on flag: from', source: 'bflag.go Parse' },
  { name: 'bool flag with a bad value', dockerfile: 'FROM a\nCOPY --link=yes x /y\n', error: '2: dockerfile parse error on line 2: expecting boolean value for flag link, not: yes', source: 'bflag.go Parse' },
  { name: 'repeated flag', dockerfile: 'FROM a\nCOPY --chown=1 --chown=2 x /y\n', error: '2: dockerfile parse error on line 2: duplicate flag specified: chown', source: 'bflag.go Parse' },
  { name: 'COPY with one argument', dockerfile: 'FROM a\nCOPY x\n', error: '2: dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined', source: 'parse.go errNoDestinationArgument' },
  { name: 'heredoc as destination', dockerfile: 'FROM a\nCOPY x <<EOF\nhi\nEOF\n', error: '2: dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination', source: 'parse.go parseSourcesAndDest' },
  { name: 'FROM with two words', dockerfile: 'FROM a b\n', error: '1: dockerfile parse error on line 1: FROM requires either one or three arguments', source: 'parse.go parseBuildStageName' },
  { name: 'bad stage name', dockerfile: 'FROM a AS 1st\n', error: '1: dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols', source: 'parse.go parseBuildStageName' },
  { name: 'ARG with a blank name', dockerfile: 'ARG =1\nFROM a\n', error: '1: dockerfile parse error on line 1: ARG names can not be blank', source: 'parse.go parseArg' },
  { name: 'WORKDIR without a path', dockerfile: 'FROM a\nWORKDIR\n', error: '2: dockerfile parse error on line 2: WORKDIR requires exactly one argument', source: 'parse.go parseWorkdir' },
  { name: 'ONBUILD FROM', dockerfile: 'FROM a\nONBUILD FROM b\n', error: "2: dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger", source: 'parse.go parseOnBuild' },
  { name: 'ONBUILD ONBUILD', dockerfile: 'FROM a\nONBUILD ONBUILD RUN x\n', error: "2: dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", source: 'parse.go parseOnBuild' },
  { name: 'SHELL in shell form', dockerfile: 'FROM a\nSHELL bash -c\n', error: '2: dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form', source: 'parse.go parseShell' },
  { name: 'RUN with a bad network', dockerfile: 'FROM a\nRUN --network=bridge x\n', error: '2: dockerfile parse error on line 2: invalid network mode "bridge"', source: 'commands_runnetwork.go' },
  { name: 'RUN with a bad security mode', dockerfile: 'FROM a\nRUN --security=root x\n', error: '2: dockerfile parse error on line 2: security "root" is not valid', source: 'commands_runsecurity.go' },
  { name: 'mount field without a value', dockerfile: 'FROM a\nRUN --mount=type=bind,target x\n', error: "2: dockerfile parse error on line 2: invalid field 'target' must be a key=value pair", source: 'commands_runmount.go parseMount' },
  { name: 'mount from with a variable', dockerfile: 'FROM a\nRUN --mount=from=$X,target=/x y\n', error: "2: dockerfile parse error on line 2: 'from' doesn't support variable expansion, define alias stage instead", source: 'commands_runmount.go parseMount' },
  { name: 'unterminated heredoc', dockerfile: 'FROM a\nRUN <<EOF cat\n', error: '2: unterminated heredoc', source: 'parser.go Parse' },
  { name: 'empty Dockerfile', dockerfile: '', error: '0: the Dockerfile cannot be empty', source: 'convert.go toDispatchState' },
];
