// BuildKit's DetectSyntax (frontend/dockerfile/parser/directives.go): whether a Dockerfile asks for
// another frontend. Docker's built-in frontend hands such a Dockerfile to the named frontend image
// (`# syntax=docker/dockerfile:1`), whose rules may differ from the built-in ones this module follows.
// Besides `# syntax=` on the first lines it accepts `//syntax=` and a JSON object, after an
// optional byte-order mark and `#!` line.

/** A frontend a Dockerfile asks for. */
export interface SyntaxDirective {
  /** The frontend reference (the value up to its first space). */
  readonly ref: string;
  /** The whole value. */
  readonly cmdline: string;
  /** 1-based line of the directive. */
  readonly line: number;
}

const VALID = new Set(['syntax', 'escape', 'check']);

/**
 * BuildKit's ParseDirective for `#` or `//` comments: the directives on the first lines, stopping at
 * the first line that is not one.
 * @returns the value of `key` and its line, if present
 */
function fromComments(key: string, lines: readonly string[], prefix: string, firstLine: number): SyntaxDirective | undefined {
  const re = new RegExp(`^${prefix}[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*$`, 's');
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const m = re.exec(line);
    const name = m?.[1]!.toLowerCase();
    if (m === null || name === undefined || !VALID.has(name) || seen.has(name)) return undefined;
    seen.add(name);
    if (name === key) {
      const value = m[2]!;
      const space = value.indexOf(' ');
      return { ref: space < 0 ? value : value.slice(0, space), cmdline: value, line: firstLine + i };
    }
  }
  return undefined;
}

/**
 * Finds the frontend a Dockerfile asks for, as BuildKit's DetectSyntax does.
 * @returns the directive, or undefined when the built-in frontend reads the file
 */
export function detectSyntax(text: string): SyntaxDirective | undefined {
  let dt = text.startsWith('\ufeff') ? text.slice(1) : text;
  let line = 1;
  const firstEnd = dt.indexOf('\n');
  if ((firstEnd < 0 ? dt : dt.slice(0, firstEnd)).startsWith('#!')) {
    dt = firstEnd < 0 ? '' : dt.slice(firstEnd + 1);
    line = 2;
  }
  // bufio.ScanLines: split on \n, drop one trailing \r, no empty last line.
  const lines = dt.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  const found = fromComments('syntax', lines, '#', line) ?? fromComments('syntax', lines, '//', line);
  if (found !== undefined) return found;
  try {
    const parsed: unknown = JSON.parse(dt);
    const value = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>)['syntax'] : undefined;
    if (typeof value === 'string') return { ref: value, cmdline: value, line };
  } catch {
    // Not JSON: no directive in that form.
  }
  return undefined;
}
