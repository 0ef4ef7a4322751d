// What one TUI session knows once the tree is read: the inputs Docker uses, the inventory's
// constant totals, the size without any ignore file, and the ignore file to edit.
import * as nodePath from 'node:path';
import type { BuildInputs, ContextSizes } from '@ctxlens/core';
import { inventoryTotals } from '@ctxlens/core/live';
import { fastContextSizes, ignoreFilePath, type ScannedTree } from '@ctxlens/core/internal';
import { Evaluator } from './evaluator.js';

/** The session's fixed facts, shared by every evaluation. */
export interface Session {
  readonly inputs: BuildInputs;
  /** Sizes of the context as if there were no ignore file. */
  readonly baseline: ContextSizes;
  /** Where saving writes: the ignore file in use, or `.dockerignore` in the context when there is none. */
  readonly ignorePath: string;
  /** The ignore file as explanations and the header name it, e.g. `.dockerignore`. */
  readonly ignoreLabel: string;
  /** Whether the file exists on disk (it is created on first save otherwise). */
  readonly ignoreExists: boolean;
  /** The file's bytes when it was loaded (or last saved): the reference for conflict checks. */
  readonly originalBytes: Buffer | undefined;
  readonly evaluator: Evaluator;
}

/**
 * A label for the ignore file: relative to the context when inside it, else as given.
 * @returns e.g. `.dockerignore` or `docker/Dockerfile.dockerignore`
 */
export function ignoreLabel(contextDir: string, ignorePath: string): string {
  const rel = nodePath.relative(contextDir, ignorePath);
  return rel.startsWith('..') || nodePath.isAbsolute(rel) ? ignorePath : rel.split(nodePath.sep).join('/');
}

/**
 * Builds the session from a complete scan.
 * @returns the session
 */
export function createSession(tree: ScannedTree): Session {
  const inputs = tree.inputs;
  const totals = inventoryTotals(tree.unfiltered.inventory);
  const ignorePath = ignoreFilePath(inputs);
  const label = ignoreLabel(inputs.contextDir, ignorePath);
  return {
    inputs,
    baseline: fastContextSizes(totals, tree.unfiltered),
    ignorePath,
    ignoreLabel: label,
    ignoreExists: inputs.ignoreFile !== undefined,
    originalBytes: tree.ignoreFileBytes,
    evaluator: new Evaluator({ base: tree.unfiltered, totals, file: label, plan: tree.plan, planError: tree.planError }),
  };
}
