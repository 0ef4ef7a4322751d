// BuildKit's DetectSyntax cases (directives_test.go), kept as data in test/conformance/vectors/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSyntax } from './directives.js';

interface Row {
  dockerfile: string;
  ref: string | null;
  cmdline?: string;
  line?: number;
}
const rows = (JSON.parse(readFileSync(new URL('../../test/conformance/vectors/buildkit-detect-syntax.json', import.meta.url), 'utf8')) as { rows: Row[] }).rows;

describe("BuildKit's DetectSyntax (directives_test.go)", () => {
  it.for(rows)('$dockerfile -> $ref', (row) => {
    const found = detectSyntax(row.dockerfile);
    expect(found?.ref ?? null).toBe(row.ref);
    if (row.cmdline !== undefined) expect(found?.cmdline).toBe(row.cmdline);
    if (row.line !== undefined) expect(found?.line).toBe(row.line);
  });
});
