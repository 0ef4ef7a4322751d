// A pipelined JSON-lines client for a long-lived child process: requests are written as they come,
// and each response line settles the oldest request still waiting.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Waiter {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** Streams of a child process are sockets; only while a request is in flight do they keep Node alive. */
interface Refable {
  ref?(): void;
  unref?(): void;
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Sends JSON requests to a child, one per line, and resolves their JSON responses in order. */
export class JsonLineClient {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting: Waiter[] = [];
  readonly #exited: Promise<void>;
  #stderr = '';
  #failure: Error | undefined;

  /**
   * Starts `command`; the process stays unreferenced while idle, so a forgotten client does not
   * keep Node running.
   */
  constructor(command: string, args: readonly string[] = []) {
    this.#child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stderr.setEncoding('utf8');
    this.#child.stderr.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-4000);
    });
    createInterface({ input: this.#child.stdout, crlfDelay: Infinity }).on('line', (line) => this.#onLine(line));
    this.#exited = new Promise((resolve) => {
      this.#child.on('error', (error) => {
        this.#fail(new Error(`${command}: ${error.message}`, { cause: error }));
        resolve();
      });
      // 'close' comes after the child's output is fully read, so no response line is lost.
      this.#child.on('close', (code, signal) => {
        this.#fail(new Error(`${command} exited (${signal ?? `code ${code}`})${this.#stderr ? `: ${this.#stderr.trim()}` : ''}`));
        resolve();
      });
    });
    // Swallow EPIPE here; the exit handler reports the failure to every waiter.
    this.#child.stdin.on('error', () => undefined);
    this.#setRef(false);
  }

  /**
   * Sends one request. Strings must be well-formed Unicode: Go would turn a lone surrogate into
   * U+FFFD and answer a different question, so those are refused.
   * @returns the parsed response line
   */
  request(message: unknown): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    let malformed = false;
    const line = JSON.stringify(message, (_key, value: unknown) => {
      if (typeof value === 'string' && LONE_SURROGATE.test(value)) malformed = true;
      return value;
    });
    if (malformed) {
      return Promise.reject(new TypeError('request contains a lone surrogate; Go would see U+FFFD instead'));
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      if (this.#waiting.length === 1) this.#setRef(true);
      this.#child.stdin.write(line + '\n');
    });
  }

  /** Ends the child's input and waits for it to exit; it is killed if it has not done so in 5 s. */
  async close(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#setRef(true);
      this.#child.stdin.end();
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5000);
      await this.#exited;
      clearTimeout(timer);
    }
    await this.#exited;
  }

  #onLine(line: string): void {
    const waiter = this.#waiting.shift();
    if (this.#waiting.length === 0) this.#setRef(false);
    if (!waiter) return;
    try {
      waiter.resolve(JSON.parse(line));
    } catch (error) {
      waiter.reject(new Error(`unparseable response line: ${line.slice(0, 200)}`, { cause: error }));
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#failure);
    this.#setRef(false);
  }

  #setRef(on: boolean): void {
    const handles = [this.#child, this.#child.stdin, this.#child.stdout, this.#child.stderr] as unknown[] as Refable[];
    for (const handle of handles) {
      if (on) handle.ref?.();
      else handle.unref?.();
    }
  }
}
