// `ctxlens ls -F`: what each listed entry is, against the legacy Docker CLI's tar (Docker CLI 28 with
// the fake daemon): a FIFO is a FIFO entry there (type flag 6, no content), not a file.
import { dockerCliStatus, type FakeDaemon, runLegacyBuild, startFakeDaemon, type TarEntryType, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

const docker = dockerCliStatus();
const INDICATOR: Readonly<Record<TarEntryType, string>> = { file: '', dir: '/', symlink: '@', hardlink: '', fifo: '|', char: '%', block: '%' };

let dir: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([
    { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
    { file: 'f', content: 'x' },
    { symlink: 'l', target: 'f' },
    { fifo: 'p' },
    { socket: 's' },
    { file: 'd/g', content: 'y' },
  ]);
});
afterAll(() => dir.cleanup());

describe('ctxlens ls -F', () => {
  it('marks symlinks, FIFOs and sockets as ls -F does, per builder', async () => {
    expect((await runCli(['ls', '-F', '--builder', 'legacy', dir.path])).stdout).toBe('Dockerfile\nd/g\nf\nl@\np|\n');
    expect((await runCli(['ls', '--classify', dir.path])).stdout).toBe('Dockerfile\nd/g\nf\nl@\np|\ns=\n');
    // Without -F the names are bare, as `tar t` lists them.
    expect((await runCli(['ls', '--builder', 'legacy', dir.path])).stdout).toBe('Dockerfile\nd/g\nf\nl\np\n');
  });

  it('says fifo in --json', async () => {
    const doc = JSON.parse((await runCli(['ls', '--json', '--builder', 'legacy', dir.path])).stdout) as { files: { path: string; type: string; size: number }[] };
    expect(doc.files.find((f) => f.path === 'p')).toEqual({ path: 'p', type: 'fifo', size: 0 });
  });

  describe.skipIf(!docker.available)(`against the Docker CLI's tar${docker.available ? '' : ` (skipped: ${docker.reason})`}`, () => {
    let daemon: FakeDaemon;
    beforeAll(async () => {
      daemon = await startFakeDaemon();
    });
    afterAll(() => daemon?.close());

    it('lists each non-directory tar entry with the indicator of its tar type', async () => {
      const real = await runLegacyBuild(daemon, dir.path);
      const expected = real.entries
        .filter((e) => e.type !== 'dir')
        .map((e) => `${e.name}${INDICATOR[e.type]}`)
        .sort()
        .join('\n');
      expect(real.entries.find((e) => e.name === 'p')?.type).toBe('fifo');
      expect((await runCli(['ls', '-F', '--builder', 'legacy', dir.path])).stdout).toBe(`${expected}\n`);
    });
  });
});
