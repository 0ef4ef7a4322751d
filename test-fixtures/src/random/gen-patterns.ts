// Random .dockerignore rule bodies, mostly aimed at paths of the generated tree and then mutated
// into every glob shape Docker's matcher distinguishes (exact, prefix, suffix, regexp).
import type { GeneratedPath, GeneratedTree } from './gen-tree.js';
import type { Rng } from './rng.js';

/** One rule before decoration: the pattern text and whether it should be an exception. */
export interface RuleBody {
  readonly text: string;
  readonly exception: boolean;
}

const GLOB_META = /[\\*?[\]]/g;
const HAS_GLOB_META = /[\\*?[\]]/;

/** Escapes filepath.Match metacharacters, the way a user targets a literal name. */
export function escapeGlob(s: string): string {
  return s.replace(GLOB_META, '\\$&');
}

const SPECIALS = [
  '*', '**', '*.md', '**/*.md', '.*', '**/.git', '.git', 'node_modules', '**/node_modules', '*/', '?', '**/', '*/*',
  '*/*/*', '**/*', '**/**', '*/**/', '**/a/**/b', '[[:alpha:]]*', '[\\]]*', '*[[:digit:]]*', '\\*', '\\a*', '\\.*',
  'a.+()|{}$^b', '.+', '(x)', 'x|y', '{brace}', 'dollar$', '^caret', '^caret*', 'Dockerfile*', '*ignore',
  '**/Dockerfile', '**/*.[mM][dD]', '[A-Z]*', '[^.]*', '[!.]*', '\\#hash', '#hash', '***', 'a**', '**.md', '*.MD',
  '.', '..', '/', './', '*/.*', '**/.*', '[[:upper:]]*', '[[:^alpha:]]*', '\\d*', '\\s*', '\\w*', 'x\\.md',
  '[\\\\]*', '*\\\\*', '[a-c]*', '[é]*', '*.txt', '**/*.txt', 'src/**', 'docs', 'build/', '*.log', '.env*',
  'x|y*', '*|*', 'pipe|x/*', 'a{2}*', '?{1,3}', '*{2}', '{brace}*', '*.{js,ts}', '*.{md,txt}', 'a|b/**/c', '\\p{L}*', '*\\x{1F433}', '[[:alpha:]]{2,}',
];

/** Characters of a string, by code point. */
const chars = (s: string): string[] => Array.from(s);

/** A bracket expression that matches `ch` (or, for negations, is meant to). */
function classFor(rng: Rng, ch: string): string {
  const lit = ch === ']' || ch === '\\' || ch === '-' || ch === '^' ? `\\${ch}` : ch;
  const options = [`[${lit}]`, `[${lit}x]`, `[!${lit}]`, `[^${ch === 'q' ? 'z' : 'q'}]`];
  if (/[a-z]/.test(ch)) options.push('[a-z]', '[[:alpha:]]', '[[:lower:]]');
  if (/[A-Z]/.test(ch)) options.push('[A-Z]', '[[:upper:]]');
  if (/[0-9]/.test(ch)) options.push('[0-9]', '[[:digit:]]');
  if (ch === ']') options.push('[\\]]', '[]]');
  return rng.pick(options);
}

function literalSegment(rng: Rng, seg: string): string {
  return HAS_GLOB_META.test(seg) && rng.chance(0.8) ? escapeGlob(seg) : seg;
}

/** Replaces one code point of `seg` through `fn`, escaping the rest. */
function replaceChar(rng: Rng, seg: string, fn: (ch: string) => string): string {
  const cs = chars(seg);
  const at = rng.int(0, cs.length - 1);
  return cs.map((c, i) => (i === at ? fn(c) : escapeGlob(c))).join('');
}

type Mutation =
  | 'literal' | 'starSeg' | 'starExt' | 'starPrefix' | 'qmark' | 'class' | 'globPrefix' | 'globMid' | 'globSuffix'
  | 'dirStar' | 'globTail' | 'globExt' | 'parent' | 'caseFlip';

/**
 * A pattern aimed at one path: the literal path or a glob mutation of it.
 * @returns the pattern text, and the feature it exercises
 */
function aimAt(rng: Rng, target: GeneratedPath): { text: string; feature: string } {
  const segs = target.path.split('/');
  const last = segs[segs.length - 1]!;
  const head = segs.slice(0, -1).map((s) => literalSegment(rng, s));
  const withLast = (s: string): string => [...head, s].join('/');
  const m = rng.weighted<Mutation>({
    literal: 30, starSeg: 6, starExt: 6, starPrefix: 4, qmark: 5, class: 6, globPrefix: 7, globMid: 3,
    globSuffix: 5, dirStar: 5, globTail: 3, globExt: 3, parent: 6, caseFlip: 1,
  });
  switch (m) {
    case 'starSeg': {
      const cs = segs.map((s) => literalSegment(rng, s));
      cs[rng.int(0, cs.length - 1)] = '*';
      return { text: cs.join('/'), feature: 'star' };
    }
    case 'starExt': {
      const dot = last.lastIndexOf('.');
      if (dot <= 0) return { text: withLast('*'), feature: 'star' };
      const ext = rng.chance(0.5);
      return { text: withLast(ext ? '*' + escapeGlob(last.slice(dot)) : escapeGlob(last.slice(0, dot)) + '.*'), feature: 'star' };
    }
    case 'starPrefix':
      return { text: withLast(escapeGlob(chars(last).slice(0, rng.int(0, 3)).join('')) + '*'), feature: 'star' };
    case 'qmark':
      return { text: withLast(replaceChar(rng, last, () => '?')), feature: 'qmark' };
    case 'class':
      return { text: withLast(replaceChar(rng, last, (c) => classFor(rng, c))), feature: 'class' };
    case 'globPrefix': {
      const keep = rng.int(1, segs.length);
      return { text: '**/' + segs.slice(segs.length - keep).map((s) => literalSegment(rng, s)).join('/'), feature: 'globstar-prefix' };
    }
    case 'globMid':
      if (segs.length < 2) return { text: '**/' + literalSegment(rng, last), feature: 'globstar-prefix' };
      return { text: `${literalSegment(rng, segs[0]!)}/**/${literalSegment(rng, last)}`, feature: 'globstar-mid' };
    case 'globSuffix':
      return { text: [...head, literalSegment(rng, last)].join('/') + '/**', feature: 'globstar-suffix' };
    case 'dirStar':
      return { text: [...head, literalSegment(rng, last)].join('/') + '/*', feature: 'dir-star' };
    case 'globTail':
      return { text: withLast(escapeGlob(chars(last).slice(0, rng.int(1, 4)).join('')) + '**'), feature: 'globstar-tail' };
    case 'globExt': {
      const dot = last.lastIndexOf('.');
      return { text: '**' + escapeGlob(dot >= 0 ? last.slice(dot) : last.slice(-2)), feature: 'globstar-ext' };
    }
    case 'parent':
      return { text: segs.slice(0, rng.int(1, segs.length)).map((s) => literalSegment(rng, s)).join('/'), feature: 'parent' };
    case 'caseFlip':
      return { text: withLast(literalSegment(rng, last.toUpperCase())), feature: 'case-flip' };
    default:
      return { text: withLast(literalSegment(rng, last)), feature: 'literal' };
  }
}

/** Path-syntax noise that filepath.Clean or the leading-slash strip removes, or that defeats the pattern. */
function addSyntaxNoise(rng: Rng, text: string, features: Set<string>): string {
  if (!rng.chance(0.3)) return text;
  const kind = rng.pick(['leading-slash', 'dot-slash', 'dotdot', 'double-slash', 'inner-dotdot', 'trailing-slash', 'trailing-dot']);
  features.add(kind);
  switch (kind) {
    case 'leading-slash':
      return '/' + text;
    case 'dot-slash':
      return './' + text;
    case 'dotdot':
      return '../' + text;
    case 'double-slash':
      return text.includes('/') ? text.replace('/', '//') : '//' + text;
    case 'inner-dotdot':
      return `zz/../${text}`;
    case 'trailing-slash':
      return text + '/';
    default:
      return text + '/.';
  }
}

/** Ordered rule pairs whose outcome depends on order and on parent matching. */
function combo(rng: Rng, tree: GeneratedTree, features: Set<string>): RuleBody[] {
  const dirs = tree.paths.filter((p) => p.kind === 'dir');
  const dir = dirs.length > 0 ? rng.pick(dirs).path : 'd';
  const below = tree.paths.filter((p) => p.path.startsWith(dir + '/'));
  const child = below.length > 0 ? rng.pick(below).path : `${dir}/x`;
  const d = escapeGlob(dir);
  const c = escapeGlob(child);
  const kind = rng.pick(['child-then-bang-dir', 'star-then-bang-dir', 'dir-then-bang-child', 'globstar-then-bang-child', 'bang-first', 'all-but', 'hardlink-first']);
  features.add(`combo-${kind}`);
  const ex = (text: string): RuleBody => ({ text, exception: true });
  const in_ = (text: string): RuleBody => ({ text, exception: false });
  switch (kind) {
    case 'child-then-bang-dir':
      return [in_(c), ex(d)];
    case 'star-then-bang-dir':
      return [in_(`${d}/*`), ex(d)];
    case 'dir-then-bang-child':
      return rng.chance(0.5) ? [in_(d), ex(c)] : [in_(d), ex(`${d}/*.md`), ex(`${d}/sub/file`)];
    case 'globstar-then-bang-child':
      return [in_(rng.pick(['**', `${d}/**`, `${d}/*`])), ex(c)];
    case 'bang-first':
      return [ex(c), in_(d)];
    case 'all-but':
      return [in_('*'), ex(rng.pick(['Dockerfile', '.dockerignore', d, c]))];
    default: {
      if (tree.hardlinks.length === 0) return [in_(d)];
      const [first, second] = rng.pick(tree.hardlinks);
      return [in_(escapeGlob(rng.chance(0.5) ? first : second))];
    }
  }
}

/** Malformed patterns: Docker refuses some at load, some once a path reaches them, and never notices others (`a*\\`, `a*[a-]`). */
export const INVALID_PATTERNS = ['[', '!', '! ', '!/', 'a\\', '[z-a]', '\\k', '[a-]', 'a*[', '*[', '[]a]', '[^', '\\é', 'x[[:foo:]]', 'a*\\', '[\\'];

/**
 * Rule bodies for one case, in order.
 * @returns the rules and the features they reach
 */
export function generateRuleBodies(rng: Rng, tree: GeneratedTree, count: number, invalid: boolean): { rules: RuleBody[]; features: Set<string> } {
  const features = new Set<string>();
  const rules: RuleBody[] = [];
  const aimable = tree.paths;
  while (rules.length < count) {
    const source = rng.weighted({ aim: 70, special: 15, combo: 12, forced: 3 });
    if (source === 'combo') {
      rules.push(...combo(rng, tree, features));
      continue;
    }
    let text: string;
    if (source === 'aim') {
      const aimed = aimAt(rng, rng.pick(aimable));
      features.add(aimed.feature);
      text = aimed.text;
    } else if (source === 'special') {
      text = rng.pick(SPECIALS);
      features.add('special');
    } else {
      text = rng.pick(['Dockerfile', '.dockerignore', '*', '.*', 'Docker*', '.docker*']);
      features.add('forced');
    }
    rules.push({ text: addSyntaxNoise(rng, text, features), exception: rng.chance(0.25) });
  }
  if (invalid) {
    const bad = rng.pick(INVALID_PATTERNS);
    features.add('invalid');
    const at = rng.int(0, rules.length);
    rules.splice(at, 0, { text: bad, exception: rng.chance(0.2) });
    // Everything excluded, then an exception entering a directory: a lazily failing rule after it is
    // skipped by the pre-flight pass (every top-level path is excluded) and reached only in the tar walk.
    const nested = tree.paths.filter((p) => p.path.includes('/'));
    if (rng.chance(0.6) && nested.length > 0 && (bad === '[z-a]' || bad === '\\k' || bad === 'x[[:foo:]]' || bad === '\\é')) {
      rules.splice(at, 1);
      rules.push({ text: '*', exception: false }, { text: escapeGlob(rng.pick(nested).path), exception: true }, { text: bad, exception: false });
      features.add('invalid-reached-in-walk');
    }
  }
  return { rules, features };
}
