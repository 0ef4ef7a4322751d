// BuildKit's own shell-lexer tables (envVarTest, wordsTest, lex_test.go cases), kept as data in
// test/conformance/vectors/, run against lexWord.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envFromList, lexWord, reverseShellPattern, shellPatternToRegExp, ShellLexError } from './shell-lex.js';

const VECTORS = new URL('../../test/conformance/vectors/', import.meta.url);
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, VECTORS), 'utf8')) as T;

interface EnvVarTable {
  readonly env: string[];
  readonly rows: { platform: string; source: string; expected: string; line: number }[];
}
interface WordsTable {
  readonly rows: ({ env: string; line: number } | { source: string; expected: string[]; line: number; note?: string })[];
}
interface MatchesTable {
  readonly rows: {
    input: string;
    env: Record<string, string>;
    expected?: string;
    error?: boolean;
    errorContains?: string;
    matched?: string[];
    unmatched?: string[];
  }[];
}

/** lexWord's result, or `error` the way the Go tables spell a failure. */
function outcome(fn: () => string): string {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ShellLexError) return 'error';
    throw error;
  }
}

const envVars = load<EnvVarTable>('buildkit-env-var-test.json');
const unixRows = envVars.rows.filter((r) => r.platform !== 'W');
const envVarEnv = envFromList(envVars.env);

describe(`BuildKit envVarTest (${unixRows.length} unix rows)`, () => {
  it.for(unixRows)('line $line: $source -> $expected', (row) => {
    expect(outcome(() => lexWord(row.source, envVarEnv).result)).toBe(row.expected);
  });
});

const words = load<WordsTable>('buildkit-words-test.json');
const wordCases: { source: string; expected: string[]; line: number; env: string[] }[] = [];
{
  const env: string[] = [];
  for (const row of words.rows) {
    if ('env' in row) env.push(row.env);
    else wordCases.push({ ...row, env: [...env] });
  }
}

describe(`BuildKit wordsTest (${wordCases.length} rows)`, () => {
  it.for(wordCases)('line $line: $source -> $expected', (row) => {
    let got: readonly string[];
    try {
      got = lexWord(row.source, envFromList(row.env)).words;
    } catch (error) {
      if (!(error instanceof ShellLexError)) throw error;
      got = ['error'];
    }
    expect(got).toEqual(row.expected);
  });
});

const matches = load<MatchesTable>('buildkit-lex-matches.json');

describe(`BuildKit lex_test.go cases (${matches.rows.length} rows)`, () => {
  it.for(matches.rows)('$input with $env', (row) => {
    const env = new Map(Object.entries(row.env));
    if (row.error) {
      expect(() => lexWord(row.input, env)).toThrow(ShellLexError);
      if (row.errorContains !== undefined) expect(() => lexWord(row.input, env)).toThrow(row.errorContains);
      return;
    }
    const got = lexWord(row.input, env);
    expect(got.result).toBe(row.expected);
    if (row.matched !== undefined) expect([...got.matched].sort()).toEqual(row.matched);
    if (row.unmatched !== undefined) expect([...got.unmatched].sort()).toEqual(row.unmatched);
  });
});

describe('shell lexer details from lex_test.go', () => {
  // TestConvertShellPatternToRegex: the expressions BuildKit builds, as JavaScript sources.
  it.for([
    ['*', '^.*'],
    ['?', '^.'],
    ['\\*', '^\\*'],
    ['(()[]{\\}^$.\\*\\?|\\\\', '^\\(\\(\\)\\[\\]\\{\\}\\^\\$\\.\\*\\?\\|\\\\'],
  ])('pattern %s compiles to %s', ([pattern, source]) => {
    expect(shellPatternToRegExp(pattern!, true, true).source).toBe(source);
  });

  it.for(['\\', '\\x', '\\\\\\'])('pattern %s is refused', (pattern) => {
    expect(() => shellPatternToRegExp(pattern, true, true)).toThrow(ShellLexError);
  });

  // TestReversePattern
  it.for([
    ['a\\*c', 'c\\*a'],
    ['\\\\\\ab', 'b\\a\\\\'],
    ['ab\\', '\\ba'],
    ['👽\\🚀🖖', '🖖\\🚀👽'],
    ['\\\\b', 'b\\\\'],
  ])('reverses %s to %s', ([pattern, reversed]) => {
    expect(reverseShellPattern(pattern!)).toBe(reversed);
  });

  it('wraps errors the way BuildKit prints them', () => {
    expect(() => lexWord('${X:?must be set}', new Map())).toThrow('failed to process "${X:?must be set}": X: must be set');
    expect(() => lexWord('a${', new Map())).toThrow(`failed to process "a\${": syntax error: missing '}'`);
  });

  it('uses the escape token it is given', () => {
    expect(lexWord('a`$X', new Map([['X', 'y']]), { escapeToken: '`' }).result).toBe('a$X');
    expect(lexWord('a\\$X', new Map([['X', 'y']]), { escapeToken: '`' }).result).toBe('a\\y');
  });

  it('leaves unset variables alone when asked (heredoc detection)', () => {
    expect(lexWord('${A:-b}$C', new Map(), { skipUnsetEnv: true }).result).toBe('${A:-b}$C');
  });

  it("replaces all matches the way Go's ReplaceAllString does (no empty match right after a match)", () => {
    // `*` is `.*`: one match of the whole value, then an empty match at the end that Go skips.
    expect(lexWord('${X//*/-}', new Map([['X', 'abc']])).result).toBe('-');
    // An escaped `$` survives lexing, and Go's template expansion then reads `$0` as the match.
    expect(lexWord('${X//?/\\$0.}', new Map([['X', 'ab']])).result).toBe('\\a.\\b.');
  });
});
