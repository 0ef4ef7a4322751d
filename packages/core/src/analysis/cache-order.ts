// The course's cache lesson: a broad COPY (`COPY . .`, `COPY src ./src`) before a dependency install
// in the same stage makes every change to those files rerun the install. Copy the manifests, install,
// then copy the rest: the install layer is then rebuilt only when a manifest changes.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { receivedTree } from '../context/missing-sources.js';
import type { CopyInstruction, InstructionSource } from '../dockerfile/instructions.js';
import type { StageCopy } from '../dockerfile/requests.js';
import { goClean } from '../ignorefile/go-strings.js';
import { goFilepathMatch } from '../patterns/go-match-syntax.js';
import { EntryState } from '../walk/walk-result.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { findInstall, type InstallCommand, shellSegments } from './install-commands.js';
import type { LintFinding } from './lint-types.js';
import type { FileTotals } from './usage.js';

/** A broad COPY before a dependency install. */
export interface CacheOrderFinding {
  readonly code: 'cache-order';
  readonly severity: 'warning';
  /** The Dockerfile, as the stage graph names it. */
  readonly file: string;
  /** The first broad COPY before the install. */
  readonly copy: InstructionSource;
  /** The RUN that installs. */
  readonly install: InstructionSource;
  /** The install found in it. */
  readonly command: InstallCommand;
  readonly stage: string;
  /** Files and bytes the stage copies from the context before the install: a change to any reruns it. */
  readonly rebuiltBy: FileTotals;
  /** The same, once the manifests come first: the manifests alone. */
  readonly rebuiltByAfterFix: FileTotals;
  /** The manifest-first lines that replace the broad COPY (the install RUN then goes). */
  readonly replacement: readonly string[];
  readonly message: string;
  readonly fix: string;
}

/**
 * Finds broad COPYs that come before a dependency install in the same stage, in the stages the
 * target needs. Needs a BuildKit context whose Dockerfile was read; otherwise there is nothing to find.
 * @returns one finding per install, in file order
 */
export function cacheOrderFindings(ctx: BuildContext): CacheOrderFinding[] {
  checkContextArgument(ctx, 'ctx');
  const requests = ctx.plan?.requests;
  if (requests === undefined) return [];
  const inv = ctx.inventory;
  const tree = receivedTree(inv, ctx.walk);
  const sent = (i: number): boolean => i === 0 || ctx.walk.state[i] === EntryState.Included;
  /** Inventory roots a context source takes ('' is the whole context). */
  const roots = (source: string): number[] => {
    const path = goClean('./' + goClean('/' + source));
    const matches = path === '.' ? [''] : /[*?[]/.test(path) ? tree.globMatches(path) : [path];
    return matches.map((m) => tree.resolve(m)).flatMap((r) => (r === undefined ? [] : [r === '' ? 0 : inv.indexOf(r, false)])).filter((i) => i >= 0);
  };
  const totals = (rootSet: ReadonlySet<number>): FileTotals => {
    const covered = new Uint8Array(inv.count);
    let files = 0;
    let bytes = 0;
    for (let i = 0; i < inv.count; i++) {
      if (!sent(i)) continue;
      covered[i] = rootSet.has(i) || (i > 0 && covered[inv.parent[i]!] === 1) ? 1 : 0;
      if (covered[i] === 1 && inv.kind(i) === 'file') {
        files++;
        bytes += inv.sizes[i]!;
      }
    }
    return { files, bytes };
  };

  const findings: CacheOrderFinding[] = [];
  for (const stage of requests.graph.stages) {
    if (!stage.reachable) continue;
    const copies = requests.copies.filter((c) => c.stage === stage.index && !c.onbuild && c.origin.kind === 'context');
    const before: { cmd: CopyInstruction; copy: StageCopy; broad: boolean; roots: number[] }[] = [];
    for (const cmd of stage.commands) {
      if (cmd.kind === 'copy' || cmd.kind === 'add') {
        const copy = copies.find((c) => c.instruction.line === cmd.line);
        if (copy === undefined) continue;
        const taken = copy.sources.flatMap(roots);
        const broad = copy.sources.some((s) => !/[*?[]/.test(s) && roots(s).some((i) => i === 0 || inv.isDir(i)));
        before.push({ cmd, copy, broad, roots: taken });
        continue;
      }
      if (cmd.kind !== 'run') continue;
      const broad = before.find((b) => b.broad);
      if (broad === undefined) continue;
      const command = findInstall(cmd.command.join(' '));
      if (command === undefined) continue;
      const rebuiltBy = totals(new Set(before.flatMap((b) => b.roots)));
      const runCommand = cmd.command.join(' ');
      const manifests = manifestsIn(ctx, broad.copy, command, roots);
      // The manifests arrived by an earlier, narrower COPY: the broad one only has to move below the install.
      const earlier = before.filter((b) => !b.broad);
      const arrived = manifests === undefined && earlier.some((b) => b.roots.some((i) => i > 0 && command.manifests.some((m) => goFilepathMatch(m.slice(m.lastIndexOf('/') + 1), inv.name(i)) === true)));
      const rebuiltByAfterFix = totals(new Set(arrived ? earlier.flatMap((b) => b.roots) : (manifests ?? []).flatMap((m) => roots(m))));
      const replacement = arrived ? moveBelow(broad.cmd, command, runCommand) : manifestFirst(broad.cmd, manifests ?? command.manifests, command, runCommand);
      findings.push({
        code: 'cache-order',
        severity: 'warning',
        file: requests.graph.file,
        copy: broad.copy.instruction,
        install: { line: cmd.line, endLine: cmd.endLine, text: cmd.text },
        command,
        stage: stage.name,
        rebuiltBy,
        rebuiltByAfterFix,
        replacement,
        message: `\`${broad.copy.instruction.text}\` comes before \`${command.segment}\` (line ${cmd.line}): a change to any of the files it copies reruns the install.`,
        fix: `Copy the manifests first, install, then copy the rest: ${replacement.map((l) => `\`${l}\``).join(', ')}.`,
      });
      // One finding per stage: the lines proposed already move every later install.
      break;
    }
  }
  return findings;
}

/** The manifests to copy first, as COPY sources: those that exist under the broad COPY's directory, or undefined when none does. */
function manifestsIn(ctx: BuildContext, copy: StageCopy, command: InstallCommand, roots: (source: string) => number[]): string[] | undefined {
  const inv = ctx.inventory;
  const dir = copy.sources.map((s) => goClean('./' + goClean('/' + s))).find((s) => {
    const r = roots(s);
    return r.some((i) => i === 0 || inv.isDir(i));
  })!;
  const prefix = dir === '.' ? '' : dir + '/';
  const present = command.manifests.filter((m) => {
    const parts = (prefix + m).split('/');
    const name = parts.pop()!;
    const parent = parts.length === 0 ? 0 : inv.indexOf(parts.join('/'), false);
    if (parent < 0 || !inv.isDir(parent) || !inv.isScanned(parent)) return false;
    const [start, n] = inv.children(parent);
    for (let c = start; c < start + n; c++) if (goFilepathMatch(name, inv.name(c)) === true) return true;
    return false;
  });
  return present.length > 0 ? present.map((m) => prefix + m) : undefined;
}

/** `COPY <manifests> <dest>/`, the install, `COPY` as written, then what else the RUN did. */
function manifestFirst(copy: CopyInstruction, manifests: readonly string[], command: InstallCommand, runCommand: string): string[] {
  const dest = copy.dest === '.' ? './' : copy.dest.endsWith('/') ? copy.dest : `${copy.dest}/`;
  const chown = copy.chown === '' ? '' : `--chown=${copy.chown} `;
  return [`COPY ${chown}${manifests.join(' ')} ${dest}`, ...moveBelow(copy, command, runCommand)];
}

/** The install, the broad COPY as written, then what else the RUN did. */
function moveBelow(copy: CopyInstruction, command: InstallCommand, runCommand: string): string[] {
  // `cd dir && npm ci`: the install keeps the directory it ran in.
  const segments = shellSegments(runCommand);
  const cds = segments.slice(0, segments.indexOf(command.segment)).filter((seg) => /^cd\s/.test(seg));
  const lines = [`RUN ${[...cds, command.early ?? command.segment].join(' && ')}`, copy.text];
  const rest = command.early === undefined ? runCommand.replace(command.segment, '').replace(/^\s*(?:&&|;)\s*/, '').replace(/\s*(?:&&|;)\s*$/, '').replace(/\s*(?:&&|;)\s*(?:&&|;)\s*/, ' && ').trim() : runCommand;
  if (rest !== '' && !shellSegments(rest).every((seg) => /^cd\s/.test(seg))) lines.push(`RUN ${rest}`);
  return lines;
}

/**
 * The cache-order findings as lint findings on the Dockerfile (`Dockerfile:line` of the broad COPY).
 * @returns lint findings, in file order
 */
export function lintCacheOrder(ctx: BuildContext): LintFinding[] {
  const files = (t: FileTotals): string => `${t.files} file${t.files === 1 ? '' : 's'} (${formatDockerSize(t.bytes)})`;
  return cacheOrderFindings(ctx).map((f) => ({
    code: f.code,
    severity: f.severity,
    file: ctx.inputs.dockerfile,
    line: f.copy.line,
    text: f.copy.text,
    message: f.message,
    detail: `${files(f.rebuiltBy)} rerun the install in stage ${f.stage} when they change; manifest first: ${files(f.rebuiltByAfterFix)}.`,
    fix: `Replace lines ${f.copy.line} and ${f.install.line} with ${f.replacement.map((l) => `\`${l}\``).join(', ')}.`,
    replacement: f.replacement,
  }));
}
