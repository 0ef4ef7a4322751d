// moby/patternmatcher's own test tables (copied into vectors/ from the project's shared conformance
// folder), run against core: MatchesOrParentMatches rows, the deprecated single-depth
// Matches rows, and the compile rows (pattern -> match kind and regexp).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRules, IgnoreFileError, matchesOrParentMatches, type PatternSet, type RawRule } from '@ctxlens/core';
import { compilePattern } from '../../src/patterns/compile.js';
// Not in the public API: Docker's deprecated Matches (used only to force-include Dockerfile/.dockerignore).
import { matchesSingleDepth } from '../../src/patterns/matcher.js';

// A copy lives in the repository (vectors/); CTXLENS_SHARED_DIR points at another copy to compare.
const SHARED = process.env['CTXLENS_SHARED_DIR'] ? resolve(process.env['CTXLENS_SHARED_DIR'], 'conformance') : join(dirname(fileURLToPath(import.meta.url)), 'vectors');
const MATCH_FILE = join(SHARED, 'patternmatcher-vectors.json');
const COMPILE_FILE = join(SHARED, 'patternmatcher-compile-vectors.json');
const available = existsSync(MATCH_FILE) && existsSync(COMPILE_FILE);
const skipped = available ? '' : ` [skipped: ${MATCH_FILE} not found; set CTXLENS_SHARED_DIR]`;

interface MatchVector {
  readonly fn: 'Matches' | 'MatchesOrParentMatches';
  readonly patterns: string[];
  readonly path: string;
  readonly expected: boolean;
  readonly expectError?: string;
  readonly source: string;
  readonly note?: string;
}

interface CompileVector {
  readonly pattern: string;
  readonly matchType: 'exactMatch' | 'prefixMatch' | 'suffixMatch' | 'regexpMatch';
  readonly regexp: string | null;
  readonly source: string;
}

const matchRows: MatchVector[] = available ? JSON.parse(readFileSync(MATCH_FILE, 'utf8')) : [];
const compileRows: CompileVector[] = available ? JSON.parse(readFileSync(COMPILE_FILE, 'utf8')) : [];
const KIND = { exactMatch: 'exact', prefixMatch: 'prefix', suffixMatch: 'suffix', regexpMatch: 'regexp' } as const;

const toRules = (patterns: readonly string[]): RawRule[] => patterns.map((pattern, i) => ({ pattern, origin: { file: 'vector', line: i + 1, text: pattern } }));

/** Runs `fn`, turning an IgnoreFileError into its message. */
function outcome<T>(fn: () => T): { value: T } | { error: string } {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof IgnoreFileError) return { error: error.message };
    throw error;
  }
}

const counts = { mop: 0, matches: 0, matchesErrorSwallowed: 0, compile: 0 };

describe(`moby/patternmatcher test vectors${skipped}`, () => {
  it.skipIf(!available).for(matchRows.filter((r) => r.fn === 'MatchesOrParentMatches'))(
    'MatchesOrParentMatches $patterns on $path -> $expected ($source)',
    (row) => {
      const got = outcome(() => matchesOrParentMatches(compileRules(toRules(row.patterns)), row.path).excluded);
      counts.mop++;
      if (row.expectError !== undefined) expect(got).toEqual({ error: row.expectError });
      else expect(got).toEqual({ value: row.expected });
    },
  );

  it.skipIf(!available).for(matchRows.filter((r) => r.fn === 'Matches'))('Matches (deprecated, single depth) $patterns on $path -> $expected ($source)', (row) => {
    const set = outcome<PatternSet>(() => compileRules(toRules(row.patterns)));
    counts.matches++;
    if ('error' in set) {
      expect(set.error).toBe(row.expectError);
      return;
    }
    // Core's single-depth matcher mirrors TrimBuildFilesFromExcludes, which ignores match errors
    // (`keep, _ := Matches(...)`): a regexp that fails to compile counts as "not excluded".
    if (row.expectError !== undefined) counts.matchesErrorSwallowed++;
    expect(matchesSingleDepth(set.value, row.path)).toBe(row.expected);
  });

  it.skipIf(!available).for(compileRows)('compile $pattern -> $matchType $regexp ($source)', (row) => {
    const set = compileRules(toRules([row.pattern]));
    counts.compile++;
    expect(set.patterns[0]?.kind).toBe(KIND[row.matchType]);
    expect(compilePattern(set.patterns[0]!.text).goRegex).toBe(row.regexp ?? '');
  });

  it.skipIf(!available)(`compared every row${skipped}`, () => {
    console.log(
      `patternmatcher vectors: ${counts.mop} MatchesOrParentMatches + ${counts.matches} Matches rows (${counts.matchesErrorSwallowed} of them expect a match-time error, which the single-depth matcher swallows like TrimBuildFilesFromExcludes) + ${counts.compile} compile rows compared, from ${SHARED}`,
    );
    expect(counts.mop + counts.matches).toBe(matchRows.length);
    expect(counts.compile).toBe(compileRows.length);
  });
});
