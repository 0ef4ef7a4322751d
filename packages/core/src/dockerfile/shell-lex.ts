// BuildKit's shell lexer (frontend/dockerfile/shell): variable expansion and word splitting for
// Dockerfile arguments. It is not a POSIX shell: it knows `$X`, `${X}`, `${X:-d}`, `${X-d}`,
// `${X:+d}`, `${X+d}`, `${X:?m}`, `${X?m}`, `${X#p}`, `${X##p}`, `${X%p}`, `${X%%p}`, `${X/p/r}`
// and `${X//p/r}`, single and double quotes, and the Dockerfile escape character. Every message
// below is BuildKit's own text, because users search for it. Behaviour is pinned by BuildKit's
// envVarTest/wordsTest tables and lex_test.go cases (see shell-lex.test.ts).

import { goQuote, isGoDigit, isGoLetter, isGoSpace } from './go-text.js';

/** How a word is lexed; the defaults are what COPY/ADD sources get. */
export interface LexOptions {
  /** The Dockerfile escape character: `\` by default, or a backtick after `# escape=\``. */
  readonly escapeToken?: string;
  /** Keep quote characters in the result (used to tell quoted heredoc delimiters apart). */
  readonly rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  readonly rawEscapes?: boolean;
  /** Treat quotes as plain characters. */
  readonly skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written instead of expanding them to nothing. */
  readonly skipUnsetEnv?: boolean;
}

/** What expanding one word produced. */
export interface LexResult {
  /** The expanded word (spaces kept). */
  readonly result: string;
  /** The expanded word split on unquoted spaces, as `ProcessWords` returns it. */
  readonly words: readonly string[];
  /** Variable names that were looked up and found. */
  readonly matched: ReadonlySet<string>;
  /** Variable names that were looked up and not found. */
  readonly unmatched: ReadonlySet<string>;
}

/** A word BuildKit's lexer refuses; `message` is BuildKit's text (`failed to process "…": …`). */
export class ShellLexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellLexError';
  }
}

const EOF = '';

/** Accumulates the split words the way BuildKit does: unquoted spaces end a word, quoted text never does. */
class WordSplitter {
  private word = '';
  private inWord = false;
  private readonly words: string[] = [];

  addChar(ch: string): void {
    const space = isGoSpace(ch.codePointAt(0)!);
    if (space && this.inWord) {
      if (this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else if (!space) {
      this.addRawChar(ch);
    }
  }

  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }

  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }

  finish(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class WordLexer {
  private readonly chars: string[];
  private pos = 0;
  private rawEscapes: boolean;
  private readonly escape: string;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();

  constructor(
    word: string,
    private readonly env: ReadonlyMap<string, string>,
    private readonly opts: LexOptions,
  ) {
    this.chars = Array.from(word);
    this.rawEscapes = opts.rawEscapes ?? false;
    this.escape = opts.escapeToken ?? '\\';
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos]! : EOF;
  }

  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++]! : EOF;
  }

  /** Lexes until `stop` (consumed) or the end; `rawEscapes` applies for the duration of this call. */
  processStopOn(stop: string, rawEscapes: boolean): { result: string; words: string[] } {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = new WordSplitter();
      while (this.peek() !== EOF) {
        let ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return { result, words: words.finish() };
        }
        if (ch === '$') {
          const value = this.processDollar();
          result += value;
          words.addString(value);
        } else if (!this.opts.skipProcessQuotes && (ch === "'" || ch === '"')) {
          const value = ch === "'" ? this.processSingleQuote() : this.processDoubleQuote();
          result += value;
          words.addRawString(value);
        } else {
          ch = this.next();
          if (ch === this.escape) {
            if (this.rawEscapes) {
              words.addRawChar(ch);
              result += ch;
            }
            ch = this.next();
            // An escape at the very end escapes nothing and vanishes.
            if (ch === EOF) break;
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result += ch;
        }
      }
      if (stop !== EOF) throw new ShellLexError(`unexpected end of statement while looking for matching ${stop}`);
      return { result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new ShellLexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (this.opts.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const peek = this.peek();
      if (peek === EOF) throw new ShellLexError('unexpected end of statement while looking for matching double-quote');
      if (peek === '"') {
        const close = this.next();
        if (this.opts.rawQuotes) result += close;
        return result;
      }
      if (peek === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        // An escape just before the end of the input is dropped.
        if (after === EOF) continue;
        // Inside double quotes the escape only escapes `"`, `$` and itself; elsewhere it stays.
        if (after === '"' || after === '$' || after === this.escape) ch = this.next();
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const found = this.getEnv(name);
      if (found === undefined && this.opts.skipUnsetEnv) return '$' + name;
      return found ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ShellLexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ShellLexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    // Go's string(rune(-1)) at the end of input is the replacement character.
    let modifier = ch === EOF ? '\ufffd' : ch;
    let nullIsUnset = false;
    if (ch === '}') {
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return '${' + name + '}';
      return value ?? '';
    }
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next();
      modifier += ch === EOF ? '\ufffd' : ch;
    }
    if (nullIsUnset || ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
      const word = this.stopOnOrMissing('}', ch === '#' || ch === '%', "syntax error: missing '}'");
      const value = this.getEnv(name);
      if (this.opts.skipUnsetEnv && value === undefined) return '${' + name + modifier + word + '}';
      const set = value !== undefined;
      const empty = set && value === '';
      switch (ch) {
        case '-':
          return !set || (nullIsUnset && empty) ? word : value!;
        case '+':
          return !set || (nullIsUnset && empty) ? '' : word;
        case '?':
          if (!set) throw new ShellLexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
          if (nullIsUnset && empty) throw new ShellLexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
          return value!;
        case '%':
        case '#': {
          const greedy = word.length > 0 && word[0] === ch;
          const pattern = greedy ? word.slice(1) : word;
          return ch === '%' ? trimSuffix(pattern, value ?? '', greedy) : trimPrefix(pattern, value ?? '', greedy);
        }
        default:
          throw new ShellLexError(`unsupported modifier (${modifier}) in substitution`);
      }
    }
    if (ch === '/') {
      const replaceAll = this.peek() === '/';
      if (replaceAll) this.next();
      const pattern = this.stopOnOrMissing('/', true, "syntax error: missing '/' in ${}");
      const replacement = this.stopOnOrMissing('}', true, "syntax error: missing '}'");
      const value = this.getEnv(name);
      if (this.opts.skipUnsetEnv && value === undefined) return '${' + name + '/' + pattern + '/' + replacement + '}';
      const re = shellPatternToRegExp(pattern, true, false);
      const subject = value ?? '';
      if (replaceAll) return goReplaceAll(re, subject, replacement);
      const m = re.exec(subject);
      return m === null ? subject : subject.slice(0, m.index) + replacement + subject.slice(m.index + m[0].length);
    }
    throw new ShellLexError(`unsupported modifier (${modifier}) in substitution`);
  }

  /** processStopOn, turning "ran out of input" into the message BuildKit gives for that construct. */
  private stopOnOrMissing(stop: string, rawEscapes: boolean, missing: string): string {
    try {
      return this.processStopOn(stop, rawEscapes).result;
    } catch (error) {
      if (error instanceof ShellLexError && this.peek() === EOF) throw new ShellLexError(missing);
      throw error;
    }
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isGoDigit(ch)) {
        // Positional parameters: all the digits, never letters after them.
        while (this.peek() !== EOF && isGoDigit(this.peek())) name += this.next();
        return name;
      }
      if (name.length === 0 && SPECIAL_PARAMS.has(ch)) return this.next();
      if (!isGoLetter(ch) && !isGoDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  private getEnv(name: string): string | undefined {
    const value = this.env.get(name);
    if (value === undefined) this.unmatched.add(name);
    else this.matched.add(name);
    return value;
  }
}

/** POSIX special parameters; BuildKit reads them as names that are never set. */
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

/** An environment as BuildKit builds it from `K=V` strings: later entries win, `K` alone is empty. */
export function envFromList(list: readonly string[]): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of list) {
    const eq = entry.indexOf('=');
    if (eq < 0) env.set(entry, '');
    else env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}

/**
 * Expands one Dockerfile word the way BuildKit's lexer does (ProcessWord / ProcessWords).
 * @returns the expanded word, its split words and which variables were found or missing
 * @throws ShellLexError with BuildKit's message when the word is malformed or `${X?}` fails
 */
export function lexWord(word: string, env: ReadonlyMap<string, string>, opts: LexOptions = {}): LexResult {
  const lexer = new WordLexer(word, env, opts);
  try {
    const { result, words } = lexer.processStopOn(EOF, opts.rawEscapes ?? false);
    return { result, words, matched: lexer.matched, unmatched: lexer.unmatched };
  } catch (error) {
    if (error instanceof ShellLexError) throw new ShellLexError(`failed to process ${goQuote(word)}: ${error.message}`);
    throw error;
  }
}

/**
 * A shell wildcard pattern (`*`, `?`, `\` escapes; no brackets) as a regular expression, the way
 * BuildKit converts the patterns of `${X#p}`, `${X%p}` and `${X/p/r}`.
 * @returns the compiled expression (flags `gu`)
 * @throws ShellLexError `invalid pattern (…) in substitution: …` for a bad escape
 */
export function shellPatternToRegExp(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  for (let i = 0; i < chars.length; i++) {
    let tok = chars[i]!;
    if (tok === '*') {
      out += greedy ? '.*' : '.*?';
      continue;
    }
    if (tok === '?') {
      out += '.';
      continue;
    }
    if (tok === '\\') {
      const following = chars[i + 1];
      // `\}` and `\/` only protect the ${} syntax; the backslash is not part of the pattern.
      if (following === '}' || following === '/') continue;
      out += '\\';
      i++;
      tok = chars[i] ?? '\ufffd';
      if (tok !== '*' && tok !== '?' && tok !== '\\') {
        throw new ShellLexError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${tok}'`);
      }
    } else if ('[]{}.+()|^$'.includes(tok)) {
      out += '\\';
    }
    out += tok;
  }
  return new RegExp(out, 'gu');
}

function firstMatchEnd(re: RegExp, value: string): number | undefined {
  re.lastIndex = 0;
  const m = re.exec(value);
  return m === null ? undefined : m.index + m[0].length;
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const end = firstMatchEnd(shellPatternToRegExp(pattern, greedy, true), value);
  return end === undefined ? value : value.slice(end);
}

/** Shortest/longest suffix removal as a prefix removal on the reversed value (what BuildKit does). */
function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  const reversed = Array.from(value).reverse().join('');
  return Array.from(trimPrefix(reverseShellPattern(pattern), reversed, greedy)).reverse().join('');
}

/** Reverses a pattern while keeping each `\x` escape in front of the character it escapes. */
export function reverseShellPattern(pattern: string): string {
  const p = Array.from(pattern);
  const out: string[] = new Array<string>(p.length);
  const last = p.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = p[i]!;
    const at = last - i;
    if (tok === '\\' && i !== last) {
      out[at - 1] = tok;
      out[at] = p[i + 1]!;
      i += 2;
    } else {
      out[at] = tok;
      i++;
    }
  }
  return out.join('');
}

/**
 * Go's Regexp.ReplaceAllString: no replacement for an empty match right after a previous match, and
 * `$0`/`$name` in the replacement expand (no groups exist here, so only `$0` and `$$` mean anything).
 */
function goReplaceAll(re: RegExp, src: string, template: string): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length) {
    re.lastIndex = searchPos;
    const m = re.exec(src);
    if (m === null) break;
    const start = m.index;
    const end = start + m[0].length;
    out += src.slice(lastMatchEnd, start);
    if (end > lastMatchEnd || start === 0) out += goExpandTemplate(template, m[0]);
    lastMatchEnd = end;
    const cp = src.codePointAt(searchPos);
    const width = cp === undefined ? 1 : cp > 0xffff ? 2 : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + src.slice(lastMatchEnd);
}

function goExpandTemplate(template: string, whole: string): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) return out + rest;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const braced = rest.startsWith('{');
    const m = /^[A-Za-z0-9_]+/.exec(braced ? rest.slice(1) : rest);
    if (m === null || (braced && rest[1 + m[0].length] !== '}')) {
      out += '$';
      continue;
    }
    const name = m[0];
    rest = braced ? rest.slice(m[0].length + 2) : rest.slice(m[0].length);
    const numeric = /^\d+$/.test(name) && !(name.length > 1 && name[0] === '0');
    if (numeric && Number(name) === 0) out += whole;
  }
}
