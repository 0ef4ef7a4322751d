// tui/state/ is pure and components/ render it (STYLE.md §1): an import from state/ into components/
// or hooks/ points back up, and means a helper sits in the wrong folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STATE = import.meta.dirname;
const UPWARD = /^\.\.\/(components|hooks)\//;

/** Every relative module specifier a source file imports or re-exports. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('tui/state imports nothing from components/ or hooks/', () => {
  const files = readdirSync(STATE).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

  it('finds the state modules', () => {
    expect(files).toContain('header-view.ts');
  });

  it.each(files)('%s', (file) => {
    expect(specifiers(readFileSync(join(STATE, file), 'utf8')).filter((s) => UPWARD.test(s))).toEqual([]);
  });
});
