// File names that are not UTF-8, against the real Docker CLI (legacy builder, fake daemon). Go keeps
// names as bytes; Node would turn the bad bytes into U+FFFD and then fail to lstat the file. ctxlens
// keeps them escaped (raw-names.ts): the sizes, the tar bytes (PAX records hold the raw bytes), the
// walk order (byte order) and the rules' verdicts (a bad byte is one character to `?`) must all be
// Docker's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeContext, computeContextWithBaseline, measureContext, pathBytes } from '@ctxlens/core';
import { dockerCliStatus, type FakeDaemon, makeTempDir, runLegacyBuild, startFakeDaemon, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const docker = dockerCliStatus();

const raw = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** Entries as raw byte paths relative to the root: [path, content size | symlink target | hardlink target]. */
const TREE: [Buffer, { size: number } | { symlink: Buffer } | { hardlink: Buffer } | { dir: true }][] = [
  [raw('Dockerfile'), { size: 13 }],
  [raw([0xff], '.txt'), { size: 700 }],
  [raw('d', [0xe9], '/a'), { size: 10 }],
  [raw('d', [0xe9], '/', 'x'.repeat(120)), { size: 3 }],
  [raw('caf', [0xc3, 0xa9]), { size: 1 }], // "café", valid UTF-8
  [raw('caf', [0xe9]), { size: 2 }], // the same word in Latin-1: sorts after it, by bytes
  [raw('caf', [0x80]), { size: 4 }], // a lone continuation byte: sorts before both
  [raw('bad', [0xc0, 0xaf]), { size: 5 }], // overlong "/"
  [raw('e', [0xed, 0xa0, 0x80]), { size: 6 }], // an encoded surrogate
  [raw('trunc', [0xe2, 0x82]), { size: 7 }], // a cut-off sequence
  [raw('emoji-😀'), { size: 8 }],
  // 200 bad bytes: its PAX path record fits one block as bytes, but would take two as U+FFFDs.
  [raw('r', new Array<number>(200).fill(0xbf)), { size: 9 }],
  [raw('lnk'), { symlink: raw('t', [0xfe], '/target') }],
  [raw('h', [0xfa]), { hardlink: raw([0xff], '.txt') }],
  [raw('empty', [0xf5]), { dir: true }],
];

async function writeTree(root: string, dockerignore: string | Buffer | null): Promise<void> {
  const rootBytes = Buffer.from(root);
  const at = (rel: Buffer): Buffer => Buffer.concat([rootBytes, Buffer.from('/'), rel]);
  for (const [rel, what] of TREE) {
    const full = at(rel);
    const slash = rel.lastIndexOf(0x2f);
    if (slash > 0) fs.mkdirSync(at(rel.subarray(0, slash)), { recursive: true });
    if ('size' in what) fs.writeFileSync(full, Buffer.alloc(what.size, 0x61));
    else if ('symlink' in what) fs.symlinkSync(what.symlink, full);
    else if ('hardlink' in what) fs.linkSync(at(what.hardlink), full);
    else fs.mkdirSync(full, { recursive: true });
  }
  if (dockerignore !== null) fs.writeFileSync(path.join(root, '.dockerignore'), dockerignore);
}

// What a lossy UTF-8 decode of the raw names gives: the same on both sides if the bytes agree.
const lossy = (p: string): string => pathBytes(p).toString('utf8');

describe.skipIf(!docker.available)(`names that are not UTF-8, vs the Docker CLI${docker.available ? '' : ` (skipped: ${docker.reason})`}`, () => {
  let daemon: FakeDaemon;
  let tmp: TempDir;
  beforeAll(async () => {
    daemon = await startFakeDaemon();
    tmp = await makeTempDir('ctxlens-raw-');
  });
  afterAll(async () => {
    await daemon.close();
    await tmp.cleanup();
  });

  it.each([
    ['no .dockerignore', null],
    // `d?` matches the directory whose name is "d" and one bad byte; `caf?` matches all three cafés
    // (é is one character, and so is each bad byte); `!caf\u00e9` brings back only the UTF-8 one.
    ['rules that reach raw names', 'd?\n!d?/a\ncaf?\n!café\ntrunc*\n'],
    // Rules that are not UTF-8 themselves. Plain paths, `x**` and `**x` compare bytes: caf 0xe9 is
    // only itself, `**` 0xa9 takes "café" (whose é ends in 0xa9), `**` 0xaf the overlong slash.
    ['rules with bad bytes: exact, prefix and suffix compare bytes', raw('caf', [0xe9], '\nr', [0xbf], '**\n**', [0xaf], '\n**', [0xa9], '\nd', [0xe9], '/a\nh', [0xfa], '\n')],
    // With a wildcard the rule is a regexp: each bad byte, in the rule or the name, is one U+FFFD.
    ['rules with bad bytes: wildcards read them as U+FFFD', raw('caf', [0x80], '*\n', [0xff], '.tx?\ne', [0xed], '*\nempty[^a]\n')],
  ])('%s: the same entries, order, sizes and tar bytes as Docker', async (label, dockerignore) => {
    const root = path.join(tmp.path, label.replace(/\W+/g, '-'));
    fs.mkdirSync(root);
    await writeTree(root, dockerignore);
    const real = await runLegacyBuild(daemon, root);
    expect(real.error).toBeNull();
    const ctx = await computeContext(root, { builder: 'legacy' });
    const ours = ctx.entries();
    expect(ours.map((e) => lossy(e.kind === 'dir' ? `${e.path}/` : e.path))).toEqual(real.entries.map((e) => e.name));
    // A later name of a hardlinked file carries no content in the tar.
    expect(ours.map((e) => (e.hardlinkOf === undefined ? e.size : 0))).toEqual(real.entries.map((e) => e.size));
    expect(ours.map((e) => lossy(e.hardlinkOf ?? e.linkTarget ?? ''))).toEqual(real.entries.map((e) => e.linkname));
    expect(ctx.sizes.tarBytes).toBe(real.tarBytes);
    expect(ctx.sizes.dockerSize).toBe(real.printedSize);
    // The other ways of reading the tree agree: the full inventory and the threaded tally.
    const { unfiltered } = await computeContextWithBaseline(root, { builder: 'legacy' });
    const measured = await measureContext(root, { builder: 'legacy' }, { threads: 2, minEntries: 2 });
    expect(measured.context.sizes).toEqual(ctx.sizes);
    // Tallies cannot give BuildKit's transfer figure (it needs every entry's send position).
    expect(measured.unfilteredSizes).toEqual({ ...unfiltered.sizes, transferBytes: undefined, transferSize: undefined });
    if (dockerignore === null) expect(unfiltered.sizes.tarBytes).toBe(real.tarBytes);
  });

  it('lists the names as bytes, in byte order', async () => {
    const root = path.join(tmp.path, 'no-dockerignore');
    const ctx = await computeContext(root, { builder: 'legacy' });
    const listed = ctx.filePaths().map((p) => pathBytes(p));
    const sorted = [...listed].sort(Buffer.compare);
    expect(listed).toEqual(sorted);
    expect(listed.map((b) => b.toString('latin1'))).toContain(raw('caf', [0xe9]).toString('latin1'));
    for (const p of listed) expect(fs.lstatSync(Buffer.concat([Buffer.from(`${root}/`), p]))).toBeTruthy();
  });
});
