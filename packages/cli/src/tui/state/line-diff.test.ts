import { parseDocument } from '@ctxlens/core';
import { describe, expect, it } from 'vitest';
import { diffDocument, diffHunks } from './line-diff.js';

describe('diffDocument', () => {
  it('shows added, removed and unchanged lines with their numbers', () => {
    const before = Buffer.from('# deps\nnode_modules\n.git\n');
    const after = parseDocument(Buffer.from('# deps\n# node_modules\n.git\ncoverage\n'));
    expect(diffDocument(before, after)).toEqual([
      { op: 'same', text: '# deps', number: 1 },
      { op: 'remove', text: 'node_modules', number: 2 },
      { op: 'add', text: '# node_modules', number: 2 },
      { op: 'same', text: '.git', number: 3 },
      { op: 'add', text: 'coverage', number: 4 },
    ]);
  });

  it('shows a line whose only change is its ending', () => {
    const diff = diffDocument(Buffer.from('a\nb'), parseDocument(Buffer.from('a\nb\n')));
    expect(diff.filter((l) => l.op !== 'same').map((l) => l.op)).toEqual(['remove', 'add']);
  });

  it('is empty of changes for an unchanged file, and diffs a new file', () => {
    expect(diffDocument(Buffer.from('x\n'), parseDocument(Buffer.from('x\n'))).every((l) => l.op === 'same')).toBe(true);
    expect(diffDocument(undefined, parseDocument(Buffer.from('dist\n')))).toEqual([{ op: 'add', text: 'dist', number: 1 }]);
  });

  it('keeps two lines of context around changes', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `l${i}`);
    const after = [...lines];
    after[6] = 'changed';
    const hunks = diffHunks(diffDocument(Buffer.from(lines.join('\n') + '\n'), parseDocument(Buffer.from(after.join('\n') + '\n'))));
    expect(hunks.map((l) => (l === undefined ? '⋯' : l.text))).toEqual(['⋯', 'l4', 'l5', 'l6', 'changed', 'l7', 'l8', '⋯']);
  });
});
