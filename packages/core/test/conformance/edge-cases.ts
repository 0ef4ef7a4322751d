// Hand-written edge cases for the Docker CLI conformance suite: the semantics users trip over, as
// data rows `{ name, tree, dockerignore, from }`. `from` names the issue or source a row comes from.
import type { TreeEntry, TreeSpec } from '@ctxlens/test-fixtures';

/** One hand-written case. */
export interface EdgeCase {
  readonly name: string;
  /** The context; a root Dockerfile is added unless the tree has one. */
  readonly tree: TreeSpec;
  /** Exact `.dockerignore` content, or null for no ignore file. */
  readonly dockerignore: string | null;
  /** Where the case comes from: `moby/moby#NNNN`, `docker/cli#NNNN`, or `handwritten`. */
  readonly from: string;
  /** The Dockerfile named with `-f`, relative to the context (default: Docker's choice). */
  readonly dockerfile?: string;
}

const f = (file: string, content = `${file}\n`): TreeEntry => ({ file, content });
const d = (dir: string): TreeEntry => ({ dir });
const DOCS = [f('README.md'), f('docs/README.md'), f('docs/guide.md'), f('docs/sub/deep.md'), f('docs/keep.txt'), f('src/app.js'), f('src/lib/x.md')];
const long = (n: number, c = 'x'): string => c.repeat(n);

const rows: EdgeCase[] = [
  { name: 'no .dockerignore', tree: DOCS, dockerignore: null, from: 'handwritten' },
  { name: 'empty .dockerignore', tree: DOCS, dockerignore: '', from: 'handwritten' },
  { name: 'only comments and blanks', tree: DOCS, dockerignore: '# a\n\n   \n#docs\n', from: 'handwritten' },
  { name: 'd/* then !d: walk keeps d/x out, pre-flight lets it in', tree: [f('d/x'), f('d/y/z')], dockerignore: 'd/*\n!d\n', from: 'moby/moby#43037' },
  { name: 'foo/x then !foo', tree: [f('foo/x'), f('foo/y')], dockerignore: 'foo/x\n!foo\n', from: 'moby/moby#43037' },
  { name: '** then !dir then dir/file', tree: [f('util/docker/web/foo'), f('util/docker/web/bar')], dockerignore: '**\n!util/docker/web\nutil/docker/web/foo\n', from: 'docker/buildx#850' },
  { name: '* then !data then data/file1', tree: [f('data/file1'), f('data/file2')], dockerignore: '*\n!data\ndata/file1\n', from: 'moby/moby#31630' },
  { name: 'exception re-includes a file under an excluded dir', tree: DOCS, dockerignore: 'docs\n!docs/keep.txt\n', from: 'handwritten' },
  { name: 'exception re-includes a deep file (parents not sent)', tree: DOCS, dockerignore: 'docs\n!docs/sub/deep.md\n', from: 'handwritten' },
  { name: 'exception with a glob does not enter the excluded dir (legacy)', tree: DOCS, dockerignore: 'docs\n!**/*.md\n', from: 'docker/cli#2919' },
  { name: '* then !**/*.py keeps only top-level .py', tree: [f('top.py'), f('top.txt'), f('subdir/sub.py')], dockerignore: '*\n!**/*.py\n', from: 'docker/cli#2919' },
  { name: '* then !*/*.txt', tree: [f('hi.txt'), f('ignoreme.txt'), f('photos/steak.jpeg'), f('recipes/cake.txt')], dockerignore: '*\n!hi.txt\n!photos/*.jpeg\n!*/*.txt\n', from: 'moby/moby#30018' },
  { name: '* then !*/target/*file1', tree: [f('dir/target/file1'), f('dir/target/file2')], dockerignore: '*\n!*/target/*file1\n', from: 'moby/moby#38645' },
  { name: 'ignored/* then !ignored/*/', tree: [f('ignored/not-ignored-dir/keep'), f('ignored/drop')], dockerignore: 'ignored/*\n!ignored/*/\n', from: 'moby/moby#45284' },
  { name: '* with top-level and **/ exceptions', tree: [f('something.allow1'), f('something.ignore1'), f('nested-dir/something.allow1'), f('nested-dir/something.ignore1')], dockerignore: '*\n!something.allow1\n!**/something.allow1\n', from: 'moby/moby#40318' },
  { name: '*.md matches only at the top level', tree: DOCS, dockerignore: '*.md\n', from: 'moby/moby#14095' },
  { name: '**/*.md matches at every depth', tree: DOCS, dockerignore: '**/*.md\n', from: 'moby/moby#21433' },
  { name: 'a name matches only at the top level; **/name everywhere', tree: [f('baz'), f('foo/baz'), f('foo/bar'), f('x/foo/baz')], dockerignore: 'baz\n**/foo/baz\n', from: 'moby/moby#27144' },
  { name: '**/foo matches foo/bar through its parent', tree: [f('foo/bar'), f('a/foo/bar'), f('foofoo')], dockerignore: '**/foo\n', from: 'moby/moby#42676' },
  { name: 'Dockerfile excluded is forced back', tree: DOCS, dockerignore: 'Dockerfile\n', from: 'moby/moby#8330' },
  { name: '.dockerignore excluded is forced back', tree: DOCS, dockerignore: '.dockerignore\n', from: 'moby/moby#8330' },
  { name: '* excludes all but the forced Dockerfile and .dockerignore', tree: DOCS, dockerignore: '*\n', from: 'moby/moby#8330' },
  { name: '** then !src', tree: DOCS, dockerignore: '**\n!src\n', from: 'handwritten' },
  { name: 'Dockerfile forced back, then excluded again by a later rule? (forced rule is appended last)', tree: DOCS, dockerignore: 'Dockerfile\n!Dockerfile\nDocker*\n', from: 'handwritten' },
  { name: 'Dockerfile hardlinked to an excluded name', tree: [{ hardlink: 'copy-of-dockerfile', target: 'Dockerfile' }, f('x')], dockerignore: 'Dockerfile\n', from: 'handwritten' },
  { name: 'symlinked dir is sent as a link, never followed', tree: [f('real/a.txt'), { symlink: 'link', target: 'real' }, { symlink: 'dangling', target: 'nowhere' }], dockerignore: 'link/*\nreal/a.txt\n', from: 'handwritten' },
  { name: 'hardlink whose first name is excluded carries the content', tree: [f('a/first.bin', 'x'.repeat(700)), { hardlink: 'b/second.bin', target: 'a/first.bin' }, { hardlink: 'c/third.bin', target: 'a/first.bin' }], dockerignore: 'a\n', from: 'handwritten' },
  { name: 'hardlinks all sent: later names are links', tree: [f('one', 'y'.repeat(1000)), { hardlink: 'two', target: 'one' }], dockerignore: '', from: 'handwritten' },
  { name: 'hardlinked symlink and fifo', tree: [{ symlink: 'sl', target: 'x' }, { hardlink: 'sl2', target: 'sl' }, { fifo: 'ff' }, { hardlink: 'ff2', target: 'ff' }], dockerignore: 'sl\n', from: 'handwritten' },
  { name: '100, 101 and 255-byte names; 155/156-byte prefixes', tree: [f(long(99)), f(long(100, 'y')), f(long(101, 'z')), f(long(255, 'w')), f(`${long(77, 'p')}/${long(77, 'q')}/${long(100, 'n')}`), f(`${long(78, 'P')}/${long(77, 'Q')}/${long(100, 'N')}`), d(long(100, 'D'))], dockerignore: `${long(101, 'z')}\n`, from: 'handwritten' },
  { name: 'path over 256 bytes, non-ASCII long names, long symlink target', tree: [f(`${long(200, 'a')}/${long(120, 'b')}`), f(long(60, 'é')), { symlink: 'l', target: long(150, 't') }, { symlink: 'u', target: '日本/é' }], dockerignore: '', from: 'handwritten' },
  { name: 'unicode names: NFC vs NFD, astral emoji matched by ?', tree: [f('é.txt'), f('e\u0301.txt'), f('\u{1F433}'), f('日本語.md'), f('a\u{1F600}b')], dockerignore: 'é.txt\n?\na?b\n', from: 'handwritten' },
  { name: 'BOM on line 1 is stripped', tree: DOCS, dockerignore: '\ufeffREADME.md\nsrc\n', from: 'docker/cli#4269' },
  { name: 'BOM alone on line 1 before a comment', tree: DOCS, dockerignore: '\ufeff# comment\ndocs\n', from: 'moby/moby#23234' },
  { name: 'U+FEFF on line 2 is not trimmed (exact) but dropped from a glob', tree: DOCS, dockerignore: 'x\n\ufeffREADME.md\n\ufeff*.txt\n\ufeffdocs/*.md\n', from: 'handwritten' },
  { name: 'CRLF line endings', tree: DOCS, dockerignore: 'README.md\r\ndocs\r\n!docs/keep.txt\r\n', from: 'handwritten' },
  { name: 'lone CR joins two patterns into one', tree: [...DOCS, f('a\rb')], dockerignore: 'README.md\rsrc\na\rb\n', from: 'handwritten' },
  { name: 'CR at the end of a name cannot be matched literally', tree: [f('trail\r'), f('trail')], dockerignore: 'trail\r\r\n', from: 'handwritten' },
  { name: 'Go TrimSpace: NBSP, NEL, ideographic space and U+2028 are trimmed', tree: DOCS, dockerignore: '\u00a0README.md\u0085\n\u3000src\u2028\n\t docs \t\n', from: 'handwritten' },
  { name: 'a 65535-byte line is read', tree: DOCS, dockerignore: `README.md\n#${'a'.repeat(65534)}\nsrc\n`, from: 'handwritten' },
  { name: 'a 65536-byte line fails the build', tree: DOCS, dockerignore: `README.md\n#${'a'.repeat(65535)}\nsrc\n`, from: 'handwritten' },
  { name: 'a 65536-byte last line without LF fails the build', tree: DOCS, dockerignore: `README.md\n${'a'.repeat(65536)}`, from: 'handwritten' },
  { name: 'a lone ! fails the build', tree: DOCS, dockerignore: 'README.md\n!\n', from: 'moby/patternmatcher TestSingleExclamationError' },
  { name: '! followed by spaces and a slash fails the build', tree: DOCS, dockerignore: '! /\n', from: 'handwritten' },
  { name: '[ fails the build', tree: DOCS, dockerignore: '[\n', from: 'moby/patternmatcher TestMatchesWithMalformedPatterns' },
  { name: 'a trailing backslash in the first chunk fails the build at load', tree: DOCS, dockerignore: 'docs\na\\\n', from: 'handwritten' },
  { name: '[z-a] fails only when reached: unreached', tree: DOCS, dockerignore: '*\n![z-a]\n', from: 'handwritten' },
  { name: '[z-a] fails when reached', tree: DOCS, dockerignore: 'docs\n[z-a]\n', from: 'moby/patternmatcher TestMatchesOrParentMatchesMalformedPatternDoesNotPanicOnRepeatedCall' },
  { name: 'an exception reached at its dir fails the pre-flight check', tree: DOCS, dockerignore: 'docs\n!docs/\\k\n', from: 'handwritten' },
  { name: '[z-a] reached only in the tar walk truncates the context', tree: DOCS, dockerignore: '*\n!docs/keep.txt\n[z-a]\n', from: 'handwritten' },
  { name: '\\k reached only in the tar walk, inside a deeper dir', tree: DOCS, dockerignore: '*\n!src/lib/x.md\n!docs/sub/deep.md\n\\k\n', from: 'handwritten' },
  { name: '#comment vs " #hash" pattern vs \\#hash', tree: [f('#hash'), f('#other'), f('#third')], dockerignore: '#hash\n #other\n\\#third\n', from: 'handwritten' },
  { name: '/!bang is an exception, \\!bang a literal', tree: [f('!bang'), f('bang'), f('!two')], dockerignore: '*\n/!bang\n\\!two\n', from: 'handwritten' },
  { name: '! spellings: "! x", "!/x", "!./x"', tree: [f('a'), f('b'), f('c'), f('e')], dockerignore: '*\n! a\n!/b\n!./c\n', from: 'handwritten' },
  { name: 'leading /, ./, ../, a//b, a/../b, trailing /', tree: DOCS, dockerignore: '/README.md\n./src/app.js\n../docs\ndocs//guide.md\nzz/../docs/keep.txt\nsrc/lib/\n', from: 'handwritten' },
  { name: '. and .. and / patterns match nothing', tree: DOCS, dockerignore: '.\n..\n/\n', from: 'handwritten' },
  { name: 'classes: [abc], [a-z], [^a], [!a], [[:alpha:]], [\\]]', tree: [f('a1'), f('b1'), f('!1'), f('q1'), f(']1'), f('Z1'), f('91')], dockerignore: '[b]1\n[^a]1\n[!q]1\n[\\]]1\n[[:alpha:]]1\n', from: 'handwritten' },
  { name: 'escapes: \\* literal, \\a is BEL, \\. literal, \\s is RE2 whitespace', tree: [f('*'), f('a'), f('\x07'), f('.x'), f('back slash'), f('back\\slash'), f('back lash'), f('back\tlash')], dockerignore: '\\*\n\\a\n\\.x\nback\\slash\n', from: 'handwritten' },
  { name: 'regexp metacharacters are literals: .+()|{}$ and ^', tree: [f('a.+()|{}$b'), f('axxb'), f('^caret'), f('^caret2'), f('dollar$')], dockerignore: 'a.+()|{}$b\n^caret\n^caret?\ndollar$\n', from: 'patternmatcher_test.go#TestCompile' },
  { name: 'foo** is a prefix match, **.md a suffix match, a/**/b', tree: [f('foobar'), f('foo/x'), f('x.md'), f('d/y.md'), f('a/b'), f('a/x/y/b'), f('a/x\ny/b')], dockerignore: 'foo**\n**.md\na/**/b\n', from: 'handwritten' },
  { name: 'newline in a name: ? and * match it, ** does not cross it', tree: [f('line\nbreak'), f('dir\nx/f'), f('dir\nx/g/h'), f('top/mid\ndle/h'), f('top/plain/h')], dockerignore: 'line?break\ndir?x/f\ndir*/**/h\ntop/**/h\n', from: 'handwritten' },
  { name: 'empty dirs, fifo, dir excluded with */', tree: [d('empty'), d('e2/e3'), { fifo: 'pipe' }, f('sub/file')], dockerignore: '*/\n!empty\n', from: 'handwritten' },
  { name: 'case matters', tree: [f('README.md'), f('readme.md')], dockerignore: 'readme.md\n', from: 'handwritten' },
  { name: 'node project', tree: [f('package.json'), f('node_modules/a/index.js'), f('node_modules/.bin/x'), f('.git/HEAD'), f('.git/objects/ab/cd'), f('app.log'), f('important.log'), f('src/index.js'), f('.env')], dockerignore: 'node_modules\n.git\n*.log\n!important.log\n.env\n', from: 'handwritten' },
  { name: 'mtimes before 1970 and after 2242 need PAX', tree: [{ file: 'old', content: 'x', mtime: new Date(-315_619_200_000) }, { file: 'future', content: 'y', mtime: new Date(9_000_000_000_000) }], dockerignore: '', from: 'handwritten' },
  { name: 'a socket is skipped', tree: [{ socket: 'sock' }, f('a')], dockerignore: '', from: 'handwritten' },
  { name: 'sizes around tar padding and the kB/MB boundary', tree: [{ file: 'z0', size: 0 }, { file: 'z511', size: 511 }, { file: 'z512', size: 512 }, { file: 'z513', size: 513 }, { file: 'big', size: 992_700 }], dockerignore: '', from: 'handwritten' },
  // Open core bug: patternmatcher's shouldEscape bitmap ([8]byte, bit 1<<(b/8)) loses every byte >= 64,
  // so of `.+()|{}$` Docker escapes only `.+()$`: `|` and `{` `}` reach RE2 raw. Core escapes all eight.
  { name: '| is not escaped, x|y* is the alternation ^x|y[^/]*$', tree: [f('x'), f('y'), f('yz'), f('x|y'), f('x|yz'), f('ax'), f('b')], dockerignore: 'x|y*\n', from: 'handwritten (patternmatcher shouldEscape)' },
  { name: 'pipe|x/* excludes src/ab/xx/UPPER (found by the random suite)', tree: [f('src/ab/xx/UPPER'), f('q/w/e/r')], dockerignore: 'pipe|x/*\n', from: 'random suite, minimized' },
  { name: '{n} is an RE2 repeat, a{2}* matches aa not a{2}', tree: [f('aa'), f('aaa'), f('ab'), f('a{2}'), f('a{2}x')], dockerignore: 'a{2}*\n', from: 'handwritten (patternmatcher shouldEscape)' },
  { name: '*.{js,ts} is not brace expansion: {js,ts} stays literal', tree: [f('a.js'), f('b.ts'), f('c.{js,ts}')], dockerignore: '*.{js,ts}\n', from: 'handwritten (patternmatcher shouldEscape)' },
  { name: '\\p{Greek}* is a Unicode class', tree: [f('αβγ'), f('abc'), f('p{Greek}')], dockerignore: '\\p{Greek}*\n', from: 'handwritten (patternmatcher shouldEscape)' },
  { name: '*{2} is an RE2 nested repetition: the build fails', tree: DOCS, dockerignore: 'docs\n*{2}\n', from: 'handwritten (patternmatcher shouldEscape)' },
  { name: 'a{1001}* is an invalid repeat count: the build fails', tree: DOCS, dockerignore: 'a{1001}*\n', from: 'handwritten (patternmatcher shouldEscape)' },
  // Open core bug: patternmatcher.New keeps only the error of filepath.Match(pattern, "."), and Go's
  // Match returns at the first chunk that fails to match "." without reading later chunks.
  // go-match-syntax.ts checks every chunk, so core refuses files Docker builds with.
  { name: '!a*[ !x/*[ !.x*[ !*a*[ load fine (Match never reads the chunk after *)', tree: [f('a'), f('x')], dockerignore: '!a*[\n!x/*[\n!.x*[\n!*a*[\n', from: 'random suite, minimized' },
  { name: 'a*\\ loads and never fails: its regexp ^a[^/]*\\$ matches a$', tree: [f('a'), f('a$'), f('ab$'), f('a\\')], dockerignore: 'a*\\\n', from: 'handwritten (filepath.Match)' },
  { name: 'a*[a-] loads, and RE2 reads [a-] as a or -', tree: [f('aa'), f('a-'), f('ab')], dockerignore: 'a*[a-]\n', from: 'handwritten (filepath.Match)' },
  { name: 'a*[ alone fails only because its regexp is reached by the first path', tree: [f('a')], dockerignore: 'a*[\n', from: 'handwritten (filepath.Match)' },
  { name: '!.*[ fails at load: the first chunk matches ".", so Match reads the second', tree: [f('a')], dockerignore: '!.*[\n', from: 'handwritten (filepath.Match)' },
  { name: '!a[ fails at load: Go 1.20+ checks the rest of a chunk after a mismatch', tree: [f('a')], dockerignore: '!a[\n', from: 'handwritten (filepath.Match)' },
  { name: 'Dockerfile symlinked into an excluded directory: its target is forced back in', tree: [{ file: 'sub/real.Dockerfile', content: 'FROM scratch\n' }, { symlink: 'Dockerfile', target: 'sub/real.Dockerfile' }, f('sub/other')], dockerignore: 'sub\n', from: 'handwritten (GetContextFromLocalDir evaluates symlinks)' },
  { name: '-f a/b/c/Dockerfile under **/c: the deprecated matcher misses it, so it is not sent', tree: [{ file: 'a/b/c/Dockerfile', content: 'FROM scratch\n' }], dockerignore: '**/c\n', dockerfile: 'a/b/c/Dockerfile', from: 'handwritten (TrimBuildFilesFromExcludes uses Matches)' },
  // Hostile patterns: V8's backtracking RegExp took 21.9 s and over 60 s on these; Go (and now ctxlens) milliseconds.
  { name: '**/ fourteen times then *x, on files 20 directories deep', tree: [f(`${'d/'.repeat(20)}file`), f(`${'d/'.repeat(20)}fx`), f(`${'d/'.repeat(19)}x`)], dockerignore: `${'**/'.repeat(14)}*x\n`, from: 'issue 10' },
  { name: '*a ten times then b, on names of 60 characters', tree: [f('a'.repeat(60)), f(`${'a'.repeat(59)}b`), f('ba'.repeat(30))], dockerignore: `${'*a'.repeat(10)}b\n`, from: 'issue 10' },
];

/** The edge cases, each with a root Dockerfile. */
export const EDGE_CASES: readonly EdgeCase[] = rows.map((row) =>
  row.tree.some((e) => ('file' in e && e.file === 'Dockerfile') || ('symlink' in e && e.symlink === 'Dockerfile')) ? row : { ...row, tree: [{ file: 'Dockerfile', content: 'FROM scratch\n' }, ...row.tree] },
);
