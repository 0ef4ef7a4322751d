/** Go semantics of TrimSpace and Clean, checked against Go's own functions by the Go oracle suite. */
export const trimSpaceVectors: readonly { input: string; expected: string; from: string }[] = [
  { input: '  a  ', expected: 'a', from: 'handwritten' },
  { input: '\t\v\f\r\na\n', expected: 'a', from: 'handwritten' },
  { input: '\u0085a\u0085', expected: 'a', from: 'Go unicode.IsSpace: NEL is space (JS trim keeps it)' },
  { input: '\u00a0a\u3000', expected: 'a', from: 'Go unicode.IsSpace: NBSP, ideographic space' },
  { input: '\ufeffa\ufeff', expected: '\ufeffa\ufeff', from: 'Go: U+FEFF is not space (JS trim strips it)' },
  { input: '\u2028a\u2029', expected: 'a', from: 'handwritten' },
  { input: '\u200ba', expected: '\u200ba', from: 'zero-width space is not White_Space' },
  { input: '\u180ea', expected: '\u180ea', from: 'Mongolian vowel separator is not White_Space since Unicode 6.3' },
];

export const cleanVectors: readonly { input: string; expected: string; from: string }[] = [
  { input: '', expected: '.', from: 'path.Clean' },
  { input: './a', expected: 'a', from: 'issue #2 §2' },
  { input: 'a//b', expected: 'a/b', from: 'issue #2 §2' },
  { input: 'a/../b', expected: 'b', from: 'issue #2 §2' },
  { input: 'a/', expected: 'a', from: 'issue #2 §2' },
  { input: '../x', expected: '../x', from: 'issue #2 §2' },
  { input: '/', expected: '/', from: 'path.Clean' },
  { input: '/../a', expected: '/a', from: 'path.Clean: .. at root is dropped' },
  { input: 'a/b/../../..', expected: '..', from: 'path.Clean' },
  { input: '../../a/..', expected: '../..', from: 'path.Clean' },
  { input: '!./a', expected: '!./a', from: 'Clean does not know about "!": "!." is a name' },
  { input: '.', expected: '.', from: 'path.Clean' },
  { input: '//a//b//', expected: '/a/b', from: 'path.Clean' },
];
