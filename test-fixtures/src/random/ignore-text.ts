// Turns rule bodies into .dockerignore text the way people (and editors) write it: comments, blank
// lines, padding, `!` spelled several ways, CRLF or lone CR line ends, a BOM, a missing final newline.
import type { RuleBody } from './gen-patterns.js';
import type { Rng } from './rng.js';

/** Padding characters: Go's TrimSpace strips all but U+FEFF, which stays in the pattern. */
const PADDING: Record<string, string> = {
  'ws-space': ' ',
  'ws-spaces': '   ',
  'ws-tab': '\t',
  'ws-nbsp': '\u00a0',
  'ws-nel': '\u0085',
  'ws-ideographic': '\u3000',
  'ws-line-separator': '\u2028',
  'ws-vt-ff': '\v\f',
  'ws-feff': '\ufeff',
};

const EXCEPTION_SPELLINGS: Record<string, (body: string) => string> = {
  'bang': (b) => `!${b}`,
  'bang-space': (b) => `! ${b}`,
  'bang-tab': (b) => `!\t${b}`,
  'bang-slash': (b) => `!/${b}`,
  'slash-bang': (b) => `/!${b}`,
  'bang-dot-slash': (b) => `!./${b}`,
};

const COMMENTS = ['# comment', '#', '##', '#!keep', '# *.md', '#\tindented', '#Dockerfile'];
const BLANKS = ['', '  ', '\t', '\u00a0\u0085', ' \u3000 '];

/** What the rendered file should contain besides the rules. */
export interface IgnoreTextOptions {
  /** 0..1: how often lines get odd padding and line ends. */
  readonly hostility: number;
  /** Add one line of 64 KiB or so (Docker refuses 65536 bytes and more). */
  readonly longLine: boolean;
}

function pad(rng: Rng, hostility: number, features: Set<string>): string {
  if (!rng.chance(hostility * 0.35)) return '';
  const name = rng.pick(Object.keys(PADDING));
  features.add(name);
  return PADDING[name]!;
}

function renderRule(rng: Rng, rule: RuleBody, hostility: number, features: Set<string>): string {
  let line = rule.text;
  if (rule.exception) {
    const spelling = rng.weighted({ 'bang': 8, 'bang-space': 2, 'bang-tab': 1, 'bang-slash': 1, 'slash-bang': 1, 'bang-dot-slash': 1 });
    features.add(`exception-${spelling}`);
    line = EXCEPTION_SPELLINGS[spelling]!(line);
  }
  const lead = pad(rng, hostility, features);
  if (line.startsWith('#') && lead === '' && rng.chance(0.6)) {
    features.add('hash-pattern');
    return ' ' + line;
  }
  return lead + line + pad(rng, hostility, features);
}

/**
 * Renders rules as .dockerignore text.
 * @returns the file content (as a string: UTF-8 on disk) and the features it reaches
 */
export function renderIgnoreFile(rng: Rng, rules: readonly RuleBody[], options: IgnoreTextOptions): { text: string; features: Set<string> } {
  const features = new Set<string>();
  const lines: string[] = [];
  for (const rule of rules) {
    if (rng.chance(0.12)) {
      lines.push(rng.pick(COMMENTS));
      features.add('comment');
    }
    if (rng.chance(0.1)) {
      lines.push(rng.pick(BLANKS));
      features.add('blank');
    }
    lines.push(renderRule(rng, rule, options.hostility, features));
  }
  if (options.longLine) {
    const bytes = rng.pick([65_535, 65_536, 70_000]);
    lines.splice(rng.int(0, lines.length), 0, (rng.chance(0.5) ? '#' : 'x') + 'a'.repeat(bytes - 1));
    features.add(`long-line-${bytes}`);
  }
  const style = rng.chance(options.hostility) ? rng.weighted({ lf: 5, crlf: 3, mixed: 2 }) : 'lf';
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) {
      let end = style === 'crlf' ? '\r\n' : '\n';
      if (style === 'mixed') end = rng.weighted({ '\n': 6, '\r\n': 3, '\r': 1 });
      if (end === '\r\n') features.add('crlf');
      if (end === '\r') features.add('lone-cr');
      text += end;
    }
    text += line;
  });
  if (lines.length > 0 && rng.chance(0.8)) text += style === 'crlf' ? '\r\n' : '\n';
  else if (lines.length > 0) features.add('no-final-newline');
  if (rng.chance(options.hostility * 0.25)) {
    text = '\ufeff' + text;
    features.add('bom');
  }
  return { text, features };
}
