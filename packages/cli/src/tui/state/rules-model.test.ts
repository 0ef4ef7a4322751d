import { serializeDocument } from '@ctxlens/core';
import { describe, expect, it } from 'vitest';
import { appendRule, deleteRule, documentLines, isDirty, moveRule, ruleRows, rulesFromBytes, toggleRule } from './rules-model.js';

const BOM = '\uFEFF';

describe('rules model', () => {
  it('lists rules with their line numbers, skipping comments and blank lines', () => {
    const model = rulesFromBytes(Buffer.from('# deps\nnode_modules\n\n.git\n!keep\n'));
    expect(ruleRows(model)).toEqual([
      { line: 1, text: 'node_modules', enabled: true },
      { line: 3, text: '.git', enabled: true },
      { line: 4, text: '!keep', enabled: true },
    ]);
  });

  it('switches a rule off by commenting it out and back on byte for byte', () => {
    const bytes = Buffer.from(`${BOM}# deps\r\nnode_modules\r\n.git`);
    const model = rulesFromBytes(bytes);
    const off = toggleRule(model, 1);
    expect(serializeDocument(off.doc).toString()).toBe(`${BOM}# deps\r\n# node_modules\r\n.git`);
    expect(documentLines(off)).toEqual(['# deps', '# node_modules', '.git']);
    expect(ruleRows(off)[0]).toEqual({ line: 1, text: 'node_modules', enabled: false });
    const on = toggleRule(off, 1);
    expect(serializeDocument(on.doc).equals(bytes)).toBe(true);
    expect(isDirty(on, bytes)).toBe(false);
    expect(isDirty(off, bytes)).toBe(true);
  });

  it('switches a rule holding bytes that are not UTF-8 off and on, keeping those bytes', () => {
    const bytes = Buffer.from([0x61, 0xff, 0x0a, 0x62, 0x0a]); // "a" 0xff, then "b"
    const off = toggleRule(rulesFromBytes(bytes), 0);
    expect(serializeDocument(off.doc)).toEqual(Buffer.from([0x23, 0x20, 0x61, 0xff, 0x0a, 0x62, 0x0a]));
    expect(serializeDocument(toggleRule(off, 0).doc)).toEqual(bytes);
    expect(serializeDocument(appendRule(off, ruleRows(off)[0]!.text).model.doc)).toEqual(Buffer.from([0x23, 0x20, 0x61, 0xff, 0x0a, 0x62, 0x0a, 0x61, 0xff, 0x0a]));
  });

  it('moves a switched-off rule together with its memory of the original line', () => {
    const model = toggleRule(rulesFromBytes(Buffer.from('a\nb\nc\n')), 0);
    const moved = moveRule(model, 0, 2);
    expect(documentLines(moved)).toEqual(['b', 'c', '# a']);
    expect(documentLines(toggleRule(moved, 2))).toEqual(['b', 'c', 'a']);
  });

  it('appends at the end, terminating a last line that had no newline, and deletes', () => {
    const model = rulesFromBytes(Buffer.from('a\r\nb'));
    const { model: added, line } = appendRule(model, 'coverage');
    expect(line).toBe(2);
    expect(serializeDocument(added.doc).toString()).toBe('a\r\nb\r\ncoverage\r\n');
    expect(serializeDocument(deleteRule(added, 0).doc).toString()).toBe('b\r\ncoverage\r\n');
  });

  it('starts an empty document when there is no ignore file', () => {
    const model = rulesFromBytes(undefined);
    expect(isDirty(model, undefined)).toBe(false);
    expect(serializeDocument(appendRule(model, 'dist').model.doc).toString()).toBe('dist\n');
  });
});
