import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline, evaluateRules } from '../context/compute-context.js';
import { explainBothBuilders, explainWithLines } from './explain.js';

describe('explanations under both builders', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-tui-explain-');
    await buildTree(tmp.path, [{ file: 'Dockerfile', content: 'FROM scratch\n' }, { file: 'src/main.go' }, { file: 'src/readme.txt' }]);
  });
  afterAll(() => tmp.cleanup());

  it('says when the other builder decides differently', async () => {
    const { unfiltered } = await computeContextWithBaseline(tmp.path);
    // A glob in an exception makes BuildKit walk every excluded directory; legacy never enters src.
    const ctx = evaluateRules(unfiltered, { rules: ['*', '!**/*.go'], builder: 'buildkit' });
    const both = explainBothBuilders(ctx, 'src/main.go');
    expect(both.current.included).toBe(true);
    expect(both.other.included).toBe(false);
    expect(both.other.prunedAt).toBe('src');
    expect(both.differs).toBe(true);
    expect(explainBothBuilders(ctx, 'src/readme.txt').differs).toBe(false);
  });

  it('adds the legacy client\'s forced exceptions when explaining under legacy', async () => {
    const { unfiltered } = await computeContextWithBaseline(tmp.path);
    const ctx = evaluateRules(unfiltered, { rules: ['*'], builder: 'buildkit' });
    const both = explainBothBuilders(ctx, 'Dockerfile');
    expect(both.current.included).toBe(false);
    expect(both.other.included).toBe(true);
    expect(explainWithLines(ctx, ['*'], 'legacy', 'Dockerfile').included).toBe(true);
  });
});
