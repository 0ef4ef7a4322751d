/** @jsxRuntime automatic */
import type { ScannedTree, SliceScanOptions } from '@ctxlens/core/internal';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Root } from '../src/tui/components/Root.js';

afterEach(() => cleanup());

// Poll for the outcome rather than sleeping a fixed time: on a loaded machine a frame can take
// longer than any fixed pause (this file failed that way), and polling costs nothing when it is fast.
const settle = (assertion: () => void): Promise<void> => vi.waitFor(assertion, { timeout: 5000, interval: 5 });

describe('TUI: loading', () => {
  it('paints progress (entries, bytes seen, time) while the tree is read, and q cancels the scan', async () => {
    let signal: AbortSignal | undefined;
    const loader = vi.fn((_dir: string, options: SliceScanOptions): Promise<ScannedTree> => {
      signal = options.signal;
      options.onProgress?.({ entries: 123_456, bytes: 1_240_000_000, elapsedMs: 1500 });
      return new Promise(() => undefined);
    });
    const onExit = vi.fn();
    const app = render(<Root options={{ dir: 'big', builder: 'buildkit' }} cwd="/" color={false} size={{ columns: 100, rows: 30 }} fixedSize loader={loader} onExit={onExit} />);
    expect(app.lastFrame()).toContain('ctxlens reading big');
    await settle(() => expect(app.lastFrame()).toMatch(/123,456 entries · 1\.24GB seen · \d+\.\ds/));
    app.stdin.write('q');
    await settle(() => expect(onExit).toHaveBeenCalledTimes(1));
    app.unmount();
    expect(signal?.aborted).toBe(true);
  });

  it('hands a loading failure over with the message and exit code', async () => {
    const onFailure = vi.fn();
    const loader = (): Promise<ScannedTree> => Promise.reject(Object.assign(new Error('boom'), { code: 'ENOENT', syscall: 'scandir', path: '/x' }));
    render(<Root options={{ dir: 'x', builder: 'buildkit' }} cwd="/" color={false} size={{ columns: 100, rows: 30 }} fixedSize loader={loader} onFailure={onFailure} />);
    await settle(() => expect(onFailure).toHaveBeenCalledWith({ lines: ['ctxlens: cannot scandir x: ENOENT'], code: 2 }));
  });
});
