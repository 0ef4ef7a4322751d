import type { Diagnostic } from '../diagnostics.js';
import type { IgnoreFileError } from '../errors.js';

/** An entry's fate in one walk. */
export const enum EntryState {
  /** Never visited: an ancestor directory was excluded and not entered, so it is excluded too. */
  Unreached = 0,
  Included = 1,
  Excluded = 2,
}

/** What one builder's walk over an inventory decided. */
export interface WalkResult {
  /** Per inventory entry: an EntryState. */
  readonly state: Uint8Array;
  /** Per inventory entry: index of the deciding pattern, -1 when none matched. */
  readonly deciding: Int32Array;
  /** Included entries in the order the builder sends them. */
  readonly order: readonly number[];
  /** A rule error met during the walk: the legacy client truncates the context there, BuildKit fails. */
  readonly failure: { readonly error: IgnoreFileError; readonly path: string } | undefined;
  readonly diagnostics: readonly Diagnostic[];
}
