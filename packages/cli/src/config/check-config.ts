// The configuration of `check`: from .ctxlens.json or package.json#ctxlens (like dive's .dive-ci),
// then flags on top. Every key is validated, so a typo fails loudly instead of silently checking less.
import { type CheckConfig, DENY_NAMES, type DenyName, type UnusedLimit } from '@ctxlens/core';
import { ConfigError } from './config-error.js';
import { type AllowList, mergeAllowLists, parseAllowList } from './allow-list.js';
import { parseSize, parseUnusedLimit } from './parse-size.js';

export { ConfigError } from './config-error.js';

/** The settings a file or the flags may give; each one optional. */
export interface PartialCheckConfig {
  readonly maxSize?: number | undefined;
  readonly maxFiles?: number | undefined;
  readonly maxUnused?: UnusedLimit | undefined;
  readonly deny?: readonly DenyName[] | undefined;
  readonly builderDivergence?: boolean | undefined;
  readonly warn?: readonly DenyName[] | undefined;
  readonly allow?: AllowList | undefined;
}

/** The rules of `check`: the core's, plus categories that only warn and paths allowed to be sent. */
export interface GateConfig extends CheckConfig {
  /** Categories reported as WARN when sent: shown and annotated, but `check` still passes. */
  readonly warn: readonly DenyName[];
  /** Paths (relative to the context) a deny or warn category may send, by category (`*`: any). */
  readonly allow: AllowList;
}

/** What `check` does when nothing is configured: deny secrets, nothing else. */
export const DEFAULT_CHECK_CONFIG: GateConfig = { deny: ['secrets'], builderDivergence: false, warn: [], allow: {} };

const KNOWN_KEYS = new Set(['$schema', 'maxSize', 'maxFiles', 'maxUnused', 'deny', 'warn', 'allow', 'builderDivergence']);

/**
 * Parses a list of categories (`secrets,vcs`, or an array; `none` for none).
 * @returns the categories
 * @throws ConfigError for an unknown category
 */
export function parseDeny(value: unknown, where: string, key = 'deny'): DenyName[] {
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  const out: DenyName[] = [];
  for (const item of items) {
    if (typeof item !== 'string') throw new ConfigError(`${where}: ${key} must list category names, got ${JSON.stringify(item)}`);
    const name = item.trim();
    if (name === '' || name === 'none') continue;
    if (!(DENY_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(`${where}: unknown ${key} category "${name}"`, `Known categories: ${DENY_NAMES.join(', ')}.`);
    }
    if (!out.includes(name as DenyName)) out.push(name as DenyName);
  }
  return out;
}

/**
 * Validates a configuration object from a file.
 * @param where the file (and key) for messages
 * @returns the settings it gives
 * @throws ConfigError naming the file and the bad key
 */
export function parseCheckConfig(raw: unknown, where: string): PartialCheckConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where}: the configuration must be a JSON object`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(`${where}: unknown key "${key}"`, 'Known keys: maxSize, maxFiles, maxUnused, deny, warn, allow, builderDivergence.');
  }
  let maxSize: number | undefined;
  if (obj.maxSize !== undefined) {
    maxSize = typeof obj.maxSize === 'string' || typeof obj.maxSize === 'number' ? parseSize(obj.maxSize) : undefined;
    if (maxSize === undefined) throw new ConfigError(`${where}: maxSize ${JSON.stringify(obj.maxSize)} is not a size`, 'Write it like "50MB", "1.5GiB" or a number of bytes.');
  }
  let maxFiles: number | undefined;
  if (obj.maxFiles !== undefined) {
    if (typeof obj.maxFiles !== 'number' || !Number.isInteger(obj.maxFiles) || obj.maxFiles < 0) throw new ConfigError(`${where}: maxFiles must be a whole number, got ${JSON.stringify(obj.maxFiles)}`);
    maxFiles = obj.maxFiles;
  }
  let maxUnused: UnusedLimit | undefined;
  if (obj.maxUnused !== undefined) {
    maxUnused = typeof obj.maxUnused === 'string' || typeof obj.maxUnused === 'number' ? parseUnusedLimit(obj.maxUnused) : undefined;
    if (maxUnused === undefined) throw new ConfigError(`${where}: maxUnused ${JSON.stringify(obj.maxUnused)} is not a size or a percent`, 'Write it like "50MB", a number of bytes, or "20%" (of the bytes sent).');
  }
  if (obj.builderDivergence !== undefined && typeof obj.builderDivergence !== 'boolean') throw new ConfigError(`${where}: builderDivergence must be true or false`);
  return {
    maxSize,
    maxFiles,
    maxUnused,
    deny: obj.deny === undefined ? undefined : parseDeny(obj.deny, where),
    warn: obj.warn === undefined ? undefined : parseDeny(obj.warn, where, 'warn'),
    allow: obj.allow === undefined ? undefined : parseAllowList(obj.allow, `${where}: allow`),
    builderDivergence: obj.builderDivergence as boolean | undefined,
  };
}

/**
 * Layers settings: defaults, then the file, then flags; a later layer wins key by key, except
 * `allow`, whose paths add up (a flag allows one more path, it does not drop the file's).
 * @returns the complete configuration
 */
export function mergeCheckConfig(...layers: PartialCheckConfig[]): GateConfig {
  let merged: GateConfig = DEFAULT_CHECK_CONFIG;
  for (const layer of layers) {
    merged = {
      maxSize: layer.maxSize ?? merged.maxSize,
      maxFiles: layer.maxFiles ?? merged.maxFiles,
      maxUnused: layer.maxUnused ?? merged.maxUnused,
      deny: layer.deny ?? merged.deny,
      builderDivergence: layer.builderDivergence ?? merged.builderDivergence,
      warn: layer.warn ?? merged.warn,
      allow: layer.allow === undefined ? merged.allow : mergeAllowLists(merged.allow, layer.allow),
    };
  }
  return merged;
}
