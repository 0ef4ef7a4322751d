// BuildKit's builder-flag parsing (instructions/bflag.go) and its "did you mean" suggestions
// (util/suggest): each instruction declares the flags it takes, anything else is an error with
// BuildKit's text.

/** How a flag takes its value. */
export type FlagKind = 'bool' | 'string' | 'strings';

/** What the flags of one instruction parsed to: last value of a bool/string flag, every value of a strings flag. */
export interface ParsedFlags {
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  /** Names of the flags that appeared. */
  readonly used: ReadonlySet<string>;
}

/**
 * Parses `--name[=value]` words against the flags an instruction declares.
 * @param declared flag name -> kind, in declaration order (the order suggestions are searched in)
 * @param defaults default values of string/bool flags
 * @returns the values
 * @throws Error with BuildKit's message (`unknown flag: parents`, `missing a value on flag: from`…)
 */
export function parseFlags(args: readonly string[], declared: ReadonlyMap<string, FlagKind>, defaults: ReadonlyMap<string, string> = new Map()): ParsedFlags {
  const values = new Map<string, string>();
  for (const [name, kind] of declared) if (kind === 'bool') values.set(name, 'false');
  for (const [name, value] of defaults) values.set(name, value);
  const lists = new Map<string, string[]>();
  const used = new Set<string>();
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('--')) throw new Error(`arg should start with -- : ${arg}`);
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const value = eq < 0 ? '' : body.slice(eq + 1);
    const kind = declared.get(name);
    if (kind === undefined) throw new Error(withSuggestion(`unknown flag: ${name}`, name, [...declared.keys()], true));
    if (used.has(name) && kind !== 'strings') throw new Error(`duplicate flag specified: ${name}`);
    used.add(name);
    if (kind === 'bool') {
      if (eq >= 0 && value === '') throw new Error(`missing a value on flag: ${name}`);
      const lower = value.toLowerCase();
      if (lower === '' || lower === 'true') values.set(name, 'true');
      else if (lower === 'false') values.set(name, 'false');
      else throw new Error(`expecting boolean value for flag ${name}, not: ${value}`);
    } else {
      if (eq < 0) throw new Error(`missing a value on flag: ${name}`);
      if (kind === 'string') values.set(name, value);
      else lists.set(name, [...(lists.get(name) ?? []), value]);
    }
  }
  return { values, lists, used };
}

/**
 * BuildKit's suggest.WrapError: appends ` (did you mean X?)` for the closest option within an
 * edit distance below 3, matching the case of what was written when the search ignores case.
 * @returns the message, with the suggestion when there is one
 */
export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const wanted = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let best = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    // An exact match means the error is about something else.
    if (candidate === wanted) return message;
    const distance = levenshtein(wanted, candidate);
    if (distance < best) {
      best = distance;
      match = caseSensitive ? candidate : matchCase(candidate, value);
    }
  }
  return match === '' ? message : `${message} (did you mean ${match}?)`;
}

function matchCase(option: string, written: string): string {
  if (written === written.toLowerCase()) return option.toLowerCase();
  if (written === written.toUpperCase()) return option.toUpperCase();
  return option;
}

/** Edit distance over characters (insert, delete, substitute; each costs 1). */
function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[t.length]!;
}
