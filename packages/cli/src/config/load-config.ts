// Finding the configuration of `check`: --config PATH, else `.ctxlens.json`, else the "ctxlens"
// key of `package.json`, looked for in the context directory and then in the current directory.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { InputError } from '@ctxlens/core';
import { readInputFile } from '@ctxlens/core/internal';
import { ConfigError, parseCheckConfig, type PartialCheckConfig } from './check-config.js';

/** A configuration and where it came from. */
export interface LoadedConfig {
  readonly config: PartialCheckConfig;
  /** The file (with `#ctxlens` for package.json), or undefined when none was found. */
  readonly source: string | undefined;
}

function readJson(path: string): unknown {
  const text = readInputFile(path, 'config file').bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: invalid JSON (${(error as Error).message})`);
  }
}

/**
 * Reads one configuration file (`.json`, or a package.json whose "ctxlens" key is used).
 * @returns the configuration, or undefined for a package.json without the key
 * @throws ConfigError for unreadable or invalid files
 */
export function readConfigFile(path: string): LoadedConfig | undefined {
  let raw: unknown;
  try {
    raw = readJson(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof InputError) throw new ConfigError(error.message, error.hint);
    throw new ConfigError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (nodePath.basename(path) === 'package.json') {
    const section = (raw as Record<string, unknown> | null)?.ctxlens;
    if (section === undefined) return undefined;
    return { config: parseCheckConfig(section, `${path}#ctxlens`), source: `${path}#ctxlens` };
  }
  return { config: parseCheckConfig(raw, path), source: path };
}

/**
 * Finds and reads the configuration.
 * @param explicit the --config path, if given (relative to cwd)
 * @returns the configuration, empty when there is none
 * @throws ConfigError for a missing explicit file or an invalid one
 */
export function loadCheckConfig(contextDir: string, cwd: string, explicit?: string): LoadedConfig {
  if (explicit !== undefined) {
    const path = nodePath.resolve(cwd, explicit);
    if (!fs.existsSync(path)) throw new ConfigError(`config file not found: ${path}`);
    return readConfigFile(path) ?? { config: {}, source: undefined };
  }
  const dirs = [...new Set([nodePath.resolve(cwd, contextDir), cwd])];
  for (const dir of dirs) {
    for (const name of ['.ctxlens.json', 'package.json']) {
      const path = nodePath.join(dir, name);
      if (!fs.existsSync(path)) continue;
      const found = readConfigFile(path);
      if (found !== undefined) return found;
    }
  }
  return { config: {}, source: undefined };
}
