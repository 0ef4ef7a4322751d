// A linear-time matcher for the RE2 programs Docker's pattern compiler produces. V8's RegExp
// backtracks, so `**/**/**/…/*x` on a deep path or `*a*a*a…b` on a long name took minutes; Go's
// regexp takes milliseconds. This engine compiles the parsed regexp (re2.ts) to a Thompson NFA and
// simulates it over the path's characters, memoising each set of NFA states as a DFA state built
// on first use (the lazy DFA of RE2): a path costs one array lookup per character once its states
// exist, and building a state costs at most one visit per NFA instruction. The cache is capped;
// past the cap, states are built and thrown away, which is plain NFA simulation: still linear,
// with bounded memory.
//
// Semantics follow Go's regexp.MatchString: an unanchored search (a match may start anywhere),
// `^`/`$` at the ends of the text only (Docker sets no flags), `\b`/`\B` on ASCII word characters,
// and characters are code points. A lone surrogate, which is how ctxlens keeps a byte that is not
// UTF-8 (inventory/raw-names.ts), is read as U+FFFD: Go decodes each such byte as one RuneError.
import type { Re2Assertion, Re2Node } from './re2.js';

const enum Op {
  Char,
  Class,
  Split,
  Begin,
  End,
  Word,
  NotWord,
  Match,
}

const ASSERT_OPS: Readonly<Record<Re2Assertion, Op>> = { begin: Op.Begin, end: Op.End, word: Op.Word, notWord: Op.NotWord };

/** A set of NFA states at one point of the text, with what its assertions need of the past. */
interface DState {
  /** The instructions reached by the last character, before following empty transitions. */
  readonly pcs: Int32Array;
  /** Nothing read yet: `^` holds here. */
  readonly atStart: boolean;
  /** The previous character was an ASCII word character (for `\b`, `\B`). */
  readonly afterWord: boolean;
  /** Cached successors for ASCII characters, created when the state enters the cache. */
  ascii: (DState | undefined)[] | undefined;
  /** Cached successors for other code points. */
  other: Map<number, DState> | undefined;
  /** Whether the text may end here: computed on first need. */
  final: boolean | undefined;
}

/** Cached DFA states a matcher keeps at most; past this, it simulates the NFA without caching. */
const MAX_CACHED_STATES = 2000;
/** Cached successors for code points above ASCII, per state: names can hold any of a million. */
const MAX_CACHED_OTHER = 256;

const isWordChar = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;

/** Stand-in for the end of the text in a transition. */
const END = -1;

/**
 * A compiled RE2 program with its lazily built DFA. `matches` runs in time linear in the text:
 * `steps` counts the work done (one per character read plus one per NFA instruction visited while
 * building states), so tests can bound it without a clock.
 */
export class Re2Matcher {
  /** Work done so far by `matches`: characters read plus NFA instructions visited. */
  steps = 0;
  /** Number of NFA instructions: the per-character cost bound of a state that is not cached. */
  readonly size: number;
  // The program as parallel arrays (a regexp Go accepts may hold millions of instructions):
  // opcode, next instruction, a Split's second branch, a Char's code point or a Class's index.
  private readonly ops: Uint8Array;
  private readonly outs: Int32Array;
  private readonly alts: Int32Array;
  private readonly args: Int32Array;
  private readonly classes: ((cp: number) => boolean)[] = [];
  private readonly start: number;
  private readonly usesWord: boolean;
  /** The start instruction leads nowhere once past the beginning (`^…`): an empty set is dead. */
  private readonly anchored: boolean;
  private readonly cache = new Map<string, DState>();
  private readonly initial: DState;
  /** Marks of the instructions visited in the current closure: `mark[pc] === generation`. */
  private readonly mark: Int32Array;
  private generation = 0;
  /** The outcome of reading a character that completes a match, or that no match can follow. */
  private readonly matched: DState;
  private readonly dead: DState;

  constructor(node: Re2Node) {
    const b: ProgramBuilder = { ops: [], outs: [], alts: [], args: [], classIndex: new Map() };
    const match = this.emit(b, Op.Match, -1);
    this.start = this.compile(b, node, match);
    this.ops = Uint8Array.from(b.ops);
    this.outs = Int32Array.from(b.outs);
    this.alts = Int32Array.from(b.alts);
    this.args = Int32Array.from(b.args);
    this.size = this.ops.length;
    this.mark = new Int32Array(this.size);
    this.usesWord = b.ops.some((op) => op === Op.Word || op === Op.NotWord);
    this.anchored = !this.canStartLater();
    const sentinel = (): DState => ({ pcs: new Int32Array(0), atStart: false, afterWord: false, ascii: undefined, other: undefined, final: undefined });
    this.matched = sentinel();
    this.dead = sentinel();
    this.initial = this.intern(new Int32Array(0), true, false);
  }

  /**
   * Go's `regexp.MatchString`: whether the regexp matches anywhere in the text.
   * @returns true when some substring of `text` matches
   */
  matches(text: string): boolean {
    const n = text.length;
    this.steps += n + 1;
    let state = this.initial;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      let next: DState | undefined;
      if (c < 0x80) {
        next = state.ascii?.[c];
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const low = c <= 0xdbff && i + 1 < n ? text.charCodeAt(i + 1) : 0;
          if (low >= 0xdc00 && low <= 0xdfff) {
            c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
            i++;
          } else c = 0xfffd; // a lone surrogate: an escaped byte, or text that is not UTF-16
        }
        next = state.other?.get(c);
      }
      if (next === undefined) next = this.step(state, c);
      if (next === this.matched) return true;
      if (next === this.dead) return false;
      state = next;
    }
    if (state.final === undefined) state.final = this.step(state, END) === this.matched;
    return state.final;
  }

  private emit(b: ProgramBuilder, op: Op, out: number, alt = -1, arg = 0): number {
    b.ops.push(op);
    b.outs.push(out);
    b.alts.push(alt);
    b.args.push(arg);
    return b.ops.length - 1;
  }

  /** Emits `node` followed by the instruction `next`; returns where it starts (continuation style, so no patching). */
  private compile(b: ProgramBuilder, node: Re2Node, next: number): number {
    switch (node.type) {
      case 'char':
        return this.emit(b, Op.Char, next, -1, node.cp);
      case 'class': {
        // Copies of a repeated class share one test.
        let index = b.classIndex.get(node.source);
        if (index === undefined) {
          index = this.classes.push(classTest(node.source)) - 1;
          b.classIndex.set(node.source, index);
        }
        return this.emit(b, Op.Class, next, -1, index);
      }
      case 'assert':
        return this.emit(b, ASSERT_OPS[node.assertion], next);
      case 'concat': {
        let at = next;
        for (let k = node.items.length - 1; k >= 0; k--) at = this.compile(b, node.items[k]!, at);
        return at;
      }
      case 'alternate': {
        let at = this.compile(b, node.items[node.items.length - 1]!, next);
        for (let k = node.items.length - 2; k >= 0; k--) at = this.emit(b, Op.Split, this.compile(b, node.items[k]!, next), at);
        return at;
      }
      case 'repeat': {
        let at: number;
        if (node.max < 0) {
          // A loop: the split is emitted first so the body can jump back to it.
          const loop = this.emit(b, Op.Split, -1, next);
          b.outs[loop] = this.compile(b, node.item, loop);
          at = loop;
        } else {
          // x{2,4} = x x (x (x)?)?: each optional copy may skip straight to what follows.
          at = next;
          for (let k = node.min; k < node.max; k++) at = this.emit(b, Op.Split, this.compile(b, node.item, at), next);
        }
        for (let k = 0; k < node.min; k++) at = this.compile(b, node.item, at);
        return at;
      }
    }
  }

  /** Whether the start instruction reaches a character or the match anywhere past the beginning. */
  private canStartLater(): boolean {
    const seen = new Set<number>();
    const stack = [this.start];
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (seen.has(pc)) continue;
      seen.add(pc);
      const op = this.ops[pc]!;
      if (op === Op.Char || op === Op.Class || op === Op.Match) return true;
      if (op === Op.Split) stack.push(this.outs[pc]!, this.alts[pc]!);
      else if (op !== Op.Begin) stack.push(this.outs[pc]!);
    }
    return false;
  }

  /** The cached state for this set, or a new one (cached while the cache has room). */
  private intern(pcs: Int32Array, atStart: boolean, afterWord: boolean): DState {
    const key = `${atStart ? 's' : ''}${afterWord ? 'w' : ''}${pcs.join(',')}`;
    const known = this.cache.get(key);
    if (known) return known;
    const state: DState = { pcs, atStart, afterWord, ascii: undefined, other: undefined, final: undefined };
    if (this.cache.size < MAX_CACHED_STATES) {
      state.ascii = new Array<DState | undefined>(0x80).fill(undefined);
      state.other = new Map();
      this.cache.set(key, state);
    }
    return state;
  }

  /**
   * Reads one character (or the end of the text) from a state: follows the empty transitions
   * whose assertions hold between the previous character and this one, adds a new match attempt
   * (the search is unanchored), and advances every instruction that accepts the character.
   */
  private step(state: DState, c: number): DState {
    const mark = this.mark;
    if (this.generation === 0x7fffffff) {
      // The marks are an Int32Array: start over before the counter leaves its range.
      mark.fill(0);
      this.generation = 0;
    }
    const gen = ++this.generation;
    const { ops, outs, alts, args } = this;
    const nextWord = c !== END && isWordChar(c);
    const boundary = this.usesWord && state.afterWord !== nextWord;
    const stack: number[] = [];
    const reached: number[] = [];
    let found = false;
    const pending = state.atStart || !this.anchored ? [...state.pcs, this.start] : [...state.pcs];
    for (let k = pending.length - 1; k >= 0; k--) stack.push(pending[k]!);
    let visits = 0;
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (mark[pc] === gen) continue;
      mark[pc] = gen;
      visits++;
      switch (ops[pc]) {
        case Op.Match:
          found = true;
          break;
        case Op.Char:
          if (args[pc] === c) reached.push(outs[pc]!);
          break;
        case Op.Class:
          if (c !== END && this.classes[args[pc]!]!(c)) reached.push(outs[pc]!);
          break;
        case Op.Split:
          stack.push(alts[pc]!, outs[pc]!);
          break;
        case Op.Begin:
          if (state.atStart) stack.push(outs[pc]!);
          break;
        case Op.End:
          if (c === END) stack.push(outs[pc]!);
          break;
        case Op.Word:
          if (boundary) stack.push(outs[pc]!);
          break;
        case Op.NotWord:
          if (!boundary) stack.push(outs[pc]!);
          break;
      }
      if (found) break;
    }
    this.steps += visits;
    let next: DState;
    if (found) next = this.matched;
    else if (c === END) next = this.dead;
    else {
      const pcs = Int32Array.from(new Set(reached)).sort();
      next = pcs.length === 0 && this.anchored ? this.dead : this.intern(pcs, false, this.usesWord && nextWord);
    }
    if (c !== END) {
      if (c < 0x80) {
        if (state.ascii) state.ascii[c] = next;
      } else if (state.other !== undefined && state.other.size < MAX_CACHED_OTHER) state.other.set(c, next);
    }
    return next;
  }
}

/** The program while it is being emitted. */
interface ProgramBuilder {
  ops: number[];
  outs: number[];
  alts: number[];
  args: number[];
  /** Class source to its index in `classes`. */
  classIndex: Map<string, number>;
}

/**
 * Membership test for one class, from its JavaScript source (re2.ts builds it to hold exactly Go's
 * code points). ASCII answers are tabled; others are asked once per DFA transition at most.
 */
function classTest(source: string): (cp: number) => boolean {
  const re = new RegExp(`^(?:${source})$`, 'u');
  const ascii = new Uint8Array(0x80);
  for (let cp = 0; cp < 0x80; cp++) ascii[cp] = re.test(String.fromCharCode(cp)) ? 1 : 0;
  return (cp) => (cp < 0x80 ? ascii[cp] === 1 : re.test(String.fromCodePoint(cp)));
}
