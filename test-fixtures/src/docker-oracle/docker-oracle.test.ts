import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile, link } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_DAEMON_API_VERSION,
  TarFormatError,
  dockerCliStatus,
  formatDecimalSize,
  parsePrintedSize,
  readTar,
  runLegacyBuild,
  startFakeDaemon,
  tarEntryData,
  type FakeDaemon,
  type LegacyBuildResult,
} from './index.js';

const status = dockerCliStatus();
const noDocker = !status.available;
/** `it` that skips, saying why in the test name, when the Docker CLI is missing. */
const dockerIt = (name: string, fn: () => Promise<void>) =>
  it.skipIf(noDocker)(status.available ? name : `${name} [skipped: ${status.reason}]`, fn);

let root: string;
let daemon: FakeDaemon;
let treeCount = 0;

/** Creates a fresh tree under the test root. `null` means an empty directory. */
async function tree(files: Record<string, string | null>): Promise<string> {
  treeCount += 1;
  const dir = join(root, `t${treeCount}`);
  await mkdir(dir);
  for (const [rel, content] of Object.entries(files)) {
    const full = join(dir, rel);
    if (content === null) {
      await mkdir(full, { recursive: true });
      await chmod(full, 0o755);
    } else {
      await mkdir(join(full, '..'), { recursive: true });
      await writeFile(full, content);
      await chmod(full, 0o644);
    }
  }
  return dir;
}

const DOCKERFILE = 'FROM scratch\n'; // 13 bytes
const padded = (n: number) => Math.ceil(n / 512) * 512;
const names = (r: LegacyBuildResult) => r.entries.map((e) => e.name);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ctxlens-docker-oracle-'));
  daemon = await startFakeDaemon();
});

afterAll(async () => {
  await daemon?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('formatDecimalSize', () => {
  it('formats like the CLI: SI units, 4 significant digits, no trailing zeros', () => {
    expect(formatDecimalSize(0)).toBe('0B');
    expect(formatDecimalSize(512)).toBe('512B');
    expect(formatDecimalSize(2048)).toBe('2.048kB');
    expect(formatDecimalSize(3584)).toBe('3.584kB');
    expect(formatDecimalSize(5120)).toBe('5.12kB');
    expect(formatDecimalSize(5632)).toBe('5.632kB');
    expect(formatDecimalSize(30002688)).toBe('30MB');
    expect(formatDecimalSize(999_999)).toBe('1000kB');
    expect(formatDecimalSize(1_234_567_890)).toBe('1.235GB');
  });

  it('parsePrintedSize takes the last progress value of the size line', () => {
    const out = 'Sending build context to Docker daemon  1.2MB\rSending build context to Docker daemon  4.51MB\r\r\nStep 1/1\n';
    expect(parsePrintedSize(out)).toBe('4.51MB');
    expect(parsePrintedSize('nothing here')).toBeNull();
  });
});

describe('readTar (hand-made archives)', () => {
  function header(name: string, opts: { size?: number; type?: string; prefix?: string } = {}): Buffer {
    const h = Buffer.alloc(512);
    h.write(name, 0, 'utf8');
    h.write('0000644\0', 100, 'latin1');
    h.write('0000000\0', 108, 'latin1');
    h.write('0000000\0', 116, 'latin1');
    h.write(`${(opts.size ?? 0).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    h.write('00000000000\0', 136, 'latin1');
    h.write(opts.type ?? '0', 156, 'latin1');
    h.write('ustar\x0000', 257, 'latin1');
    if (opts.prefix) h.write(opts.prefix, 345, 'utf8');
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    return h;
  }
  const data = (s: string) => {
    const b = Buffer.alloc(padded(Buffer.byteLength(s)));
    b.write(s);
    return b;
  };
  const trailer = Buffer.alloc(1024);

  it('reads ustar prefix/name split, PAX path records, and the trailer', () => {
    const pax = '31 path=some/long/pax/name.txt\n'; // the length counts the whole record
    const tar = Buffer.concat([
      header('name.txt', { prefix: 'deep/dir', size: 2 }),
      data('hi'),
      header('PaxHeaders/x', { type: 'x', size: Buffer.byteLength(pax) }),
      data(pax),
      header('ignored', { size: 0 }),
      header('d/', { type: '5' }),
      trailer,
    ]);
    const archive = readTar(tar);
    expect(archive.entries.map((e) => [e.name, e.type, e.headerBytes])).toEqual([
      ['deep/dir/name.txt', 'file', 512],
      ['some/long/pax/name.txt', 'file', 1536],
      ['d/', 'dir', 512],
    ]);
    expect(tarEntryData(tar, archive.entries[0]!).toString()).toBe('hi');
    expect(archive).toMatchObject({ totalBytes: tar.length, trailerFound: true, unpaddedEnd: false, endOffset: tar.length });
  });

  it('throws a clear error on a bad header checksum', () => {
    const tar = Buffer.concat([header('a.txt', { size: 1 }), data('x'), trailer]);
    tar[3] = 0x41;
    expect(() => readTar(tar)).toThrow(TarFormatError);
    expect(() => readTar(tar)).toThrow(/offset 0: header checksum mismatch/);
  });

  it('throws when file data runs past the end, tolerates a missing final padding', () => {
    const full = Buffer.concat([header('a.txt', { size: 600 }), Buffer.alloc(600, 0x61)]);
    expect(() => readTar(full.subarray(0, 700))).toThrow(/runs past the end/);
    expect(() => readTar(full.subarray(0, 300))).toThrow(/truncated header/);
    expect(readTar(full)).toMatchObject({ trailerFound: false, unpaddedEnd: true, totalBytes: 1112 });
  });

  it('rejects unknown type flags', () => {
    expect(() => readTar(Buffer.concat([header('s', { type: 'S' }), trailer]))).toThrow(/unsupported type flag "S"/);
  });
});

describe('fake daemon', () => {
  const call = (method: string, path: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request({ socketPath: daemon.socketPath, method, path }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers /_ping with the negotiation headers and 404s anything unknown', async () => {
    const ping = await call('GET', '/_ping');
    expect(ping).toMatchObject({ status: 200, body: 'OK' });
    expect(ping.headers).toMatchObject({ 'api-version': FAKE_DAEMON_API_VERSION, ostype: 'linux', 'builder-version': '1' });
    expect((await call('HEAD', '/_ping')).status).toBe(200);
    expect((await call('GET', '/v1.50/info')).status).toBe(404);
    expect(daemon.requests().slice(-1)[0]).toMatchObject({ method: 'GET', url: '/v1.50/info', status: 404 });
    expect(daemon.dockerHost).toBe(`unix://${daemon.socketPath}`);
  });
});

describe('runLegacyBuild against the real Docker CLI', () => {
  dockerIt(`reports the CLI version (${status.available ? status.version : 'n/a'})`, async () => {
    expect(status.available && status.version).toMatch(/^\d+\.\d+/);
  });

  dockerIt('uploads Dockerfile, a.txt and d/ with exact tar layout and printed size', async () => {
    const dir = await tree({ Dockerfile: DOCKERFILE, 'a.txt': 'hello', d: null });
    daemon.clearRequests();
    const r = await runLegacyBuild(daemon, dir);
    expect(r).toMatchObject({ exitCode: 0, uploaded: true, error: null, dockerfileParam: 'Dockerfile', trailerFound: true });
    expect(r.query).toBe('dockerfile=Dockerfile&version=1');
    expect(names(r)).toEqual(['Dockerfile', 'a.txt', 'd/']);
    expect(r.entries.map((e) => [e.type, e.size, e.mode, e.uid, e.gid, e.uname, e.gname])).toEqual([
      ['file', 13, 0o644, 0, 0, '', ''],
      ['file', 5, 0o644, 0, 0, '', ''],
      ['dir', 0, 0o755, 0, 0, '', ''],
    ]);
    const layout = r.entries.reduce((n, e) => n + e.headerBytes + padded(e.size), 0) + 1024;
    expect(r.tarBytes).toBe(layout);
    expect(r.tarBytes).toBe(3584);
    expect(r.printedSize).toBe('3.584kB');
    expect(r.printedSize).toBe(formatDecimalSize(r.tarBytes!));
    // The size line goes to stdout, padded to 8 columns, and ends with "\r\r\n" when not on a TTY.
    expect(r.stdout.startsWith('Sending build context to Docker daemon  3.584kB\r\r\n')).toBe(true);
    expect(r.stderr).toMatch(/^DEPRECATED: The legacy builder is deprecated/);
    expect(tarEntryData(r.tar!, r.entries[1]!).toString()).toBe('hello');
    // Exactly two requests: version negotiation, then the build.
    expect(daemon.requests().map((q) => `${q.method} ${q.url.split('?')[0]}`)).toEqual(['HEAD /_ping', `POST /v${FAKE_DAEMON_API_VERSION}/build`]);
  });

  dockerIt('.dockerignore removes a.txt but Dockerfile and .dockerignore stay in', async () => {
    const dir = await tree({ Dockerfile: DOCKERFILE, 'a.txt': 'hello', d: null, '.dockerignore': 'a.txt\nDockerfile\n.dockerignore\n' });
    const r = await runLegacyBuild(daemon, dir);
    expect(r.exitCode).toBe(0);
    expect(names(r)).toEqual(['.dockerignore', 'Dockerfile', 'd/']);
    expect(r.printedSize).toBe(formatDecimalSize(r.tarBytes!));
  });

  dockerIt('a pattern syntax error makes the CLI fail before uploading', async () => {
    const dir = await tree({ Dockerfile: DOCKERFILE, '.dockerignore': '[\n' });
    daemon.clearRequests();
    const r = await runLegacyBuild(daemon, dir);
    expect(r).toMatchObject({
      exitCode: 1,
      uploaded: false,
      tar: null,
      tarBytes: null,
      printedSize: null,
      entries: [],
      dockerfileParam: null,
      error: 'error checking context: syntax error in pattern',
    });
    expect(daemon.requests().map((q) => q.method + ' ' + q.url)).toEqual(['HEAD /_ping']);
  });

  dockerIt('a missing context directory is reported without uploading', async () => {
    const r = await runLegacyBuild(daemon, join(root, 'does-not-exist'));
    expect(r.uploaded).toBe(false);
    expect(r.error).toBe(`unable to prepare context: path "${join(root, 'does-not-exist')}" not found`);
  });

  dockerIt('a 150-byte file name gets a PAX header; a long path that fits the ustar prefix does not', async () => {
    const long = 'x'.repeat(150);
    const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}/f.txt`;
    const dir = await tree({ Dockerfile: DOCKERFILE, [long]: 'y', [deep]: '' });
    const r = await runLegacyBuild(daemon, dir);
    const byName = new Map(r.entries.map((e) => [e.name, e]));
    expect(byName.get(long)).toMatchObject({ headerBytes: 1536, pax: { path: long } });
    expect(byName.get(deep)).toMatchObject({ headerBytes: 512, pax: {} });
    expect(r.tarBytes).toBe(r.entries.reduce((n, e) => n + e.headerBytes + padded(e.size), 0) + 1024);
    expect(r.printedSize).toBe(formatDecimalSize(r.tarBytes!));
  });

  dockerIt('symlinks, hardlinks and fifos appear with their own type flags; sockets are skipped', async () => {
    const dir = await tree({ Dockerfile: DOCKERFILE, f: 'hi\n' });
    await symlink('f', join(dir, 'sl'));
    await symlink('/etc/passwd', join(dir, 'abs'));
    await link(join(dir, 'f'), join(dir, 'hl'));
    execFileSync('mkfifo', [join(dir, 'ff')]);
    const r = await runLegacyBuild(daemon, dir);
    expect(r.entries.map((e) => [e.name, e.type, e.linkname, e.size])).toEqual([
      ['Dockerfile', 'file', '', 13],
      ['abs', 'symlink', '/etc/passwd', 0],
      ['f', 'file', '', 3],
      ['ff', 'fifo', '', 0],
      ['hl', 'hardlink', 'f', 0],
      ['sl', 'symlink', 'f', 0],
    ]);
  });

  dockerIt('-f outside the context injects .dockerfile.<hex> and an unpadded, trailer-less tar', async () => {
    const dir = await tree({ 'a.txt': 'hello' });
    const outside = await tree({ 'Custom.Dockerfile': DOCKERFILE });
    const r = await runLegacyBuild(daemon, dir, { dockerfile: join(outside, 'Custom.Dockerfile') });
    expect(r.exitCode).toBe(0);
    expect(r.dockerfileParam).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    // The two added entries come in Go's random map order.
    expect(names(r).slice(1).sort()).toEqual([r.dockerfileParam, '.dockerignore'].sort());
    expect(names(r)[0]).toBe('a.txt');
    const ignore = r.entries.find((e) => e.name === '.dockerignore')!;
    expect(tarEntryData(r.tar!, ignore).toString()).toBe(`.dockerignore\n${r.dockerfileParam}\n`);
    expect(r.entries.find((e) => e.name === r.dockerfileParam)!.mode).toBe(0o600);
    // Docker CLI 28 stops right after the last file's data: no padding, no trailer.
    expect(r.trailerFound).toBe(false);
    const last = r.entries[r.entries.length - 1]!;
    expect(r.tarBytes).toBe(last.dataOffset + last.size);
    expect(r.printedSize).toBe(formatDecimalSize(r.tarBytes!));
  });

  dockerIt('a relative -f is resolved against cwd and sent relative to the context', async () => {
    const dir = await tree({ 'sub/Dockerfile.dev': DOCKERFILE });
    const r = await runLegacyBuild(daemon, '.', { cwd: dir, dockerfile: 'sub/Dockerfile.dev' });
    expect(r.dockerfileParam).toBe('sub/Dockerfile.dev');
    expect(names(r)).toEqual(['sub/', 'sub/Dockerfile.dev']);
  });

  dockerIt('serves many sequential and concurrent builds from one daemon', async () => {
    const small = await tree({ Dockerfile: DOCKERFILE, 'a.txt': 'hello', d: null });
    const times: number[] = [];
    let first: Buffer | null = null;
    for (let i = 0; i < 15; i++) {
      const r = await runLegacyBuild(daemon, small);
      times.push(r.durationMs);
      first ??= r.tar;
      expect(r.tar?.equals(first!)).toBe(true);
    }
    times.sort((a, b) => a - b);
    console.log(`docker-oracle: median ${times[7]!.toFixed(1)} ms per legacy build (min ${times[0]!.toFixed(1)}, max ${times[14]!.toFixed(1)})`);

    const dirs = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => tree({ Dockerfile: DOCKERFILE, [`only-${n}.txt`]: 'x'.repeat(n) })));
    const results = await Promise.all(dirs.map((d) => runLegacyBuild(daemon, d)));
    results.forEach((r, i) => {
      expect(names(r)).toEqual(['Dockerfile', `only-${i + 1}.txt`]);
      expect(r.entries[1]!.size).toBe(i + 1);
    });
  });
});
