import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFs } from '../fs-adapter.js';
import { Inventory } from '../inventory/inventory.js';
import { followLinks } from './follow-links.js';

// FollowPaths in, include patterns out, as fsutil's FollowLinks (followlinks.go) computes them.
const rows: readonly { name: string; tree: TreeSpec; paths: string[]; patterns: string[] | 'everything' }[] = [
  { name: 'plain paths stay as they are', tree: [{ file: 'src/a' }], paths: ['src', 'missing'], patterns: ['missing', 'src'] },
  { name: 'a path inside another requested one is dropped', tree: [{ file: 'a/b/c' }], paths: ['a/b', 'a'], patterns: ['a'] },
  { name: 'the root means everything', tree: [{ file: 'a' }], paths: ['.', 'a'], patterns: 'everything' },
  { name: 'a symlink is kept and its target followed', tree: [{ symlink: 'ln', target: 'real' }, { file: 'real/x' }], paths: ['ln/x'], patterns: ['ln', 'real/x'] },
  { name: 'a relative target climbing out stays inside the context', tree: [{ symlink: 'd/ln', target: '../../../t' }], paths: ['d/ln'], patterns: ['d/ln', 't'] },
  { name: 'an absolute target is taken from the context root', tree: [{ symlink: 'ln', target: '/opt/x/' }], paths: ['ln'], patterns: ['ln', 'opt/x'] },
  { name: 'a glob keeps its pattern and adds the targets of the symlinks it matches', tree: [{ symlink: 'ln', target: 't' }, { file: 'lx' }, { file: 'm' }], paths: ['l*'], patterns: ['l*', 't'] },
  { name: 'a glob over a symlinked component adds the glob component itself', tree: [{ symlink: 'ln', target: 't' }, { file: 't/f' }, { file: 'x/f' }], paths: ['*/f'], patterns: ['*', 't/f'] },
  { name: 'a glob matching no symlink stays a pattern', tree: [{ file: 'sub/a.go' }], paths: ['sub/*.go'], patterns: ['sub/*.go'] },
  { name: 'a symlink cycle ends', tree: [{ symlink: 'a', target: 'b' }, { symlink: 'b', target: 'a' }], paths: ['a'], patterns: ['a', 'b'] },
  { name: 'a link to the context root means everything', tree: [{ symlink: 'up', target: '..' }], paths: ['up'], patterns: 'everything' },
];

describe('fsutil FollowLinks', () => {
  describe.each(rows)('$name', ({ tree, paths, patterns }) => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir('ctxlens-follow-');
      await buildTree(tmp.path, tree);
    });
    afterAll(() => tmp.cleanup());
    it(`${paths.join(', ')} -> ${patterns === 'everything' ? 'no filter' : patterns.join(', ')}`, () => {
      const followed = followLinks(new Inventory(tmp.path, nodeFs), paths);
      expect(followed.patterns ?? 'everything').toEqual(patterns);
    });
  });

  it('remembers which requested path led to each resolved one', async () => {
    const tmp = await makeTempDir('ctxlens-follow-');
    try {
      await buildTree(tmp.path, [{ symlink: 'ln', target: 'real' }, { file: 'real/x' }]);
      const followed = followLinks(new Inventory(tmp.path, nodeFs), ['ln/x', 'real']);
      expect(followed.origins.get('real/x')).toEqual(['ln/x']);
      expect(followed.origins.get('real')).toEqual(['real']);
      expect(followed.patterns).toEqual(['ln', 'real']);
    } finally {
      await tmp.cleanup();
    }
  });
});
