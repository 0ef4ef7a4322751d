// The figures ctxlens reports, defined once. Every command, in text and JSON, and the TUI use these
// names with these meanings, so "files" in `check` is the same count as "files" in `suggest`, and a
// byte count always says whether it is file content, the legacy upload or BuildKit's transfer.
// Counting symlinks as files in one place and not another made node_modules 10,148 files in one
// command and 10,128 in the next (issue 13).
import type { EntryKind } from '../inventory/inventory.js';

/** The name of a figure: the JSON field that carries it. */
export type FigureName = 'entries' | 'files' | 'dirs' | 'symlinks' | 'bytes' | 'tarBytes' | 'transferBytes';

/** How a figure is named in text (table headers, sentences) and what it counts. */
export interface Figure {
  /** The words text output uses for it (`files`, `file bytes`, `upload bytes`, ...). */
  readonly label: string;
  /** What it counts, in one sentence (docs and `--help`). */
  readonly meaning: string;
}

/** Every figure, by its JSON name. */
export const FIGURES: Readonly<Record<FigureName, Figure>> = {
  entries: { label: 'entries', meaning: 'everything the builder sends: files, directories, symlinks and other entries (FIFOs, devices, sockets)' },
  files: { label: 'files', meaning: 'regular files, a hardlinked file once per name; symlinks and directories are not files' },
  dirs: { label: 'directories', meaning: 'directories, the context root not counted' },
  symlinks: { label: 'symlinks', meaning: 'symbolic links (sent as links, never followed)' },
  bytes: { label: 'file bytes', meaning: 'the content bytes of the regular files, as `ls -l` shows them' },
  tarBytes: { label: 'upload bytes', meaning: "the legacy builder's exact tar upload: headers, padding and content (a 6-byte file takes 1,024)" },
  transferBytes: { label: 'transfer bytes', meaning: "BuildKit's `transferring context` figure for a first, uncached build" },
};

/**
 * Whether an entry counts in the `files` figure: regular files only.
 * @returns true for a regular file
 */
export function countsAsFile(kind: EntryKind): boolean {
  return kind === 'file';
}
