// The offenders view under the golden rule: its bloat and secret rows never offer a line that
// takes away what the Dockerfile uses (checked by applying each line and asking whether BuildKit
// would still find every source), unused bytes come first, and a shipped secret leads the secrets.
import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeContextWithBaseline, evaluateRules } from '../context/compute-context.js';
import { EntryState } from '../walk/walk-result.js';
import { copySourceErrors } from '../analysis/copy-errors.js';
import { groupOffenders } from './offenders.js';
import { analyzeUsage, UseMark } from '../analysis/usage.js';

const blob = (n: number): string => 'x'.repeat(n);
const PROJECT: TreeSpec = [
  { file: 'package.json', content: '{"name":"api"}' },
  { file: 'src/index.js', content: blob(500) },
  { file: 'dist/server.js', content: blob(40_000) },
  { file: 'node_modules/express/index.js', content: blob(60_000) },
  { file: 'packages/api/node_modules/pg/index.js', content: blob(20_000) },
  { file: 'coverage/lcov.info', content: blob(30_000) },
  { file: '.env', content: 'TOKEN=abc\n' },
  { file: 'config/.env.production', content: 'DB_PASSWORD=abc\n' },
  { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
];

interface Row {
  readonly name: string;
  readonly dockerfile: string;
  /** Category lines the view would offer without the guard, which take away a used entry. */
  readonly unguarded: readonly string[];
  /** Paths whose rows must offer no line at all. */
  readonly noLine: readonly string[];
  /** Secrets in the order the view lists them, with how each is used. */
  readonly secrets: readonly (readonly [string, string | undefined])[];
}

const ROWS: readonly Row[] = [
  {
    name: 'a nested node_modules and dist copied, .env shipped through a build stage',
    dockerfile: 'FROM scratch AS build\nCOPY packages/api/node_modules /deps\nCOPY .env /app/.env\nCOPY config /config\nFROM scratch\nCOPY dist /srv\nCOPY --from=build /deps /srv/node_modules\nCOPY --from=build /app/.env /srv/.env\n',
    unguarded: ['**/node_modules'],
    noLine: ['dist', 'packages/api/node_modules', '.env', 'config/.env.production'],
    secrets: [['.env', 'shipped'], ['config/.env.production', 'used']],
  },
  {
    name: 'COPY . . : every category line is still offered, the secrets ship',
    dockerfile: 'FROM scratch\nCOPY . /app/\n',
    unguarded: [],
    noLine: [],
    secrets: [['config/.env.production', 'shipped'], ['.env', 'shipped']],
  },
];

describe('groupOffenders under the golden rule', () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir('ctxlens-tui-offenders-');
  });
  afterEach(() => tmp.cleanup());

  it.each(ROWS)('$name', async (row) => {
    await buildTree(tmp.path, [...PROJECT, { file: 'Dockerfile', content: row.dockerfile }]);
    const { context: ctx } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
    const view = groupOffenders(ctx, 30);
    const rows = [...view.biggest, ...view.bloat, ...view.secrets];
    const usage = analyzeUsage(ctx);
    for (const r of rows) {
      if (row.noLine.includes(r.path)) expect([r.path, r.pattern]).toEqual([r.path, undefined]);
      if (r.pattern === undefined) continue;
      // Applying the line: BuildKit still finds every source, and every named file is still sent.
      const after = evaluateRules(ctx, { rules: [r.pattern] });
      expect([r.pattern, copySourceErrors(after)]).toEqual([r.pattern, []]);
      for (let i = 1; i < ctx.inventory.count; i++) if (usage.marks[i]! & UseMark.Named) expect([r.pattern, ctx.inventory.path(i), after.walk.state[i]]).toEqual([r.pattern, ctx.inventory.path(i), EntryState.Included]);
    }
    // The control: the category line the guard replaced does break the build.
    for (const line of row.unguarded) expect(copySourceErrors(evaluateRules(ctx, { rules: [line] })).length).toBeGreaterThan(0);
    expect(view.secrets.map((s) => [s.path, s.use])).toEqual(row.secrets);
  });

  it('lists what the Dockerfile never uses first among the biggest and the bloat', async () => {
    await buildTree(tmp.path, [...PROJECT, { file: 'Dockerfile', content: 'FROM scratch\nCOPY --exclude=server.js dist /srv\nCOPY src /src\n' }]);
    const { context: ctx } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
    const view = groupOffenders(ctx);
    // dist is sent (40kB) but COPY --exclude leaves its only file unused; src (500B) is used.
    expect(view.biggest.map((r) => [r.path, r.use])).toEqual([['dist/server.js', 'unused'], ['src/index.js', 'shipped']]);
    // Without a usage analysis (no Dockerfile reads) rows carry no use and keep the size order.
    const legacy = evaluateRules(ctx, { rules: [], builder: 'legacy' });
    expect(groupOffenders(legacy).biggest.every((r) => r.use === undefined)).toBe(true);
    // A legacy context is guarded with the BuildKit analysis of the same inventory.
    const guarded = groupOffenders(legacy, { usage: analyzeUsage(ctx), limit: 30 });
    expect(guarded.biggest.find((r) => r.path === 'dist/server.js')?.use).toBe('unused');
    expect(guarded.biggest.find((r) => r.path === 'src/index.js')?.pattern).toBeUndefined();
  });
});
