// The allowlist of `check`: paths a denied (or warned) category may send, such as a test fixture
// named `.env.test` that holds no secret. Paths are relative to the context directory, written as
// `ctxlens check` prints them; a directory allows everything under it. No patterns: what Docker's
// patterns match is the core's business, and an allowlist should say exactly what it lets through.
import { DENY_NAMES } from '@ctxlens/core';
import { ConfigError } from './config-error.js';

/** Allowed paths by category name; `*` applies to every category. */
export type AllowList = Readonly<Record<string, readonly string[]>>;

function allowError(where: string, message: string): ConfigError {
  return new ConfigError(`${where}: ${message}`, `Write it as { "secrets": ["test/fixtures/.env.test"] } (or "*" for any category); on the command line, --allow secrets=test/fixtures/.env.test. Known categories: ${DENY_NAMES.join(', ')}.`);
}

function normalize(path: string, where: string): string {
  const p = path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (p === '' || p === '.' || p.startsWith('/') || p.split('/').includes('..')) throw allowError(where, `"${path}" is not a path inside the context`);
  return p;
}

function checkCategory(name: string, where: string): void {
  if (name !== '*' && !(DENY_NAMES as readonly string[]).includes(name)) throw allowError(where, `unknown category "${name}"`);
}

/**
 * Validates the `allow` object of a config file.
 * @returns the allowlist with normalized paths
 * @throws ConfigError (exit 2) naming the file and the bad entry
 */
export function parseAllowList(raw: unknown, where: string): AllowList {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw allowError(where, 'must be an object from category to a list of paths');
  const out: Record<string, string[]> = {};
  for (const [category, paths] of Object.entries(raw as Record<string, unknown>)) {
    checkCategory(category, where);
    if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) throw allowError(where, `"${category}" must list paths as strings`);
    out[category] = (paths as string[]).map((p) => normalize(p, where));
  }
  return out;
}

/**
 * Reads `--allow` values: `category=path`, or a bare path for any category.
 * @returns the allowlist
 * @throws ConfigError for an unknown category or a path outside the context
 */
export function parseAllowFlags(values: readonly string[]): AllowList {
  const out: Record<string, string[]> = {};
  for (const value of values) {
    const m = /^([a-z*-]+)=(.*)$/.exec(value);
    const category = m ? m[1]! : '*';
    checkCategory(category, '--allow');
    (out[category] ??= []).push(normalize(m ? m[2]! : value, '--allow'));
  }
  return out;
}

/**
 * Both lists' paths, category by category.
 * @returns a new allowlist
 */
export function mergeAllowLists(a: AllowList, b: AllowList): AllowList {
  const out: Record<string, string[]> = {};
  for (const list of [a, b]) for (const [k, v] of Object.entries(list)) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

/**
 * Whether `path` (relative to the context) is allowed for `category`: listed, or under a listed directory.
 * @returns true when allowed
 */
export function isAllowed(list: AllowList, category: string, path: string): boolean {
  // A path allowed as a secret is allowed however far it gets (secrets-sent, secrets-shipped).
  const family = category.startsWith('secrets-') ? (list.secrets ?? []) : [];
  return [...(list['*'] ?? []), ...family, ...(list[category] ?? [])].some((a) => path === a || path.startsWith(`${a}/`));
}
