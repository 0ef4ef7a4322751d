import { describe, expect, it } from 'vitest';
import { dataPacketsBytes, goFileMode, mtimeFieldBytes, statPacketBytes, varintLength } from './fsutil-wire.js';
import { formatProgressBytes } from './progress-bytes.js';

describe("BuildKit's progress bytes (tonistiigi/units %.2f)", () => {
  // From 1000 up, printed by Go on this machine: fmt.Sprintf("%.2f", big.NewFloat(n / 1000^k)) plus
  // the unit, which is what units.Bytes does. Below 1000, as the real BuildKit printed them
  // (--progress=plain: an empty context's 2 bytes print as "transferring context: 2B").
  it.each([
    [2, '2B'],
    [5, '5B'],
    [42, '42B'],
    [999, '999B'],
    [1000, '1.00kB'],
    [1005, '1.00kB'],
    [1015, '1.01kB'],
    [1510, '1.51kB'],
    [13680, '13.68kB'],
    [55480, '55.48kB'],
    [684990, '684.99kB'],
    [684995, '685.00kB'],
    [999994, '999.99kB'],
    [999995, '1000.00kB'],
    [1000000, '1.00MB'],
    [1234567, '1.23MB'],
    [1125000, '1.12MB'],
    [2125000, '2.12MB'],
    [110000000, '110.00MB'],
    [9999999999, '10.00GB'],
  ])('%d -> %s', (bytes, printed) => expect(formatProgressBytes(bytes)).toBe(printed));

  it('prints nothing for 0 (BuildKit leaves the size off the line)', () => expect(formatProgressBytes(0)).toBe(''));
});

describe('fsutil packet sizes (protobuf)', () => {
  it.each([
    [0, 1],
    [127, 1],
    [128, 2],
    [16383, 2],
    [16384, 3],
    [32768, 3],
    [2 ** 31, 5],
    [2 ** 35 - 1, 5],
    [1.7e18, 9],
    [-1, 10],
  ])('varint of %d takes %d bytes', (value, bytes) => expect(varintLength(value)).toBe(bytes));

  it.each([
    ['file 0644', 'file', 0o644, 0o644],
    ['dir 0755 (ModeDir is bit 31)', 'dir', 0o755, 2 ** 31 + 0o755],
    ['symlink 0777 (bit 27)', 'symlink', 0o777, 2 ** 27 + 0o777],
    ['setuid file (bit 23)', 'file', 0o4755, 2 ** 23 + 0o755],
    ['setgid dir (bit 22)', 'dir', 0o2775, 2 ** 31 + 2 ** 22 + 0o775],
    ['sticky dir (bit 20)', 'dir', 0o1777, 2 ** 31 + 2 ** 20 + 0o777],
    ['fifo (bit 25)', 'fifo', 0o644, 2 ** 25 + 0o644],
    ['char device (bits 26 and 21)', 'char', 0o666, 2 ** 26 + 2 ** 21 + 0o666],
    ['socket: fsutil clears the bit', 'socket', 0o755, 0o755],
  ] as const)('Go mode of a %s', (_, kind, perm, mode) => expect(goFileMode(kind, perm)).toBe(mode));

  const now = 1_700_000_000;
  // Stat: path (tag, length, bytes) + mode (tag, varint) + size + modTime (9-byte varint of the
  // nanoseconds) + linkname; the packet wraps it as field 2: tag, length, body.
  it.each([
    ['file "a", 0644, 5 bytes', { pathBytes: 1, mode: 0o644, size: 5, mtimeSeconds: now, linkBytes: 0 }, 3 + 3 + 2 + 10, 20],
    ['directory "src", 0755', { pathBytes: 3, mode: 2 ** 31 + 0o755, size: 0, mtimeSeconds: now, linkBytes: 0 }, 5 + 6 + 10, 23],
    ['symlink "l" -> "target"', { pathBytes: 1, mode: 2 ** 27 + 0o777, size: 6, mtimeSeconds: now, linkBytes: 6 }, 3 + 5 + 2 + 10 + 8, 30],
    ['empty file with mode 0 and time 0: path only', { pathBytes: 1, mode: 0, size: 0, mtimeSeconds: 0, linkBytes: 0 }, 3, 5],
    ['a 200-byte path: two-byte length', { pathBytes: 200, mode: 0o600, size: 0, mtimeSeconds: now, linkBytes: 0 }, 203 + 3 + 10, 219],
  ])('stat packet of a %s', (_, stat, body, packet) => {
    expect(body + 1 + varintLength(body)).toBe(packet);
    expect(statPacketBytes(stat)).toBe(packet);
  });

  it('a time before 1970 takes a ten-byte varint', () => expect(mtimeFieldBytes(-5)).toBe(11));

  // DATA packet: type 2 (2 bytes), ID (tag + varint, left out for 0), data (tag, length, bytes).
  it.each([
    ['an empty file with id 0: the closing packet only', 0, 0, 2],
    ['an empty file with id 3', 3, 0, 4],
    ['5 bytes, id 1', 1, 5, 4 + 7 + 4],
    ['exactly 32 KiB, id 200 (two-byte id)', 200, 32768, 5 + 4 + 32768 + 5],
    ['32 KiB + 1, id 1', 1, 32769, 4 + 4 + 32768 + (4 + 3) + 4],
    ['100000 bytes, id 2: three full packets and 1696 bytes', 2, 100000, 3 * (4 + 4 + 32768) + (4 + 3 + 1696) + 4],
  ])('data packets of %s', (_, id, size, bytes) => expect(dataPacketsBytes(id, size)).toBe(bytes));
});
