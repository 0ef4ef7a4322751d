import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContext } from '../context/compute-context.js';
import { InputError } from '../errors.js';
import { EntryState } from '../walk/walk-result.js';
import { analyzeUsage, UseMark } from './usage.js';

const project: TreeSpec = [
  { file: 'package.json', content: '{"name":"x"}' },
  { file: 'package-lock.json', content: '{}' },
  { file: 'README.md', content: '# readme' },
  { file: 'src/index.ts', content: 'export {}' },
  { file: 'src/util.md', content: 'doc' },
  { file: 'dist/app.js', content: 'console.log(1)' },
  { file: 'node_modules/dep/index.js', content: 'module.exports = 1' },
  { file: 'docs/guide.md', content: 'guide text' },
  { file: '.env', content: 'SECRET=1' },
  { symlink: 'current', target: 'dist' },
];

interface UsageRow {
  readonly name: string;
  readonly dockerfile: string;
  readonly ignore?: string;
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Entries added to the project's tree. */
  readonly extra?: TreeSpec;
  /** Files copied or mounted into a needed stage. */
  readonly used: readonly string[];
  /** Of those, the files that reach the target stage. */
  readonly shipped: readonly string[];
  /** Top-level groups of sent-but-unused files. */
  readonly sentUnused: readonly string[];
  /** Top-level groups of eligible-but-unused files. */
  readonly eligibleUnused: readonly string[];
}

const ALL_TOPS = ['.env', 'README.md', 'current', 'dist', 'docs', 'node_modules', 'package-lock.json', 'package.json', 'src'];
const without = (...tops: string[]): string[] => ALL_TOPS.filter((t) => !tops.includes(t) && t !== 'current');

// An excluded directory holding a re-included file: BuildKit sends the directory as the file's
// parent (with the directory's own verdict, excluded), and a COPY of `.` or of an enclosing
// directory copies the file into the image.
const LOGS: TreeSpec = [
  { file: 'logs/keep.log', content: 'keep' },
  { file: 'logs/other.log', content: 'other' },
];
const NESTED_LOGS: TreeSpec = [
  { file: 'src/logs/keep.log', content: 'keep' },
  { file: 'src/logs/other.log', content: 'other' },
];
/** What `COPY . /` takes from the project with an ignore file: every file but node_modules and .env (excluded), and the extras. */
const WHOLE = ['.dockerignore', 'Dockerfile', 'README.md', 'dist/app.js', 'docs/guide.md', 'package-lock.json', 'package.json', 'src/index.ts', 'src/util.md'];
const wholeWith = (...paths: string[]): string[] => [...WHOLE, ...paths].sort();

const ROWS: readonly UsageRow[] = [
  {
    name: 'manifests then src: only those are used, all shipped',
    dockerfile: 'FROM scratch\nCOPY package*.json ./\nCOPY src ./src\n',
    used: ['package-lock.json', 'package.json', 'src/index.ts', 'src/util.md'],
    shipped: ['package-lock.json', 'package.json', 'src/index.ts', 'src/util.md'],
    sentUnused: [],
    eligibleUnused: without('package-lock.json', 'package.json', 'src'),
  },
  {
    name: 'COPY . . uses everything sent, the Dockerfile too',
    dockerfile: 'FROM scratch\nCOPY . /app/\n',
    used: ['.env', 'Dockerfile', 'README.md', 'dist/app.js', 'docs/guide.md', 'node_modules/dep/index.js', 'package-lock.json', 'package.json', 'src/index.ts', 'src/util.md'],
    shipped: ['.env', 'Dockerfile', 'README.md', 'dist/app.js', 'docs/guide.md', 'node_modules/dep/index.js', 'package-lock.json', 'package.json', 'src/index.ts', 'src/util.md'],
    sentUnused: [],
    eligibleUnused: [],
  },
  {
    name: 'build stage copies src, final copies only dist from it: src is build-stage only',
    dockerfile: 'FROM scratch AS build\nWORKDIR /app\nCOPY src ./src\nCOPY dist ./dist\nFROM scratch\nCOPY --from=build /app/dist /srv/\n',
    used: ['dist/app.js', 'src/index.ts', 'src/util.md'],
    shipped: ['dist/app.js'],
    sentUnused: [],
    eligibleUnused: without('dist', 'src'),
  },
  {
    name: 'FROM <stage> inherits what the stage copied',
    dockerfile: 'FROM scratch AS base\nCOPY package.json /\nFROM base\nCOPY README.md /\n',
    used: ['README.md', 'package.json'],
    shipped: ['README.md', 'package.json'],
    sentUnused: [],
    eligibleUnused: without('README.md', 'package.json'),
  },
  {
    name: '--target: a later stage copying . does not count',
    dockerfile: 'FROM scratch AS deps\nCOPY package.json /\nFROM scratch\nCOPY . /\n',
    target: 'deps',
    used: ['package.json'],
    shipped: ['package.json'],
    sentUnused: [],
    eligibleUnused: without('package.json'),
  },
  {
    name: '--exclude filters what is used, not what is sent',
    dockerfile: 'FROM scratch\nCOPY --exclude=*.md src /src/\n',
    used: ['src/index.ts'],
    shipped: ['src/index.ts'],
    sentUnused: ['src'],
    eligibleUnused: without('src').concat('src').sort(),
  },
  {
    name: 'a glob uses its matches only',
    dockerfile: 'FROM scratch\nCOPY src/*.ts /src/\n',
    used: ['src/index.ts'],
    shipped: ['src/index.ts'],
    sentUnused: [],
    eligibleUnused: without('src').concat('src').sort(),
  },
  {
    name: 'a bind mount is used in its stage, never shipped',
    dockerfile: 'FROM busybox\nRUN --mount=type=bind,source=docs,target=/d true\nCOPY package.json /\n',
    used: ['docs/guide.md', 'package.json'],
    shipped: ['package.json'],
    sentUnused: [],
    eligibleUnused: without('docs', 'package.json'),
  },
  {
    name: 'ARG-expanded source with a build arg',
    dockerfile: 'FROM scratch\nARG D=src\nCOPY ${D} /x/\n',
    buildArgs: { D: 'docs' },
    used: ['docs/guide.md'],
    shipped: ['docs/guide.md'],
    sentUnused: [],
    eligibleUnused: without('docs'),
  },
  {
    name: 'a copied symlink: its target tree is used',
    dockerfile: 'FROM scratch\nCOPY current /c/\n',
    used: ['dist/app.js'],
    shipped: ['dist/app.js'],
    sentUnused: [],
    eligibleUnused: without('dist'),
  },
  {
    name: 'excluded by the ignore file: neither eligible nor used',
    dockerfile: 'FROM scratch\nCOPY . /\n',
    ignore: 'node_modules\n.env\n',
    used: ['.dockerignore', 'Dockerfile', 'README.md', 'dist/app.js', 'docs/guide.md', 'package-lock.json', 'package.json', 'src/index.ts', 'src/util.md'],
    shipped: ['.dockerignore', 'Dockerfile', 'README.md', 'dist/app.js', 'docs/guide.md', 'package-lock.json', 'package.json', 'src/index.ts', 'src/util.md'],
    sentUnused: [],
    eligibleUnused: [],
  },
  {
    name: 're-included under an excluded directory: COPY . takes it (BuildKit sends logs/ as its parent)',
    dockerfile: 'FROM scratch\nCOPY . /\n',
    ignore: 'node_modules\n.env\nlogs\n!logs/keep.log\n',
    extra: LOGS,
    used: wholeWith('logs/keep.log'),
    shipped: wholeWith('logs/keep.log'),
    sentUnused: [],
    eligibleUnused: [],
  },
  {
    name: 're-included by a glob exception under an excluded directory: COPY . takes it',
    dockerfile: 'FROM scratch\nCOPY . /\n',
    ignore: 'node_modules\n.env\nlogs\n!**/keep.log\n',
    extra: LOGS,
    used: wholeWith('logs/keep.log'),
    shipped: wholeWith('logs/keep.log'),
    sentUnused: [],
    eligibleUnused: [],
  },
  {
    name: 're-included in an excluded directory two levels down: COPY of the enclosing directory takes it',
    dockerfile: 'FROM scratch\nCOPY src /s/\n',
    ignore: 'src/logs\n!src/logs/keep.log\n',
    extra: NESTED_LOGS,
    used: ['src/index.ts', 'src/logs/keep.log', 'src/util.md'],
    shipped: ['src/index.ts', 'src/logs/keep.log', 'src/util.md'],
    sentUnused: [],
    eligibleUnused: without('src'),
  },
  {
    name: 're-included under an excluded directory: COPY of the directory itself takes it',
    dockerfile: 'FROM scratch\nCOPY logs /l/\n',
    ignore: 'logs\n!logs/keep.log\n',
    extra: LOGS,
    used: ['logs/keep.log'],
    shipped: ['logs/keep.log'],
    sentUnused: [],
    eligibleUnused: without(),
  },
  {
    name: 're-included under an excluded directory: a bind mount of the whole context uses it in its stage',
    dockerfile: 'FROM busybox\nRUN --mount=type=bind,target=/c true\nCOPY package.json /\n',
    ignore: 'node_modules\n.env\nlogs\n!logs/keep.log\n',
    extra: LOGS,
    used: wholeWith('logs/keep.log'),
    shipped: ['package.json'],
    sentUnused: [],
    eligibleUnused: [],
  },
  {
    name: 're-included under an excluded directory: COPY . into a build stage, then COPY --from of that directory ships it',
    dockerfile: 'FROM scratch AS build\nCOPY . /app/\nFROM scratch\nCOPY --from=build /app/logs /logs/\n',
    ignore: 'node_modules\n.env\nlogs\n!logs/keep.log\n',
    extra: LOGS,
    used: wholeWith('logs/keep.log'),
    shipped: ['logs/keep.log'],
    sentUnused: [],
    eligibleUnused: [],
  },
];

describe('analyzeUsage: eligible, sent and used', () => {
  describe.each(ROWS)('$name', (row) => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir('ctxlens-usage-');
      await buildTree(tmp.path, [...project, ...(row.extra ?? []), { file: 'Dockerfile', content: row.dockerfile }, ...(row.ignore === undefined ? [] : [{ file: '.dockerignore', content: row.ignore }])]);
    });
    afterAll(() => tmp.cleanup());

    it('marks used and shipped files, and lists the unused by top directory', async () => {
      const ctx = await computeContext(tmp.path, { builder: 'buildkit', ...(row.target === undefined ? {} : { target: row.target }), ...(row.buildArgs === undefined ? {} : { buildArgs: row.buildArgs }) });
      const usage = analyzeUsage(ctx);
      const inv = ctx.inventory;
      const files = (mark: UseMark): string[] => {
        const out: string[] = [];
        for (let i = 1; i < inv.count; i++) if (inv.kind(i) === 'file' && (usage.marks[i]! & mark) !== 0) out.push(inv.path(i));
        return out.sort();
      };
      expect(files(UseMark.Used)).toEqual(row.used);
      expect(files(UseMark.Shipped)).toEqual(row.shipped);
      expect(usage.sentUnused.map((g) => g.top).sort()).toEqual(row.sentUnused);
      expect(usage.eligibleUnused.map((g) => g.top).sort()).toEqual(row.eligibleUnused);
      expect(usage.used.files).toBe(row.used.length);
      // Every used file was sent by BuildKit (a parent directory sent for a re-included file is not itself included).
      expect(row.used.filter((p) => ctx.walk.state[inv.indexOf(p, false)] !== EntryState.Included)).toEqual([]);
      // Used files were sent; sent files were eligible.
      expect(usage.used.files).toBeLessThanOrEqual(usage.sent.files);
      expect(usage.sent.files).toBeLessThanOrEqual(usage.eligible.files);
    });
  });

  it('names the instruction and stage that use a path', async () => {
    const tmp = await makeTempDir('ctxlens-usage-');
    try {
      await buildTree(tmp.path, [...project, { file: 'Dockerfile', content: 'FROM scratch AS build\nCOPY src ./src\nFROM scratch\nCOPY --from=build /src /app\n' }]);
      const usage = analyzeUsage(await computeContext(tmp.path, { builder: 'buildkit' }));
      expect(usage.useOf('src/index.ts')).toMatchObject({ stage: 'build', request: { instruction: { line: 2, text: 'COPY src ./src' } } });
      expect(usage.useOf('README.md')).toBeUndefined();
      const totals = { files: 2, bytes: 'export {}'.length + 'doc'.length };
      expect(usage.used).toEqual(totals);
      expect(usage.shipped).toEqual(totals);
    } finally {
      await tmp.cleanup();
    }
  });

  it('refuses a context without Dockerfile reads', async () => {
    const tmp = await makeTempDir('ctxlens-usage-');
    try {
      await buildTree(tmp.path, [...project, { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }]);
      await expect(computeContext(tmp.path, { builder: 'legacy' }).then(analyzeUsage)).rejects.toThrow(InputError);
    } finally {
      await tmp.cleanup();
    }
  });
});
