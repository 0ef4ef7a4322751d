// The Dockerfile parser against BuildKit's parser testfiles (data in test/conformance/vectors/) and
// against the rules of BuildKit's parser.go that those files do not cover.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerfileFailure } from './instructions.vectors.js';
import { chompHeredocContent, dumpAst, heredocsFromLine, parseDockerfileAst, parseHeredoc, type DockerfileAst } from './parser.js';
import { ShellLexError } from './shell-lex.js';

interface TestFile {
  readonly name: string;
  readonly source: string;
  readonly dockerfile: string;
  readonly result: string;
}
const testfiles = (
  JSON.parse(readFileSync(new URL('../../test/conformance/vectors/buildkit-parser-testfiles.json', import.meta.url), 'utf8')) as {
    files: TestFile[];
  }
).files;

describe(`BuildKit parser testfiles (${testfiles.length})`, () => {
  it.for(testfiles)('$name dumps as its result', (file) => {
    expect(dumpAst(parseDockerfileAst(file.dockerfile), false)).toBe(file.result.trim());
  });
});

const parse = (text: string): DockerfileAst => parseDockerfileAst(text);
const dump = (text: string): string => dumpAst(parse(text));

const failure = (text: string): string => dockerfileFailure(() => parse(text));

describe('parser directives', () => {
  it('reads # escape, # syntax and # check on the first lines, case-insensitively', () => {
    const ast = parse('# syntax=docker/dockerfile:1\n#Escape = `\n# check=skip=all\nFROM a\nRUN x `\n  y\n');
    expect(ast.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'escape', value: '`', line: 2 },
      { name: 'check', value: 'skip=all', line: 3 },
    ]);
    expect(ast.escapeToken).toBe('`');
    expect(dumpAst(ast)).toBe('(from "a")\n(run "x   y")');
    // Directive lines are not comments of the first instruction.
    expect(ast.nodes[0]!.comments).toEqual([]);
  });

  it('stops looking at the first line that is not a directive (a blank line, a comment, an unknown key)', () => {
    expect(parse('\n# escape=`\nFROM a\n').escapeToken).toBe('\\');
    expect(parse('# hello\n# escape=`\nFROM a\n').escapeToken).toBe('\\');
    expect(parse('# foo=bar\n# escape=`\nFROM a\n').escapeToken).toBe('\\');
    expect(parse('FROM a\n# escape=`\n').escapeToken).toBe('\\');
  });

  it('takes an indented directive (the line is left-trimmed first)', () => {
    expect(dump('  #escape = `\n\nFROM image\nENV foo `\nENV bar baz')).toBe('(from "image")\n(env "foo" "ENV bar baz" "")');
  });

  it('refuses a repeated directive and a bad escape token', () => {
    expect(failure('# escape=`\n# escape=\\\nFROM a\n')).toBe('2: only one escape parser directive can be used');
    expect(failure('# escape=x\nFROM a\n')).toBe("1: invalid escape token 'x' does not match ` or \\");
  });
});

describe('lines, comments and continuations', () => {
  it('drops comment lines inside a continued instruction without ending it', () => {
    expect(dump('FROM a\nRUN echo hello \\\n# a comment\n  world\n')).toBe('(from "a")\n(run "echo hello   world")');
  });

  it('skips empty continuation lines with a warning instead of ending the instruction', () => {
    const ast = parse('FROM busybox\nRUN foo \\\n\nbar\n');
    expect(dumpAst(ast)).toBe('(from "busybox")\n(run "foo bar")');
    expect(ast.warnings).toEqual([{ message: 'Empty continuation line found in: RUN foo bar', line: 4 }]);
  });

  it('accepts a continuation at the end of the file', () => {
    const ast = parse('FROM a\nRUN foo \\');
    expect(dumpAst(ast)).toBe('(from "a")\n(run "foo")');
    expect(ast.nodes[1]!.endLine).toBe(2);
  });

  it('joins continuation lines as BuildKit does (the character before the escape stays)', () => {
    expect(dump('FROM a\nRUN echo hello\\\n  world\\\n  goodnight  \\\n  moon\\\n  light\\\nning\n')).toBe(
      '(from "a")\n(run "echo hello  world  goodnight    moon  lightning")',
    );
    expect(dump('FROM a\nRUN echo hi \\\n \\\n world \\\n\\\n good\\\n\\\nnight\n')).toBe('(from "a")\n(run "echo hi   world  goodnight")');
  });

  it('strips a byte-order mark and CRLF line ends, and keeps comments for the next instruction', () => {
    const ast = parse('\ufeff# base image\r\nFROM a AS b\r\n');
    expect(dumpAst(ast)).toBe('(from "a" "AS" "b")');
    expect(ast.nodes[0]!.comments).toEqual(['base image']);
  });

  it('refuses a file with no instructions', () => {
    expect(failure('# only a comment\n\n')).toBe('2: file with no instructions');
  });

  it('reads builder flags byte by byte, with quotes and escapes, up to the first word without --', () => {
    const node = parse('COPY --from=build --chown="a b" --chmod=7\\55 -- --x src dst\n').nodes[0]!;
    expect(node.flags).toEqual(['--from=build', '--chown=a b', '--chmod=755']);
    expect(node.args).toEqual(['--x', 'src', 'dst']);
    expect(parse('COPY --from=é a b\n').nodes[0]!.flags).toEqual(['--from=Ã©']);
  });
});

describe('arguments', () => {
  it('tells JSON arrays from shell form the way BuildKit does', () => {
    expect(parse('COPY ["a b", "/x"]\n').nodes[0]).toMatchObject({ args: ['a b', '/x'], json: true });
    expect(parse('COPY [a, b] /x\n').nodes[0]).toMatchObject({ args: ['[a,', 'b]', '/x'], json: false });
    expect(parse('RUN ["echo", "hi"] trailing\n').nodes[0]).toMatchObject({ args: ['["echo", "hi"] trailing'], json: false });
    expect(failure('FROM a\nRUN ["echo", 1]\n')).toBe('2: when using JSON array syntax, arrays must be comprised of strings only');
  });

  it('reads ENV in both forms and refuses what BuildKit refuses', () => {
    expect(dump('ENV A B C\nENV X=1 Y="a b" Z\\ z=2\n')).toBe('(env "A" "B C" "")\n(env "X" "1" "=" "Y" "\\"a b\\"" "=" "Z\\\\ z" "2" "=")');
    expect(failure('FROM a\nENV A\n')).toBe('2: ENV must have two arguments');
    expect(failure('FROM a\nENV A=1 B\n')).toBe('2: Syntax error - can\'t find = in "B". Must be of the form: name=value');
  });

  it('keeps ARG words with their quotes, and ONBUILD as a sub-instruction', () => {
    expect(dump('ARG A="x y" B\nONBUILD COPY --from=a b c\n')).toBe('(arg "A=\\"x y\\"" "B")\n(onbuild (copy ["--from=a"] "b" "c"))');
  });
});

describe('heredocs', () => {
  it('attaches heredoc bodies to COPY/RUN/ADD and keeps them out of the arguments', () => {
    const ast = parse('FROM a\nCOPY <<EOF /x\nhello $D\nEOF\nRUN <<A cat && <<"B" cat\na\nA\nb $x\nB\nCOPY src /y\n');
    const [, copy, run, last] = ast.nodes;
    expect(copy).toMatchObject({ args: ['<<EOF', '/x'], startLine: 2, endLine: 4 });
    expect(copy!.heredocs).toEqual([{ name: 'EOF', content: 'hello $D\n', chomp: false, expand: true, fileDescriptor: 0 }]);
    expect(run!.heredocs.map((h) => [h.name, h.content, h.expand])).toEqual([
      ['A', 'a\n', true],
      ['B', 'b $x\n', false],
    ]);
    expect(last).toMatchObject({ args: ['src', '/y'], startLine: 10 });
  });

  it('ends a <<- heredoc at its delimiter after leading tabs', () => {
    const run = parse('FROM a\nRUN <<-EOT sh\n\techo hi\n\tEOT\n').nodes[1]!;
    expect(run.heredocs[0]).toMatchObject({ name: 'EOT', content: '\techo hi\n', chomp: true });
  });

  it('reads no heredoc in exec form or in other instructions', () => {
    expect(parse('FROM a\nRUN ["cat", "<<EOF"]\nENV A <<EOF\n').nodes.map((n) => n.heredocs.length)).toEqual([0, 0, 0]);
  });

  it('refuses an unterminated heredoc, from its instruction to the end of the file', () => {
    expect(failure('FROM a\nRUN <<EOF cat\nhello\n')).toBe('2: unterminated heredoc');
  });
});

interface HeredocTables {
  extracts: { dockerfile: string; heredocsAfterFirst: unknown[][] };
  jsonForm: { dockerfile: string; instructionsWithoutHeredocs: number[] };
  helpers: { valid: string[]; invalid: string[]; notHeredocs: string[] };
  fromLine: { line: string; names: string[] }[];
  chomp: { content: string; chomped: string };
}
const heredocTables = JSON.parse(readFileSync(new URL('../../test/conformance/vectors/buildkit-heredoc-tests.json', import.meta.url), 'utf8')) as HeredocTables;

describe("BuildKit's heredoc tests (parser_heredoc_test.go)", () => {
  it('TestParseExtractsHeredoc: every instruction gets exactly its heredocs', () => {
    const nodes = parse(heredocTables.extracts.dockerfile).nodes;
    expect(nodes.slice(1).map((n) => n.heredocs)).toEqual(heredocTables.extracts.heredocsAfterFirst);
  });

  it('TestParseJSONHeredoc: exec form has no heredocs', () => {
    const nodes = parse(heredocTables.jsonForm.dockerfile).nodes;
    for (const i of heredocTables.jsonForm.instructionsWithoutHeredocs) expect(nodes[i]!.heredocs).toEqual([]);
  });

  it.for(heredocTables.helpers.valid)('TestParseHeredocHelpers: %s is a heredoc named EOF', (word) => {
    expect(parseHeredoc(word)?.name).toBe('EOF');
  });

  it.for(heredocTables.helpers.invalid)('TestParseHeredocHelpers: %s fails', (word) => {
    expect(() => parseHeredoc(word)).toThrow(ShellLexError);
  });

  it.for(heredocTables.helpers.notHeredocs)('TestParseHeredocHelpers: %j is no heredoc', (word) => {
    expect(parseHeredoc(word)).toBeUndefined();
  });

  it.for(heredocTables.fromLine)('TestHeredocsFromLine: $line opens $names', (row) => {
    expect(heredocsFromLine(row.line).map((h) => h.name)).toEqual(row.names);
  });

  it('TestHeredocChomp', () => {
    expect(chompHeredocContent(heredocTables.chomp.content)).toBe(heredocTables.chomp.chomped);
  });
});
