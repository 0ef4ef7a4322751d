// Time from launching `ctxlens` in a real terminal (tmux) to its first screen, on a big tree.
import { spawnSync } from 'node:child_process';

/**
 * Starts the CLI in a detached tmux session and polls the pane until something is drawn.
 * @returns milliseconds to the first non-empty screen, or undefined when tmux is missing
 */
export function measureFirstPaint(cli: string, dir: string): number | undefined {
  if (spawnSync('tmux', ['-V']).status !== 0) return undefined;
  const session = `ctxlens-bench-${process.pid}`;
  spawnSync('tmux', ['kill-session', '-t', session]);
  const started = performance.now();
  spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', dir, `${process.execPath} ${cli}`]);
  try {
    for (;;) {
      const pane = spawnSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' }).stdout;
      if (/\S/.test(pane)) return performance.now() - started;
      if (performance.now() - started > 10_000) return Number.POSITIVE_INFINITY;
    }
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session]);
  }
}
