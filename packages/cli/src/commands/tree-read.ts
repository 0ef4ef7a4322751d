// How much of the tree a command reads. `ls` reads only what the builder walks: it skips the
// excluded directories no exception reaches into (node_modules, .git) and, under BuildKit, what the
// Dockerfile does not ask for. Most of check, explain and suggest need no more than that; a rule
// that compares what a directory holds with and without the ignore file, or with another builder's
// reading of it, needs every entry recorded, which costs a full scan and its memory.

/** `sent`: only what the builder walks (as `ls`); `whole`: every entry, excluded subtrees too. */
export type TreeRead = 'sent' | 'whole';

/** The option a command's typed options carry to force the whole read (never set from argv). */
export interface TreeReadOption {
  /**
   * Read every entry even when the output does not need it: the reference the default read is
   * tested against (the output must be the same). Not a command-line flag.
   * @default false
   */
  readonly readWholeTree?: boolean | undefined;
}

/**
 * The read a command does: the whole tree when forced or when one of its rules needs it.
 * @returns 'whole' or 'sent'
 */
export function treeRead(option: TreeReadOption, needsWholeTree: boolean): TreeRead {
  return option.readWholeTree === true || needsWholeTree ? 'whole' : 'sent';
}
