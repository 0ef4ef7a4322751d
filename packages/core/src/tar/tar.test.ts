import { describe, expect, it } from 'vitest';
import { formatDockerSize, formatG4 } from './docker-size.js';
import { fitsUstarSplit, paxRecordLength, tarEntryBytes, ustarSplits } from './tar-size.js';

describe('formatDockerSize (docker/go-units HumanSize)', () => {
  it.each([
    [0, '0B'],
    [512, '512B'],
    [999, '999B'],
    [1000, '1kB'],
    [3584, '3.584kB'],
    [5632, '5.632kB'],
    [5120, '5.12kB'],
    [999_960, '1000kB'],
    [2_100_224, '2.1MB'],
    [1_240_000_000, '1.24GB'],
    [300_000_000, '300MB'],
  ])('%d -> %s', (bytes, printed) => expect(formatDockerSize(bytes)).toBe(printed));

  it('rounds exact halves to even, like Go (JavaScript toPrecision rounds them up)', () => {
    expect(formatG4(1.0625)).toBe('1.062');
    expect((1.0625).toPrecision(4)).toBe('1.063');
    expect(formatG4(1.0635)).toBe('1.063'); // 1.0635 is 1.06349999… in binary: no tie
  });
});

describe('tar entry bytes', () => {
  const base = { isDir: false, linkname: '', size: 0, mtime: 1_700_000_000 };
  it.each([
    ['a header for an empty file', { ...base, name: 'a' }, 512],
    ['content padded to 512', { ...base, name: 'a', size: 5 }, 1024],
    ['exactly one block of content', { ...base, name: 'a', size: 512 }, 1024],
    ['100-byte name fits', { ...base, name: 'n'.repeat(100) }, 512],
    ['101-byte name without slash needs PAX', { ...base, name: 'n'.repeat(101) }, 1536],
    ['long path that splits at a slash stays USTAR', { ...base, name: 'd'.repeat(90) + '/' + 'f'.repeat(90) }, 512],
    ['non-ASCII name needs PAX', { ...base, name: 'é' }, 1536],
    ['long symlink target needs PAX', { ...base, name: 'l', linkname: 't'.repeat(101) }, 1536],
    ['directory name gets a slash: 100 chars + / = 101', { ...base, name: 'n'.repeat(100), isDir: true }, 1536],
    ['a time before 1970 needs PAX', { ...base, name: 'a', mtime: -1 }, 1536],
    ['8 GiB of content needs a PAX size', { ...base, name: 'a', size: 8 ** 11 }, 1536 + 8 ** 11],
  ])('%s', (_, entry, bytes) => expect(tarEntryBytes(entry)).toBe(bytes));

  it('PAX records count their own length digits', () => {
    expect(paxRecordLength('a', 'bcd')).toBe(8); // "8 a=bcd\n"
    expect(paxRecordLength('path', 'x'.repeat(90))).toBe(99);
    // 98 bytes + "100" would be 101, so the length field grows to 3 digits.
    expect(paxRecordLength('path', 'x'.repeat(91))).toBe(101);
  });

  it('splits USTAR names the way archive/tar does', () => {
    expect(fitsUstarSplit('a/' + 'b'.repeat(100))).toBe(true);
    expect(fitsUstarSplit('a/' + 'b'.repeat(101))).toBe(false);
    expect(fitsUstarSplit('p'.repeat(156) + '/b')).toBe(false);
    expect(fitsUstarSplit('p'.repeat(155) + '/b')).toBe(true);
  });

  // archive/tar's splitUSTARPath written out line by line on the whole name (a directory's with
  // its trailing "/"): the reference for ustarSplits, which the scan's tally asks without building
  // that name.
  const splitUstarPath = (name: string): boolean => {
    let length = name.length;
    if (length <= 100) return false;
    if (length > 156) length = 156;
    else if (name[length - 1] === '/') length--;
    const i = name.slice(0, length).lastIndexOf('/');
    const nlen = name.length - i - 1;
    return !(i <= 0 || nlen > 100 || nlen === 0 || i > 155);
  };

  it('ustarSplits agrees with splitUSTARPath on every slash position around the 100, 155 and 156 byte bounds, for files and directories', () => {
    let checked = 0;
    for (const total of [99, 100, 101, 102, 150, 155, 156, 157, 158, 200, 255, 256, 257, 300]) {
      for (let slash = -1; slash < total; slash++) {
        for (const second of [-1, 3, 54, 99, 100, 154, 155, 156]) {
          const chars = Array.from({ length: total }, () => 'a');
          if (slash >= 0) chars[slash] = '/';
          if (second >= 0 && second < total) chars[second] = '/';
          const path = chars.join('');
          if (path.endsWith('/')) continue;
          for (const isDir of [false, true]) {
            expect(ustarSplits(path, isDir), `${isDir ? 'dir' : 'file'} of ${total} bytes, "/" at ${slash} and ${second}`).toBe(splitUstarPath(isDir ? path + '/' : path));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  });
});
