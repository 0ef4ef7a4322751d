// git's quote_c_style / unquote_c_style (quote.c), so `explain` prints and reads paths exactly as
// `git check-ignore` does with core.quotePath on: a path holding a control character, a double
// quote, a backslash or any non-ASCII byte is printed in double quotes with C escapes and octal bytes.
// Bytes of names that are not UTF-8 (kept escaped by the core) are quoted as the bytes they are.
import { pathBytes, pathFromBytes } from '@ctxlens/core';

const NAMED: Record<number, string> = { 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x22: '"', 0x5c: '\\' };

function needsQuote(byte: number): boolean {
  return byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f;
}

/**
 * Quotes a path like git does for its output.
 * @returns the path unchanged, or quoted with escapes when it needs it
 */
export function quoteCStyle(path: string): string {
  const bytes = pathBytes(path);
  if (!bytes.some(needsQuote)) return path;
  let out = '"';
  for (const b of bytes) {
    if (!needsQuote(b)) out += String.fromCharCode(b);
    else if (NAMED[b] !== undefined) out += `\\${NAMED[b]}`;
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out + '"';
}

const UNNAMED: Record<string, number> = { a: 0x07, b: 0x08, t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '"': 0x22, '\\': 0x5c };

/**
 * Reads a line the way `git check-ignore --stdin` does: a line starting with `"` is C-unquoted.
 * @returns the path, or undefined when the quoting is malformed
 */
export function unquoteCStyle(line: string): string | undefined {
  if (!line.startsWith('"')) return line;
  const src = Buffer.from(line, 'utf8');
  const out: number[] = [];
  for (let i = 1; i < src.length; i++) {
    const b = src[i]!;
    if (b === 0x22) return i === src.length - 1 ? pathFromBytes(Buffer.from(out)) : undefined;
    if (b !== 0x5c) {
      out.push(b);
      continue;
    }
    const next = String.fromCharCode(src[++i] ?? 0);
    if (UNNAMED[next] !== undefined) out.push(UNNAMED[next]);
    else if (/[0-3]/.test(next) && i + 2 < src.length) {
      const octal = next + String.fromCharCode(src[i + 1]!, src[i + 2]!);
      if (!/^[0-3][0-7]{2}$/.test(octal)) return undefined;
      out.push(parseInt(octal, 8));
      i += 2;
    } else return undefined;
  }
  return undefined;
}
