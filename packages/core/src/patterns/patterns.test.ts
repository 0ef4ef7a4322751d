import { describe, expect, it } from 'vitest';
import { IgnoreFileError } from '../errors.js';
import { compilePattern } from './compile.js';
import { goMatchSyntaxError } from './go-match-syntax.js';
import { compileRules } from './pattern-set.js';
import { compileVectors, matchVectors, re2ErrorVectors, syntaxVectors } from './patterns.vectors.js';

const origin = (text: string) => ({ file: '.dockerignore', line: 1, text });
const single = (pattern: string) => compileRules([{ pattern, origin: origin(pattern) }]).patterns[0]!;

describe('filepath.Match syntax (load-time errors)', () => {
  it.each(syntaxVectors)('$pattern valid=$valid ($from)', ({ pattern, valid }) => {
    expect(goMatchSyntaxError(pattern) === undefined).toBe(valid);
  });

  it('raises Docker\'s message with file, line and pattern', () => {
    try {
      compileRules([{ pattern: 'ok', origin: origin('ok') }, { pattern: 'a[', origin: { file: 'x/.dockerignore', line: 7, text: '  a[' } }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IgnoreFileError);
      const e = error as IgnoreFileError;
      expect([e.message, e.file, e.line, e.pattern, e.phase]).toEqual(['syntax error in pattern', 'x/.dockerignore', 7, '  a[', 'load']);
      expect(e.toString()).toBe('x/.dockerignore:7: syntax error in pattern');
      expect(e.hint).toMatch(/escape/);
    }
  });

  it('rejects a lone "!" with Docker\'s wording', () => {
    expect(() => compileRules([{ pattern: '!', origin: origin('!') }])).toThrow('illegal exclusion pattern: "!"');
  });

  it('re-cleans like patternmatcher.New: "!/" cleans to "!", "/ x" trims to "x"', () => {
    expect(() => compileRules([{ pattern: '!/', origin: origin('!/') }])).toThrow('illegal exclusion pattern');
    expect(single(' x').text).toBe('x');
  });
});

describe('Pattern.compile kinds', () => {
  it.each(compileVectors)('$pattern -> $kind ($from)', ({ pattern, kind, regex }) => {
    const program = compilePattern(pattern);
    expect(program.kind).toBe(kind);
    if (regex !== undefined) expect(program.goRegex).toBe(regex);
  });
});

describe('Pattern.match', () => {
  it.each(matchVectors)('$pattern vs $path -> $expected ($from)', ({ pattern, path, expected }) => {
    expect(single(pattern).matches(path)).toBe(expected);
  });
});

describe('RE2 compile errors come at first use, as in Docker', () => {
  it.each(re2ErrorVectors)('$pattern ($from)', ({ pattern }) => {
    const compiled = single(pattern);
    expect(() => compiled.matches('anything')).toThrow(IgnoreFileError);
    try {
      compiled.matches('x');
    } catch (e) {
      expect((e as IgnoreFileError).phase).toBe('match');
      expect((e as IgnoreFileError).message).toBe('syntax error in pattern');
    }
  });
});
