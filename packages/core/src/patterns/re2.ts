// Go RE2 (regexp/syntax with Perl flags) to JavaScript RegExp, written on purpose rather than by
// passing the source through. The source comes from Docker's one-pass pattern translation, so the
// user controls classes, backslash escapes, `^`, and (through a bug in Docker's escaping) `|`, `{`
// and `}`; the rest is Docker's. Each construct below names the difference it bridges:
//   `.`            Go: any char but \n.         JS: also excludes \r, U+2028, U+2029 -> [^\n]
//   `\a`, `\123`   Go: BEL, octal.              JS (u flag): syntax errors -> \u{..}
//   `\s`           Go: [\t\n\f\r ].             JS: all Unicode space -> explicit ranges
//   `[[:alpha:]]`  Go: POSIX class.             JS: no POSIX classes -> explicit ranges
//   `\pC`          Go: Cc|Cf|Co|Cs.             JS \p{C}: also unassigned -> four categories
//   `\Q..\E`       Go: literal text.            JS: unsupported -> escaped literals
//   `\A`, `\z`     Go: text anchors.            JS: unsupported -> ^ and $ (no m flag)
//   `]`, `{`, `}`  Go: literals when unpaired.  JS (u flag): syntax errors -> escaped
//   `^*`           Go: repeat of an assertion.  JS: "nothing to repeat" -> (?:^)*
//   `a{2}`, `{x}`  both repeat; Go makes an unparsable `{` a literal, JS (u flag) refuses it -> escaped
//   `[^a]`         both match \n and `/` — kept as a negated class.
//   `\k`, `\é`, `[z-a]`, `[[:foo:]]`, `a**`: Go errors, so do we.
//   `x{1000}` x 3356: over Go's 3,355,443-instruction limit ("expression too large"), so do we.
// Matching does not use the JavaScript source: the parser also yields an AST (Re2Node) that the
// linear engine (re2-engine.ts) runs; the source stays as a reference for tests and the bench.
import { mergeRanges, negateRanges, PERL_CLASSES, POSIX_CLASSES, type Range, unicodeClassItems } from './re2-classes.js';

/** An empty-width assertion: `^`/`\A` (begin), `$`/`\z` (end), `\b` (word), `\B` (notWord). */
export type Re2Assertion = 'begin' | 'end' | 'word' | 'notWord';

/**
 * The parsed regexp, for the linear-time engine (re2-engine.ts). Groups vanish (nothing captures);
 * a class keeps its JavaScript source, which matches exactly the code points Go's class holds and
 * is only ever run against one character, so it cannot backtrack.
 */
export type Re2Node =
  | { readonly type: 'char'; readonly cp: number }
  | { readonly type: 'class'; readonly source: string }
  | { readonly type: 'assert'; readonly assertion: Re2Assertion }
  | { readonly type: 'concat'; readonly items: readonly Re2Node[] }
  | { readonly type: 'alternate'; readonly items: readonly Re2Node[] }
  | { readonly type: 'repeat'; readonly item: Re2Node; readonly min: number; readonly max: number };

/** A translated regular expression, or the reason Go's regexp.Compile would refuse it. */
export type Re2Translation =
  | { readonly ok: true; readonly source: string; readonly node: Re2Node; readonly minSlashes: number; readonly maxSlashes: number }
  | { readonly ok: false; readonly error: string };

interface Piece {
  src: string;
  node: Re2Node;
  /** Bounds on how many `/` characters this piece can consume: used to skip paths cheaply. */
  min: number;
  max: number;
  /** For sequences and alternations: every branch starts with ^ / ends with $, so a match spans the whole path. */
  anchoredStart?: boolean;
  anchoredEnd?: boolean;
  /** For a single atom: it is a ^ or $ assertion. */
  anchor?: 'start' | 'end';
}

class Re2SyntaxError extends Error {}

const SLASH = 0x2f;

/**
 * Translates Go RE2 source (as Docker's pattern compiler produces it) to a JavaScript RegExp source
 * for the `u` flag, with bounds on the number of `/` a match contains.
 * @returns the JavaScript source, or the error Go would report
 */
export function translateRe2(goSource: string): Re2Translation {
  try {
    const parser = new Parser(Array.from(goSource));
    const piece = parser.parseAlternation();
    if (parser.pos < parser.chars.length) throw new Re2SyntaxError('unexpected )');
    if (goProgramSize(piece.node) > MAX_PROGRAM_SIZE) throw new Re2SyntaxError('expression too large');
    // Slash bounds hold for the whole path only when the match must span it (`a|b`, or a \Q that
    // swallowed Docker's closing $, leave it unanchored).
    const spans = piece.anchoredStart === true && piece.anchoredEnd === true;
    return { ok: true, source: piece.src, node: piece.node, minSlashes: piece.min, maxSlashes: spans ? piece.max : Number.POSITIVE_INFINITY };
  } catch (error) {
    if (error instanceof Re2SyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}

/** regexp/syntax's maxSize: 128 MB of 40-byte instructions. Go refuses a regexp whose program would exceed it. */
const MAX_PROGRAM_SIZE = Math.floor((128 << 20) / 40);

/**
 * The instruction count regexp/syntax's calcSize estimates for a parsed regexp (only repeats
 * make it large: `x{1000}` a few thousand times in one pattern is over the limit).
 */
function goProgramSize(node: Re2Node): number {
  let size: number;
  switch (node.type) {
    case 'concat':
      size = node.items.reduce((n, item) => n + goProgramSize(item), 0);
      break;
    case 'alternate':
      size = node.items.reduce((n, item) => n + goProgramSize(item), 0) + node.items.length - 1;
      break;
    case 'repeat': {
      const sub = goProgramSize(node.item);
      if (node.max < 0) size = node.min === 0 ? 2 + sub : 1 + node.min * sub;
      else size = node.max * sub + (node.max - node.min);
      break;
    }
    default:
      size = 1;
  }
  return Math.max(size, 1);
}

function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f) {
    return String.fromCodePoint(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

function literalPiece(cp: number): Piece {
  const slash = cp === SLASH ? 1 : 0;
  return { src: lit(cp), node: { type: 'char', cp }, min: slash, max: slash };
}

function assertPiece(src: string, assertion: Re2Assertion): Piece {
  const anchor = assertion === 'begin' ? 'start' : assertion === 'end' ? 'end' : undefined;
  return { src, node: { type: 'assert', assertion }, min: 0, max: 0, ...(anchor ? { anchor } : {}) };
}

class Parser {
  pos = 0;
  constructor(readonly chars: string[]) {}

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  parseAlternation(): Piece {
    const branches = [this.parseSequence()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.parseSequence());
    }
    if (branches.length === 1) return branches[0]!;
    return {
      src: `(?:${branches.map((b) => b.src).join('|')})`,
      node: { type: 'alternate', items: branches.map((b) => b.node) },
      min: Math.min(...branches.map((b) => b.min)),
      max: Math.max(...branches.map((b) => b.max)),
      anchoredStart: branches.every((b) => b.anchoredStart),
      anchoredEnd: branches.every((b) => b.anchoredEnd),
    };
  }

  private parseSequence(): Piece {
    const pieces: Piece[] = [];
    let lastRepeated = false;
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const repeat = c === '*' || c === '+' || c === '?' ? { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : -1, length: 1 } : c === '{' ? this.parseRepeat() : undefined;
      if (repeat) {
        if (repeat.min > 1000 || repeat.max > 1000 || (repeat.max >= 0 && repeat.min > repeat.max)) throw new Re2SyntaxError('invalid repeat count');
        this.pos += repeat.length;
        if (this.peek() === '?') this.pos++; // non-greedy: same set of matches
        // Perl syntax forbids stacking: `a**` is an error, not a doubled star.
        if (lastRepeated) throw new Re2SyntaxError('invalid nested repetition operator');
        if (pieces.length === 0) throw new Re2SyntaxError('missing argument to repetition operator');
        pieces[pieces.length - 1] = quantify(pieces[pieces.length - 1]!, repeat.min, repeat.max);
        lastRepeated = true;
        continue;
      }
      // A \Q...\E run yields several literals; a following quantifier binds to the last one.
      pieces.push(...this.parseAtom());
      lastRepeated = false;
    }
    return {
      src: pieces.map((p) => p.src).join(''),
      node: pieces.length === 1 ? pieces[0]!.node : { type: 'concat', items: pieces.map((p) => p.node) },
      min: pieces.reduce((n, p) => n + p.min, 0),
      max: pieces.reduce((n, p) => n + p.max, 0),
      anchoredStart: pieces[0]?.anchor === 'start',
      anchoredEnd: pieces[pieces.length - 1]?.anchor === 'end',
    };
  }

  /**
   * regexp/syntax parseRepeat at a `{`: `{n}`, `{n,}` or `{n,m}` (no leading zeros); anything else
   * makes the `{` a literal.
   * @returns the bounds (max -1 when open) and the length consumed, or undefined for a literal
   */
  private parseRepeat(): { min: number; max: number; length: number } | undefined {
    const text = this.chars.slice(this.pos, this.pos + 64).join('');
    const m = /^\{(0|[1-9][0-9]*)(,(0|[1-9][0-9]*)?)?\}/.exec(text);
    if (!m) return undefined;
    // Go marks numbers of 1e8 and more as too big; any count above 1000 is an error anyway.
    const num = (digits: string): number => (digits.length > 8 ? 1e9 : Number(digits));
    const min = num(m[1]!);
    const max = m[2] === undefined ? min : m[3] === undefined ? -1 : num(m[3]);
    return { min, max, length: Array.from(m[0]).length };
  }

  /** One atom; \Q...\E yields several literal atoms. */
  private parseAtom(): Piece[] {
    const c = this.chars[this.pos++]!;
    switch (c) {
      case '(': {
        if (this.peek() === '?') throw new Re2SyntaxError('flags and named groups are not produced by Docker');
        const inner = this.parseAlternation();
        if (this.peek() !== ')') throw new Re2SyntaxError('missing closing )');
        this.pos++;
        return [{ src: `(?:${inner.src})`, node: inner.node, min: inner.min, max: inner.max }];
      }
      case '[':
        return [this.parseClass()];
      case '.':
        return [{ src: '[^\\n]', node: { type: 'class', source: '[^\\n]' }, min: 0, max: 1 }];
      case '^':
        return [assertPiece('^', 'begin')];
      case '$':
        return [assertPiece('$', 'end')];
      case '\\':
        this.pos--; // escapes are parsed from their backslash
        return this.parseEscapeAtom();
      default:
        // A `{` that did not parse as a repeat (parseSequence tried first), `]` and `}` are literals.
        return [literalPiece(c.codePointAt(0)!)];
    }
  }

  private parseEscapeAtom(): Piece[] {
    const next = this.peek(1);
    if (next === undefined) throw new Re2SyntaxError('trailing backslash at end of expression');
    switch (next) {
      case 'A':
        this.pos += 2;
        return [assertPiece('^', 'begin')];
      case 'z':
        this.pos += 2;
        return [assertPiece('$', 'end')];
      case 'b':
      case 'B':
        // Both engines use ASCII word characters for \b without the i flag.
        this.pos += 2;
        return [assertPiece('\\' + next, next === 'b' ? 'word' : 'notWord')];
      case 'C':
        throw new Re2SyntaxError('invalid escape sequence: \\C');
      case 'Q': {
        this.pos += 2;
        const atoms: Piece[] = [];
        while (this.pos < this.chars.length) {
          if (this.peek() === '\\' && this.peek(1) === 'E') {
            this.pos += 2;
            break;
          }
          atoms.push(literalPiece(this.chars[this.pos++]!.codePointAt(0)!));
        }
        return atoms;
      }
    }
    const unicode = this.tryUnicodeClass();
    if (unicode) return [classPiece(unicode.ranges, unicode.items, false)];
    const perl = this.tryPerlClass();
    if (perl) return [classPiece(perl, [], false)];
    return [literalPiece(this.parseEscapeChar())];
  }

  /** regexp/syntax parseEscape: one escaped character (after the backslash). */
  private parseEscapeChar(): number {
    this.pos++; // the backslash
    const c = this.chars[this.pos++];
    if (c === undefined) throw new Re2SyntaxError('trailing backslash at end of expression');
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return cp;
    const isOctal = (s: string | undefined): boolean => s !== undefined && s >= '0' && s <= '7';
    if (c >= '1' && c <= '7' && !isOctal(this.peek())) {
      throw new Re2SyntaxError(`invalid escape sequence: \\${c}`); // a backreference, unsupported
    }
    if (c >= '0' && c <= '7') {
      let value = cp - 0x30;
      for (let i = 1; i < 3 && isOctal(this.peek()); i++) value = value * 8 + (this.chars[this.pos++]!.codePointAt(0)! - 0x30);
      return value;
    }
    if (c === 'x') return this.parseHexEscape();
    const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (c in simple) return simple[c]!;
    throw new Re2SyntaxError(`invalid escape sequence: \\${c}`);
  }

  private parseHexEscape(): number {
    const hex = (s: string | undefined): number => (s !== undefined && /^[0-9A-Fa-f]$/.test(s) ? parseInt(s, 16) : -1);
    const first = this.chars[this.pos++];
    if (first === '{') {
      let value = 0;
      let digits = 0;
      for (;;) {
        const d = this.chars[this.pos++];
        if (d === undefined) throw new Re2SyntaxError('invalid escape sequence: \\x{');
        if (d === '}') break;
        const v = hex(d);
        if (v < 0) throw new Re2SyntaxError('invalid escape sequence: \\x{');
        value = value * 16 + v;
        if (value > 0x10ffff) throw new Re2SyntaxError('invalid escape sequence: \\x{');
        digits++;
      }
      if (digits === 0) throw new Re2SyntaxError('invalid escape sequence: \\x{}');
      return value;
    }
    const x = hex(first);
    const y = hex(this.chars[this.pos++]);
    if (x < 0 || y < 0) throw new Re2SyntaxError('invalid escape sequence: \\x');
    return x * 16 + y;
  }

  /** `\pL`, `\p{Greek}`, `\P{^L}`; undefined when not at one. */
  private tryUnicodeClass(): { ranges: Range[]; items: string[] } | undefined {
    if (this.peek() !== '\\' || (this.peek(1) !== 'p' && this.peek(1) !== 'P')) return undefined;
    let negated = this.peek(1) === 'P';
    let name: string;
    if (this.peek(2) === '{') {
      const end = this.chars.indexOf('}', this.pos + 3);
      if (end < 0) throw new Re2SyntaxError('invalid character class range: missing }');
      name = this.chars.slice(this.pos + 3, end).join('');
      this.pos = end + 1;
    } else {
      name = this.peek(2) ?? '';
      this.pos += this.peek(2) === undefined ? 2 : 3;
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const items = unicodeClassItems(name);
    if (!items) throw new Re2SyntaxError(`invalid character class range: \\p{${name}}`);
    return negated ? { ranges: [], items: [`!${items.join('')}`] } : { ranges: [], items };
  }

  private tryPerlClass(): Range[] | undefined {
    const letter = this.peek(1);
    if (this.peek() !== '\\' || letter === undefined) return undefined;
    const table = PERL_CLASSES[letter.toLowerCase()];
    if (!table || !/[dswDSW]/.test(letter)) return undefined;
    this.pos += 2;
    return letter === letter.toLowerCase() ? [...table] : negateRanges(table);
  }

  /** regexp/syntax parseClass, entered just after `[`. */
  private parseClass(): Piece {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: Range[] = [];
    const items: string[] = [];
    let first = true;
    while (this.peek() !== ']' || first) {
      if (this.peek() === undefined) throw new Re2SyntaxError('missing closing ]');
      first = false;
      if (this.peek() === '[' && this.peek(1) === ':') {
        const named = this.tryNamedClass();
        if (named) {
          ranges.push(...named);
          continue;
        }
      }
      const unicode = this.tryUnicodeClass();
      if (unicode) {
        items.push(...unicode.items);
        continue;
      }
      const perl = this.tryPerlClass();
      if (perl) {
        ranges.push(...perl);
        continue;
      }
      const lo = this.parseClassChar();
      let hi = lo;
      // `[a-]` is a and -, so a range needs something other than `]` after the dash.
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.pos++;
        hi = this.parseClassChar();
        if (hi < lo) throw new Re2SyntaxError('invalid character class range');
      }
      ranges.push([lo, hi]);
    }
    this.pos++; // the closing ]
    return classPiece(ranges, items, negated);
  }

  private parseClassChar(): number {
    const c = this.peek();
    if (c === undefined) throw new Re2SyntaxError('missing closing ]');
    if (c === '\\') return this.parseEscapeChar();
    this.pos++;
    return c.codePointAt(0)!;
  }

  /** `[:alpha:]` / `[:^alpha:]`. Go looks for the closing `:]` anywhere in the rest of the source. */
  private tryNamedClass(): Range[] | undefined {
    let end = -1;
    for (let i = this.pos + 2; i + 1 < this.chars.length; i++) {
      if (this.chars[i] === ':' && this.chars[i + 1] === ']') {
        end = i;
        break;
      }
    }
    if (end < 0) return undefined;
    let name = this.chars.slice(this.pos + 2, end).join('');
    const negated = name.startsWith('^');
    if (negated) name = name.slice(1);
    const table = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
    if (!table) throw new Re2SyntaxError(`invalid character class range: [:${name}:]`);
    this.pos = end + 2;
    return negated ? negateRanges(table) : [...table];
  }
}

function rangeSource([lo, hi]: Range): string {
  return lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`;
}

/**
 * A class as JavaScript source. Items starting with `!` are negated unions (Go's \PC), which a JS
 * class cannot hold as one member, so those use alternation and lookahead.
 */
function classPiece(ranges: Range[], items: string[], negated: boolean): Piece {
  const merged = mergeRanges(ranges);
  const plain = merged.map(rangeSource).join('') + items.filter((i) => !i.startsWith('!')).join('');
  const unions = items.filter((i) => i.startsWith('!')).map((i) => i.slice(1));
  let src: string;
  if (unions.length === 0) src = `[${negated ? '^' : ''}${plain}]`;
  else if (!negated) src = `(?:${[`[${plain}]`, ...unions.map((u) => `[^${u}]`)].join('|')})`;
  else {
    // not (P or not X1 or not X2 ...) = not P and X1 and X2 ...
    const [firstUnion, ...others] = unions;
    src = `(?:(?![${plain}])${others.map((u) => `(?=[${u}])`).join('')}[${firstUnion}])`;
  }
  const test = new RegExp(`^${src}$`, 'u');
  const slash = test.test('/');
  const onlySlash = slash && !negated && unions.length === 0 && items.length === 0 && merged.every(([lo, hi]) => lo === SLASH && hi === SLASH);
  return { src, node: { type: 'class', source: src }, min: onlySlash ? 1 : 0, max: slash ? 1 : 0 };
}

function quantify(atom: Piece, min: number, max: number): Piece {
  // Always grouping is simplest, and JavaScript refuses a bare quantified assertion (`^*`).
  const op = max === 1 && min === 0 ? '?' : max < 0 ? (min === 0 ? '*' : min === 1 ? '+' : `{${min},}`) : min === max ? `{${min}}` : `{${min},${max}}`;
  const unbounded = max < 0 && atom.max > 0;
  return { src: `(?:${atom.src})${op}`, node: { type: 'repeat', item: atom.node, min, max }, min: atom.min * min, max: unbounded ? Number.POSITIVE_INFINITY : atom.max * Math.max(max, 0) };
}
