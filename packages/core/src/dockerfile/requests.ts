// What BuildKit asks the client to send: it dispatches the stages the target reaches, in file
// order, expanding COPY/ADD sources and mount values with each stage's ARG/ENV variables, and
// collects the context paths they read (dockerfile2llb's ctxPaths):
// - COPY without --from: each source;
// - ADD: each source that does not start with http:// or https:// (git@… sources too: BuildKit
//   still lists them, although the git source never reads the context);
// - RUN --mount without from=, of type bind or tmpfs (cache mounts default to an empty scratch,
//   secret and ssh mounts read no files): the `source`, or the root when it has none.
// A path that cleans to `/` means the whole context; otherwise the client is asked for exactly
// these paths (FollowPaths), globs included. Heredoc sources and --from sources read nothing.
// Globs are not resolved here: matching them against the tree is the walk's job.

import { DockerfileError } from '../errors.js';
import { goClean } from '../ignorefile/go-strings.js';
import { sortByteOrder } from '../inventory/sort-names.js';
import { goJoin, goQuote } from './go-text.js';
import type { Instruction, InstructionSource } from './instructions.js';
import { parseMount } from './mounts.js';
import { buildStageGraph, expandAt, expandRaw, type BuildOptions, type Dockerfile, type StageGraph } from './stages.js';

/** How an instruction reads the context. */
export type RequestKind = 'copy' | 'add' | 'add-git' | 'bind-mount' | 'tmpfs-mount';

/** One context path an instruction of a needed stage reads. */
export interface ContextRequest {
  /** The path BuildKit asks for, relative to the context root (`.` for the whole context), globs kept. */
  readonly path: string;
  /** The source after variable expansion, as BuildKit uses it. */
  readonly source: string;
  /** The source as written in the Dockerfile. */
  readonly written: string;
  readonly kind: RequestKind;
  /** True when the path is the context root: the whole (filtered) context is sent. */
  readonly wholeContext: boolean;
  /** Index of the stage whose instruction reads it. */
  readonly stage: number;
  /** The instruction, e.g. `{ line: 12, text: 'COPY src ./src' }`. */
  readonly instruction: InstructionSource;
  /** True when the instruction is an ONBUILD trigger inherited from the stage's base. */
  readonly onbuild: boolean;
}

/** Where a COPY or ADD of a needed stage takes its files from. */
export type CopyOrigin = { readonly kind: 'context' } | { readonly kind: 'stage'; readonly index: number } | { readonly kind: 'image'; readonly name: string };

/** One COPY or ADD of a needed stage, expanded: what it takes, from where, and where it puts it. */
export interface StageCopy {
  /** Index of the stage that runs it. */
  readonly stage: number;
  readonly origin: CopyOrigin;
  /** The sources after expansion (URLs and git remotes of ADD left out; heredocs are not sources). */
  readonly sources: readonly string[];
  /** The destination after expansion, absolute (a relative one joined to WORKDIR), cleaned. */
  readonly dest: string;
  /** True when the destination is a directory: it ends with `/`, or there are several sources. */
  readonly destIsDir: boolean;
  /** `--exclude` patterns, matched inside each source. */
  readonly excludes: readonly string[];
  readonly instruction: InstructionSource;
  readonly onbuild: boolean;
}

/** The context a build of one target reads. */
export interface ContextRequests {
  readonly graph: StageGraph;
  /** Every read, in dispatch order. */
  readonly requests: readonly ContextRequest[];
  /** Every COPY and ADD of the needed stages, in dispatch order (with --from or not). */
  readonly copies: readonly StageCopy[];
  /** False when no needed instruction reads the context: BuildKit sends nothing at all. */
  readonly usesContext: boolean;
  /** True when some read is the context root: the whole filtered context is sent. */
  readonly wholeContext: boolean;
  /** The paths BuildKit asks the client for (sorted, distinct), or undefined when it asks for everything or nothing. */
  readonly followPaths: readonly string[] | undefined;
}

/** A linux image's PATH, which BuildKit sets when the base image has none. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface StageState {
  env: Map<string, string>;
  workdir: string;
}

/**
 * Works out which context paths a build of the target reads, as BuildKit's Dockerfile frontend does.
 * Base images are not pulled: their ENV (other than PATH) and WORKDIR are taken as unset and `/`.
 * @returns the stage graph, the reads and the FollowPaths BuildKit would send
 * @throws DockerfileError with BuildKit's message for what fails while dispatching the needed stages
 *   (a bad variable expansion, an unsupported mount, COPY --from a later stage…)
 */
export function requestedPaths(dockerfile: Dockerfile, options: BuildOptions = {}): ContextRequests {
  const graph = buildStageGraph(dockerfile, options);
  const requests: ContextRequest[] = [];
  const copies: StageCopy[] = [];
  const states = new Map<number, StageState>();
  for (const stage of graph.stages) {
    if (!stage.reachable) continue;
    const base = stage.baseStage === undefined ? undefined : states.get(stage.baseStage);
    const state: StageState = base === undefined ? { env: new Map([['PATH', DEFAULT_PATH]]), workdir: '/' } : { env: new Map(base.env), workdir: base.workdir };
    const run = (cmd: Instruction, onbuild: boolean): void => dispatch(graph, stage.index, stage.name, cmd, state, onbuild, requests, copies);
    for (const cmd of graph.triggers.get(stage.index) ?? []) run(cmd, true);
    for (const cmd of stage.commands) run(cmd, false);
    states.set(stage.index, state);
  }
  const paths = new Set(requests.map((r) => r.path));
  const wholeContext = requests.some((r) => r.wholeContext);
  return {
    graph,
    requests,
    copies,
    usesContext: requests.length > 0,
    wholeContext,
    followPaths: wholeContext || paths.size === 0 ? undefined : sortByteOrder([...paths]),
  };
}

function dispatch(graph: StageGraph, stageIndex: number, stageName: string, cmd: Instruction, state: StageState, onbuild: boolean, out: ContextRequest[], copies: StageCopy[]): void {
  const file = graph.file;
  const expand = (word: string): string => expandAt(word, state.env, graph.escapeToken, file, cmd);
  const request = (written: string, source: string, kind: RequestKind): void => {
    const rooted = goJoin('/', source);
    const path = goClean('.' + rooted);
    out.push({ path, source, written, kind, wholeContext: rooted === '/', stage: stageIndex, instruction: { line: cmd.line, endLine: cmd.endLine, text: cmd.text }, onbuild });
  };
  switch (cmd.kind) {
    case 'arg':
      for (const arg of cmd.args) {
        let value: string | undefined;
        if (graph.buildArgs.has(arg.key)) value = graph.buildArgs.get(arg.key);
        else if (arg.value !== undefined) value = expand(arg.value);
        else value = graph.globalArgs.get(arg.key);
        if (value !== undefined) state.env.set(arg.key, value);
      }
      return;
    case 'env': {
      // All pairs are expanded before any is set: `ENV A=1 B=$A` reads the previous A.
      const pairs = cmd.pairs.map((p) => [expand(p.key), expand(p.value)] as const);
      for (const [k, v] of pairs) state.env.set(k, v);
      return;
    }
    case 'workdir': {
      const path = expand(cmd.path);
      state.workdir = path.startsWith('/') ? goClean(path) : goJoin('/', state.workdir, path);
      return;
    }
    case 'copy':
    case 'add': {
      expand(cmd.chown);
      if (cmd.kind === 'add') expand(cmd.checksum);
      const sources = cmd.sources.map((s) => [s, expand(s)] as const);
      const dest = expand(cmd.dest);
      const copy = (origin: CopyOrigin, from: readonly string[]): void => {
        copies.push({
          stage: stageIndex,
          origin,
          sources: from,
          dest: dest.startsWith('/') ? goClean(dest) : goJoin('/', state.workdir, dest),
          destIsDir: dest.endsWith('/') || cmd.sources.length + cmd.inlineSources.length > 1,
          excludes: cmd.excludes,
          instruction: { line: cmd.line, endLine: cmd.endLine, text: cmd.text },
          onbuild,
        });
      };
      // Heredoc bodies with an unquoted delimiter are expanded too (a bad variable fails the build),
      // by a lexer that leaves quotes alone and always escapes with `\` (ExpandRaw).
      for (const inline of cmd.inlineSources) if (inline.expand) expandRaw(inline.content, state.env, file, cmd);
      if (cmd.kind === 'copy' && cmd.from !== '') {
        const from = graph.stages.find((s) => s.named && s.name === cmd.from.toLowerCase());
        const index = /^[+-]?\d+$/.test(cmd.from) ? Number(cmd.from) : from?.index;
        if (index !== undefined && index < graph.stages.length && index >= stageIndex) {
          throw new DockerfileError(
            `cannot copy from stage ${goQuote(cmd.from)}, it needs to be defined before current stage ${goQuote(stageName)}`,
            file,
            cmd.line,
            'Move the stage you copy from above this one.',
            cmd.endLine,
          );
        }
        copy(index !== undefined && index < graph.stages.length ? { kind: 'stage', index } : { kind: 'image', name: cmd.from }, sources.map(([, s]) => s));
        return;
      }
      copy({ kind: 'context' }, sources.filter(([, s]) => !(cmd.kind === 'add' && (/^https?:\/\//.test(s) || isGitSource(s)))).map(([, s]) => s));
      for (const [written, source] of sources) {
        if (cmd.kind === 'add' && (source.startsWith('http://') || source.startsWith('https://'))) continue;
        request(written, source, cmd.kind === 'add' && isGitSource(source) ? 'add-git' : cmd.kind);
      }
      return;
    }
    case 'run':
      for (const raw of cmd.mounts) {
        let mount;
        try {
          mount = parseMount(raw.value, expand);
        } catch (error) {
          if (error instanceof DockerfileError || !(error instanceof Error)) throw error;
          throw new DockerfileError(error.message, file, cmd.line, undefined, cmd.endLine);
        }
        if (mount.type === 'secret' || mount.type === 'ssh') continue;
        // An absolute target is compared as written, a relative one joined to WORKDIR (BuildKit's order).
        const target = goClean(mount.target).startsWith('/') ? mount.target : goJoin('/', state.workdir, mount.target);
        if (target === '/') throw new DockerfileError(`invalid mount target ${goQuote(target)}`, file, cmd.line, 'Give the mount a target other than /.', cmd.endLine);
        // A cache mount without from= starts empty; it never reads the context.
        if (mount.from !== '' || mount.type === 'cache') continue;
        request(sourceText(raw.value), mount.source, mount.type === 'tmpfs' ? 'tmpfs-mount' : 'bind-mount');
      }
      return;
    case 'other':
      for (const word of cmd.expanded) expand(word);
      return;
    default:
      return;
  }
}

/** The `source=`/`src=` field of a mount as written, or '' when it has none. */
function sourceText(value: string): string {
  const m = /(?:^|,)(?:source|src)=([^,]*)/i.exec(value);
  return m?.[1] ?? '';
}

/** The git remotes ADD fetches itself (BuildKit still lists them among the context paths). */
function isGitSource(source: string): boolean {
  return source.startsWith('git@') || source.startsWith('git://') || source.startsWith('ssh://');
}
