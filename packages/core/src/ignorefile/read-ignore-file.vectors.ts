/** ignorefile.ReadAll behaviour: file content -> the pattern strings Docker keeps, with line numbers. */
export const readAllVectors: readonly { name: string; content: string; expected: [number, string][]; from: string }[] = [
  { name: 'comment only in column 1', content: '# c\n #x\nfoo', expected: [[2, '#x'], [3, 'foo']], from: 'ignorefile.go' },
  { name: 'CRLF endings', content: 'a\r\nb\r\n', expected: [[1, 'a'], [2, 'b']], from: 'bufio.ScanLines drops one CR' },
  { name: 'lone CR is text, then trimmed', content: 'a\rb\nc\r', expected: [[1, 'a\rb'], [2, 'c']], from: 'bufio.ScanLines' },
  { name: 'BOM on line 1 only', content: '\ufeffa\n\ufeffb', expected: [[1, 'a'], [2, '\ufeffb']], from: 'ignorefile.go' },
  { name: 'BOM then comment', content: '\ufeff# c\nx', expected: [[2, 'x']], from: 'ignorefile.go' },
  { name: 'exception trimmed twice', content: '!  foo  \n', expected: [[1, '!foo']], from: 'ignorefile.go' },
  { name: 'lone ! kept for New to reject', content: '!\n! \n', expected: [[1, '!'], [2, '!']], from: 'ignorefile.go' },
  { name: 'cleaning and one leading slash', content: '/a\n./b/\nc//d\ne/../f\n/\n//g\n../h\n', expected: [[1, 'a'], [2, 'b'], [3, 'c/d'], [4, 'f'], [5, '/'], [6, 'g'], [7, '../h']], from: 'ignorefile.go' },
  { name: 'exception with leading slash', content: '!/a/./b\n', expected: [[1, '!a/b']], from: 'ignorefile.go' },
  { name: 'slash before ! is not an exception here', content: '/!a\n', expected: [[1, '!a']], from: 'ignorefile.go: "/" is stripped after the ! test' },
  { name: 'blank and whitespace lines skipped', content: '\n  \n\t\n\u00a0\nx', expected: [[5, 'x']], from: 'ignorefile.go' },
  { name: 'NEL trimmed, FEFF kept', content: '\u0085a\n\ufeff\n', expected: [[1, 'a'], [2, '\ufeff']], from: 'Go TrimSpace: a lone U+FEFF is a pattern' },
  { name: 'no final newline', content: 'a\nb', expected: [[1, 'a'], [2, 'b']], from: 'bufio.ScanLines' },
];
