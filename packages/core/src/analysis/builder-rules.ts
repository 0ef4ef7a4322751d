// The rules each builder would apply to a context, without walking the tree: enough to explain any
// path (explainPath replays the walk down the path's ancestors only). Each builder resolves its own
// ignore file (BuildKit prefers <Dockerfile>.dockerignore) and the legacy client adds exceptions for
// the Dockerfile and .dockerignore (docker/cli TrimBuildFilesFromExcludes).
import * as nodePath from 'node:path';
import { type EntryKindLookup, type Explanation, explainPath } from '../context/explain.js';
import type { FsAdapter } from '../fs-adapter.js';
import type { EntryKind } from '../inventory/inventory.js';
import { resolveInputs, type BuildInputs } from '../context/resolve-inputs.js';
import { builderPatternSet, loadRules } from '../context/rule-set.js';
import type { IgnoreFile } from '../ignorefile/read-ignore-file.js';
import { type Builder, type ContextOptions, resolveOptions } from '../options.js';
import type { PatternSet } from '../patterns/pattern-set.js';

/** One builder's view of a context's rules. */
export interface BuilderRules {
  readonly builder: Builder;
  readonly inputs: BuildInputs;
  readonly ignoreFile: IgnoreFile | undefined;
  /** The compiled rules in evaluation order, including those the legacy client adds. */
  readonly set: PatternSet;
  /** The kind of what lies at a context-relative path on disk (lstat, one path, no walk), so explain can tell a socket. */
  readonly kindOf: EntryKindLookup;
}

/**
 * Looks entries up on disk by lstat.
 * @returns the lookup: an entry's kind, or undefined when there is none
 */
function kindsOnDisk(fsa: FsAdapter, root: string): EntryKindLookup {
  return (path): EntryKind | undefined => {
    let stat;
    try {
      stat = fsa.lstat(nodePath.join(root, path));
    } catch {
      // Missing or unreadable: explain still answers from the rules, as for any path that does not exist.
      return undefined;
    }
    if (stat.isSocket()) return 'socket';
    if (stat.isDirectory()) return 'dir';
    if (stat.isSymbolicLink()) return 'symlink';
    if (stat.isFIFO()) return 'fifo';
    if (stat.isCharacterDevice()) return 'char';
    return stat.isBlockDevice() ? 'block' : 'file';
  };
}

/**
 * Loads the rules one builder would use for a context.
 * @returns the builder's inputs and compiled rules
 * @throws InputError for a missing context, Dockerfile or ignore file
 * @throws IgnoreFileError for rules Docker rejects when loading
 */
export function loadBuilderRules(contextDir: string, options: ContextOptions = {}): BuilderRules {
  const resolved = resolveOptions(contextDir, options);
  const inputs = resolveInputs(resolved);
  const source = loadRules(inputs, resolved);
  const set = builderPatternSet(source.rules, resolved.builder, inputs);
  return { builder: resolved.builder, inputs, ignoreFile: source.ignoreFile, set, kindOf: kindsOnDisk(resolved.fs, inputs.contextDir) };
}

/** Both builders' rules; `primary` is the one the user asked about. */
export interface BothBuilderRules {
  readonly primary: BuilderRules;
  readonly other: BuilderRules;
}

/**
 * Loads the rules of the chosen builder and of the other one.
 * @returns both rule sets
 * @throws as loadBuilderRules
 */
export function loadBothBuilderRules(contextDir: string, options: ContextOptions = {}): BothBuilderRules {
  const builder = options.builder ?? 'buildkit';
  const other: Builder = builder === 'buildkit' ? 'legacy' : 'buildkit';
  return { primary: loadBuilderRules(contextDir, { ...options, builder }), other: loadBuilderRules(contextDir, { ...options, builder: other }) };
}

/** A path explained under the chosen builder and the other one. */
export interface PathVerdict {
  readonly primary: Explanation;
  readonly other: Explanation;
  /** True when one builder sends the path and the other does not. */
  readonly differs: boolean;
}

/**
 * Explains a context-relative path under both builders.
 * @returns both explanations
 * @throws IgnoreFileError when a rule reached on the way does not compile
 */
export function explainBoth(rules: BothBuilderRules, path: string): PathVerdict {
  const primary = explainPath(rules.primary.set, rules.primary.builder, path, rules.primary.kindOf);
  const other = explainPath(rules.other.set, rules.other.builder, path, rules.other.kindOf);
  return { primary, other, differs: primary.included !== other.included };
}
