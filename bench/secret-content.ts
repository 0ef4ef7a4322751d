// The cost of finding secrets by content (issue 13 point 11), alone: `ctxlens check --deny
// secrets` against `ctxlens ls` on the bench trees and on a tree dense with candidate files, and,
// with CTXLENS_BENCH_BASE_BIN pointing at another build's bin, that build's `check` in the same
// alternation (the before/after ratio). Prints a Markdown table; writes nothing.
// Usage: tsx bench/secret-content.ts   (CTXLENS_BENCH_SIZES=100000,1000000, CTXLENS_BENCH_ROUNDS=5)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchTree } from './bench-tree.js';
import { alternate, type Contender, median, timeCommand } from './measure.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'packages/cli/dist/ctxlens.mjs');
const base = process.env['CTXLENS_BENCH_BASE_BIN'];
const rounds = Number(process.env['CTXLENS_BENCH_ROUNDS'] ?? 5);
const sizes = (process.env['CTXLENS_BENCH_SIZES'] ?? '100000,1000000').split(',').map(Number);

/**
 * A tree dense with what content detection reads: `candidates` small sent files (.json, .yml,
 * .txt, .env), none holding a secret, beside ten times as many source files.
 * @returns its directory
 */
function candidateTree(root: string, candidates: number): string {
  const dir = path.join(root, `secret-candidates-${candidates}-v1`);
  if (fs.existsSync(path.join(dir, 'Dockerfile'))) return dir;
  const exts = ['.json', '.yml', '.txt', '.env'];
  const body = `{"name": "pkg", "version": "1.0.0", "description": "${'lorem ipsum '.repeat(150)}"}\n`;
  for (let i = 0; i < candidates; i++) {
    const d = path.join(dir, 'config', `m${i % 100}`);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `c${i}${exts[i % exts.length]}`), body);
    for (let k = 0; k < 10; k++) fs.writeFileSync(path.join(d, `s${i}-${k}.ts`), 'export {};\n');
  }
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /app\n');
  return dir;
}

const trees = [...sizes.map((n) => ({ label: `${n.toLocaleString('en-US')}-file bench tree`, dir: benchTree(path.join(repo, '.bench-trees'), n).dir })), { label: '2,000 candidate files + 20,000 sources', dir: candidateTree(path.join(repo, '.bench-trees'), 2000) }];

const out: string[] = ['| tree | ctxlens ls | check --deny secrets | ratio to ls | base check | after / base |', '|---|---|---|---|---|---|'];
for (const tree of trees) {
  const inTree = (bin: string, args: readonly string[]) => () => timeCommand(process.execPath, [bin, ...args], tree.dir);
  // --max-size 1GB as in issue 14's measurement; check exits 0 (no secret in these trees).
  const check = ['check', '--deny', 'secrets', '--max-size', '1GB'];
  const contenders: Contender[] = [{ name: 'ls', run: inTree(cli, ['ls']) }, { name: 'check', run: inTree(cli, check) }];
  if (base !== undefined) contenders.push({ name: 'base', run: inTree(base, check) });
  const samples = await alternate(contenders, rounds);
  const ms = (name: string): number => median((samples.get(name) ?? []).map((s) => s.ms));
  const fmt = (v: number): string => (Number.isNaN(v) ? '-' : `${(v / 1000).toFixed(2)} s`);
  out.push(`| ${tree.label} | ${fmt(ms('ls'))} | ${fmt(ms('check'))} | ${(ms('check') / ms('ls')).toFixed(2)}x | ${fmt(ms('base'))} | ${base === undefined ? '-' : `${(ms('check') / ms('base')).toFixed(2)}x`} |`);
}
out.push('', `Medians of ${rounds} alternating runs after a warm-up; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores when they ended.`);
console.log(out.join('\n'));
