// `check --deny secrets*` counts secrets found by content (issue 13 point 11): the offender says
// which detector and line, the JSON carries the findings, and an environment reference in .npmrc
// is not a credential.
import { FAKE_GITHUB_TOKEN, SECRETS_PROJECT, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

beforeAll(() => ensureBuilt());
const dirs: TempDir[] = [];
afterAll(async () => {
  for (const d of dirs) await d.cleanup();
});

interface Row {
  readonly name: string;
  readonly extra: readonly { file: string; content: string }[];
  readonly args: readonly string[];
  readonly code: number;
  /** Each line must appear (one offender's columns, in order, on one line). */
  readonly lines: readonly RegExp[];
}

const ROWS: readonly Row[] = [
  {
    name: 'deny secrets: the files found by content fail the gate, with detector and line',
    extra: [],
    args: ['--deny', 'secrets'],
    code: 1,
    lines: [/^FAIL deny:secrets \(4 paths sent\)$/m, / secrets\.txt +GitHub token \(ghp_…\) on line 2 +→ secrets\.txt$/m, / config\/gcp-sa\.json +Google Cloud service-account key \(PRIVATE KEY…\) on line 3/m],
  },
  {
    name: 'deny secrets-shipped: COPY . . ships them',
    extra: [],
    args: ['--deny', 'secrets-shipped'],
    code: 1,
    lines: [/^FAIL deny:secrets-shipped \(4 paths shipped\)$/m, / secrets\.txt +GitHub token \(ghp_…\) on line 2; shipped in the image by line 2 \(COPY \. \/app\)/m],
  },
  {
    name: 'an .npmrc that reads its token from the environment is not a secret',
    extra: [{ file: '.npmrc', content: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' }],
    args: ['--deny', 'secrets'],
    code: 1,
    lines: [/^FAIL deny:secrets \(4 paths sent\)$/m],
  },
];

describe('check: secrets found by content', () => {
  it.each(ROWS)('$name', async (row) => {
    const dir = await fixture([...SECRETS_PROJECT, ...row.extra]);
    dirs.push(dir);
    const r = await runCli(['check', ...row.args], { cwd: dir.path });
    expect(r.code, r.stdout + r.stderr).toBe(row.code);
    for (const line of row.lines) expect(r.stdout).toMatch(line);
    expect(r.stdout).not.toContain('.npmrc');
    expect(r.stdout).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });

  it('JSON: offenders carry the findings (detector, kind, line, masked prefix)', async () => {
    const dir = await fixture(SECRETS_PROJECT);
    dirs.push(dir);
    const r = await runCli(['check', '--deny', 'secrets,secrets-sent', '--json'], { cwd: dir.path });
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; rules: { rule: string; offenders: { path: string; findings?: { detector: string; kind: string; line: number; masked: string }[] }[] }[] };
    expect(doc.schemaVersion).toBe(2);
    for (const rule of ['deny:secrets', 'deny:secrets-sent']) {
      const offenders = doc.rules.find((x) => x.rule === rule)!.offenders;
      expect(offenders.find((o) => o.path === 'secrets.txt')?.findings, rule).toEqual([{ detector: 'github-token', kind: 'GitHub token', line: 2, masked: 'ghp_…' }]);
      expect(offenders.find((o) => o.path === '.env')?.findings, rule).toEqual([]);
    }
    expect(r.stdout).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });
});
