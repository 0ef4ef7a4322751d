// suggest, the offenders and the allowlist on the Node project: nothing the Dockerfile
// uses is ever proposed for exclusion.
import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline, evaluateRules } from '../context/compute-context.js';
import { EntryState } from '../walk/walk-result.js';
import { allowlistIgnoreFile } from './allowlist.js';
import { copySourceErrors } from './copy-errors.js';
import { rankOffenders } from './offenders.js';
import { suggestIgnoreLines } from './suggest.js';
import { analyzeUsage, UseMark } from './usage.js';

const blob = (n: number): string => 'x'.repeat(n);
const NODE_PROJECT: TreeSpec = [
  { file: 'package.json', content: '{"name":"api"}' },
  { file: 'package-lock.json', content: blob(3000) },
  { file: 'README.md', content: blob(800) },
  { file: 'src/index.js', content: blob(500) },
  { file: 'dist/server.js', content: blob(40_000) },
  { file: 'node_modules/express/index.js', content: blob(60_000) },
  { file: 'node_modules/.package-lock.json', content: blob(2000) },
  { file: 'coverage/lcov.info', content: blob(30_000) },
  { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
  { file: '.git/objects/aa/bbcc', content: blob(50_000) },
  { file: '.env', content: 'TOKEN=abc\n' },
];

interface Row {
  readonly name: string;
  readonly dockerfile: string;
  readonly ignore: string;
  /** Lines suggest must not propose (they would break the build or change what it copies). */
  readonly never: readonly string[];
  /** Lines it still proposes. */
  readonly proposes: readonly string[];
  /** The allowlist's lines, or undefined when there is none. */
  readonly allowlist: readonly string[] | undefined;
}

const ROWS: readonly Row[] = [
  {
    name: 'dist and node_modules copied: never proposed',
    dockerfile: 'FROM scratch\nCOPY package*.json ./\nCOPY node_modules ./node_modules\nCOPY dist ./dist\n',
    ignore: '# our rules\n',
    never: ['**/dist', 'dist', 'node_modules', '**/node_modules'],
    proposes: [],
    allowlist: ['*', '!package*.json', '!node_modules', '!dist'],
  },
  {
    name: 'COPY . . : the bulky categories are still proposed',
    dockerfile: 'FROM scratch\nCOPY . /app/\n',
    ignore: '',
    never: [],
    proposes: ['.git', 'node_modules', 'coverage'],
    allowlist: undefined,
  },
  {
    name: 'COPY . . and COPY .env: .env is named, so kept',
    dockerfile: 'FROM scratch\nCOPY . /app/\nCOPY .env /app/\n',
    ignore: '',
    never: ['.env', '**/.env', '.env*', '**/.env*'],
    proposes: ['.git', 'node_modules'],
    allowlist: undefined,
  },
  {
    name: 'a multi-stage build: the build stage copies src and the manifests, the final stage its output',
    dockerfile: 'FROM scratch AS build\nWORKDIR /app\nCOPY package*.json ./\nCOPY src ./src\nFROM scratch\nCOPY --from=build /app/src /srv\n',
    ignore: '# keep the lockfile out of reviews\ncoverage\n',
    never: ['src', 'package.json'],
    proposes: [],
    allowlist: ['*', '!package*.json', '!src'],
  },
];

describe('the golden rule on a Node project', () => {
  describe.each(ROWS)('$name', (row) => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir('ctxlens-golden-');
      await buildTree(tmp.path, [...NODE_PROJECT, { file: 'Dockerfile', content: row.dockerfile }, { file: '.dockerignore', content: row.ignore }]);
    });
    afterAll(() => tmp.cleanup());

    it('suggest proposes nothing the Dockerfile uses, and the build still finds its sources', async () => {
      const { context: ctx } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
      const lines = suggestIgnoreLines(ctx, { gitignore: false }).suggestions.map((s) => s.line);
      for (const line of row.never) expect(lines).not.toContain(line);
      for (const line of row.proposes) expect(lines).toContain(line);
      const after = evaluateRules(ctx, { rules: [...(ctx.ignoreFile?.source.lines.map((l) => l.text) ?? []), ...lines] });
      expect(copySourceErrors(after)).toEqual([]);
      // Every file the Dockerfile names is still sent.
      const usage = analyzeUsage(ctx);
      for (let i = 1; i < ctx.inventory.count; i++) if (usage.marks[i]! & UseMark.Named) expect([ctx.inventory.path(i), after.walk.state[i]]).toEqual([ctx.inventory.path(i), EntryState.Included]);
    });

    it('the offenders never offer a line for what the Dockerfile names', async () => {
      const { context: ctx } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
      const usage = analyzeUsage(ctx);
      for (const o of rankOffenders(ctx, { limit: 20 })) {
        const i = ctx.inventory.indexOf(o.path, false);
        let named = false;
        for (let j = i; j < ctx.inventory.count; j++) if ((ctx.inventory.path(j) === o.path || ctx.inventory.path(j).startsWith(o.path + '/')) && usage.marks[j]! & UseMark.Named) named = true;
        if (named) expect(o).toMatchObject({ path: o.path, pattern: undefined, used: true });
      }
    });

    it('the allowlist lets through exactly what is used, keeps the user file, and saves bytes', async () => {
      const { context: ctx } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
      const allow = allowlistIgnoreFile(ctx);
      if (row.allowlist === undefined) {
        expect(allow.text).toBeUndefined();
        expect(allow.reason).toContain('whole context');
        return;
      }
      expect(allow.lines).toEqual(row.allowlist);
      expect(allow.text).toContain(row.ignore);
      expect(copySourceErrors(allow.after!)).toEqual([]);
      expect(allow.after!.sizes.bytes).toBe(ctx.sizes.bytes);
      // Saved: exactly the eligible-but-unused files, plus the Dockerfile and the ignore file (the builders read those themselves).
      const unused = analyzeUsage(ctx).eligibleUnused.reduce((n, g) => n + g.bytes, 0);
      expect(allow.saved.eligibleBytes).toBe(unused + Buffer.byteLength(row.dockerfile) + Buffer.byteLength(row.ignore));
      expect(allow.saved.eligibleBytes).toBeGreaterThan(80_000);
      expect(allow.saved.legacyTarBytes).toBeGreaterThan(allow.saved.eligibleBytes);
      const usage = analyzeUsage(allow.after!);
      expect(usage.eligibleUnused).toEqual([]);
    });
  });
});

describe('a legacy context guarded by the BuildKit analysis of the same inventory', () => {
  it('suggest drops the lines that exclude what the Dockerfile copies', async () => {
    const tmp = await makeTempDir('ctxlens-golden-');
    try {
      await buildTree(tmp.path, [...NODE_PROJECT, { file: 'Dockerfile', content: 'FROM scratch\nCOPY node_modules /nm\nCOPY dist /dist\n' }]);
      const { context: bk } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
      const legacy = evaluateRules(bk, { rules: [], builder: 'legacy' });
      const unguarded = suggestIgnoreLines(legacy, { gitignore: false }).suggestions.map((s) => s.line);
      const guarded = suggestIgnoreLines(legacy, { gitignore: false, usage: analyzeUsage(bk) }).suggestions.map((s) => s.line);
      expect(unguarded).toContain('node_modules');
      expect(guarded).not.toContain('node_modules');
      expect(guarded).not.toContain('**/dist');
      expect(guarded).toContain('.git');
      const offenders = rankOffenders(legacy, { usage: analyzeUsage(bk) });
      expect(offenders.find((o) => o.path === 'node_modules')).toMatchObject({ pattern: undefined, used: true });
    } finally {
      await tmp.cleanup();
    }
  });
});
