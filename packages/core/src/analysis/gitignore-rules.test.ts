import { describe, expect, it } from 'vitest';
import { translateGitignoreLine } from './gitignore-rules.js';

// gitignore line, directory of the .gitignore (relative to the context), Docker lines expected.
const ROWS: { text: string; dir?: string; above?: string; expected: string[] | undefined }[] = [
  { text: 'node_modules/', expected: ['**/node_modules', '**/node_modules/**'] },
  { text: 'node_modules', expected: ['**/node_modules'] },
  { text: '*.log', expected: ['**/*.log'] },
  { text: '/dist', expected: ['dist'] },
  { text: 'build/out', expected: ['build/out'] },
  { text: '**/tmp', expected: ['**/tmp'] },
  { text: 'logs/**', expected: ['logs/**'] },
  { text: 'file[!ab].txt', expected: ['**/file[^ab].txt'] },
  { text: 'trailing   ', expected: ['**/trailing'] },
  { text: 'build', dir: 'web', expected: ['web/**/build'] },
  { text: '/gen', dir: 'web', expected: ['web/gen'] },
  { text: 'x', dir: 'a [b]', expected: ['a \\[b\\]/**/x'] },
  { text: 'tmp/', above: 'app', expected: ['**/tmp', '**/tmp/**'] },
  { text: '/app/generated', above: 'app', expected: ['generated'] },
  { text: '/other/generated', above: 'app', expected: undefined },
  { text: '# comment', expected: undefined },
  { text: '!keep.log', expected: undefined },
  { text: '', expected: undefined },
  { text: '/', expected: undefined },
];

describe('translateGitignoreLine', () => {
  it.each(ROWS)('$text (dir $dir, above $above)', ({ text, dir, above, expected }) => {
    expect(translateGitignoreLine(text, { dir: dir ?? '', above })).toEqual(expected);
  });
});
