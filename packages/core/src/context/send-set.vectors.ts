// What BuildKit sends for a Dockerfile over a small tree: every entry sent (directories end in
// `/`, in byte order). Rows name their source: a fact measured on the real BuildKit (issue 11), or the
// fsutil/BuildKit code they follow (filter.go, followlinks.go, dockerfile2llb convert.go). Rows
// marked "to confirm" follow the source where the wording leaves a doubt; the real-BuildKit
// conformance suite settles them.
import type { TreeSpec } from '@ctxlens/test-fixtures';

/** One Dockerfile over one tree, and what BuildKit sends. */
export interface SendSetVector {
  readonly name: string;
  readonly tree: TreeSpec;
  readonly dockerfile: string;
  readonly ignore?: string;
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Entries sent; `none` when BuildKit has no load step at all. */
  readonly sends: readonly string[] | 'none';
  readonly source: string;
}

const project: TreeSpec = [
  { file: 'package.json', content: '{}' },
  { file: 'package-lock.json', content: '{}' },
  { file: 'README.md', content: '# x' },
  { file: 'src/index.ts', content: 'x' },
  { file: 'src/util.js', content: 'x' },
  { file: 'src/lib/deep.ts', content: 'x' },
  { file: 'node_modules/dep/index.js', content: 'x' },
  { file: '.env', content: 'SECRET=1' },
];

/** The rows send-set.test.ts runs. */
export const SEND_SET_VECTORS: readonly SendSetVector[] = [
  { name: 'one file', tree: project, dockerfile: 'FROM scratch\nCOPY package.json ./\n', sends: ['package.json'], source: 'issue 11: COPY package.json ./ sent 1 file' },
  {
    name: 'a glob and a directory',
    tree: project,
    dockerfile: 'FROM scratch\nCOPY package*.json ./\nCOPY src ./src\n',
    sends: ['package-lock.json', 'package.json', 'src/', 'src/index.ts', 'src/lib/', 'src/lib/deep.ts', 'src/util.js'],
    source: 'issue 11; a matched directory is sent whole (patternmatcher parent match)',
  },
  {
    name: '--target leaves out a later COPY . .',
    tree: project,
    dockerfile: 'FROM scratch AS deps\nCOPY package.json ./\nFROM deps AS app\nCOPY . .\n',
    target: 'deps',
    sends: ['package.json'],
    source: 'issue 11: --target deps sent 55kB, not the whole context',
  },
  { name: 'only RUN steps: no load step', tree: project, dockerfile: 'FROM scratch\nRUN true\n', sends: 'none', source: 'issue 11: nothing, no load step at all' },
  {
    name: 'COPY * sends the whole context',
    tree: project,
    dockerfile: 'FROM scratch\nCOPY * /x/\n',
    sends: ['.env', 'Dockerfile', 'README.md', 'node_modules/', 'node_modules/dep/', 'node_modules/dep/index.js', 'package-lock.json', 'package.json', 'src/', 'src/index.ts', 'src/lib/', 'src/lib/deep.ts', 'src/util.js'],
    source: 'issue 11: COPY * sends the whole context (the pattern * matches every top entry)',
  },
  {
    name: 'src/**/*.ts sends the .ts files and their directories only',
    tree: project,
    dockerfile: 'FROM scratch\nCOPY src/**/*.ts /x/\n',
    sends: ['src/', 'src/index.ts', 'src/lib/', 'src/lib/deep.ts'],
    source: 'issue 11: only the .ts files; fsutil matches include patterns with patternmatcher, where ** spans directories (to confirm on the real BuildKit: the issue says ** is not recursive there)',
  },
  {
    name: 'a glob that matches nothing sends nothing, and is not an error',
    tree: project,
    dockerfile: 'FROM scratch\nCOPY *.go /x/\n',
    sends: [],
    source: 'issue 11: a glob that matches nothing is not an error',
  },
  {
    name: '--exclude does not reduce what is sent',
    tree: project,
    dockerfile: 'FROM scratch\nCOPY --exclude=*.js src /src\n',
    sends: ['src/', 'src/index.ts', 'src/lib/', 'src/lib/deep.ts', 'src/util.js'],
    source: 'issue 11: --exclude only filters what is copied',
  },
  {
    name: 'the ignore file still applies to requested paths',
    tree: project,
    ignore: '**/*.js\n',
    dockerfile: 'FROM scratch\nCOPY src /src\n',
    sends: ['src/', 'src/index.ts', 'src/lib/', 'src/lib/deep.ts'],
    source: 'fsutil filter.go: include and exclude matchers both apply',
  },
  {
    name: 'a requested path inside an excluded directory brings its parents',
    tree: project,
    ignore: 'src\n!src/lib\n',
    dockerfile: 'FROM scratch\nCOPY src /src\n',
    sends: ['src/', 'src/lib/', 'src/lib/deep.ts'],
    source: 'fsutil filter.go: parent directories are sent before an included entry',
  },
  {
    name: 'a build arg chooses what is sent',
    tree: project,
    dockerfile: 'FROM scratch\nARG D=src\nCOPY $D /x\n',
    buildArgs: { D: '*.md' },
    sends: ['README.md'],
    source: 'issue 11: ARG D=src with --build-arg D=*.md',
  },
  {
    name: 'a bind mount with a source sends that path',
    tree: project,
    dockerfile: 'FROM scratch\nRUN --mount=type=bind,source=package.json,target=/p true\n',
    sends: ['package.json'],
    source: 'issue 11',
  },
  {
    name: 'a bind mount without a source sends the whole context',
    tree: [{ file: 'a' }, { file: 'b/c' }],
    dockerfile: 'FROM scratch\nRUN --mount=target=/src true\n',
    sends: ['Dockerfile', 'a', 'b/', 'b/c'],
    source: 'issue 11',
  },
  {
    name: 'a stage the target does not reach sends nothing',
    tree: project,
    dockerfile: 'FROM scratch AS unused\nCOPY . .\nFROM scratch\nCOPY README.md /\n',
    sends: ['README.md'],
    source: 'issue 11: unreached stages send nothing',
  },
  {
    name: 'a symlinked directory: the link and its target tree',
    tree: [{ file: 'real/x' }, { file: 'real/y/z' }, { symlink: 'link', target: 'real' }, { file: 'other' }],
    dockerfile: 'FROM scratch\nCOPY link /l\n',
    sends: ['link', 'real/', 'real/x', 'real/y/', 'real/y/z'],
    source: 'issue 11: copying a symlink sends its target tree; fsutil followlinks.go',
  },
  {
    name: 'a symlink pointing outside the context is sent as the link itself',
    tree: [{ symlink: 'out', target: '../../etc' }, { file: 'etc-not' }],
    dockerfile: 'FROM scratch\nCOPY out /o\n',
    sends: ['out'],
    source: 'issue 11; followlinks.go joins a relative target to / (so it stays in the context)',
  },
  {
    name: 'an absolute symlink target is taken from the context root',
    tree: [{ symlink: 'abs', target: '/data' }, { file: 'data/f' }, { file: 'g' }],
    dockerfile: 'FROM scratch\nCOPY abs /o\n',
    sends: ['abs', 'data/', 'data/f'],
    source: 'followlinks.go: append(Join(target, rest)) then Join(".", p)',
  },
  {
    name: 'a symlink in the middle of a path is followed',
    tree: [{ symlink: 'l', target: 'real' }, { file: 'real/sub/f' }, { file: 'real/other' }],
    dockerfile: 'FROM scratch\nCOPY l/sub /o\n',
    sends: ['l', 'real/', 'real/sub/', 'real/sub/f'],
    source: 'followlinks.go: each component is read as a symlink in turn',
  },
  {
    name: 'a glob component finds the symlinks among its matches',
    tree: [{ symlink: 'ln', target: 'tgt' }, { file: 'tgt/f' }, { file: 'n1' }],
    dockerfile: 'FROM scratch\nCOPY l* /o/\n',
    sends: ['ln', 'tgt/', 'tgt/f'],
    source: 'followlinks.go readSymlink: filepath.Match over the directory',
  },
  {
    name: 'a symlink to the context root lifts the filter',
    tree: [{ symlink: 'up', target: '..' }, { file: 'a' }],
    dockerfile: 'FROM scratch\nCOPY up /o\n',
    sends: ['Dockerfile', 'a', 'up'],
    source: 'followlinks.go dedupePaths: "." means no filter',
  },
  {
    name: 'the Dockerfile itself is not part of the send set unless asked for',
    tree: [{ file: 'a' }],
    dockerfile: 'FROM scratch\nCOPY a /a\n',
    sends: ['a'],
    source: 'BuildKit reads the Dockerfile through its own "dockerfile" local',
  },
];
