import { IgnoreFileError, type RuleOrigin } from '../errors.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { goClean, goTrimSpace } from './go-strings.js';
import { splitIgnoreFile, type SplitIgnoreFile } from './lines.js';

/** One rule as Docker's ignorefile.ReadAll hands it on: a pattern string, `!` kept in front. */
export interface RawRule {
  /** The pattern after comment removal, trimming and cleaning, e.g. `!src/app.js`. */
  readonly pattern: string;
  readonly origin: RuleOrigin;
}

/** A parsed ignore file: its rules and the byte-exact lines behind them. */
export interface IgnoreFile {
  /** Path as given, used in messages. */
  readonly file: string;
  readonly rules: readonly RawRule[];
  readonly source: SplitIgnoreFile;
}

/**
 * Reads ignore-file content exactly as Docker's ignorefile.ReadAll does: `#` comments in column 1
 * only, Go TrimSpace, `!` exceptions, filepath.Clean and one leading `/` stripped.
 * @returns the rules with their origins
 * @throws IgnoreFileError when a line is 64 KiB or longer (Docker refuses the whole file)
 */
export function parseIgnoreFile(content: Buffer | string, file = '.dockerignore'): IgnoreFile {
  checkArgument(content, 'content', ACCEPTS.text);
  checkArgument(file, 'file', ACCEPTS.string);
  const source = splitIgnoreFile(content);
  if (source.tooLongLine !== undefined) {
    const line = source.lines[source.tooLongLine - 1]!;
    throw new IgnoreFileError(
      'bufio.Scanner: token too long',
      { file, line: line.number, text: line.text.slice(0, 80) + '…' },
      'load',
      'Docker cannot read a .dockerignore line of 64 KiB or more; split or remove that line.',
    );
  }
  const rules: RawRule[] = [];
  for (const line of source.lines) {
    const pattern = readAllPattern(line.text);
    if (pattern !== undefined) rules.push({ pattern, origin: { file, line: line.number, text: line.text } });
  }
  return { file, rules, source };
}

/**
 * The per-line transformation of ignorefile.ReadAll.
 * @returns the pattern Docker keeps, or undefined for comments and blank lines
 */
export function readAllPattern(text: string): string | undefined {
  if (text.startsWith('#')) return undefined;
  let pattern = goTrimSpace(text);
  if (pattern === '') return undefined;
  const invert = pattern.startsWith('!');
  if (invert) pattern = goTrimSpace(pattern.slice(1));
  if (pattern.length > 0) {
    pattern = goClean(pattern);
    // Byte length: Go compares len(pattern) > 1, and "/" is one byte either way.
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
  }
  return invert ? '!' + pattern : pattern;
}
