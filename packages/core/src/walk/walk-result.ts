import type { Diagnostic } from '../diagnostics.js';
import { IgnoreFileError } from '../errors.js';
import type { EntryKind, Inventory } from '../inventory/inventory.js';
import { createWalkMatcher, type WalkInfo } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import type { Builder } from '../options.js';

const LEGACY_SOCKET_NOTE = 'sockets are never sent by the legacy builder: archive/tar cannot hold them, so the client logs "sockets not supported" and leaves them out';

/**
 * Whether a builder's walk leaves out an entry of this kind whatever the rules say, and why: the
 * legacy client leaves sockets out; BuildKit sends them (fsutil clears the socket bit, so one
 * arrives as an empty regular file). The walks (WalkRecorder.send, walkEverything) and explain all
 * ask here, so they cannot disagree.
 * @returns the reason, or undefined when the builder sends such an entry
 */
export function unsentReason(builder: Builder, kind: EntryKind | undefined): string | undefined {
  return kind === 'socket' && builder === 'legacy' ? LEGACY_SOCKET_NOTE : undefined;
}

/** An entry's fate in one walk. */
export const enum EntryState {
  /** Never visited: an ancestor directory was excluded and not entered, so it is excluded too. */
  Unreached = 0,
  Included = 1,
  Excluded = 2,
  /**
   * Seen by BuildKit's walk and not excluded by the ignore file, but not among the paths the
   * Dockerfile asks for, so not sent (entries below an unrequested directory the walk skips stay Unreached).
   */
  NotRequested = 3,
}

/** What one builder's walk over an inventory decided. */
export interface WalkResult {
  /** Per inventory entry: an EntryState. */
  readonly state: Uint8Array;
  /** Per inventory entry: index of the deciding pattern, -1 when none matched. */
  readonly deciding: Int32Array;
  /**
   * Indices of the included entries in the order the builder sends them. Typed: a million-entry
   * context's order is 4 MB instead of 8 MB of boxed numbers grown by copying.
   */
  readonly order: Int32Array;
  /** A rule error met during the walk: the legacy client truncates the context there, BuildKit fails. */
  readonly failure: { readonly error: IgnoreFileError; readonly path: string } | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The bookkeeping both builders' walks share: matching each entry under its parent's flags,
 * recording verdicts, send order and diagnostics, and stopping at a rule error.
 */
export class WalkRecorder {
  // Sized as the walk goes: a walk over a lazily read inventory adds entries while it runs.
  private state: Uint8Array;
  private deciding: Int32Array;
  private order = new Int32Array(1024);
  private sent = 0;
  readonly diagnostics: Diagnostic[] = [];
  failure: WalkResult['failure'];
  private readonly matcher: ReturnType<typeof createWalkMatcher>;
  private current = 0;
  // One bound function for the whole walk, rather than a closure per entry.
  private readonly pathOfCurrent = (): string => this.inv.path(this.current);

  constructor(
    private readonly inv: Inventory,
    set: PatternSet,
    private readonly onRuleError: (error: IgnoreFileError, path: string) => Diagnostic,
    private readonly builder: Builder,
  ) {
    this.state = new Uint8Array(inv.count);
    this.deciding = new Int32Array(inv.count).fill(-1);
    this.matcher = createWalkMatcher(set);
  }

  /**
   * Matches entry `c` and records the verdict (read it from `excluded`).
   * @returns the flags for the entry's own entries, or undefined when a rule error ended the walk
   */
  decide(c: number, depth: number, parentInfo: WalkInfo | undefined): WalkInfo | undefined {
    this.current = c;
    let info: WalkInfo;
    try {
      info = this.matcher.match(this.pathOfCurrent, depth, parentInfo, this.inv.isDir(c));
    } catch (error) {
      if (!(error instanceof IgnoreFileError)) throw error;
      const path = this.inv.path(c);
      this.failure = { error, path };
      this.diagnostics.push(this.onRuleError(error, path));
      return undefined;
    }
    if (c >= this.state.length) this.grow(c);
    this.deciding[c] = this.matcher.out.deciding;
    this.state[c] = this.matcher.out.excluded ? EntryState.Excluded : EntryState.Included;
    return info;
  }

  /** The verdict of the last `decide`. */
  get excluded(): boolean {
    return this.matcher.out.excluded;
  }

  /** Overrides the verdict recorded for entry `c` (an entry the Dockerfile does not ask for). */
  mark(c: number, state: EntryState): void {
    this.state[c] = state;
  }

  /** Queues an entry for sending (one the builder never sends, a socket, is noted instead). */
  send(c: number): void {
    const kind = this.inv.kind(c);
    const unsent = unsentReason(this.builder, kind);
    if (unsent !== undefined) {
      this.diagnostics.push({ code: `${kind}-skipped`, severity: 'info', path: this.inv.path(c), message: unsent });
      return;
    }
    if (this.sent === this.order.length) {
      const order = new Int32Array(this.sent * 2);
      order.set(this.order);
      this.order = order;
    }
    this.order[this.sent++] = c;
  }

  private grow(index: number): void {
    const size = Math.max(index + 1, Math.ceil(this.state.length * 1.5), this.inv.count);
    const state = new Uint8Array(size);
    state.set(this.state);
    const deciding = new Int32Array(size).fill(-1);
    deciding.set(this.deciding);
    this.state = state;
    this.deciding = deciding;
  }

  /** The finished walk, with one state per inventory entry. */
  result(): WalkResult {
    if (this.state.length !== this.inv.count) {
      const state = new Uint8Array(this.inv.count);
      state.set(this.state.subarray(0, this.inv.count));
      const deciding = new Int32Array(this.inv.count).fill(-1);
      deciding.set(this.deciding.subarray(0, this.inv.count));
      this.state = state;
      this.deciding = deciding;
    }
    // A copy of the exact length: evaluations are kept (the TUI caches them), slack would stay with them.
    return { state: this.state, deciding: this.deciding, order: this.order.slice(0, this.sent), failure: this.failure, diagnostics: this.diagnostics };
  }
}

/**
 * The walk with no rules at all: every entry, depth first in byte order (sockets noted and left
 * out under the legacy builder, sent under BuildKit). No matching, so a million entries take a few
 * tens of milliseconds.
 * @param inv an inventory read whole (scanAll): the walk's arrays are sized to it up front
 * @returns the walk
 */
export function walkEverything(inv: Inventory, builder: Builder): WalkResult {
  const state = new Uint8Array(inv.count).fill(EntryState.Included);
  state[0] = EntryState.Unreached;
  const deciding = new Int32Array(inv.count).fill(-1);
  // Every entry but the root is sent (legacy: sockets aside), so the order's length is bounded up front.
  const order = new Int32Array(inv.count - 1);
  let sent = 0;
  const diagnostics: Diagnostic[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    if (dir !== 0) {
      const unsent = unsentReason(builder, inv.kind(dir));
      if (unsent !== undefined) {
        diagnostics.push({ code: 'socket-skipped', severity: 'info', path: inv.path(dir), message: unsent });
        continue;
      }
      order[sent++] = dir;
      if (!inv.isDir(dir)) continue;
    }
    const [start, n] = inv.children(dir);
    for (let c = start + n - 1; c >= start; c--) stack.push(c);
  }
  return { state, deciding, order: order.subarray(0, sent), failure: undefined, diagnostics };
}

/**
 * Whether a walk sends the entry at a path, found by name rather than by scanning the send order
 * (and without reading directories the walk did not read).
 * @returns the entry's index when it is sent, else -1
 */
export function sentIndex(inv: Inventory, walk: WalkResult, path: string): number {
  const i = inv.indexOf(path, false);
  return i > 0 && walk.state[i] === EntryState.Included && inv.kind(i) !== 'socket' ? i : -1;
}
