import { describe, expect, it, vi } from 'vitest';
import { fakeIo } from '../../test/helpers/fake-io.js';

const runTui = vi.fn(async () => 0);
vi.mock('../tui/run-tui.js', () => ({ runTui }));
const { runDefault } = await import('./default.js');

const options = { dir: '/nonexistent-ctxlens-dir', dockerfile: 'Dockerfile.x', builder: 'legacy' as const, ignoreFile: undefined, target: 'app', buildArgs: { V: '1' }, wholeContext: false, quiet: false, json: false, tui: true, top: 10 };

describe('runDefault', () => {
  it('opens the TUI when stdin and stdout are terminals, with the context options', async () => {
    const io = fakeIo({ tty: true });
    expect(await runDefault(options, io)).toBe(0);
    expect(runTui).toHaveBeenCalledWith({ dir: options.dir, dockerfile: 'Dockerfile.x', builder: 'legacy', ignoreFile: undefined, target: 'app', buildArgs: { V: '1' }, wholeContext: false, dockerfileText: undefined }, io);
  });

  it.each([
    { name: 'not a terminal', tty: false, change: {} },
    { name: '--json', tty: true, change: { json: true } },
    { name: '--no-tui', tty: true, change: { tui: false } },
    { name: '-q', tty: true, change: { quiet: true } },
  ])('prints the summary instead when $name', async ({ tty, change }) => {
    runTui.mockClear();
    const io = fakeIo({ tty });
    // The directory does not exist: the summary path reports it (exit 2) without opening the TUI.
    expect(await runDefault({ ...options, ...change }, io)).toBe(2);
    expect(runTui).not.toHaveBeenCalled();
    expect(io.err()).toContain('not found');
  });
});
