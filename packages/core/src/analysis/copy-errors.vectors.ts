// COPY sources against ignore files: which builds BuildKit fails, on which source, excluded by which
// ignore line. The unit test checks ctxlens's answer; the real-BuildKit suite
// (test/conformance/golden-rule-real.test.ts) checks that the build fails exactly on these rows.
import type { TreeSpec } from '@ctxlens/test-fixtures';

/** A Dockerfile and an ignore file over a small tree, and the failure expected. */
export interface CopyErrorVector {
  readonly name: string;
  readonly dockerfile: string;
  readonly ignore: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The failing source: its Dockerfile line, the path, and the ignore line (undefined: not excluded, missing). Empty: the build succeeds. */
  readonly fails: readonly { readonly line: number; readonly path: string; readonly ignoreLine: number | undefined }[];
}

export const COPY_ERROR_TREE: TreeSpec = [
  { file: 'package.json', content: '{}' },
  { file: 'README.md', content: '# x' },
  { file: 'src/index.ts', content: 'x' },
  { file: 'src/keep.ts', content: 'k' },
  { file: 'src/notes.md', content: 'n' },
  { file: 'dist/app.js', content: 'a' },
  { file: 'config/.env', content: 'S=1' },
  { symlink: 'latest', target: 'dist' },
];

export const COPY_ERROR_VECTORS: readonly CopyErrorVector[] = [
  { name: 'an excluded directory', dockerfile: 'FROM scratch\nCOPY src /src/\n', ignore: 'node_modules\nsrc\n', fails: [{ line: 2, path: 'src', ignoreLine: 2 }] },
  { name: 'a file below an excluded directory', dockerfile: 'FROM scratch\nCOPY src/index.ts /\n', ignore: 'src\n', fails: [{ line: 2, path: 'src/index.ts', ignoreLine: 1 }] },
  { name: 'a file excluded by a glob', dockerfile: 'FROM scratch\nCOPY README.md /\n', ignore: '*.md\n', fails: [{ line: 2, path: 'README.md', ignoreLine: 1 }] },
  { name: 'a `!` exception lets it through', dockerfile: 'FROM scratch\nCOPY README.md /\n', ignore: '*.md\n!README.md\n', fails: [] },
  { name: 'an exception inside an excluded directory', dockerfile: 'FROM scratch\nCOPY src/keep.ts /\n', ignore: 'src\n!src/keep.ts\n', fails: [] },
  { name: 'a later rule excludes again', dockerfile: 'FROM scratch\nCOPY src/keep.ts /\n', ignore: 'src\n!src/keep.ts\nsrc/*.ts\n', fails: [{ line: 2, path: 'src/keep.ts', ignoreLine: 3 }] },
  { name: '** reaches any depth', dockerfile: 'FROM scratch\nCOPY config/.env /\n', ignore: '**/.env\n', fails: [{ line: 2, path: 'config/.env', ignoreLine: 1 }] },
  { name: 'a glob that matches nothing in a sent directory is fine', dockerfile: 'FROM scratch\nCOPY src/*.md src/*.ts /d/\n', ignore: '**/*.md\n', fails: [] },
  { name: 'a glob whose matches are all excluded: its directory does not arrive', dockerfile: 'FROM scratch\nCOPY src/*.md /d/\n', ignore: '**/*.md\n', fails: [{ line: 2, path: 'src', ignoreLine: undefined }] },
  { name: "a glob's directory excluded", dockerfile: 'FROM scratch\nCOPY src/*.ts /d/\n', ignore: 'src\n', fails: [{ line: 2, path: 'src', ignoreLine: 1 }] },
  { name: 'one of several sources excluded', dockerfile: 'FROM scratch\nCOPY package.json README.md /d/\n', ignore: 'README.md\n', fails: [{ line: 2, path: 'README.md', ignoreLine: 1 }] },
  { name: 'an ARG-expanded source', dockerfile: 'FROM scratch\nARG D=src\nCOPY ${D} /d/\n', ignore: 'dist\n', buildArgs: { D: 'dist' }, fails: [{ line: 3, path: 'dist', ignoreLine: 1 }] },
  { name: "an ARG default that is not excluded", dockerfile: 'FROM scratch\nARG D=src\nCOPY ${D} /d/\n', ignore: 'dist\n', fails: [] },
  { name: 'a copied symlink whose target is excluded', dockerfile: 'FROM scratch\nCOPY latest /d/\n', ignore: 'dist\n', fails: [{ line: 2, path: 'latest', ignoreLine: undefined }] },
  { name: 'a path that is not there', dockerfile: 'FROM scratch\nCOPY nothing /d/\n', ignore: '', fails: [{ line: 2, path: 'nothing', ignoreLine: undefined }] },
  { name: 'COPY . . never fails on exclusions', dockerfile: 'FROM scratch\nCOPY . /d/\n', ignore: '*\n', fails: [] },
  { name: 'a stage the target does not need', dockerfile: 'FROM scratch AS unused\nCOPY src /s/\nFROM scratch\nCOPY package.json /\n', ignore: 'src\n', fails: [] },
  { name: 'everything excluded, then the source re-included', dockerfile: 'FROM scratch\nCOPY src /s/\nCOPY package.json /\n', ignore: '*\n!src\n!package.json\n', fails: [] },
  { name: 'a bind mount of an excluded path', dockerfile: 'FROM busybox\nRUN --mount=type=bind,source=dist,target=/m true\n', ignore: 'dist/\n', fails: [{ line: 2, path: 'dist', ignoreLine: 1 }] },
];
