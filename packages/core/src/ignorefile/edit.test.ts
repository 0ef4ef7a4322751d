import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentRules, IgnoreFileConflictError, insertLine, moveLine, parseDocument, removeLine, replaceLine, serializeDocument, writeDocument } from './edit.js';

const bytes = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s));

describe('lossless ignore-file documents', () => {
  it.each([
    ['LF', 'a\n# c\n\nb\n'],
    ['CRLF', 'a\r\n# c\r\n\r\nb\r\n'],
    ['mixed endings and a lone CR', 'a\r\nb\nc\rd\n'],
    ['no final newline', 'a\nb'],
    ['a byte order mark', '\ufeffnode_modules\n!keep\n'],
    ['odd spacing', '  a  \n\t# not a comment\n'],
  ])('round-trips %s byte for byte', (_, text) => {
    expect(serializeDocument(parseDocument(bytes(text))).equals(bytes(text))).toBe(true);
  });

  it('round-trips bytes that are not UTF-8', () => {
    const raw = bytes([0x61, 0x0a, 0xff, 0xfe, 0x0a]);
    expect(serializeDocument(parseDocument(raw)).equals(raw)).toBe(true);
  });

  it('reads, edits and writes bytes that are not UTF-8 as the same bytes', () => {
    const doc = parseDocument(bytes([0x61, 0xff, 0x0a]));
    expect(documentRules(doc, '.dockerignore').map((r) => r.pattern)).toEqual(['a\udcff']);
    const text = documentRules(doc, '.dockerignore')[0]!.origin.text;
    const edited = insertLine(replaceLine(doc, 0, `!${text}`), '\udcfe*');
    expect(serializeDocument(edited)).toEqual(bytes([0x21, 0x61, 0xff, 0x0a, 0xfe, 0x2a, 0x0a]));
  });

  it('gives new lines the file\'s own line ending and keeps every other byte', () => {
    const doc = insertLine(parseDocument(bytes('\ufeff# deps\r\nnode_modules\r\n')), 'coverage');
    expect(serializeDocument(doc).toString('utf8')).toBe('\ufeff# deps\r\nnode_modules\r\ncoverage\r\n');
  });

  it('terminates a last line without newline before appending after it', () => {
    expect(serializeDocument(insertLine(parseDocument(bytes('a\nb')), 'c')).toString()).toBe('a\nb\nc\n');
  });

  it('removes, replaces and moves lines without touching the others', () => {
    const doc = parseDocument(bytes('# one\r\na\r\n\r\nb\r\n'));
    expect(serializeDocument(removeLine(doc, 1)).toString()).toBe('# one\r\n\r\nb\r\n');
    expect(serializeDocument(replaceLine(doc, 3, '# b')).toString()).toBe('# one\r\na\r\n\r\n# b\r\n');
    expect(serializeDocument(moveLine(doc, 3, 1)).toString()).toBe('# one\r\nb\r\na\r\n\r\n');
  });

  it('reads rules with their current line numbers, as Docker reads them', () => {
    const doc = insertLine(parseDocument(bytes('# c\n/a/\n')), '!b', 1);
    expect(documentRules(doc, '.dockerignore').map((r) => [r.origin.line, r.pattern])).toEqual([
      [2, '!b'],
      [3, 'a'],
    ]);
  });
});

describe('writeDocument', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxlens-edit-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a changed document atomically and keeps the file mode', () => {
    const file = path.join(dir, '.dockerignore');
    fs.writeFileSync(file, 'a\n', { mode: 0o640 });
    fs.chmodSync(file, 0o640);
    const original = fs.readFileSync(file);
    expect(writeDocument(file, insertLine(parseDocument(original), 'b'), original)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('a\nb\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['.dockerignore']);
  });

  it('writes nothing when nothing changed', () => {
    const file = path.join(dir, '.dockerignore');
    fs.writeFileSync(file, 'a\n');
    const before = fs.statSync(file).ino;
    const original = fs.readFileSync(file);
    expect(writeDocument(file, parseDocument(original), original)).toBe(false);
    expect(fs.statSync(file).ino).toBe(before);
  });

  it('refuses to overwrite a file that changed on disk since it was read', () => {
    const file = path.join(dir, '.dockerignore');
    fs.writeFileSync(file, 'a\n');
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, 'a\nsomeone else\n');
    expect(() => writeDocument(file, insertLine(parseDocument(original), 'b'), original)).toThrow(IgnoreFileConflictError);
    expect(fs.readFileSync(file, 'utf8')).toBe('a\nsomeone else\n');
  });

  it('creates a missing file, and not when there is nothing to write', () => {
    const file = path.join(dir, '.dockerignore');
    expect(writeDocument(file, parseDocument(), undefined)).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    expect(writeDocument(file, insertLine(parseDocument(), 'node_modules'), undefined)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('node_modules\n');
  });
});
