// A context whose .dockerignore is a symbolic link to a shared file, inside the context or outside
// it, and what a save must leave behind: the link as it was, the new bytes in the target, the
// target's mode, and no temporary file in either directory.
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the link's target sits. */
export type LinkPlace = 'inside' | 'outside';

/** A context with its .dockerignore turned into a link. */
export interface LinkedIgnore {
  /** The link: `<context>/.dockerignore`. */
  readonly link: string;
  /** What the link holds (relative inside the context, absolute outside it). */
  readonly linkText: string;
  /** The file the link points to. */
  readonly target: string;
  /** Removes the directory outside the context, when there is one. */
  cleanup(): Promise<void>;
}

/** The target's mode: group-writable, as a shared file is, and cut by a 022 umask if not set on purpose. */
export const SHARED_MODE = 0o664;

/**
 * Moves `<dir>/.dockerignore` (or `content`) to a shared file and links `.dockerignore` to it: to
 * `config/shared.dockerignore` by a relative link (inside), or to a file in another temporary
 * directory by an absolute link (outside).
 * @returns the link, its text and the target
 */
export async function linkIgnoreFile(dir: string, place: LinkPlace, content?: string): Promise<LinkedIgnore> {
  const link = path.join(dir, '.dockerignore');
  const bytes = content ?? fs.readFileSync(link, 'utf8');
  fs.rmSync(link, { force: true });
  let outside: TempDir | undefined;
  let target: string;
  let linkText: string;
  if (place === 'inside') {
    fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
    target = path.join(dir, 'config/shared.dockerignore');
    linkText = 'config/shared.dockerignore';
  } else {
    outside = await makeTempDir('ctxlens-shared-ignore-');
    target = path.join(outside.path, 'shared.dockerignore');
    linkText = target;
  }
  fs.writeFileSync(target, bytes);
  fs.chmodSync(target, SHARED_MODE);
  fs.symlinkSync(linkText, link);
  return { link, linkText, target, cleanup: async () => outside?.cleanup() };
}

/**
 * What a save may change, as one comparable value: whether `.dockerignore` is still a link and
 * what it holds, the target's bytes and mode, and the names in the link's and the target's
 * directories (a temporary file left behind shows up there).
 * @returns the state
 */
export function linkState(linked: LinkedIgnore): { link: string | undefined; content: string; mode: number; names: string[] } {
  const st = fs.lstatSync(linked.link);
  const names = new Set([...fs.readdirSync(path.dirname(linked.link)), ...fs.readdirSync(path.dirname(linked.target))]);
  return {
    link: st.isSymbolicLink() ? fs.readlinkSync(linked.link) : undefined,
    content: fs.readFileSync(linked.target, 'utf8'),
    mode: fs.statSync(linked.target).mode & 0o7777,
    names: [...names].sort(),
  };
}
