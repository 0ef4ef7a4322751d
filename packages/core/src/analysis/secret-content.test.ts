import { describe, expect, it } from 'vitest';
import { findSecretsInBytes, findSecretsInText, isPlaceholder } from './secret-content.js';
import { fakeChars } from '@ctxlens/test-fixtures';
import { SECRET_CONTENT_VECTORS } from './secret-content.vectors.js';

describe('findSecretsInText', () => {
  it.each(SECRET_CONTENT_VECTORS.map((v) => ({ ...v, label: `${v.name}: ${v.from}` })))('$label', ({ name, content, expected }) => {
    expect(findSecretsInText(content, name).map((f) => `${f.detector}@${f.line}`)).toEqual(expected);
  });

  it('never carries the value: the masked form is the format prefix and an ellipsis', () => {
    const token = `ghp_${fakeChars(36)}`;
    const [finding] = findSecretsInText(`a\nb\n${token}\n`, 'secrets.txt');
    expect(finding).toEqual({ detector: 'github-token', kind: 'GitHub token', line: 3, masked: 'ghp_…' });
    expect(JSON.stringify(finding)).not.toContain(token.slice(4));
  });
});

describe('findSecretsInBytes', () => {
  it('reads text as bytes: CRLF lines count the same', () => {
    const text = `x\r\ny\r\nghp_${fakeChars(36)}\r\n`;
    expect(findSecretsInBytes(Buffer.from(text), 'a.txt').map((f) => f.line)).toEqual([3]);
  });

  it('skips a binary file (a NUL in the first 8000 bytes), even one holding a token', () => {
    const token = Buffer.from(`ghp_${fakeChars(36)}\n`);
    expect(findSecretsInBytes(Buffer.concat([Buffer.from([0x89, 0x50, 0x00]), token]), 'logo.txt')).toEqual([]);
    // A NUL past the probe does not make it binary.
    expect(findSecretsInBytes(Buffer.concat([token, Buffer.alloc(8000, 0x20), Buffer.from([0])]), 'a.txt')).toHaveLength(1);
  });
});

describe('isPlaceholder', () => {
  it.each([
    { value: '${NPM_TOKEN}', expected: true },
    { value: '"${NPM_TOKEN}"', expected: true },
    { value: '$NPM_TOKEN', expected: true },
    { value: 'AKIAIOSFODNN7EXAMPLE', expected: true },
    { value: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', expected: true },
    { value: '0000-0000', expected: true },
    { value: 'AKIAZ7Q2M4K9X1B3C5D8', expected: false },
  ])('$value -> $expected', ({ value, expected }) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});
