// Hand-written real-BuildKit cases for what the build client cannot read as plain files (issue 11,
// point 6): sockets, files and directories an unprivileged client cannot read, and an ignore rule
// whose regexp does not compile. Each was first run on the real BuildKit; the outcome is in `seen`.
// Rules that the Dockerfile frontend would check twice through COPY/ADD sources are left out: that
// crashes the shared dockerd 28.5.2 (context/frontend-ignore-check.ts).
import type { BuildUser, TreeSpec } from '@ctxlens/test-fixtures';

/** One build; `FROM busybox` is replaced by the oracle's offline busybox image. */
export interface ClientReadCase {
  readonly name: string;
  readonly tree: TreeSpec;
  readonly ignore?: string;
  readonly dockerfile: string;
  readonly user: BuildUser;
  /** What the real BuildKit did, when it was first run. */
  readonly seen: string;
}

const copyAll = 'FROM scratch\nCOPY . /\n';
const unreadableDir: TreeSpec = [{ file: 'd/f', content: 'x' }, { dir: 'd', mode: 0o000 }, { file: 'g', content: 'x' }];

/** The cases, in the order they run. */
export const CLIENT_READ_CASES: readonly ClientReadCase[] = [
  { name: 'a socket in a copied directory', tree: [{ file: 'd/a', content: 'hello' }, { socket: 'd/sock', mode: 0o640 }], dockerfile: 'FROM scratch\nCOPY d /d\n', user: 'root', seen: 'd/sock arrives as an empty 0640 file; 87 B' },
  { name: 'a socket in the whole context', tree: [{ file: 'a', content: 'hello' }, { socket: 's', mode: 0o755 }, { file: 'z', content: 'x' }], dockerfile: copyAll, user: 'root', seen: 's arrives as an empty 0755 file' },
  { name: 'an unreadable file, non-root client', tree: [{ file: 'f', content: 'hello world', mode: 0o000 }, { file: 'g', content: 'x', mode: 0o644 }], dockerfile: copyAll, user: 'builder', seen: 'f arrives empty; 52 B' },
  { name: 'an unreadable file, root client', tree: [{ file: 'f', content: 'hello world', mode: 0o000 }, { file: 'g', content: 'x', mode: 0o644 }], dockerfile: copyAll, user: 'root', seen: 'f arrives whole' },
  { name: 'an unreadable directory, excluded, with !**/f', tree: unreadableDir, ignore: 'd\n!**/f\n', dockerfile: copyAll, user: 'builder', seen: 'error from sender: open /ctx/…/d: permission denied' },
  { name: 'an unreadable directory, excluded, with !d/f', tree: unreadableDir, ignore: 'd\n!d/f\n', dockerfile: copyAll, user: 'builder', seen: 'error from sender: open /ctx/…/d: permission denied' },
  { name: 'an unreadable directory, excluded, with an exception elsewhere holding a glob', tree: unreadableDir, ignore: 'd\n!x/*.go\n', dockerfile: copyAll, user: 'builder', seen: 'error from sender: open /ctx/…/d: permission denied' },
  { name: 'an unreadable directory, excluded, no exception', tree: unreadableDir, ignore: 'd\n', dockerfile: copyAll, user: 'builder', seen: 'sent: .dockerignore, g' },
  { name: 'an unreadable directory, excluded by *, with !g', tree: unreadableDir, ignore: '*\n!g\n', dockerfile: copyAll, user: 'builder', seen: 'sent: g' },
  { name: 'an unreadable directory below an excluded one, with !**/f', tree: [{ file: 'd/f', content: 'x' }, { file: 'd/sub/q', content: 'x' }, { dir: 'd/sub', mode: 0o000 }, { file: 'g', content: 'x' }], ignore: 'd\n!**/f\n', dockerfile: copyAll, user: 'builder', seen: 'error from sender: open /ctx/…/d/sub: permission denied' },
  { name: 'an unreadable directory outside a glob request', tree: [...unreadableDir, { file: 'g.txt', content: 'x' }], dockerfile: 'FROM scratch\nCOPY *.txt /\n', user: 'builder', seen: 'error from sender: open /ctx/…/d: permission denied' },
  { name: 'an unreadable directory outside a plain request', tree: unreadableDir, dockerfile: 'FROM scratch\nCOPY g /\n', user: 'builder', seen: 'sent: g' },
  { name: 'a rule that does not compile, met by the client walk of a bind mount', tree: [{ file: 'a', content: 'x' }], ignore: 'x\n[z-a]\n', dockerfile: 'FROM busybox\nRUN --mount=type=bind,target=/c true\n', user: 'root', seen: 'error from sender: failed to match excludepatterns: syntax error in pattern' },
  { name: 'a rule that does not compile, never reached', tree: [{ file: 'a', content: 'x' }], ignore: 'x\n![z-a]\n', dockerfile: 'FROM busybox\nRUN --mount=type=bind,target=/c true\n', user: 'root', seen: 'the build succeeds: an exception is tested only once something matched' },
];
