import { describe, expect, it } from 'vitest';
import { translateRe2 } from './re2.js';

describe("Go's size limit on regexps", () => {
  // regexp/syntax refuses a program over 128 MB / 40 bytes = 3,355,443 instructions. Real CLI 28:
  // `x{1000}` 3355 times then `*` in .dockerignore loads and matches (after 26 s of Docker's own
  // work); 3356 times fails with "error checking context: syntax error in pattern".
  it.each([
    [3355, true],
    [3356, false],
  ])('x{1000} %i times: compiles %s', (times, ok) => {
    const t = translateRe2(`^${'x{1000}'.repeat(times)}[^/]*$`);
    expect(t.ok).toBe(ok);
    if (!t.ok) expect(t.error).toBe('expression too large');
  });
});
