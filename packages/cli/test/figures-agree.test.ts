// One count and one unit per figure, everywhere (issue 13 point 12). Every command runs on the same
// Node-shaped project (node_modules with .bin symlinks, a scoped package, nested installs), in text
// and JSON, and each place that shows a named figure must show the same number: `files` are regular
// files (symlinks are not), `file bytes` their contents. Before, check counted node_modules' .bin
// symlinks as files and suggest did not; size and diff disagreed on the context's file count.
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

const NODE_PROJECT: TreeSpec = [
  { file: 'Dockerfile', content: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n' },
  { file: '.dockerignore', content: '.git\n' },
  { file: 'package.json', content: '{"name":"api","dependencies":{"express":"^4"}}\n' },
  { file: 'src/index.js', content: 'require("express")\n' },
  { file: 'node_modules/express/package.json', content: '{"name":"express"}\n' },
  { file: 'node_modules/express/index.js', size: 1_200 },
  { file: 'node_modules/express/lib/router.js', size: 5_400 },
  { file: 'node_modules/jest/bin/jest.js', size: 700, mode: 0o755 },
  { file: 'node_modules/jest/package.json', content: '{"name":"jest"}\n' },
  { file: 'node_modules/@nestjs/core/index.js', size: 9_000 },
  { file: 'node_modules/@nestjs/core/node_modules/tslib/tslib.js', size: 3_100 },
  { symlink: 'node_modules/.bin/jest', target: '../jest/bin/jest.js' },
  { symlink: 'node_modules/.bin/express', target: '../express/index.js' },
  { file: 'node_modules/.package-lock.json', content: '{}\n' },
  { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
  { file: 'logs/app.log', content: 'hello\n' },
];

/** Regular files under node_modules, and their bytes, as the fixture writes them. */
const NODE_MODULES = { files: 8, bytes: 19 + 1_200 + 5_400 + 700 + 16 + 9_000 + 3_100 + 3 };
/** Regular files the context sends: everything but .git. */
const CONTEXT_FILES = 5 + NODE_MODULES.files;

let dir: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture(NODE_PROJECT);
});
afterAll(() => dir.cleanup());

const run = async (args: string[]): Promise<string> => (await runCli(args, { cwd: dir.path })).stdout;
const json = async (args: string[]): Promise<Record<string, any>> => JSON.parse(await run([...args, '--json']));
const num = (text: string, re: RegExp): number => {
  const m = re.exec(text);
  if (m === null) throw new Error(`${re} not found in:\n${text}`);
  return Number(m[1]!.replace(/,/g, ''));
};
const nodeModulesOf = (list: readonly Record<string, any>[], key = 'path'): Record<string, any> => list.find((o) => o[key] === 'node_modules')!;

/** Where each command shows a figure: the figure's name, what it is of, and how to read it. */
const SHOWN: readonly { where: string; figure: 'files' | 'file bytes'; of: 'context' | 'node_modules'; read: () => Promise<number> }[] = [
  { where: 'size --json files', figure: 'files', of: 'context', read: async () => (await json(['size'])).files },
  { where: 'size text, "files" column', figure: 'files', of: 'context', read: async () => num(await run(['size']), /^sent \(buildkit\)\s+(\d+)/m) },
  { where: 'default --json files', figure: 'files', of: 'context', read: async () => (await json([])).files },
  { where: 'default text, "files" column', figure: 'files', of: 'context', read: async () => num(await run(['--no-tui']), /^sent \(buildkit\)\s+(\d+)/m) },
  { where: 'diff --json builders[].files', figure: 'files', of: 'context', read: async () => (await json(['diff'])).builders[0].files },
  { where: 'diff text', figure: 'files', of: 'context', read: async () => num(await run(['diff']), /send the same (\d+) files/) },
  { where: 'check --json maxFiles actual', figure: 'files', of: 'context', read: async () => (await json(['check', '--max-files', '1'])).rules.find((r: any) => r.rule === 'maxFiles').actual },
  { where: 'check text, maxFiles', figure: 'files', of: 'context', read: async () => num(await run(['check', '--max-files', '1']), /FAIL maxFiles \((\d+) files/) },
  { where: 'suggest --json before.files', figure: 'files', of: 'context', read: async () => (await json(['suggest'])).before.files },
  { where: 'ls --json, entries of type file', figure: 'files', of: 'context', read: async () => (await json(['ls'])).files.filter((f: any) => f.type === 'file').length },
  { where: 'ls -F text, lines without a type mark', figure: 'files', of: 'context', read: async () => (await run(['ls', '-F'])).split('\n').filter((l) => l !== '' && !/[@|=%]$/.test(l)).length },
  { where: 'default --json offenders[node_modules].files', figure: 'files', of: 'node_modules', read: async () => nodeModulesOf((await json([])).offenders).files },
  { where: 'default text offenders', figure: 'files', of: 'node_modules', read: async () => num(await run(['--no-tui']), /(\d+) files\s+node_modules\//) },
  { where: 'check --json deny:dependencies offenders', figure: 'files', of: 'node_modules', read: async () => nodeModulesOf((await json(['check', '--deny', 'dependencies'])).rules.find((r: any) => r.rule === 'deny:dependencies').offenders).files },
  { where: 'check text deny:dependencies', figure: 'files', of: 'node_modules', read: async () => num(await run(['check', '--deny', 'dependencies']), /node_modules\/\s+\((\d+) files\)/) },
  { where: 'suggest --json', figure: 'files', of: 'node_modules', read: async () => nodeModulesOf((await json(['suggest', '--no-gitignore'])).suggestions, 'line').files },
  { where: 'suggest text', figure: 'files', of: 'node_modules', read: async () => num(await run(['suggest', '--no-gitignore']), /^\s+node_modules\s+\S+\s+(\d+) files/m) },
  { where: 'ls --json, files under node_modules', figure: 'files', of: 'node_modules', read: async () => (await json(['ls'])).files.filter((f: any) => f.type === 'file' && f.path.startsWith('node_modules/')).length },
  { where: 'default --json offenders[node_modules].bytes', figure: 'file bytes', of: 'node_modules', read: async () => nodeModulesOf((await json([])).offenders).bytes },
  { where: 'check --json deny:dependencies offenders bytes', figure: 'file bytes', of: 'node_modules', read: async () => nodeModulesOf((await json(['check', '--deny', 'dependencies'])).rules.find((r: any) => r.rule === 'deny:dependencies').offenders).bytes },
  { where: 'suggest --json bytes', figure: 'file bytes', of: 'node_modules', read: async () => nodeModulesOf((await json(['suggest', '--no-gitignore'])).suggestions, 'line').bytes },
  { where: 'ls --json sizes under node_modules', figure: 'file bytes', of: 'node_modules', read: async () => (await json(['ls'])).files.filter((f: any) => f.type === 'file' && f.path.startsWith('node_modules/')).reduce((n: number, f: any) => n + f.size, 0) },
];

const EXPECTED = { files: { context: CONTEXT_FILES, node_modules: NODE_MODULES.files }, 'file bytes': { context: undefined, node_modules: NODE_MODULES.bytes } } as const;

describe('every command shows the same number for the same named figure', () => {
  it.each(SHOWN)('$where: $figure of $of', async ({ figure, of, read }) => {
    expect(await read()).toBe(EXPECTED[figure][of]);
  });

  it('explain agrees with ls on what is sent: every listed path, symlinks included, is "sent"', async () => {
    const listed = (await run(['ls'])).split('\n').filter((l) => l !== '');
    const doc = JSON.parse((await runCli(['explain', '--json', '--stdin'], { cwd: dir.path, input: listed.join('\n') + '\n' })).stdout);
    expect(doc.paths.filter((p: any) => p.included).length).toBe(listed.length);
    expect(listed.length).toBe(CONTEXT_FILES + 2);
  });

  it('lint names a severity with one word in text and JSON', async () => {
    const findings = (await json(['lint'])).findings as { severity: string; line: number; file: string; code: string }[];
    const text = await run(['lint']);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(text).toContain(`${f.file}:${f.line}: ${f.severity}: `);
  });
});
