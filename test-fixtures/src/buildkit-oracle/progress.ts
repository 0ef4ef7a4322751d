// Reads what `docker buildx build --progress=rawjson` writes to stderr: one JSON SolveStatus per
// line (vertexes, statuses, logs), and, when the build fails, the plain-text error report.

/** The name BuildKit gives the step that receives the build context. */
export const LOAD_CONTEXT_STEP = '[internal] load build context';
const TRANSFER_STATUS = 'transferring context:';

/** What a rawjson progress stream tells about one build. */
export interface ProgressSummary {
  /** Whether a `[internal] load build context` step ran (a Dockerfile that uses no context has none). */
  readonly loadedContext: boolean;
  /** The last `transferring context:` count of that step: bytes on the wire, exact (`null` without the step). */
  readonly transferredBytes: number | null;
  /** Names of all steps, in the order they first appeared. */
  readonly steps: readonly string[];
  /** The error a step reported, e.g. the load step's (`null` when none did). */
  readonly stepError: string | null;
  /** The load step's own error, e.g. `error from sender: open /ctx/x/d: permission denied` (`null` when it succeeded or did not run). */
  readonly loadError: string | null;
  /** Lines that were not JSON: the error report of a failed build. */
  readonly text: string;
}

interface Vertex {
  readonly digest?: string;
  readonly name?: string;
  readonly error?: string;
}

interface Status {
  readonly id?: string;
  readonly vertex?: string;
  readonly current?: number;
}

interface SolveStatus {
  readonly vertexes?: readonly Vertex[];
  readonly statuses?: readonly Status[];
}

/**
 * Parses a rawjson progress stream.
 * @returns the load step's transfer count, the steps, and the non-JSON text
 */
export function parseRawjsonProgress(stderr: string): ProgressSummary {
  const names = new Map<string, string>();
  const steps: string[] = [];
  const transferred = new Map<string, number>();
  const text: string[] = [];
  let stepError: string | null = null;
  const errors = new Map<string, string>();
  for (const line of stderr.split('\n')) {
    const event = line.startsWith('{') ? parseLine(line) : null;
    if (!event) {
      if (line.trim() !== '') text.push(line);
      continue;
    }
    for (const vertex of event.vertexes ?? []) {
      if (vertex.digest && vertex.name && !names.has(vertex.digest)) {
        names.set(vertex.digest, vertex.name);
        steps.push(vertex.name);
      }
      if (vertex.error) {
        stepError = vertex.error;
        if (vertex.digest) errors.set(vertex.digest, vertex.error);
      }
    }
    for (const status of event.statuses ?? []) {
      // The count is cumulative, so the largest is the last.
      if (status.id === TRANSFER_STATUS && status.vertex && typeof status.current === 'number') {
        transferred.set(status.vertex, Math.max(transferred.get(status.vertex) ?? 0, status.current));
      }
    }
  }
  const loadDigest = [...names].find(([, name]) => name === LOAD_CONTEXT_STEP)?.[0];
  return {
    loadedContext: loadDigest !== undefined,
    transferredBytes: loadDigest === undefined ? null : (transferred.get(loadDigest) ?? 0),
    steps,
    stepError,
    loadError: loadDigest === undefined ? null : (errors.get(loadDigest) ?? null),
    text: text.join('\n'),
  };
}

function parseLine(line: string): SolveStatus | null {
  try {
    return JSON.parse(line) as SolveStatus;
  } catch {
    return null;
  }
}

/**
 * Picks buildx's one-line error out of its failure report (`ERROR: failed to build: failed to solve: …`).
 * @returns the line without its `ERROR: ` prefix, or the report's last line when there is no such line
 */
export function buildxErrorLine(text: string, exitCode: number): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const marked = lines.filter((line) => line.startsWith('ERROR: ')).pop();
  if (marked) return marked.slice('ERROR: '.length);
  return lines.pop() ?? `docker buildx build exited with code ${exitCode}`;
}
