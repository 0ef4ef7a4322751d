// Checks of what a library caller passes to a public entry point. TypeScript callers are checked
// at compile time, JavaScript callers are not: without these a wrong value is either accepted in
// silence (`builder: 'kaniko'` silently meant BuildKit) or fails deep inside with an internal
// TypeError. Each check throws an InputError that names the argument, shows what was given and
// says what is accepted; entry points call them once, on entry.
import { InputError } from './errors.js';

/** What an argument accepts: a test and the words for the error message. */
export interface Accepts {
  readonly test: (value: unknown) => boolean;
  /** As it reads after "accepted:", e.g. `a string`. */
  readonly accepted: string;
}

/**
 * A short, safe picture of a value for an error message (never a dump of a big object).
 * @returns e.g. `'kaniko'`, `null`, `42`, `an object`, `a function`
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (Buffer.isBuffer(value)) return `a Buffer of ${value.length} bytes`;
  return 'an object';
}

/**
 * The error for a bad argument.
 * @param name the argument as the caller knows it, e.g. `options.builder`
 * @returns the InputError to throw
 */
export function invalidArgument(name: string, given: unknown, accepted: string): InputError {
  return new InputError('INPUT_INVALID', `${name} must be ${accepted}; got ${describeValue(given)}`, '', `Pass ${accepted} as ${name}.`, name);
}

/**
 * Throws unless `value` is accepted (or is undefined and `optional`).
 * @returns nothing
 * @throws InputError naming the argument, what was given and what is accepted
 */
export function checkArgument(value: unknown, name: string, accepts: Accepts, optional = false): void {
  if (optional && value === undefined) return;
  if (!accepts.test(value)) throw invalidArgument(name, value, accepts.accepted);
}

/**
 * Checks an array of strings, naming the first element that is not one (`options.extraRules[2]`).
 * @returns nothing
 * @throws InputError for a value that is not an array, or for its first element that is not a string
 */
export function checkStringList(value: unknown, name: string, optional = false): void {
  if (optional && value === undefined) return;
  if (!Array.isArray(value)) throw invalidArgument(name, value, 'an array of strings');
  const bad = value.findIndex((item) => typeof item !== 'string');
  if (bad >= 0) throw invalidArgument(`${name}[${bad}]`, value[bad], 'a string');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The kinds of argument the public API takes. */
export const ACCEPTS = {
  string: { test: (v) => typeof v === 'string', accepted: 'a string' },
  function: { test: (v) => typeof v === 'function', accepted: 'a function' },
  object: { test: isObject, accepted: 'an object' },
  signal: { test: (v) => v instanceof AbortSignal, accepted: 'an AbortSignal' },
  builder: { test: (v) => v === 'buildkit' || v === 'legacy', accepted: "'buildkit' or 'legacy'" },
  bytes: { test: (v) => v instanceof Uint8Array, accepted: 'a Buffer' },
  text: { test: (v) => typeof v === 'string' || v instanceof Uint8Array, accepted: 'a Buffer or a string' },
  rules: {
    test: (v) => Array.isArray(v) && v.every((r) => isObject(r) && typeof r.pattern === 'string' && isObject(r.origin)),
    accepted: 'an array of rules ({ pattern, origin }, from parseIgnoreFile)',
  },
  stringOrFalse: { test: (v) => typeof v === 'string' || v === false, accepted: 'a path (string) or false' },
  boolean: { test: (v) => typeof v === 'boolean', accepted: 'true or false' },
  measure: { test: (v) => v === 'bytes' || v === 'files', accepted: "'bytes' or 'files'" },
  count: { test: (v) => Number.isInteger(v) && (v as number) >= 0, accepted: 'a whole number ≥ 0' },
  positiveCount: { test: (v) => Number.isInteger(v) && (v as number) >= 1, accepted: 'a whole number ≥ 1' },
  finiteNumber: { test: (v) => typeof v === 'number' && Number.isFinite(v), accepted: 'a finite number' },
  nonNegativeNumber: { test: (v) => typeof v === 'number' && v >= 0 && !Number.isNaN(v), accepted: 'a number ≥ 0' },
  fs: {
    test: (v) => isObject(v) && ['readdir', 'lstat', 'readlink', 'accessRead', 'realpath', 'readFile'].every((k) => typeof v[k] === 'function'),
    accepted: 'an FsAdapter (readdir, lstat, readlink, accessRead, realpath and readFile functions)',
  },
  document: {
    test: (v) => isObject(v) && Array.isArray(v.lines) && v.newline instanceof Uint8Array,
    accepted: 'an IgnoreDocument (from parseDocument)',
  },
  line: { test: (v) => isObject(v) && v.content instanceof Uint8Array && v.ending instanceof Uint8Array, accepted: 'a DocumentLine (from an IgnoreDocument)' },
} satisfies Record<string, Accepts>;

/**
 * Accepts a whole number from `min` to `max`.
 * @returns the test and its words
 */
export function indexBetween(min: number, max: number): Accepts {
  return {
    test: (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
    accepted: max < min ? 'nothing (there is no line)' : min === max ? `${min}` : `a whole number from ${min} to ${max}`,
  };
}
