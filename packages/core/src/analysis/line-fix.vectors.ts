// Broken ignore-file lines and their one fix (line-fix.ts), as data. `deeper` says whether the
// context has matches of the bare name below the root (the evidence behind a "**/" prefix).
import type { LintCode } from './lint-types.js';

/** One row: a line as written, the context's evidence, the fix (undefined: none), and where the case comes from. */
export interface LineFixVector {
  readonly line: string;
  readonly deeper: boolean;
  readonly replacement: readonly string[] | undefined;
  readonly codes: readonly LintCode[];
  readonly from: string;
}

/** The table. */
export const LINE_FIX_VECTORS: readonly LineFixVector[] = [
  { line: 'coverage   # test reports', deeper: false, replacement: ['# test reports', 'coverage'], codes: ['inline-comment'], from: 'issue 13 point 14' },
  { line: 'coverage   # test reports', deeper: true, replacement: ['# test reports', '**/coverage'], codes: ['inline-comment', 'anchored-name'], from: 'issue 13 point 14 (suggest appended **/coverage)' },
  { line: '.env*', deeper: true, replacement: ['**/.env*'], codes: ['anchored-name'], from: 'issue 13 point 14 (src/.env.local)' },
  { line: '.env*', deeper: false, replacement: undefined, codes: [], from: 'nothing below the root: the line does what it says' },
  { line: '!README.md', deeper: true, replacement: ['!**/README.md'], codes: ['anchored-name'], from: 'an exception keeps its "!"' },
  { line: 'build/', deeper: false, replacement: ['build'], codes: ['trailing-slash'], from: 'Docker drops the "/" (filepath.Clean)' },
  { line: 'build/', deeper: true, replacement: ['**/build'], codes: ['trailing-slash', 'anchored-name'], from: '.gitignore habit, twice' },
  { line: '!keep/', deeper: false, replacement: ['!keep'], codes: ['trailing-slash'], from: 'an exception with a trailing "/"' },
  { line: '*.[!o]', deeper: false, replacement: ['*.[^o]'], codes: ['bracket-negation'], from: 'Go filepath.Match negates with "^"' },
  { line: 'dist/  # output', deeper: true, replacement: ['# output', '**/dist'], codes: ['inline-comment', 'trailing-slash', 'anchored-name'], from: 'three habits on one line' },
  { line: '   # indented comment', deeper: false, replacement: ['# indented comment'], codes: ['inline-comment'], from: 'only "#" in column 1 starts a comment' },
  { line: '  # only a comment after spaces', deeper: true, replacement: ['# only a comment after spaces'], codes: ['inline-comment'], from: 'an indented comment is never anchored' },
  { line: 'node_modules', deeper: false, replacement: undefined, codes: [], from: 'a sound line' },
  { line: '**/node_modules', deeper: true, replacement: undefined, codes: [], from: 'already at any depth' },
  { line: 'src/*.log', deeper: true, replacement: undefined, codes: [], from: 'a path with "/" is meant anchored' },
];
