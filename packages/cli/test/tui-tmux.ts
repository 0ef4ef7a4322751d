// Drives a program in a real terminal: tmux gives it a pty of a chosen size; we type keys and
// read the screen back. Used by the TUI end-to-end test (and reusable for the seed scenario).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Whether tmux can be used here. */
export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A tmux session running one command. */
export class TmuxSession {
  readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /**
   * Starts `command` (a shell command line) in a detached session of the given size.
   * @returns the session
   */
  static start(command: string, options: { columns: number; rows: number; cwd: string; env?: Record<string, string | undefined> }): TmuxSession {
    const name = `ctxlens-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    // Ink renders only the last frame when it thinks it runs in CI; a terminal session is not CI.
    const env = { ...process.env, ...options.env, CI: undefined, CONTINUOUS_INTEGRATION: undefined, TERM: 'xterm-256color' };
    // A server of its own (-L): a session started on a shared server gets that server's
    // environment, not this one, so DOCKER_BUILDKIT or NO_COLOR set here would be lost.
    execFileSync('tmux', ['-L', name, 'new-session', '-d', '-s', name, '-x', String(options.columns), '-y', String(options.rows), '-c', options.cwd, command], { env: env as NodeJS.ProcessEnv });
    return new TmuxSession(name);
  }

  /** The screen as text (`escapes`: with colour and style codes). */
  capture(escapes = false): string {
    return execFileSync('tmux', ['-L', this.name, 'capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name], { encoding: 'utf8' });
  }

  /** Sends keys, in tmux's key names (`Tab`, `Space`, `Enter`, `Escape`) or literally with `literal`. */
  send(keys: string, literal = false): void {
    execFileSync('tmux', ['-L', this.name, 'send-keys', '-t', this.name, ...(literal ? ['-l'] : []), keys]);
  }

  /** Sends several keys in one send-keys call: tmux writes them together, so the program reads them in one chunk. */
  sendTogether(keys: readonly string[]): void {
    execFileSync('tmux', ['-L', this.name, 'send-keys', '-t', this.name, ...keys]);
  }

  /** Sends keys one at a time with a pause, as a person types. */
  async type(keys: readonly string[], pauseMs = 60): Promise<void> {
    for (const key of keys) {
      this.send(key);
      await sleep(pauseMs);
    }
  }

  /**
   * Waits until the screen matches.
   * @returns the screen
   * @throws when it does not within `timeoutMs`, with the last screen
   */
  async waitFor(until: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (typeof until === 'string' ? screen.includes(until) : until instanceof RegExp ? until.test(screen) : until(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(until)}; screen:\n${screen}`);
      await sleep(40);
    }
  }

  /**
   * Sends a signal from outside, as `kill -INT <pid>` does, to the program the pane runs: the
   * newest process at the bottom of the pane's process tree (the shell, npx and tsx sit above it).
   * @returns the pid signalled
   * @throws when the pane runs no process below its shell
   */
  signal(signal: NodeJS.Signals): number {
    const panePid = Number(execFileSync('tmux', ['-L', this.name, 'display-message', '-p', '-t', this.name, '#{pane_pid}'], { encoding: 'utf8' }).trim());
    const children = new Map<number, number[]>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    }
    let pid = panePid;
    for (let below = children.get(pid); below !== undefined && below.length > 0; below = children.get(pid)) pid = Math.max(...below);
    if (pid === panePid) throw new Error(`tmux pane ${this.name}: no process runs below its shell (pid ${panePid})`);
    process.kill(pid, signal);
    return pid;
  }

  /** Changes the terminal's size, as a user resizing the window. */
  resize(columns: number, rows: number): void {
    execFileSync('tmux', ['-L', this.name, 'resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows)]);
  }

  /** Ends the session (and the program in it). */
  kill(): void {
    spawnSync('tmux', ['-L', this.name, 'kill-server'], { stdio: 'ignore' });
  }
}
