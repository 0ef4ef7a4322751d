import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
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

  it.each([
    ['to the end of a file without final newline', 'a\nb\nc', 0, 2, 'b\nc\na'],
    ['the last line (without newline) up', 'a\nb\nc', 2, 0, 'c\na\nb\n'],
    ['to the end of a CRLF file without final newline', 'a\r\nb', 0, 1, 'b\r\na'],
  ])('moves a line %s without joining two lines', (_, text, from, to, expected) => {
    expect(serializeDocument(moveLine(parseDocument(bytes(text)), from, to)).toString()).toBe(expected);
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

  it('keeps a mode the umask would cut (group-writable, shared)', () => {
    const file = path.join(dir, '.dockerignore');
    fs.writeFileSync(file, 'a\n');
    fs.chmodSync(file, 0o664);
    const original = fs.readFileSync(file);
    expect(writeDocument(file, insertLine(parseDocument(original), 'b'), original)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o664);
  });

  it('replaces a leftover temporary file of its own name, never writing through a link put in its place', () => {
    const file = path.join(dir, '.dockerignore');
    fs.writeFileSync(file, 'a\n');
    fs.writeFileSync(path.join(dir, 'victim'), 'keep\n');
    fs.symlinkSync('victim', path.join(dir, `..dockerignore.ctxlens-${process.pid}.tmp`));
    const original = fs.readFileSync(file);
    expect(writeDocument(file, insertLine(parseDocument(original), 'b'), original)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('a\nb\n');
    expect(fs.readFileSync(path.join(dir, 'victim'), 'utf8')).toBe('keep\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['.dockerignore', 'victim']);
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

describe('writeDocument through a symbolic link', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxlens-edit-link-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Makes `file` with `text` and `mode`, and a link at `at` holding `target`. */
  function linked(file: string, text: string, at: string, target: string, mode = 0o640): Buffer {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.mkdirSync(path.dirname(path.join(dir, at)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
    fs.chmodSync(path.join(dir, file), mode);
    fs.symlinkSync(target, path.join(dir, at));
    return fs.readFileSync(path.join(dir, file));
  }

  /** Every entry under dir, links shown with their targets: proves no stray temporary file and no replaced link. */
  function listing(): string[] {
    const out: string[] = [];
    const visit = (rel: string): void => {
      for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
        const at = path.join(rel, name);
        const st = fs.lstatSync(path.join(dir, at));
        if (st.isSymbolicLink()) out.push(`${at} -> ${fs.readlinkSync(path.join(dir, at))}`);
        else if (st.isDirectory()) {
          out.push(`${at}/`);
          visit(at);
        } else out.push(at);
      }
    };
    visit('');
    return out;
  }

  // [case, target file, link, what the link holds (a function of dir for absolute ones)]
  const cases: [string, string, string, (d: string) => string][] = [
    ['a relative target inside the context', 'shared/ignore', 'ctx/.dockerignore', () => '../shared/ignore'],
    ['an absolute target outside the context', 'elsewhere/docker.ignore', 'ctx/.dockerignore', (d) => path.join(d, 'elsewhere/docker.ignore')],
    ['a relative target in the same directory', 'ctx/ignore.real', 'ctx/.dockerignore', () => 'ignore.real'],
  ];
  it.each(cases)('writes through to %s, atomically, keeping the link and the mode', (_, file, at, target) => {
    // 0o666: a mode the umask would cut, so it must be set, not just asked of open().
    const original = linked(file, 'a\n', at, target(dir), 0o666);
    const before = listing();
    expect(writeDocument(path.join(dir, at), insertLine(parseDocument(original), 'b'), original)).toBe(true);
    expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe('a\nb\n');
    expect(fs.lstatSync(path.join(dir, file)).mode & 0o7777).toBe(0o666);
    expect(listing()).toEqual(before);
  });

  it('follows a chain of links, each relative to its own directory', () => {
    // ctx/.dockerignore -> ../links/one -> two -> ../real/ignore
    const original = linked('real/ignore', 'a\n', 'links/two', '../real/ignore');
    fs.symlinkSync('two', path.join(dir, 'links/one'));
    fs.mkdirSync(path.join(dir, 'ctx'));
    fs.symlinkSync('../links/one', path.join(dir, 'ctx/.dockerignore'));
    const before = listing();
    expect(writeDocument(path.join(dir, 'ctx/.dockerignore'), insertLine(parseDocument(original), 'b'), original)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real/ignore'), 'utf8')).toBe('a\nb\n');
    expect(listing()).toEqual(before);
  });

  it('resolves `..` in a link from the directory the link really sits in, as the kernel does', () => {
    // `ctx` is a link to deep/ctx, so ctx/.dockerignore -> ../ignore means deep/ignore, not ./ignore.
    fs.mkdirSync(path.join(dir, 'deep/ctx'), { recursive: true });
    fs.symlinkSync('deep/ctx', path.join(dir, 'ctx'));
    fs.writeFileSync(path.join(dir, 'ignore'), 'decoy\n');
    const original = linked('deep/ignore', 'a\n', 'deep/ctx/.dockerignore', '../ignore');
    expect(fs.readFileSync(path.join(dir, 'ctx/.dockerignore')).equals(original)).toBe(true);
    const before = listing();
    expect(writeDocument(path.join(dir, 'ctx/.dockerignore'), insertLine(parseDocument(original), 'b'), original)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'deep/ignore'), 'utf8')).toBe('a\nb\n');
    expect(fs.readFileSync(path.join(dir, 'ignore'), 'utf8')).toBe('decoy\n');
    expect(listing()).toEqual(before);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(!root).each([
    ['a file', '.dockerignore', '.dockerignore'],
    ['the target of a link', 'shared/ignore', 'ctx/.dockerignore'],
  ])(`gives %s back to its owner and group, set-group-ID bit included${root ? '' : ' (skipped: only root may chown to another user)'}`, (_, file, at) => {
    const original = file === at ? Buffer.from('a\n') : linked(file, 'a\n', at, '../shared/ignore');
    if (file === at) fs.writeFileSync(path.join(dir, file), original);
    fs.chownSync(path.join(dir, file), 4321, 4322);
    fs.chmodSync(path.join(dir, file), 0o2664);
    expect(writeDocument(path.join(dir, at), insertLine(parseDocument(original), 'b'), original)).toBe(true);
    const st = fs.statSync(path.join(dir, file));
    expect([fs.readFileSync(path.join(dir, file), 'utf8'), st.uid, st.gid, st.mode & 0o7777]).toEqual(['a\nb\n', 4321, 4322, 0o2664]);
  });

  it('follows a link to a name that is not UTF-8 (names are bytes)', () => {
    fs.mkdirSync(path.join(dir, 'ctx'));
    const real = Buffer.concat([Buffer.from(path.join(dir, 'ctx/ign')), Buffer.from([0xff])]);
    fs.writeFileSync(real, 'a\n');
    fs.symlinkSync(Buffer.from([0x69, 0x67, 0x6e, 0xff]), path.join(dir, 'ctx/.dockerignore'));
    const original = fs.readFileSync(real);
    expect(writeDocument(path.join(dir, 'ctx/.dockerignore'), insertLine(parseDocument(original), 'b'), original)).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('a\nb\n');
    expect(fs.lstatSync(path.join(dir, 'ctx/.dockerignore')).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'ctx')).length).toBe(2);
  });

  it('compares against the target when it changed on disk since it was read', () => {
    const original = linked('shared/ignore', 'a\n', 'ctx/.dockerignore', '../shared/ignore');
    fs.writeFileSync(path.join(dir, 'shared/ignore'), 'a\nsomeone else\n');
    expect(() => writeDocument(path.join(dir, 'ctx/.dockerignore'), insertLine(parseDocument(original), 'b'), original)).toThrow(IgnoreFileConflictError);
    expect(fs.readFileSync(path.join(dir, 'shared/ignore'), 'utf8')).toBe('a\nsomeone else\n');
    expect(fs.lstatSync(path.join(dir, 'ctx/.dockerignore')).isSymbolicLink()).toBe(true);
  });

  it('creates the missing target of a dangling link when its directory exists (as a shell redirection does)', () => {
    fs.mkdirSync(path.join(dir, 'ctx'));
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.symlinkSync('../shared/ignore', path.join(dir, 'ctx/.dockerignore'));
    expect(writeDocument(path.join(dir, 'ctx/.dockerignore'), insertLine(parseDocument(), 'node_modules'), undefined)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'shared/ignore'), 'utf8')).toBe('node_modules\n');
    expect(listing()).toEqual(['ctx/', 'ctx/.dockerignore -> ../shared/ignore', 'shared/', 'shared/ignore']);
  });

  it.each([
    ['a dangling link whose directory is missing', () => fs.symlinkSync('../gone/ignore', path.join(dir, 'ctx/.dockerignore')), /symbolic link to .*gone\/ignore, which does not exist, nor does its directory/u, /Create the directory .*gone/u],
    ['a loop of links', () => {
      fs.symlinkSync('loop', path.join(dir, 'ctx/.dockerignore'));
      fs.symlinkSync('.dockerignore', path.join(dir, 'ctx/loop'));
    }, /loop of symbolic links/u, /Point .*\.dockerignore at a regular file/u],
    ['a link to a directory', () => {
      fs.mkdirSync(path.join(dir, 'ctx/adir'));
      fs.symlinkSync('adir', path.join(dir, 'ctx/.dockerignore'));
    }, /is not a regular file \(it is a directory\)/u, /regular file/u],
  ])('refuses %s, says why and writes nothing', (_, make, message, hint) => {
    fs.mkdirSync(path.join(dir, 'ctx'));
    make();
    const before = listing();
    let error: unknown;
    try {
      writeDocument(path.join(dir, 'ctx/.dockerignore'), insertLine(parseDocument(), 'b'), undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).message).toMatch(/nothing was written/u);
    expect((error as InputError).hint).toMatch(hint);
    expect(listing()).toEqual(before);
  });
});
