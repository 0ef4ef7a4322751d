import { createHash } from 'node:crypto';
import { lstat, open, readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../trees/make-temp-dir.js';
import type { TempDir } from '../trees/make-temp-dir.js';
import { seedScenarioDir } from './seed-cache.js';
import { SEED_DOCKERIGNORE } from './seed-dockerignore.js';
import { generateSeedScenario, planSeedScenario, SEED_EXPECTED, SEED_GENERATOR_VERSION } from './seed-scenario.js';
import type { SeedScenarioPlan } from './seed-scenario.js';

// --- Docker's side, re-derived here on purpose: the product's own tar/ and patterns/ code is not used. ---

/** go-units HumanSize: CustomSize("%.4g%s", size, 1000, decimalAbbrs). */
function formatDockerSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(4))}${units[unit]}`;
}

/** ignorefile.ReadAll + patternmatcher: `#` comments only at column 0, Clean'd patterns, `*`/`?`/`**` never cross `/` except `**`. */
function compileDockerignore(text: string): Array<{ exclusion: boolean; re: RegExp; source: string }> {
  const patterns: Array<{ exclusion: boolean; re: RegExp; source: string }> = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1).trim();
    pattern = pattern.replace(/\/+$/, '').replace(/^\/+/, '');
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i]!;
      if (ch === '*' && pattern[i + 1] === '*') {
        i += pattern[i + 2] === '/' ? 2 : 1;
        re += i === pattern.length - 1 ? '.*' : '(.*/)?';
      } else if (ch === '*') re += '[^/]*';
      else if (ch === '?') re += '[^/]';
      else re += ch.replace(/[.+()|{}^$\\]/g, '\\$&');
    }
    patterns.push({ exclusion, re: new RegExp(`^${re}$`), source: pattern });
  }
  return patterns;
}

/** PatternMatcher.MatchesOrParentMatches: last matching pattern wins; a pattern matching a parent dir matches the path. */
function isExcluded(patterns: ReturnType<typeof compileDockerignore>, rel: string): boolean {
  const parents = rel.split('/').slice(0, -1).map((_, i, all) => all.slice(0, i + 1).join('/'));
  let excluded = false;
  for (const pattern of patterns) {
    if (pattern.exclusion !== excluded) continue;
    if (pattern.re.test(rel) || parents.some((parent) => pattern.re.test(parent))) excluded = !pattern.exclusion;
  }
  return excluded;
}

/** Go archive/tar header bytes: USTAR if the name fits (or splits at a `/` into ≤155 + ≤100 ASCII bytes), else a PAX record header too. */
function headerBytes(name: string, linkname = ''): number {
  const ascii = (s: string) => !/[^\x01-\x7f]/.test(s);
  const splits = (s: string) => {
    const cut = s.lastIndexOf('/', Math.min(s.length, 156) - (s.length <= 156 && s.endsWith('/') ? 2 : 1));
    return cut > 0 && cut <= 155 && s.length - cut - 1 > 0 && s.length - cut - 1 <= 100;
  };
  const records: string[] = [];
  if (!ascii(name) || (name.length > 100 && !splits(name))) records.push(`path=${name}\n`);
  if (!ascii(linkname) || linkname.length > 100) records.push(`linkpath=${linkname}\n`);
  let data = 0;
  for (const record of records) {
    const body = Buffer.byteLength(record) + 1;
    let size = body + String(body).length;
    size = body + String(size).length;
    data += size;
  }
  return data === 0 ? 512 : 1024 + Math.ceil(data / 512) * 512;
}

interface Estimate {
  bytes: number;
  entries: number;
  paths: Set<string>;
  byTop: Map<string, { entries: number; bytes: number }>;
}

/** What the legacy builder uploads for `dir` (moby TarWithOptions walk), with or without its .dockerignore. */
async function estimateLegacyTarBytes(dir: string, useDockerignore: boolean): Promise<Estimate> {
  const text = useDockerignore ? await readFile(join(dir, '.dockerignore'), 'utf8').catch(() => '') : '';
  // build.TrimBuildFilesFromExcludes: the Dockerfile and .dockerignore are always sent.
  const patterns = compileDockerignore(text ? `${text}\n!Dockerfile\n!.dockerignore\n` : '');
  const estimate: Estimate = { bytes: 1024, entries: 0, paths: new Set(), byTop: new Map() };
  const inodes = new Map<number, string>();
  const visit = async (rel: string): Promise<void> => {
    const info = await lstat(join(dir, rel));
    if (isExcluded(patterns, rel)) {
      const mayHoldExceptions = patterns.some((p) => p.exclusion && `${p.source}/`.startsWith(`${rel}/`));
      if (!info.isDirectory() || !mayHoldExceptions) return;
    } else if (!info.isSocket()) {
      let bytes: number;
      if (info.isDirectory()) bytes = headerBytes(`${rel}/`);
      else if (info.isSymbolicLink()) bytes = headerBytes(rel, await readlink(join(dir, rel)));
      else if (info.isFile() && info.nlink > 1 && inodes.has(info.ino)) bytes = headerBytes(rel, inodes.get(info.ino));
      else bytes = headerBytes(rel) + (info.isFile() ? Math.ceil(info.size / 512) * 512 : 0);
      if (info.isFile() && info.nlink > 1 && !inodes.has(info.ino)) inodes.set(info.ino, rel);
      const top = rel.includes('/') || info.isDirectory() ? rel.split('/')[0]! : '(root files)';
      const sums = estimate.byTop.get(top) ?? { entries: 0, bytes: 0 };
      estimate.byTop.set(top, { entries: sums.entries + 1, bytes: sums.bytes + bytes });
      estimate.bytes += bytes;
      estimate.entries++;
      estimate.paths.add(rel);
    }
    if (info.isDirectory()) for (const name of (await readdir(join(dir, rel))).sort()) await visit(`${rel}/${name}`);
  };
  for (const name of (await readdir(dir)).sort()) await visit(name);
  return estimate;
}

/** Every entry with its kind, size, mode, mtime, link target and a hash of its first 64 KiB. */
async function listing(dir: string, rel = ''): Promise<string[]> {
  const lines: string[] = [];
  for (const name of (await readdir(join(dir, rel))).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    const info = await lstat(join(dir, path));
    let detail = '';
    if (info.isSymbolicLink()) detail = await readlink(join(dir, path));
    if (info.isFile()) {
      const handle = await open(join(dir, path), 'r');
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
      await handle.close();
      detail = createHash('sha1').update(buffer.subarray(0, bytesRead)).digest('hex');
    }
    // A directory's own size depends on the file system's block allocation (creation order under
    // load), not on the generator; Docker sends directories with size 0 anyway.
    const size = info.isDirectory() ? 0 : info.size;
    lines.push(`${JSON.stringify(path)} ${info.mode.toString(8)} ${size} ${info.mtime.toISOString()} ${detail}`);
    if (info.isDirectory()) lines.push(...(await listing(dir, path)));
  }
  return lines;
}

// --- The tests. ---

let first: TempDir;
let second: TempDir;
let plan: SeedScenarioPlan;
const timings: number[] = [];

beforeAll(async () => {
  [first, second] = await Promise.all([makeTempDir('ctxlens-seed-a-'), makeTempDir('ctxlens-seed-b-')]);
  for (const temp of [first, second]) {
    const started = performance.now();
    plan = await generateSeedScenario(temp.path);
    timings.push(performance.now() - started);
  }
  console.log(`seed scenario generated in ${timings.map((ms) => `${(ms / 1000).toFixed(2)}s`).join(' and ')} (${plan.spec.length} spec entries)`);
});
afterAll(async () => {
  await Promise.all([first?.cleanup(), second?.cleanup()]);
});

describe('docker size formatting (go-units HumanSize)', () => {
  it.each([
    [0, '0B'], [512, '512B'], [1536, '1.536kB'], [2_099_400, '2.099MB'], [2_099_600, '2.1MB'], [2_100_400, '2.1MB'],
    [2_100_600, '2.101MB'], [1_239_400_000, '1.239GB'], [1_239_600_000, '1.24GB'], [1_240_400_000, '1.24GB'], [1_240_600_000, '1.241GB'],
  ])('%d bytes print as %s', (bytes, printed) => {
    expect(formatDockerSize(bytes)).toBe(printed);
  });
});

describe('generateSeedScenario', () => {
  it('produces identical trees on every run', async () => {
    const [a, b] = await Promise.all([listing(first.path), listing(second.path)]);
    expect(a.length).toBeGreaterThan(20_000);
    expect(b).toEqual(a);
  });

  it('uploads 1.24GB without its .dockerignore and 2.1MB with it, as the course says', async () => {
    const [whole, context] = await Promise.all([estimateLegacyTarBytes(first.path, false), estimateLegacyTarBytes(first.path, true)]);
    console.log(`estimated upload: ${whole.bytes} bytes (${formatDockerSize(whole.bytes)}), context ${context.bytes} bytes (${formatDockerSize(context.bytes)})`);
    console.table([...whole.byTop].map(([top, sums]) => ({ top, ...sums, shipped: context.byTop.get(top)?.bytes ?? 0 })));
    expect(formatDockerSize(whole.bytes)).toBe(SEED_EXPECTED.totalBytesPrinted);
    expect(formatDockerSize(context.bytes)).toBe(SEED_EXPECTED.contextPrinted);
    expect(whole.bytes).toBe(plan.totalTarBytes);
    expect(context.bytes).toBe(plan.contextTarBytes);
    expect(formatDockerSize(planSeedScenario({ dockerignore: false }).totalTarBytes)).toBe(SEED_EXPECTED.totalBytesPrinted);
  });

  it('has the composition the course describes', async () => {
    const whole = await estimateLegacyTarBytes(first.path, false);
    const bytes = (top: string) => whole.byTop.get(top)?.bytes ?? 0;
    expect(whole.entries).toBeGreaterThan(20_000);
    expect(whole.entries).toBeLessThan(40_000);
    expect(bytes('node_modules')).toBeGreaterThan(340e6);
    expect(bytes('node_modules')).toBeLessThan(360e6);
    expect(bytes('.git')).toBeGreaterThan(115e6);
    expect(bytes('.git')).toBeLessThan(125e6);
    expect(bytes('coverage')).toBeGreaterThan(43e6);
    expect(bytes('coverage')).toBeLessThan(47e6);
    expect(bytes('src')).toBeGreaterThan(1.2e6);
    expect(bytes('src')).toBeLessThan(2.1e6);
    const paths = [...whole.paths];
    expect(paths.filter((p) => /^node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(p)).length).toBeGreaterThan(900);
    expect(paths.some((p) => /^node_modules\/@[^/]+\/[^/]+\/lib\/.+\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => /^node_modules\/[^/]+\/node_modules\/[^/]+\/package\.json$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\.git\/objects\/[0-9a-f]{2}\/[0-9a-f]{38}$/.test(p))).toBe(true);
    expect(paths).toEqual(expect.arrayContaining(['.git/HEAD', '.git/config', '.git/index', 'coverage/lcov.info', 'coverage/coverage-final.json', 'coverage/lcov-report/index.html']));
  });

  it('keeps big files sparse, so the tree costs little disk', async () => {
    const packDir = join(first.path, '.git/objects/pack');
    const packs = await Promise.all((await readdir(packDir)).filter((name) => name.endsWith('.pack')).map((name) => stat(join(packDir, name))));
    expect(packs).toHaveLength(2);
    const biggest = packs.reduce((a, b) => (a.size > b.size ? a : b));
    expect(biggest.size).toBeGreaterThan(90e6);
    expect(biggest.blocks * 512).toBeLessThan(64 * 1024);
    const dump = await stat(join(first.path, 'data/dump.sql'));
    expect(dump.size).toBeGreaterThan(100e6);
    expect(dump.blocks * 512).toBeLessThan(64 * 1024);
  });

  it("ships what Docker's matching keeps, root-only patterns' misses included", async () => {
    expect(await readFile(join(first.path, '.dockerignore'), 'utf8')).toBe(SEED_DOCKERIGNORE);
    const { paths } = await estimateLegacyTarBytes(first.path, true);
    for (const shipped of ['Dockerfile', '.dockerignore', 'package.json', 'package-lock.json', 'README.md', '.env.example', 'src/app.js', 'src/data/products.json', 'src/.DS_Store', 'test/fixtures/.env.test', 'docs/api.md', 'docs/adr/0002-stratégie-de-cache.md']) {
      expect(paths, shipped).toContain(shipped);
    }
    for (const kept of ['node_modules', '.git', 'coverage', 'dist', 'logs', 'data', '.env', '.env.production', 'npm-debug.log', 'CHANGELOG.md', '.DS_Store', '.vscode', '.idea']) {
      expect(paths, kept).not.toContain(kept);
    }
    expect([...paths].every((p) => /^(src|test|docs)(\/|$)|^[^/]+$/.test(p))).toBe(true);
  });

  it('keeps the printed figures under another PRNG seed', () => {
    const other = planSeedScenario({ seed: 'another-seed' });
    expect(formatDockerSize(other.totalTarBytes)).toBe(SEED_EXPECTED.totalBytesPrinted);
    expect(formatDockerSize(other.contextTarBytes)).toBe(SEED_EXPECTED.contextPrinted);
  });
});

describe('seedScenarioDir', () => {
  it('generates once per generator version and reuses the copy', async () => {
    const cache = await makeTempDir('ctxlens-seed-cache-');
    try {
      const started = performance.now();
      const dir = await seedScenarioDir({ cacheRoot: cache.path });
      const generated = performance.now() - started;
      expect(dir).toBe(join(cache.path, `v${SEED_GENERATOR_VERSION}`, 'tree'));
      const marker = JSON.parse(await readFile(join(cache.path, `v${SEED_GENERATOR_VERSION}`, 'generator.json'), 'utf8'));
      expect(marker).toMatchObject({ version: SEED_GENERATOR_VERSION, contextTarBytes: plan.contextTarBytes });
      const before = await lstat(join(dir, 'package.json'));
      const again = performance.now();
      expect(await seedScenarioDir({ cacheRoot: cache.path })).toBe(dir);
      const reused = performance.now() - again;
      expect((await lstat(join(dir, 'package.json'))).ino).toBe(before.ino);
      expect((await readdir(cache.path)).sort()).toEqual([`v${SEED_GENERATOR_VERSION}`]);
      console.log(`seedScenarioDir: generated in ${(generated / 1000).toFixed(2)}s, reused in ${reused.toFixed(1)}ms`);
    } finally {
      await cache.cleanup();
    }
  });
});
