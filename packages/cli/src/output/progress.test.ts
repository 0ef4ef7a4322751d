import { describe, expect, it } from 'vitest';
import { fakeIo } from '../../test/helpers/fake-io.js';
import { createProgress } from './progress.js';

describe('createProgress', () => {
  it('draws entries, bytes and elapsed time on a terminal, throttled, and erases the line at the end', () => {
    const io = fakeIo({ tty: true });
    const p = createProgress(io, true);
    p.onProgress!({ entries: 4096, bytes: 1_500_000, elapsedMs: 250 });
    p.onProgress!({ entries: 8192, bytes: 3_000_000, elapsedMs: 300 });
    p.onProgress!({ entries: 12288, bytes: 4_000_000, elapsedMs: 1250 });
    p.done();
    expect(io.err()).toBe('\r\u001b[2Kscanning… 4,096 entries, 1.5MB, 0.3s\r\u001b[2Kscanning… 12,288 entries, 4MB, 1.3s\r\u001b[2K');
  });

  it('is off when stderr is not a terminal or when disabled (--json, -q)', () => {
    expect(createProgress(fakeIo({ tty: false }), true).onProgress).toBeUndefined();
    expect(createProgress(fakeIo({ tty: true }), false).onProgress).toBeUndefined();
  });
});
