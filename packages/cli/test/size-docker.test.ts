// `ctxlens size` on the course's seed scenario against the real Docker CLI (legacy builder, fake
// daemon), with and without the .dockerignore, to the byte. The CLI reads this 23,000-entry tree on
// one thread; measureContext is also forced onto two threads, where the directories the rules
// prune (node_modules, .git, coverage) are only tallied, in pieces.
import { dockerCliStatus, type FakeDaemon, generateSeedScenario, makeTempDir, runLegacyBuild, startFakeDaemon, type TempDir } from '@ctxlens/test-fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureContext } from '@ctxlens/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';

const docker = dockerCliStatus();

interface SizeDoc {
  readonly tarBytes: number;
  readonly dockerSize: string;
  readonly entries: number;
  readonly withoutIgnoreFile: { readonly tarBytes: number; readonly dockerSize: string; readonly entries: number };
}

describe.skipIf(!docker.available)(`ctxlens size on the seed scenario vs the Docker CLI${docker.available ? '' : ` (skipped: ${docker.reason})`}`, () => {
  let tmp: TempDir;
  let daemon: FakeDaemon;
  beforeAll(async () => {
    ensureBuilt();
    tmp = await makeTempDir('ctxlens-size-seed-');
    await generateSeedScenario(tmp.path);
    daemon = await startFakeDaemon();
  }, 120_000);
  afterAll(async () => {
    await daemon?.close();
    await tmp?.cleanup();
  });

  // Run from inside the project, as users do: the scan then hands the file system paths relative
  // to the working directory (the threaded measureContext below runs from elsewhere: absolute).
  const size = async (): Promise<SizeDoc> => {
    const r = await runCli(['size', '--builder', 'legacy', '--json'], { cwd: tmp.path });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as SizeDoc;
  };

  it('gives the exact upload with the .dockerignore, and without it', async () => {
    const measured = await size();
    const withIgnore = await runLegacyBuild(daemon, tmp.path, { timeoutMs: 300_000 });
    expect(withIgnore.error).toBeNull();
    expect(measured.tarBytes).toBe(withIgnore.tarBytes);
    expect(measured.dockerSize).toBe(withIgnore.printedSize);
    expect(measured.entries).toBe(withIgnore.entries.length);
    const threaded = await measureContext(tmp.path, { builder: 'legacy' }, { threads: 2, minEntries: 2 });
    expect(threaded.context.inventory.isScanned(threaded.context.inventory.indexOf('node_modules', false))).toBe(false);
    expect(threaded.context.sizes.tarBytes).toBe(withIgnore.tarBytes);
    expect(threaded.unfilteredSizes.tarBytes).toBe(measured.withoutIgnoreFile.tarBytes);

    // Docker without the file: ctxlens's "without" figure still counts the file itself, one entry more.
    const ignore = path.join(tmp.path, '.dockerignore');
    const ignoreEntryBytes = 512 + Math.ceil(fs.statSync(ignore).size / 512) * 512;
    fs.rmSync(ignore);
    const without = await runLegacyBuild(daemon, tmp.path, { timeoutMs: 300_000 });
    expect(without.error).toBeNull();
    expect(measured.withoutIgnoreFile.tarBytes).toBe(without.tarBytes! + ignoreEntryBytes);
    expect(measured.withoutIgnoreFile.entries).toBe(without.entries.length + 1);
    const bare = await size();
    expect(bare.tarBytes).toBe(without.tarBytes);
    expect(bare.dockerSize).toBe(without.printedSize);
    expect(bare.withoutIgnoreFile.tarBytes).toBe(without.tarBytes);
    const bareThreaded = await measureContext(tmp.path, { builder: 'legacy' }, { threads: 2, minEntries: 2 });
    expect(bareThreaded.unfilteredSizes.tarBytes).toBe(without.tarBytes);
    expect(bareThreaded.context.sizes.tarBytes).toBe(without.tarBytes);
    console.log(`size vs docker on the seed scenario: ${withIgnore.entries.length} and ${without.entries.length} entries, ${withIgnore.tarBytes} and ${without.tarBytes} bytes: equal`);
  }, 300_000);
});
