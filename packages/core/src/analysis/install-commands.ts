// Dependency installs a RUN may hold, and the manifests each one reads: the files to copy before
// it so that its layer is rebuilt only when they change (the course's manifest-first lesson).

/** A dependency install found in a RUN command. */
export interface InstallCommand {
  /** The tool, e.g. `npm`, `pip`, `go`. */
  readonly tool: string;
  /** The shell segment that installs, as written (`npm ci`, `pip install -r requirements.txt`). */
  readonly segment: string;
  /** Manifests to copy first, context-relative to the copied directory (globs allowed, as COPY takes them). */
  readonly manifests: readonly string[];
  /** The install to run before the sources arrive, when it differs from `segment` (`cargo build` needs the sources; `cargo fetch` does not). */
  readonly early?: string;
}

interface InstallRule {
  readonly tool: string;
  readonly test: RegExp;
  readonly manifests: (m: RegExpExecArray) => readonly string[];
  readonly early?: string;
}

/** One row per install the course names. Each test runs on one `&&`/`;`-separated shell segment. */
const INSTALL_RULES: readonly InstallRule[] = [
  { tool: 'npm', test: /^(?:\S+=\S*\s+)*npm\s+(?:ci|install|i)(?:\s+-\S+)*\s*$/, manifests: () => ['package*.json'] },
  { tool: 'yarn', test: /^(?:\S+=\S*\s+)*yarn(?:\s+install)?(?:\s+-\S+)*\s*$/, manifests: () => ['package.json', 'yarn.lock'] },
  { tool: 'pnpm', test: /^(?:\S+=\S*\s+)*pnpm\s+(?:install|i)(?:\s+-\S+)*\s*$/, manifests: () => ['package.json', 'pnpm-lock.yaml'] },
  { tool: 'pip', test: /^(?:\S+=\S*\s+)*(?:python3?\s+-m\s+)?pip3?\s+install\b.*?\s(?:-r\s*|--requirement[=\s])(\S+)/, manifests: (m) => [m[1]!] },
  { tool: 'poetry', test: /^(?:\S+=\S*\s+)*poetry\s+install\b/, manifests: () => ['pyproject.toml', 'poetry.lock'] },
  { tool: 'uv', test: /^(?:\S+=\S*\s+)*uv\s+sync\b/, manifests: () => ['pyproject.toml', 'uv.lock'] },
  { tool: 'go', test: /^(?:\S+=\S*\s+)*go\s+mod\s+download\b/, manifests: () => ['go.mod', 'go.sum'] },
  { tool: 'bundler', test: /^(?:\S+=\S*\s+)*bundle(?:\s+install)?(?:\s+-\S+)*\s*$/, manifests: () => ['Gemfile', 'Gemfile.lock'] },
  { tool: 'composer', test: /^(?:\S+=\S*\s+)*composer\s+install\b/, manifests: () => ['composer.json', 'composer.lock'] },
  { tool: 'cargo', test: /^(?:\S+=\S*\s+)*cargo\s+fetch\b/, manifests: () => ['Cargo.toml', 'Cargo.lock'] },
  { tool: 'cargo', test: /^(?:\S+=\S*\s+)*cargo\s+build\b/, manifests: () => ['Cargo.toml', 'Cargo.lock'], early: 'cargo fetch' },
];

/**
 * Splits a shell command into its `&&`, `||` and `;` segments (quotes respected, no subshells).
 * @returns the trimmed segments, empty ones dropped
 */
export function shellSegments(command: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (quote !== '') {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') cur += command[i++] ?? '';
      cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    const two = command.slice(i, i + 2);
    if (two === '&&' || two === '||' || ch === ';' || ch === '\n') {
      out.push(cur);
      cur = '';
      if (two === '&&' || two === '||') i++;
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.replace(/\\\s*$/, '').trim()).filter((s) => s !== '');
}

/**
 * Finds the first dependency install in a RUN command.
 * @param command the shell command (shell form), or the words of the exec form joined by spaces
 * @returns the install, or undefined when the command installs nothing the course names
 */
export function findInstall(command: string): InstallCommand | undefined {
  for (const segment of shellSegments(command)) {
    const words = segment.replace(/^(?:sudo|exec|time)\s+/, '');
    for (const rule of INSTALL_RULES) {
      const m = rule.test.exec(words);
      if (m === null) continue;
      return { tool: rule.tool, segment, manifests: rule.manifests(m), ...(rule.early === undefined ? {} : { early: rule.early }) };
    }
  }
  return undefined;
}
