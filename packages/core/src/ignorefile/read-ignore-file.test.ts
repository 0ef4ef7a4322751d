import { describe, expect, it } from 'vitest';
import { IgnoreFileError } from '../errors.js';
import { MAX_LINE_BYTES } from './lines.js';
import { parseIgnoreFile } from './read-ignore-file.js';
import { readAllVectors } from './read-ignore-file.vectors.js';

describe('parseIgnoreFile', () => {
  it.each(readAllVectors)('$name', ({ content, expected }) => {
    const parsed = parseIgnoreFile(content, '.dockerignore');
    expect(parsed.rules.map((r) => [r.origin.line, r.pattern])).toEqual(expected);
  });

  it('keeps bytes that are not UTF-8, escaped as in names, so rules compare them as Docker does', () => {
    // a 0xff, then " 0xfe* " (trimmed), then a real U+FFFD
    const content = Buffer.from([0x61, 0xff, 0x0a, 0x20, 0xfe, 0x2a, 0x20, 0x0a, 0xef, 0xbf, 0xbd, 0x0a]);
    expect(parseIgnoreFile(content).rules.map((r) => r.pattern)).toEqual(['a\udcff', '\udcfe*', '\ufffd']);
  });

  it('keeps file, line and original text on every rule', () => {
    const rule = parseIgnoreFile('# x\n  ./node_modules/  \n', 'ctx/.dockerignore').rules[0]!;
    expect(rule.origin).toEqual({ file: 'ctx/.dockerignore', line: 2, text: '  ./node_modules/  ' });
  });

  it('refuses a line of 64 KiB, like bufio.Scanner, naming the line', () => {
    const content = 'ok\n' + 'a'.repeat(MAX_LINE_BYTES) + '\n';
    const error = (() => {
      try {
        parseIgnoreFile(content);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(IgnoreFileError);
    expect((error as IgnoreFileError).line).toBe(2);
    expect((error as IgnoreFileError).message).toContain('token too long');
  });

  it('accepts a line one byte shorter than the limit', () => {
    expect(parseIgnoreFile('a'.repeat(MAX_LINE_BYTES - 1) + '\n').rules).toHaveLength(1);
    expect(parseIgnoreFile('a'.repeat(MAX_LINE_BYTES - 1)).rules).toHaveLength(1);
  });

  it('counts the CR of a CRLF line towards the limit', () => {
    expect(() => parseIgnoreFile('a'.repeat(MAX_LINE_BYTES - 1) + '\r\n')).toThrow(IgnoreFileError);
  });
});
