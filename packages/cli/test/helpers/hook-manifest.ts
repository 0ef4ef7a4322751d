// Reads .pre-commit-hooks.yaml. No YAML library is a dependency, and the manifest uses a small,
// fixed subset (a list of flat mappings with plain scalars), which this reader accepts and checks.

/** One hook of the manifest. */
export type HookDefinition = Record<string, string | boolean>;

function scalar(raw: string): string | boolean {
  const v = raw.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) return v.slice(1, -1);
  return v;
}

/**
 * Parses the manifest.
 * @returns the hooks, in order
 * @throws on anything outside the supported subset
 */
export function parseHookManifest(text: string): HookDefinition[] {
  const hooks: HookDefinition[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^(- |  )([a-z_]+):\s(.*)$/.exec(line);
    if (!m) throw new Error(`unsupported manifest line: ${line}`);
    if (m[1] === '- ') hooks.push({});
    const hook = hooks[hooks.length - 1];
    if (!hook) throw new Error(`key outside a hook: ${line}`);
    hook[m[2]!] = scalar(m[3]!);
  }
  return hooks;
}

/**
 * Splits an entry like Python's shlex.split, as pre-commit does (plain words and simple quotes).
 * @returns the argv
 */
export function shlexSplit(entry: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(entry); m; m = re.exec(entry)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}
