import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRawReader, decodeName, pathBytes, pathFromBytes, rawByteLength, toFsPath } from './raw-names.js';
import { sortByteOrder } from './sort-names.js';

// Bytes -> the string ctxlens keeps. Go's utf8.DecodeRune rejects one byte at a time, so each
// rejected byte becomes one escape (U+DC00 + byte), which `?` then takes as one character, as
// Go's regexp takes it as one U+FFFD rune.
const DECODE: { name: string; bytes: number[]; kept: string }[] = [
  { name: 'ASCII', bytes: [0x61, 0x2f, 0x62], kept: 'a/b' },
  { name: 'valid two-byte', bytes: [0xc3, 0xa9], kept: 'é' },
  { name: 'valid four-byte', bytes: [0xf0, 0x9f, 0x98, 0x80], kept: '😀' },
  { name: 'Latin-1 byte', bytes: [0x63, 0xe9], kept: 'c\udce9' },
  { name: 'lone continuation byte', bytes: [0x80], kept: '\udc80' },
  { name: 'overlong two-byte', bytes: [0xc0, 0xaf], kept: '\udcc0\udcaf' },
  { name: 'overlong three-byte', bytes: [0xe0, 0x80, 0xaf], kept: '\udce0\udc80\udcaf' },
  { name: 'encoded surrogate', bytes: [0xed, 0xa0, 0x80], kept: '\udced\udca0\udc80' },
  { name: 'above U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80], kept: '\udcf4\udc90\udc80\udc80' },
  { name: 'cut-off sequence', bytes: [0xe2, 0x82], kept: '\udce2\udc82' },
  { name: 'cut-off then ASCII', bytes: [0xe2, 0x82, 0x41], kept: '\udce2\udc82A' },
  { name: 'U+FFFD itself (valid)', bytes: [0xef, 0xbf, 0xbd], kept: '\ufffd' },
  { name: 'highest byte', bytes: [0xff], kept: '\udcff' },
];

describe('names that are not UTF-8', () => {
  it.each(DECODE)('$name: decoded as Go reads it, and back to the same bytes', ({ bytes, kept }) => {
    expect(pathFromBytes(Buffer.from(bytes))).toBe(kept);
    expect([...pathBytes(kept)]).toEqual(bytes);
    expect(rawByteLength(kept)).toBe(bytes.length);
  });

  it('leaves astral characters alone: their low surrogate is not an escape', () => {
    // U+10080 is D800 DC80: the DC80 half of a pair must not be taken for the byte 0x80.
    expect([...pathBytes('\u{10080}')]).toEqual([0xf0, 0x90, 0x82, 0x80]);
    expect(rawByteLength('\u{10080}')).toBe(4);
  });

  it('sorts escaped bytes by the byte they stand for, as the disk does', () => {
    const names = ['caf\udce9', 'café', 'caf\udc80', 'cafe', '\u{10080}', '\udcff'];
    expect(sortByteOrder(names).map((n) => [...pathBytes(n)])).toEqual(names.map((n) => [...pathBytes(n)]).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('reads a directory without U+FFFD in one readdir, and one with bad bytes again as bytes', () => {
    let calls = 0;
    const fake = {
      readdirSync: (_path: string | Buffer, options?: { encoding: string }) => {
        calls++;
        return options?.encoding === 'buffer' ? [Buffer.from([0x61, 0xe9])] : ['a\ufffd'];
      },
    } as unknown as typeof fs;
    expect(createRawReader(fake, toFsPath, decodeName).readdir('/x')).toEqual(['a\udce9']);
    expect(calls).toBe(2);
    const plain = { readdirSync: () => ['a', 'b'] } as unknown as typeof fs;
    expect(createRawReader(plain, toFsPath, decodeName).readdir('/x')).toEqual(['a', 'b']);
  });
});
