// Lossless editing of an ignore file. Lines nobody touched keep their exact bytes (comments, odd
// spacing, CRLF or LF, invalid UTF-8); a byte order mark stays at the start of the file. Documents
// are immutable values, so an editor's undo is just the previous document.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { CtxlensError, InputError } from '../errors.js';
import { decodeName, pathBytes, toFsPath } from '../inventory/raw-names.js';
import { IGNORE_FILE_LIMITS, readInputFile } from '../input-file.js';
import type { RawRule } from './read-ignore-file.js';
import { readAllPattern } from './read-ignore-file.js';
import { resolveWriteTarget } from './write-target.js';
import { ACCEPTS, checkArgument, indexBetween } from '../validate.js';

/** One line: its content bytes and the exact bytes that ended it (`\n`, `\r\n`, `\r` or none). */
export interface DocumentLine {
  readonly content: Buffer;
  readonly ending: Buffer;
}

/** An ignore file as an editable value. */
export interface IgnoreDocument {
  readonly bom: boolean;
  readonly lines: readonly DocumentLine[];
  /** The ending given to new lines: the file's most common one. */
  readonly newline: Buffer;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LF = Buffer.from('\n');
const CRLF = Buffer.from('\r\n');
const NONE = Buffer.alloc(0);

/**
 * Splits ignore-file bytes into an editable document (an empty or missing file gives no lines).
 * @returns the document
 */
export function parseDocument(bytes: Buffer = NONE): IgnoreDocument {
  checkArgument(bytes, 'bytes', ACCEPTS.bytes);
  const bom = bytes.subarray(0, 3).equals(BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const lines: DocumentLine[] = [];
  let crlf = 0;
  let lf = 0;
  let start = 0;
  while (start < body.length) {
    const nl = body.indexOf(0x0a, start);
    const end = nl < 0 ? body.length : nl;
    const hasCR = end > start && body[end - 1] === 0x0d;
    const contentEnd = hasCR ? end - 1 : end;
    const ending = body.subarray(contentEnd, nl < 0 ? body.length : nl + 1);
    if (nl >= 0) hasCR ? crlf++ : lf++;
    lines.push({ content: body.subarray(start, contentEnd), ending });
    start = nl < 0 ? body.length : nl + 1;
  }
  return { bom, lines, newline: crlf > lf ? CRLF : LF };
}

/**
 * The document's bytes.
 * @returns exactly the original bytes for an unedited document
 */
export function serializeDocument(doc: IgnoreDocument): Buffer {
  checkArgument(doc, 'doc', ACCEPTS.document);
  const parts: Buffer[] = doc.bom ? [BOM] : [];
  for (const line of doc.lines) parts.push(line.content, line.ending);
  return Buffer.concat(parts);
}

/** A line's text: UTF-8, with bytes that are not UTF-8 escaped as in names (inventory/raw-names.ts). */
export function lineText(line: DocumentLine): string {
  checkArgument(line, 'line', ACCEPTS.line);
  return decodeName(line.content);
}

/**
 * The rules of the document, each with its current line number, as Docker reads them.
 * @returns the raw rules
 */
export function documentRules(doc: IgnoreDocument, file: string): RawRule[] {
  checkArgument(doc, 'doc', ACCEPTS.document);
  checkArgument(file, 'file', ACCEPTS.string);
  const rules: RawRule[] = [];
  doc.lines.forEach((line, i) => {
    const text = lineText(line);
    const pattern = readAllPattern(text);
    if (pattern !== undefined) rules.push({ pattern, origin: { file, line: i + 1, text } });
  });
  return rules;
}

/** Checks a document and the index of one of its lines. */
function checkLineIndex(doc: unknown, index: unknown, name: string): asserts doc is IgnoreDocument {
  checkArgument(doc, 'doc', ACCEPTS.document);
  checkArgument(index, name, indexBetween(0, (doc as IgnoreDocument).lines.length - 1));
}

function withLines(doc: IgnoreDocument, lines: DocumentLine[]): IgnoreDocument {
  return { ...doc, lines };
}

/** Gives the line before an insertion point an ending if it had none (a file without a final newline). */
function terminated(lines: DocumentLine[], index: number, newline: Buffer): void {
  const line = lines[index];
  if (line && line.ending.length === 0) lines[index] = { content: line.content, ending: newline };
}

/**
 * Inserts a line of text.
 * @param at 0-based position; defaults to the end
 * @returns the new document
 */
export function insertLine(doc: IgnoreDocument, text: string, at?: number): IgnoreDocument {
  checkArgument(doc, 'doc', ACCEPTS.document);
  checkArgument(text, 'text', ACCEPTS.string);
  checkArgument(at, 'at', indexBetween(0, doc.lines.length), true);
  at ??= doc.lines.length;
  const lines = [...doc.lines];
  terminated(lines, at - 1, doc.newline);
  lines.splice(at, 0, { content: pathBytes(text), ending: doc.newline });
  return withLines(doc, lines);
}

/**
 * Removes the line at a 0-based index.
 * @returns the new document
 */
export function removeLine(doc: IgnoreDocument, index: number): IgnoreDocument {
  checkLineIndex(doc, index, 'index');
  const lines = [...doc.lines];
  const [removed] = lines.splice(index, 1);
  // Removing the last line: the new last line keeps its ending, so the file still ends as it did.
  if (removed && index === lines.length && removed.ending.length === 0 && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] = { content: last.content, ending: NONE };
  }
  return withLines(doc, lines);
}

/**
 * Replaces one line's text, keeping its ending.
 * @returns the new document
 */
export function replaceLine(doc: IgnoreDocument, index: number, text: string): IgnoreDocument {
  checkLineIndex(doc, index, 'index');
  checkArgument(text, 'text', ACCEPTS.string);
  const lines = [...doc.lines];
  const line = lines[index]!;
  lines[index] = { content: pathBytes(text), ending: line.ending };
  return withLines(doc, lines);
}

/**
 * Moves a line to another position (order decides which rule wins).
 * @returns the new document
 */
export function moveLine(doc: IgnoreDocument, from: number, to: number): IgnoreDocument {
  checkLineIndex(doc, from, 'from');
  checkArgument(to, 'to', indexBetween(0, doc.lines.length - 1));
  if (from === to) return doc;
  const lines = [...doc.lines];
  // A line without ending moving away from the end needs one; the new last line then keeps its own.
  terminated(lines, from, doc.newline);
  let line = lines.splice(from, 1)[0]!;
  if (to === lines.length && lines[lines.length - 1]?.ending.length === 0) {
    // Moving to the end of a file without a final newline: the old last line needs one (else the
    // two lines would be written as one), and the moved line ends the file as the old one did.
    terminated(lines, lines.length - 1, doc.newline);
    line = { content: line.content, ending: NONE };
  }
  lines.splice(to, 0, line);
  return withLines(doc, lines);
}

/** The file changed on disk after it was loaded; nothing was written. */
export class IgnoreFileConflictError extends CtxlensError {
  readonly path: string;
  constructor(path: string) {
    super('INPUT_INVALID', `${path} changed on disk since it was loaded; nothing was written`, 'Reload it and apply your changes again.');
    this.path = path;
  }
}

/**
 * Writes a document atomically (temporary file, then rename), only if the file on disk still holds
 * `original` and the content actually changed. When `path` is a symbolic link (or a chain of them)
 * the write goes through to the final target, beside it, keeping its mode and, where allowed, its
 * owner; the link stays as it was. A dangling link gets its target created.
 * @returns true when the file was written, false when there was nothing to write
 * @throws IgnoreFileConflictError when the file changed on disk since `original` was read
 * @throws InputError when there is no regular file to write (see resolveWriteTarget)
 */
export function writeDocument(path: string, doc: IgnoreDocument, original: Buffer | undefined): boolean {
  checkArgument(path, 'path', ACCEPTS.string);
  checkArgument(original, 'original', ACCEPTS.bytes, true);
  const next = serializeDocument(doc);
  const target = resolveWriteTarget(path);
  // resolveWriteTarget refuses anything but a regular file, so this read never blocks.
  const current = target.stats === undefined ? undefined : readInputFile(target.path, 'ignore file', IGNORE_FILE_LIMITS).bytes;
  const same = current === undefined ? original === undefined : original !== undefined && current.equals(original);
  if (!same) throw new IgnoreFileConflictError(path);
  if (current !== undefined && current.equals(next)) return false;
  if (current === undefined && next.length === 0) return false;
  const dir = nodePath.dirname(target.path);
  const tmp = toFsPath(nodePath.join(dir, `.${nodePath.basename(target.path)}.ctxlens-${process.pid}.tmp`));
  let fd: number;
  try {
    fd = openFresh(tmp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    // The file itself may well be writable: an atomic save needs its directory to be too.
    throw new InputError(
      'PERMISSION_DENIED',
      `cannot save ${path}: a save writes a new file in ${dir} and renames it over ${target.path}, and ${dir} is not writable (${code}); nothing was written`,
      path,
      `Make ${dir} writable for you (the file's own permissions are not enough), or save a copy elsewhere.`,
    );
  }
  try {
    try {
      if (target.stats !== undefined) keepOwnerAndMode(fd, target.stats);
      fs.writeFileSync(fd, next);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, toFsPath(target.path));
  } catch (error) {
    // A failed save leaves the old file as it was, and no temporary file beside it.
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return true;
}

function openFresh(tmp: string | Buffer): number {
  // O_EXCL: never write through something already there (a link someone put in our name's place).
  // What is there is removed, not used: a killed save's leftover, or something planted.
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL;
  try {
    return fs.openSync(tmp, flags, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fs.rmSync(tmp, { force: true });
    return fs.openSync(tmp, flags, 0o644);
  }
}

function keepOwnerAndMode(fd: number, stats: fs.Stats): void {
  // The new file belongs to whoever saves; giving it back to the old owner needs the right to
  // (root, or a group the saver is in), and a save that cannot is still a save.
  if (stats.uid !== process.getuid?.() || stats.gid !== process.getgid?.()) {
    try {
      fs.fchownSync(fd, stats.uid, stats.gid);
    } catch {
      // Not allowed: the file keeps the saver's owner.
    }
  }
  // After fchown, which clears set-ID bits; and explicit, because open's mode goes through the umask.
  fs.fchmodSync(fd, stats.mode & 0o7777);
}
