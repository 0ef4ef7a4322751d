// The stage graph BuildKit's dockerfile2llb builds before dispatching anything: global ARGs and
// the automatic platform ARGs, FROM names expanded with them, the --target stage, the stages each
// stage depends on (FROM <stage>, COPY --from, RUN --mount from=, ONBUILD triggers inherited from a
// stage base), and which stages the target reaches. Stages the target does not reach are never
// dispatched, so their COPY sources are never requested and their variable errors never raised.

import { DockerfileError } from '../errors.js';
import { detectSyntax, type SyntaxDirective } from './directives.js';
import { goQuote } from './go-text.js';
import { parseInstructions, parseNode, type ArgInstruction, type Instruction, type InstructionSource, type ParsedInstructions, type ParsedStage } from './instructions.js';
import { parseDockerfileAst, type DockerfileAst } from './parser.js';
import { lexWord, ShellLexError, type LexOptions } from './shell-lex.js';

/** A platform as BuildKit's platform ARGs spell it. */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** What a build is asked for, mirroring `docker build` options. */
export interface BuildOptions {
  /** `--target`; the last stage when absent. */
  readonly target?: string;
  /** `--build-arg K=V`. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The build and target platform; linux/amd64 when absent. */
  readonly platform?: Platform;
}

/** Where a stage's commands get their inputs from. */
export type StageSource = { readonly kind: 'stage'; readonly index: number } | { readonly kind: 'image'; readonly name: string };

/** A stage after FROM expansion. */
export interface StageNode {
  readonly index: number;
  /** The `AS` name (lower case), or `stage-N` for an unnamed stage, as BuildKit names it in messages. */
  readonly name: string;
  /** True when the stage has an `AS` name. */
  readonly named: boolean;
  /** The FROM image or stage after expansion with the global ARGs. */
  readonly baseName: string;
  /** Index of the stage this one is built FROM, when it is one. */
  readonly baseStage: number | undefined;
  /** `--platform` after expansion; empty when not given. */
  readonly platform: string;
  readonly source: InstructionSource;
  readonly commands: readonly Instruction[];
  /** Stages and images this stage reads from (COPY --from, RUN --mount from=, ONBUILD triggers). */
  readonly dependsOn: readonly StageSource[];
  /** True when the target needs this stage. */
  readonly reachable: boolean;
}

/** The stage graph for one target. */
export interface StageGraph {
  readonly file: string;
  readonly stages: readonly StageNode[];
  /** Index of the target stage. */
  readonly target: number;
  /** Global ARG values after `--build-arg` and expansion, plus the platform ARGs (what FROM sees). */
  readonly globalArgs: ReadonlyMap<string, string>;
  /** Build args as given. */
  readonly buildArgs: ReadonlyMap<string, string>;
  /** The escape token, which the shell lexer uses too. */
  readonly escapeToken: string;
  /** ONBUILD trigger instructions each stage runs first (from its stage base). */
  readonly triggers: ReadonlyMap<number, readonly Instruction[]>;
}

/** A parsed Dockerfile: its syntax tree and typed instructions (independent of target and build args). */
export interface Dockerfile {
  readonly ast: DockerfileAst;
  readonly instructions: ParsedInstructions;
  /**
   * The frontend the file asks for (`# syntax=…`), if any. Docker would build it with that frontend
   * image instead of the built-in one this model follows, so its results may differ.
   */
  readonly frontend: SyntaxDirective | undefined;
}

/**
 * Parses a Dockerfile as BuildKit's Dockerfile frontend does (parser and instruction checks).
 * @param text the Dockerfile's content
 * @param file the name used in errors (`Dockerfile`, `build/app.Dockerfile`)
 * @returns the syntax tree and the stages
 * @throws DockerfileError with BuildKit's message and line for anything BuildKit refuses before
 *   knowing the target (syntax, unknown instructions and flags, FROM missing…)
 */
export function parseDockerfile(text: string | Buffer, file = 'Dockerfile'): Dockerfile {
  const source = typeof text === 'string' ? text : text.toString('utf8');
  if (source.length === 0) throw new DockerfileError('the Dockerfile cannot be empty', file, 0, 'Write at least a FROM instruction.');
  const ast = parseDockerfileAst(source, file);
  return { ast, instructions: parseInstructions(ast), frontend: detectSyntax(source) };
}

/** BuildKit's automatic platform ARGs (global scope only: a stage sees them after `ARG NAME`). */
export function platformArgs(platform: Platform = { os: 'linux', architecture: 'amd64' }): Map<string, string> {
  const variant = platform.variant ?? '';
  const spec = `${platform.os}/${platform.architecture}${variant === '' ? '' : '/' + variant}`;
  return new Map([
    ['BUILDPLATFORM', spec],
    ['BUILDOS', platform.os],
    ['BUILDARCH', platform.architecture],
    ['BUILDVARIANT', variant],
    ['TARGETPLATFORM', spec],
    ['TARGETOS', platform.os],
    ['TARGETARCH', platform.architecture],
    ['TARGETVARIANT', variant],
  ]);
}

/**
 * Expands a word with BuildKit's lexer, turning its failure into a DockerfileError at `at`.
 * @returns the expanded word
 */
export function expandAt(word: string, env: ReadonlyMap<string, string>, escapeToken: string, file: string, at: InstructionSource): string {
  return lexAt(word, env, { escapeToken }, file, at);
}

/**
 * Expands heredoc content the way BuildKit's ExpandRaw does: quotes are plain characters and the
 * escape is always `\`.
 * @returns the expanded text
 */
export function expandRaw(text: string, env: ReadonlyMap<string, string>, file: string, at: InstructionSource): string {
  return lexAt(text, env, { skipProcessQuotes: true }, file, at);
}

function lexAt(word: string, env: ReadonlyMap<string, string>, opts: LexOptions, file: string, at: InstructionSource): string {
  try {
    return lexWord(word, env, opts).result;
  } catch (error) {
    if (error instanceof ShellLexError) throw new DockerfileError(error.message, file, at.line, EXPANSION_HINT, at.endLine);
    throw error;
  }
}

const EXPANSION_HINT = 'Write variables as $NAME or ${NAME} (modifiers :- - :+ + :? ? # ## % %% / //), and escape or single-quote a literal $.';

/**
 * Builds the stage graph for a target: global ARGs, expanded FROM lines, dependencies and the
 * stages the target reaches.
 * @returns the graph
 * @throws DockerfileError with BuildKit's message: a missing target (`target stage "x" could not be
 *   found`), a bad stage index, a circular dependency, a FROM that expands to nothing…
 */
export function buildStageGraph(dockerfile: Dockerfile, options: BuildOptions = {}): StageGraph {
  const { ast, instructions } = dockerfile;
  const file = ast.file;
  const escapeToken = ast.escapeToken;
  const buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
  const globalArgs = platformArgs(options.platform);
  for (const key of globalArgs.keys()) if (buildArgs.has(key)) globalArgs.set(key, buildArgs.get(key)!);
  resolveGlobalArgs(instructions.globalArgs, globalArgs, buildArgs, escapeToken, file);

  // Stages by lower-case name; a FROM refers to an earlier stage only by its exact expanded text.
  const byName = new Map<string, number>();
  const heads: Omit<StageNode, 'dependsOn' | 'reachable'>[] = [];
  for (const stage of instructions.stages) {
    const baseName = expandAt(stage.baseName, globalArgs, escapeToken, file, stage);
    if (baseName === '') throw new DockerfileError(`base name (${stage.baseName}) should not be blank`, file, stage.line, undefined, stage.endLine);
    let platform = '';
    if (stage.platform !== '') {
      platform = expandPlatform(stage, globalArgs, escapeToken, file);
    }
    heads.push({
      index: stage.index,
      name: stage.name !== '' ? stage.name : `stage-${stage.index}`,
      named: stage.name !== '',
      baseName,
      baseStage: byName.get(baseName),
      platform,
      source: { line: stage.line, endLine: stage.endLine, text: stage.text },
      commands: stage.commands,
    });
    if (stage.name !== '') byName.set(stage.name, stage.index);
  }

  let target = heads.length - 1;
  if (options.target !== undefined && options.target !== '') {
    const found = byName.get(options.target.toLowerCase());
    if (found === undefined) {
      throw new DockerfileError(`target stage ${goQuote(options.target)} could not be found`, file, 0, targetHint(heads));
    }
    target = found;
  }

  // Dependencies of every stage, reachable or not, as BuildKit resolves them before dispatching.
  // BuildKit appends each image named by --from to its list of states, so a later numeric --from can
  // point at one; `images` keeps that list.
  const images: string[] = [];
  const deps = heads.map((head) => head.commands.flatMap((cmd) => commandSources(cmd, byName, heads.length, images, file)));
  checkCycles(heads, deps, file);

  // A stage built FROM another stage first runs that stage's ONBUILD triggers; BuildKit reads them
  // only for stages the target reaches, and their --from sources can reach further stages.
  const triggers = new Map<number, Instruction[]>();
  const reachable = new Set<number>();
  const visit = (i: number): void => {
    if (reachable.has(i)) return;
    reachable.add(i);
    const head = heads[i]!;
    if (head.baseStage !== undefined) {
      visit(head.baseStage);
      const own = heads[head.baseStage]!.commands.flatMap((c) => (c.kind === 'onbuild' ? [c.expression] : []));
      if (own.length > 0) {
        const parsed = own.map((expression) => triggerInstruction(expression, head.source, file));
        triggers.set(i, parsed);
        deps[i]!.push(...parsed.flatMap((cmd) => commandSources(cmd, byName, heads.length, images, file)));
      }
    }
    for (const dep of deps[i]!) if (dep.kind === 'stage') visit(dep.index);
  };
  visit(target);

  return {
    file,
    stages: heads.map((head, i) => ({ ...head, dependsOn: deps[i]!, reachable: reachable.has(i) })),
    target,
    globalArgs,
    buildArgs,
    escapeToken,
    triggers,
  };
}

/** Global ARGs in order: a --build-arg wins, else the default expanded with what came before; no value means unset. */
function resolveGlobalArgs(args: readonly ArgInstruction[], env: Map<string, string>, buildArgs: ReadonlyMap<string, string>, escapeToken: string, file: string): void {
  for (const cmd of args) {
    for (const arg of cmd.args) {
      const given = buildArgs.get(arg.key);
      const value = given ?? (arg.value === undefined ? undefined : expandAt(arg.value, env, escapeToken, file, cmd));
      if (value !== undefined) env.set(arg.key, value);
    }
  }
}

function expandPlatform(stage: ParsedStage, env: ReadonlyMap<string, string>, escapeToken: string, file: string): string {
  let value: string;
  try {
    value = lexWord(stage.platform, env, { escapeToken }).result;
  } catch (error) {
    if (!(error instanceof ShellLexError)) throw error;
    throw new DockerfileError(`failed to process arguments for platform : ${error.message}`, file, stage.line, undefined, stage.endLine);
  }
  if (value === '') throw new DockerfileError(`empty platform value from expression ${stage.platform}`, file, stage.line, undefined, stage.endLine);
  return value;
}

/** The stages and images one instruction reads from (BuildKit's toCommand). */
function commandSources(cmd: Instruction, byName: ReadonlyMap<string, number>, stageCount: number, images: string[], file: string): StageSource[] {
  const froms: string[] = [];
  if (cmd.kind === 'copy' && cmd.from !== '') froms.push(cmd.from);
  // While parsing, BuildKit does not know a mount's type yet, so every from= counts here.
  if (cmd.kind === 'run') for (const m of cmd.mounts) if (m.from !== '') froms.push(m.from);
  const out: StageSource[] = [];
  for (const from of froms) {
    const isIndex = cmd.kind === 'copy' && /^[+-]?\d+$/.test(from);
    if (isIndex) {
      const index = Number(from);
      if (index < 0 || index >= stageCount + images.length) {
        throw new DockerfileError(`invalid stage index ${index}`, file, cmd.line, `The Dockerfile has ${stageCount} stage(s), numbered from 0.`, cmd.endLine);
      }
      out.push(index < stageCount ? { kind: 'stage', index } : { kind: 'image', name: images[index - stageCount]! });
      continue;
    }
    const stage = byName.get(from.toLowerCase());
    if (stage !== undefined) out.push({ kind: 'stage', index: stage });
    else {
      images.push(from);
      out.push({ kind: 'image', name: from });
    }
  }
  return out;
}

function triggerInstruction(expression: string, at: InstructionSource, file: string): Instruction {
  // A trigger is parsed as a one-line Dockerfile; BuildKit reports it at the FROM line.
  try {
    const ast = parseDockerfileAst(expression, file);
    if (ast.nodes.length !== 1) throw new Error('onbuild trigger should be a single expression');
    const parsed = parseNode(ast.nodes[0]!);
    if (!('kind' in parsed)) throw new Error("FROM isn't allowed as an ONBUILD trigger");
    return { ...parsed, line: at.line, endLine: at.endLine };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw new DockerfileError(error.message, file, at.line, undefined, at.endLine);
  }
}

function checkCycles(heads: readonly Omit<StageNode, 'dependsOn' | 'reachable'>[], deps: readonly StageSource[][], file: string): void {
  const visited = new Set<number>();
  const path = new Set<number>();
  const visit = (i: number): boolean => {
    if (visited.has(i)) return false;
    visited.add(i);
    path.add(i);
    for (const dep of deps[i]!) {
      if (dep.kind !== 'stage') continue;
      if (path.has(dep.index) || visit(dep.index)) return true;
    }
    path.delete(i);
    return false;
  };
  for (const head of heads) {
    if (visit(head.index)) throw new DockerfileError(`circular dependency detected on stage: ${head.name}`, file, head.source.line, 'A stage cannot COPY --from or mount from itself or from a stage that depends on it.');
  }
}

function targetHint(heads: readonly Omit<StageNode, 'dependsOn' | 'reachable'>[]): string {
  const named = heads.filter((h) => h.named).map((h) => h.name);
  return named.length === 0 ? 'The Dockerfile names no stage (FROM image AS name); build without --target.' : `Stages: ${named.join(', ')}.`;
}
