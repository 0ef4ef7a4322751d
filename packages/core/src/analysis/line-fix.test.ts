import { describe, expect, it } from 'vitest';
import { fixIgnoreLine } from './line-fix.js';
import { LINE_FIX_VECTORS } from './line-fix.vectors.js';

describe('fixIgnoreLine: the one fix of a broken line', () => {
  it.each(LINE_FIX_VECTORS)('$line (deeper: $deeper) -> $replacement ($from)', ({ line, deeper, replacement, codes }) => {
    const fix = fixIgnoreLine(line, () => deeper);
    expect(fix?.replacement).toEqual(replacement);
    expect(fix?.codes ?? []).toEqual(codes);
  });
});
