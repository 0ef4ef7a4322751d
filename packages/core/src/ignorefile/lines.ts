import { decodeName } from '../inventory/raw-names.js';

/** One physical line of an ignore file, kept byte-exact so edits can write the file back unchanged. */
export interface IgnoreLine {
  /** 1-based line number. */
  readonly number: number;
  /** The line's bytes, without the terminating LF (a CR before it stays here). */
  readonly raw: Buffer;
  /**
   * The line decoded as UTF-8, without the LF and without one trailing CR (bufio.ScanLines). A byte
   * that is not UTF-8 is escaped as in file names (inventory/raw-names.ts), so rules compare bytes.
   */
  readonly text: string;
  /** True when the line ended with LF; false only for a last line without one. */
  readonly hasLF: boolean;
}

/** An ignore file split into lines the way Go's bufio.Scanner(ScanLines) splits it. */
export interface SplitIgnoreFile {
  /** True when the file starts with a UTF-8 byte order mark (stripped from line 1's text). */
  readonly bom: boolean;
  readonly lines: readonly IgnoreLine[];
  /** 1-based number of the first line Docker cannot read (64 KiB or longer), if any. */
  readonly tooLongLine: number | undefined;
  /** Line numbers whose bytes are not valid UTF-8 (their bad bytes escaped, as names' are). */
  readonly invalidUtf8Lines: readonly number[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** bufio.MaxScanTokenSize: the scanner's buffer, which a line plus its LF must fit in. */
export const MAX_LINE_BYTES = 64 * 1024;
// ignoreBOM keeps a U+FEFF in the text: only line 1's leading BOM is Docker's to strip (done on bytes).
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Buffer): { text: string; valid: boolean } {
  try {
    return { text: decoder.decode(bytes), valid: true };
  } catch {
    // Docker keeps the bytes: exact, prefix and suffix rules compare them, as escaped names do here.
    return { text: decodeName(bytes), valid: false };
  }
}

/**
 * Splits ignore-file bytes into lines: LF ends a line, one CR before it is dropped, a lone CR is
 * ordinary text, and a final line without LF still counts.
 * @returns the lines, plus what Docker's reader would choke on
 */
export function splitIgnoreFile(content: Buffer | string): SplitIgnoreFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const lines: IgnoreLine[] = [];
  const invalidUtf8Lines: number[] = [];
  let tooLongLine: number | undefined;
  const bom = bytes.subarray(0, 3).equals(BOM);
  let start = 0;
  while (start < bytes.length) {
    const lf = bytes.indexOf(0x0a, start);
    const end = lf < 0 ? bytes.length : lf;
    const raw = bytes.subarray(start, end);
    const number = lines.length + 1;
    // The scanner fails once 64 KiB accumulate without a newline, so a line is too long at
    // 65536 bytes whether or not an LF follows.
    if (raw.length >= MAX_LINE_BYTES && tooLongLine === undefined) tooLongLine = number;
    let body = raw.length > 0 && raw[raw.length - 1] === 0x0d ? raw.subarray(0, raw.length - 1) : raw;
    if (number === 1 && bom) body = body.subarray(3);
    const { text, valid } = decode(body);
    if (!valid) invalidUtf8Lines.push(number);
    lines.push({ number, raw, text, hasLF: lf >= 0 });
    start = lf < 0 ? bytes.length : lf + 1;
  }
  return { bom, lines, tooLongLine, invalidUtf8Lines };
}
