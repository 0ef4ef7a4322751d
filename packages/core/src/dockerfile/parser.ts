// Dockerfile text -> instruction nodes, the way BuildKit's frontend/dockerfile/parser reads it:
// parser directives (`# syntax`, `# escape`, `# check`) only on the very first lines, comments,
// line continuations (including comment and empty lines inside them), heredocs for RUN/COPY/ADD,
// builder flags, and each instruction's own argument rules (JSON or shell form, ENV/LABEL pairs,
// ARG words, whitespace lists). Types and stages come later (instructions.ts, stages.ts).
//
// Why not the npm package dockerfile-ast (the ecosystem's parser)? Tried on these features, it puts
// heredoc bodies into the instruction's arguments (`COPY <<EOF /x` + body gives
// ["<<EOF","/x","hello","$D","EOF"]) and does no variable expansion at all, and core has no
// Dockerfile dependency to build on. BuildKit's rules are small enough to follow exactly here.

import { DockerfileError } from '../errors.js';
import { goTrimSpace } from '../ignorefile/go-strings.js';
import { goQuote, goQuoteList, isGoSpace, trimLeftGoSpace } from './go-text.js';
import { lexWord, ShellLexError } from './shell-lex.js';

/** A heredoc attached to a RUN/COPY/ADD line (`<<EOF`, `<<-EOF`, `<<"EOF"`). */
export interface Heredoc {
  /** The delimiter word, quotes removed. */
  readonly name: string;
  /** The lines between the instruction and the delimiter, newlines kept. */
  readonly content: string;
  /** `<<-`: leading tabs are stripped from the content and the delimiter line. */
  readonly chomp: boolean;
  /** False when any part of the delimiter was quoted: the content is then taken literally. */
  readonly expand: boolean;
  /** The file descriptor written before `<<` (`3<<EOF`), 0 when none. */
  readonly fileDescriptor: number;
}

/** One instruction as the parser hands it on (BuildKit's parser.Node, flattened). */
export interface DockerfileNode {
  /** The instruction word as written (`copy`, `COPY`). */
  readonly instruction: string;
  /** The instruction word in lower case, which is how BuildKit dispatches it. */
  readonly keyword: string;
  /** Builder flags before the arguments, e.g. `--from=build` (quotes and escapes removed). */
  readonly flags: readonly string[];
  /** The arguments after the argument rules of this instruction (for ENV/LABEL: key, value, separator triples). */
  readonly args: readonly string[];
  /** True when the arguments were a JSON array (exec form). */
  readonly json: boolean;
  /** ONBUILD's trigger instruction. */
  readonly sub?: DockerfileNode;
  readonly heredocs: readonly Heredoc[];
  /** The instruction's logical line: continuations joined, comments inside them dropped. */
  readonly original: string;
  /** 1-based first line. */
  readonly startLine: number;
  /** 1-based last line, including continuation and heredoc lines. */
  readonly endLine: number;
  /** The comment lines right before the instruction (text after `#`, trimmed). */
  readonly comments: readonly string[];
}

/** A parser directive from the first lines of the file. */
export interface ParserDirective {
  readonly name: 'syntax' | 'escape' | 'check';
  readonly value: string;
  readonly line: number;
}

/** A warning BuildKit reports without failing (today: empty continuation lines). */
export interface ParseWarning {
  readonly message: string;
  readonly line: number;
}

/** A parsed Dockerfile. */
export interface DockerfileAst {
  readonly file: string;
  readonly nodes: readonly DockerfileNode[];
  /** `\` or a backtick. */
  readonly escapeToken: string;
  readonly directives: readonly ParserDirective[];
  readonly warnings: readonly ParseWarning[];
}

const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/s;
const VALID_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** Go's `[\t\v\f\r ]+`, the separator of whitespace-delimited arguments. */
const WHITESPACE_RUN = /[\t\v\f\r ]+/;
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
const HEREDOC_KEYWORDS = new Set(['add', 'copy', 'run']);
/** bufio.Scanner's default limit: a line of this many bytes or more cannot be read. */
const MAX_LINE_BYTES = 64 * 1024;

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly endLine = line,
  ) {
    super(message);
  }
}

/** Which directives are still possible; BuildKit stops looking at the first line that is not one. */
class DirectiveState {
  escapeToken = '\\';
  continuation = continuationRegExp('\\');
  private done = false;
  private readonly seen = new Set<string>();
  readonly found: ParserDirective[] = [];

  /** @returns true when `line` (newline and leading space removed) was a directive */
  consider(line: string, lineNumber: number): boolean {
    if (this.done) return false;
    const m = DIRECTIVE.exec(line);
    const name = m?.[1]!.toLowerCase();
    if (m === null || name === undefined || !VALID_DIRECTIVES.has(name)) {
      this.done = true;
      return false;
    }
    if (this.seen.has(name)) throw new ParseFailure(`only one ${name} parser directive can be used`, lineNumber);
    this.seen.add(name);
    const value = m[2]!;
    if (name === 'escape') {
      if (value !== '`' && value !== '\\') throw new ParseFailure(`invalid escape token '${value}' does not match \` or \\`, lineNumber);
      this.escapeToken = value;
      this.continuation = continuationRegExp(value);
    }
    this.found.push({ name: name as ParserDirective['name'], value, line: lineNumber });
    return true;
  }
}

/** The escape token at the end of a line (after spaces/tabs), unless it is itself escaped... mostly: BuildKit's regexp only looks one character back. */
function continuationRegExp(escape: string): RegExp {
  const e = escape === '\\' ? '\\\\' : escape;
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`, 'su');
}

function trimNewline(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === '\n' || line[end - 1] === '\r')) end--;
  return line.slice(0, end);
}

function isComment(line: string): boolean {
  return trimLeftGoSpace(line).startsWith('#');
}

/** @returns the line without its continuation token, and whether the instruction ends here */
function trimContinuation(line: string, d: DirectiveState): [string, boolean] {
  const m = d.continuation.exec(line);
  if (m === null) return [line, true];
  return [line.slice(0, m.index) + (m[1] ?? ''), false];
}

/** Splits into lines that keep their `\n`, as BuildKit's scanner does. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * Parses Dockerfile text into instruction nodes exactly as BuildKit's parser does.
 * @param text the Dockerfile's content (a Buffer is read as UTF-8)
 * @param file the name used in errors
 * @returns the nodes, directives, escape token and warnings
 * @throws DockerfileError with BuildKit's message and the line (unterminated heredoc, a second
 *   `# escape`, bad JSON arrays, ENV without a value, a file with no instructions…)
 */
export function parseDockerfileAst(text: string | Buffer, file = 'Dockerfile'): DockerfileAst {
  const source = typeof text === 'string' ? text : text.toString('utf8');
  try {
    return parseLines(source, file);
  } catch (error) {
    if (error instanceof ParseFailure) throw new DockerfileError(error.message, file, error.line, hintFor(error.message), error.endLine);
    throw error;
  }
}

/** BuildKit's line scanner: lines keep their `\n`; a line of 64 KiB or more stops the scan with an error. */
class LineScanner {
  private readonly lines: string[];
  private i = 0;
  /** Set when the scan stopped at a line too long to read (1-based line number). */
  tooLongAt: number | undefined;

  constructor(source: string) {
    this.lines = splitLines(source);
  }

  next(): string | undefined {
    if (this.tooLongAt !== undefined || this.i >= this.lines.length) return undefined;
    const line = this.lines[this.i]!;
    if (Buffer.byteLength(trimNewline(line), 'utf8') >= MAX_LINE_BYTES) {
      this.tooLongAt = this.i + 1;
      return undefined;
    }
    this.i++;
    return line;
  }
}

function parseLines(source: string, file: string): DockerfileAst {
  const scanner = new LineScanner(source);
  const d = new DirectiveState();
  const nodes: DockerfileNode[] = [];
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let current = 0;

  for (let raw = scanner.next(); raw !== undefined; raw = scanner.next()) {
    if (current === 0 && raw.startsWith('\ufeff')) raw = raw.slice(1);
    if (isComment(raw)) {
      const comment = goTrimSpace(raw.slice(1));
      if (comment === '') comments = [];
      else comments.push(comment);
    }
    const token = trimLeftGoSpace(trimNewline(raw));
    if (d.consider(token, current + 1)) comments.pop();
    current++;
    const startLine = current;
    let [text, ended] = trimContinuation(isComment(token) ? '' : token, d);
    if (ended && text === '') continue;

    let hadEmptyContinuation = false;
    for (let next = ended ? undefined : scanner.next(); next !== undefined; next = ended ? undefined : scanner.next()) {
      const body = trimNewline(next);
      d.consider(body, current + 1);
      current++;
      // Comment lines inside a continued instruction are dropped; they do not end it.
      if (isComment(next)) continue;
      if (trimLeftGoSpace(body) === '') {
        hadEmptyContinuation = true;
        continue;
      }
      let part: string;
      [part, ended] = trimContinuation(body, d);
      text += part;
    }
    if (hadEmptyContinuation) warnings.push({ message: `Empty continuation line found in: ${text}`, line: current });

    const node = nodeFromLine(text, d, comments, startLine);
    const heredocs = canContainHeredoc(node) && text.includes('<<') ? heredocsFromLine(text, startLine, current) : [];
    for (const [k, doc] of heredocs.entries()) {
      let content = '';
      let terminated = false;
      for (let bodyLine = scanner.next(); bodyLine !== undefined; bodyLine = scanner.next()) {
        current++;
        let candidate = trimNewline(bodyLine);
        if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
        if (candidate === doc.name) {
          terminated = true;
          break;
        }
        content += bodyLine;
      }
      if (!terminated) throw new ParseFailure('unterminated heredoc', startLine, current);
      heredocs[k] = { ...doc, content };
    }
    nodes.push({ ...node, heredocs, endLine: current });
    comments = [];
  }
  if (nodes.length === 0) throw new ParseFailure('file with no instructions', current);
  if (scanner.tooLongAt !== undefined) {
    throw new ParseFailure(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES - 1}`, scanner.tooLongAt);
  }
  return { file, nodes, escapeToken: d.escapeToken, directives: d.found, warnings };
}

function canContainHeredoc(node: DockerfileNode): boolean {
  const target = node.keyword === 'onbuild' && node.sub !== undefined ? node.sub : node;
  return HEREDOC_KEYWORDS.has(target.keyword) && !target.json;
}

type Parsed = { args: string[]; json: boolean; sub?: DockerfileNode };
type LineParser = (rest: string, d: DirectiveState, line: number) => Parsed;

const none = (): Parsed => ({ args: [], json: false });

function nodeFromLine(line: string, d: DirectiveState, comments: readonly string[], startLine: number): DockerfileNode {
  const { instruction, flags, rest } = splitCommand(line);
  const keyword = instruction.toLowerCase();
  const parse = LINE_PARSERS[keyword] ?? ((): Parsed => ({ args: [''], json: false }));
  let parsed: Parsed;
  try {
    parsed = parse(rest, d, startLine);
  } catch (error) {
    if (error instanceof ParseFailure) throw error;
    if (error instanceof Error) throw new ParseFailure(error.message, startLine);
    throw error;
  }
  const node: DockerfileNode = {
    instruction,
    keyword,
    flags,
    args: parsed.args,
    json: parsed.json,
    heredocs: [],
    original: line,
    startLine,
    endLine: startLine,
    comments: [...comments],
  };
  return parsed.sub === undefined ? node : { ...node, sub: parsed.sub };
}

/** BuildKit's splitCommand: the instruction word, the `--flags` before the arguments, the rest. */
function splitCommand(line: string): { instruction: string; flags: string[]; rest: string } {
  const trimmed = goTrimSpace(line);
  const m = WHITESPACE_RUN.exec(trimmed);
  if (m === null) return { instruction: trimmed, flags: [], rest: '' };
  const { rest, flags } = extractBuilderFlags(trimmed.slice(m.index + m[0].length));
  return { instruction: trimmed.slice(0, m.index), flags, rest: goTrimSpace(rest) };
}

/**
 * Reads `--flag`, `--flag=value`, quoted values and `\` escapes before the arguments. BuildKit does
 * this byte by byte: a non-ASCII byte becomes the character with that code (so `é` in a flag
 * value turns into `Ã©`), and the bytes 0x85 and 0xA0 count as spaces. Both are kept here.
 */
function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const bytes = Buffer.from(line, 'utf8');
  const restAt = (pos: number): string => bytes.subarray(pos).toString('utf8');
  const flags: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = 0;
  let blankOK = false;
  for (let pos = 0; pos <= bytes.length; pos++) {
    const ch = pos < bytes.length ? bytes[pos]! : -1;
    if (phase === 'spaces') {
      if (pos === bytes.length) break;
      if (isGoSpace(ch)) continue;
      if (ch !== 0x2d || pos + 1 === bytes.length || bytes[pos + 1] !== 0x2d) return { rest: restAt(pos), flags };
      phase = 'word';
    }
    if (pos === bytes.length) {
      if (word !== '--' && (blankOK || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return { rest: restAt(pos), flags };
        if (blankOK || word.length > 0) flags.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      let c = ch;
      if (c === 0x5c) {
        if (pos + 1 === bytes.length) continue;
        c = bytes[++pos]!;
      }
      word += String.fromCharCode(c);
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    let c = ch;
    if (c === 0x5c) {
      if (pos + 1 === bytes.length) {
        phase = 'word';
        continue;
      }
      c = bytes[++pos]!;
    }
    word += String.fromCharCode(c);
  }
  return { rest: '', flags };
}

/** BuildKit's parseWords: words split on spaces, quotes kept, the escape token protecting the next character. */
function parseWords(rest: string, escape: string): string[] {
  const chars = Array.from(rest);
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let word = '';
  for (let pos = 0; pos <= chars.length; pos++) {
    let ch = pos < chars.length ? chars[pos]! : '';
    if (phase === 'spaces') {
      if (pos === chars.length) break;
      if (isGoSpace(ch.codePointAt(0)!)) continue;
      phase = 'word';
    }
    if (pos === chars.length) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch.codePointAt(0)!)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escape) {
        if (pos + 1 === chars.length) continue;
        word += ch;
        ch = chars[++pos]!;
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    // Inside single quotes nothing is escaped.
    if (ch === escape && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      word += ch;
      ch = chars[++pos]!;
    }
    word += ch;
  }
  return words;
}

function splitWhitespace(rest: string): string[] {
  return rest === '' ? [] : rest.split(new RegExp(WHITESPACE_RUN.source));
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** @returns the array's strings, or undefined when `rest` is not a JSON array (then it is shell form) */
function parseJson(rest: string): string[] | undefined {
  const trimmed = trimLeftGoSpace(rest);
  if (!trimmed.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  if (!value.every((v): v is string => typeof v === 'string')) throw new Error(NOT_STRING_ARRAY);
  return value;
}

function parseNameVal(rest: string, key: string, d: DirectiveState): Parsed {
  const words = parseWords(rest, d.escapeToken);
  if (words.length === 0) return none();
  if (!words[0]!.includes('=')) {
    const m = WHITESPACE_RUN.exec(rest);
    if (m === null) throw new Error(`${key} must have two arguments`);
    return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''], json: false };
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) throw new Error(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    args.push(word.slice(0, eq), word.slice(eq + 1), '=');
  }
  return { args, json: false };
}

function parseMaybeJson(rest: string): Parsed {
  if (rest === '') return none();
  const json = parseJson(rest);
  return json === undefined ? { args: [rest], json: false } : { args: json, json: true };
}

function parseMaybeJsonToList(rest: string): Parsed {
  const json = parseJson(rest);
  return json === undefined ? { args: splitWhitespace(rest), json: false } : { args: json, json: true };
}

const LINE_PARSERS: Readonly<Record<string, LineParser>> = {
  add: parseMaybeJsonToList,
  copy: parseMaybeJsonToList,
  volume: parseMaybeJsonToList,
  cmd: parseMaybeJson,
  entrypoint: parseMaybeJson,
  run: parseMaybeJson,
  shell: parseMaybeJson,
  arg: (rest, d) => ({ args: parseWords(rest, d.escapeToken), json: false }),
  env: (rest, d) => parseNameVal(rest, 'ENV', d),
  label: (rest, d) => parseNameVal(rest, 'LABEL', d),
  expose: (rest) => ({ args: splitWhitespace(rest), json: false }),
  from: (rest) => ({ args: splitWhitespace(rest), json: false }),
  maintainer: (rest) => (rest === '' ? none() : { args: [rest], json: false }),
  stopsignal: (rest) => (rest === '' ? none() : { args: [rest], json: false }),
  user: (rest) => (rest === '' ? none() : { args: [rest], json: false }),
  workdir: (rest) => (rest === '' ? none() : { args: [rest], json: false }),
  healthcheck: (rest) => {
    // The type is the first word (split on ASCII-range spaces, byte by byte as BuildKit does).
    let sep = 0;
    while (sep < rest.length && !isGoSpace(rest.charCodeAt(sep))) sep++;
    let next = sep;
    while (next < rest.length && isGoSpace(rest.charCodeAt(next))) next++;
    if (sep === 0) return none();
    const cmd = parseMaybeJson(rest.slice(next));
    return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
  },
  onbuild: (rest, d, line) => {
    if (rest === '') return none();
    const sub = nodeFromLine(rest, d, [], line);
    return { args: [sub.instruction, ...sub.args], json: false, sub };
  },
};

/**
 * Finds the heredocs a RUN/COPY/ADD line opens, as BuildKit does: split the line into words (quotes
 * and escapes kept, variables not expanded) and take each word of the form `[n]<<[-]WORD`.
 * @returns the heredocs, their content still empty
 * @throws DockerfileError-bound failure when a delimiter cannot be lexed
 */
export function heredocsFromLine(line: string, startLine = 0, endLine = startLine): Heredoc[] {
  let words: readonly string[] = [];
  try {
    words = lexWord(line, new Map(), { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).words;
  } catch (error) {
    // BuildKit ignores a line it cannot split here: no heredocs.
    if (!(error instanceof ShellLexError)) throw error;
  }
  const docs: Heredoc[] = [];
  for (const word of words) {
    try {
      const doc = parseHeredoc(word);
      if (doc !== undefined) docs.push(doc);
    } catch (error) {
      if (error instanceof ShellLexError) throw new ParseFailure(error.message, startLine, endLine);
      throw error;
    }
  }
  return docs;
}

/**
 * Reads one heredoc word (`<<EOF`, `<<-"EOF"`, `3<<EOF`) the way BuildKit's ParseHeredoc does.
 * @returns the heredoc (empty content), or undefined when the word is not one
 * @throws ShellLexError when the delimiter cannot be lexed
 */
export function parseHeredoc(word: string): Heredoc | undefined {
  const m = HEREDOC_WORD.exec(word);
  if (m === null || m[3] === '') return undefined;
  const rest = m[3]!;
  const plain = lexWord(rest, new Map(), { skipUnsetEnv: true }).words;
  if (plain.length !== 1) return undefined;
  const raw = lexWord(rest, new Map(), { skipUnsetEnv: true, rawQuotes: true }).words;
  if (raw.length !== plain.length) throw new ShellLexError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  const quotes = (s: string): number => s.split(/['"]/).length - 1;
  return {
    name: plain[0]!,
    content: '',
    chomp: m[2] === '-',
    expand: quotes(plain[0]!) === quotes(raw[0]!),
    fileDescriptor: m[1] === '' ? 0 : Number(m[1]),
  };
}

/** BuildKit's ChompHeredocContent: leading tabs removed from every line. */
export function chompHeredocContent(content: string): string {
  return content.replace(/^\t+/gm, '');
}

/**
 * BuildKit's Node.Dump: the parse tree as s-expressions, one instruction per line, as in the
 * parser's testfiles/NAME/result.
 * @param separators false to leave out the ENV/LABEL separator arguments, as results written before
 *   BuildKit added them do
 * @returns the dump text
 */
export function dumpAst(ast: DockerfileAst, separators = true): string {
  return ast.nodes
    .map((n) => `(${dumpNode(n, separators)})`)
    .join('\n')
    .trim();
}

function dumpNode(node: DockerfileNode, separators: boolean): string {
  let s = node.keyword;
  if (node.flags.length > 0) s += ' ' + goQuoteList(node.flags);
  const keyValue = node.keyword === 'env' || node.keyword === 'label';
  if (node.sub !== undefined) s += ` (${dumpNode(node.sub, separators)})`;
  else for (const [i, arg] of node.args.entries()) if (separators || !keyValue || i % 3 !== 2) s += ' ' + goQuote(arg);
  return goTrimSpace(s);
}

function hintFor(message: string): string | undefined {
  if (message === 'unterminated heredoc') return 'Close the heredoc with a line holding only its delimiter (after leading tabs for <<-).';
  if (message === 'file with no instructions') return 'Add a FROM instruction; a Dockerfile needs at least one.';
  if (message.startsWith('only one ')) return 'Keep a single line for each parser directive at the top of the file.';
  if (message.startsWith('invalid escape token')) return 'Use `# escape=\\` or `# escape=`` (a backtick).';
  if (message === NOT_STRING_ARRAY) return 'Quote every element of the JSON array, or write the instruction in shell form.';
  return undefined;
}
