// Parsed nodes -> typed instructions and stages, as BuildKit's instructions.Parse does: each
// instruction checks its arguments and flags (the flags of Docker 28.5's built-in Dockerfile
// frontend: COPY has no --parents there), ARGs before the first FROM are global, and anything
// else before the first FROM is an error. Every message is BuildKit's, prefixed the way BuildKit
// prefixes it (`dockerfile parse error on line N: …`).

import { DockerfileError } from '../errors.js';
import { type FlagKind, parseFlags, type ParsedFlags, withSuggestion } from './flags.js';
import { goTrimSpace } from '../ignorefile/go-strings.js';
import { goQuote } from './go-text.js';
import { preParseMount } from './mounts.js';
import { parseHeredoc, type DockerfileAst, type DockerfileNode, type Heredoc } from './parser.js';

/** Where an instruction is and how it reads, for messages like `Dockerfile:12 COPY src ./src`. */
export interface InstructionSource {
  readonly line: number;
  readonly endLine: number;
  /** The instruction's logical line, trimmed (continuations joined). */
  readonly text: string;
}

interface Base extends InstructionSource {
  /** The instruction word as written. */
  readonly instruction: string;
}

/** `ARG name[=default] …`; a value of undefined means no default. */
export interface ArgInstruction extends Base {
  readonly kind: 'arg';
  readonly args: readonly { readonly key: string; readonly value: string | undefined }[];
}

/** `ENV k=v …` or the legacy `ENV k v`. */
export interface EnvInstruction extends Base {
  readonly kind: 'env';
  readonly pairs: readonly { readonly key: string; readonly value: string }[];
}

/** A heredoc used as a COPY/ADD source (an inline file, never from the context). */
export interface InlineSource {
  readonly name: string;
  readonly content: string;
  readonly expand: boolean;
}

/** COPY or ADD (unexpanded: variables are expanded per stage when it is dispatched). */
export interface CopyInstruction extends Base {
  readonly kind: 'copy' | 'add';
  readonly sources: readonly string[];
  readonly inlineSources: readonly InlineSource[];
  readonly dest: string;
  /** COPY --from (raw; BuildKit does not expand it). */
  readonly from: string;
  readonly chown: string;
  readonly chmod: string;
  readonly link: boolean;
  readonly excludes: readonly string[];
  /** ADD only. */
  readonly keepGitDir: boolean;
  /** ADD only. */
  readonly checksum: string;
  /** ADD --unpack when given. */
  readonly unpack: boolean | undefined;
}

/** RUN, with its `--mount` values kept raw until the stage is dispatched. */
export interface RunInstruction extends Base {
  readonly kind: 'run';
  readonly mounts: readonly { readonly value: string; readonly from: string }[];
  readonly network: string;
  readonly security: string;
  readonly json: boolean;
  readonly command: readonly string[];
}

/** WORKDIR. */
export interface WorkdirInstruction extends Base {
  readonly kind: 'workdir';
  readonly path: string;
}

/** ONBUILD: the trigger runs in stages built FROM this one. */
export interface OnbuildInstruction extends Base {
  readonly kind: 'onbuild';
  /** The trigger's text, as BuildKit stores it (ONBUILD removed, heredocs appended). */
  readonly expression: string;
}

/** Every other instruction (they read no files from the context). */
export interface OtherInstruction extends Base {
  readonly kind: 'other';
  readonly keyword: string;
  /** The words BuildKit expands when it dispatches the instruction (LABEL, USER, VOLUME, EXPOSE, STOPSIGNAL): a bad one fails the build. */
  readonly expanded: readonly string[];
}

/** One instruction of a stage. */
export type Instruction = ArgInstruction | EnvInstruction | CopyInstruction | RunInstruction | WorkdirInstruction | OnbuildInstruction | OtherInstruction;

/** A `FROM` and the instructions after it. */
export interface ParsedStage extends InstructionSource {
  /** 0-based position among the stages. */
  readonly index: number;
  /** `AS name`, lower-cased (stage names are case-insensitive); empty when unnamed. */
  readonly name: string;
  /** The image or stage after FROM, unexpanded. */
  readonly baseName: string;
  /** `--platform`, unexpanded; empty when not given. */
  readonly platform: string;
  readonly commands: readonly Instruction[];
}

/** The stages and global ARGs of a Dockerfile. */
export interface ParsedInstructions {
  readonly stages: readonly ParsedStage[];
  /** ARG instructions before the first FROM. */
  readonly globalArgs: readonly ArgInstruction[];
}

const ALL_INSTRUCTIONS = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];
const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

const flags = (entries: [string, FlagKind][]): ReadonlyMap<string, FlagKind> => new Map(entries);
const NO_FLAGS = flags([]);
const COPY_FLAGS = flags([
  ['exclude', 'strings'],
  ['chown', 'string'],
  ['from', 'string'],
  ['chmod', 'string'],
  ['link', 'bool'],
]);
const ADD_FLAGS = flags([
  ['exclude', 'strings'],
  ['chown', 'string'],
  ['chmod', 'string'],
  ['link', 'bool'],
  ['keep-git-dir', 'bool'],
  ['checksum', 'string'],
  ['unpack', 'bool'],
]);
const RUN_FLAGS = flags([
  ['mount', 'strings'],
  ['network', 'string'],
  ['security', 'string'],
]);
const HEALTHCHECK_FLAGS = flags([
  ['interval', 'string'],
  ['timeout', 'string'],
  ['start-period', 'string'],
  ['start-interval', 'string'],
  ['retries', 'string'],
]);

const atLeastOne = (cmd: string): Error => new Error(`${cmd} requires at least one argument`);
const exactlyOne = (cmd: string): Error => new Error(`${cmd} requires exactly one argument`);

/**
 * Turns parsed nodes into stages and global ARGs, checking each instruction as BuildKit does.
 * @returns the stages (at least one) and the global ARGs
 * @throws DockerfileError with BuildKit's message and the instruction's line
 */
export function parseInstructions(ast: DockerfileAst): ParsedInstructions {
  const stages: { stage: Omit<ParsedStage, 'commands'>; commands: Instruction[] }[] = [];
  const globalArgs: ArgInstruction[] = [];
  for (const node of ast.nodes) {
    let parsed: Instruction | Omit<ParsedStage, 'commands' | 'index'>;
    try {
      parsed = parseNode(node);
    } catch (error) {
      if (!(error instanceof Error) || error instanceof DockerfileError) throw error;
      throw new DockerfileError(`dockerfile parse error on line ${node.startLine}: ${error.message}`, ast.file, node.startLine, hintFor(node, error.message), node.endLine);
    }
    if (!('kind' in parsed)) {
      stages.push({ stage: { ...parsed, index: stages.length }, commands: [] });
      continue;
    }
    if (stages.length === 0) {
      if (parsed.kind === 'arg') {
        globalArgs.push(parsed);
        continue;
      }
      throw new DockerfileError('no build stage in current context', ast.file, node.startLine, 'Start the Dockerfile with FROM (only ARG may come before it).', node.endLine);
    }
    stages[stages.length - 1]!.commands.push(parsed);
  }
  if (stages.length === 0) {
    throw new DockerfileError('dockerfile contains no stages to build', ast.file, 0, 'Add a FROM instruction.');
  }
  return { stages: stages.map(({ stage, commands }) => ({ ...stage, commands })), globalArgs };
}

/**
 * Types one instruction node (BuildKit's ParseInstruction).
 * @returns the instruction, or the stage header for FROM
 * @throws Error with BuildKit's message (without the line prefix)
 */
export function parseNode(node: DockerfileNode): Instruction | Omit<ParsedStage, 'commands' | 'index'> {
  const base: Base = { instruction: node.instruction, line: node.startLine, endLine: node.endLine, text: goTrimSpace(node.original) };
  const args = node.args;
  const noFlags = (): ParsedFlags => parseFlags(node.flags, NO_FLAGS);
  switch (node.keyword) {
    case 'from': {
      const name = buildStageName(args);
      const f = parseFlags(node.flags, flags([['platform', 'string']]));
      return { ...base, name, baseName: args[0]!, platform: f.values.get('platform') ?? '' };
    }
    case 'arg': {
      if (args.length < 1) throw atLeastOne('ARG');
      noFlags();
      return {
        ...base,
        kind: 'arg',
        args: args.map((arg) => {
          const eq = arg.indexOf('=');
          if (eq < 0) return { key: arg, value: undefined };
          if (eq === 0) throw new Error('ARG names can not be blank');
          return { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
        }),
      };
    }
    case 'env':
    case 'label': {
      noFlags();
      const cmd = node.keyword.toUpperCase();
      if (args.length === 0) throw atLeastOne(cmd);
      const pairs: { key: string; value: string }[] = [];
      for (let i = 0; i < args.length; i += 3) {
        if (args[i] === '') throw new Error(`${cmd} names can not be blank`);
        pairs.push({ key: args[i]!, value: args[i + 1]! });
      }
      if (node.keyword === 'env') return { ...base, kind: 'env', pairs };
      return { ...base, kind: 'other', keyword: 'label', expanded: pairs.flatMap((p) => [p.key, p.value]) };
    }
    case 'copy':
    case 'add':
      return parseCopy(node, base);
    case 'run': {
      const f = parseFlags(node.flags, RUN_FLAGS, new Map([['network', 'default'], ['security', 'sandbox']]));
      const mounts = (f.lists.get('mount') ?? []).map((value) => ({ value, from: preParseMount(value) }));
      const network = f.values.get('network')!;
      if (!['default', 'none', 'host'].includes(network)) throw new Error(`invalid network mode ${goQuote(network)}`);
      const security = f.values.get('security')!;
      if (security !== 'insecure' && security !== 'sandbox') throw new Error(`security ${goQuote(security)} is not valid`);
      return { ...base, kind: 'run', mounts, network, security, json: node.json, command: args };
    }
    case 'workdir':
      if (args.length !== 1) throw exactlyOne('WORKDIR');
      noFlags();
      return { ...base, kind: 'workdir', path: args[0]! };
    case 'onbuild': {
      if (args.length === 0) throw atLeastOne('ONBUILD');
      noFlags();
      const trigger = args[0]!.trim().toUpperCase();
      if (trigger === 'ONBUILD') throw new Error('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
      for (const doc of node.heredocs) expression += '\n' + doc.content + doc.name;
      return { ...base, kind: 'onbuild', expression };
    }
    case 'maintainer':
    case 'user':
      if (args.length !== 1) throw exactlyOne(node.keyword.toUpperCase());
      noFlags();
      return other(base, node);
    case 'stopsignal':
      // BuildKit never parses STOPSIGNAL's flags.
      if (args.length !== 1) throw exactlyOne('STOPSIGNAL');
      return other(base, node);
    case 'expose':
      if (args.length === 0) throw atLeastOne('EXPOSE');
      noFlags();
      return other(base, node);
    case 'volume':
      if (args.length === 0) throw atLeastOne('VOLUME');
      noFlags();
      if (args.some((v) => v.trim() === '')) throw new Error('VOLUME specified can not be an empty string');
      return other(base, node);
    case 'cmd':
    case 'entrypoint':
      noFlags();
      return other(base, node);
    case 'shell':
      noFlags();
      if (args.length === 0) throw atLeastOne('SHELL');
      if (!node.json) throw new Error('SHELL requires the arguments to be in JSON form');
      return other(base, node);
    case 'healthcheck': {
      if (args.length === 0) throw atLeastOne('HEALTHCHECK');
      const type = args[0]!.toUpperCase();
      if (type === 'NONE') {
        if (args.length > 1) throw new Error('HEALTHCHECK NONE takes no arguments');
        return other(base, node);
      }
      parseFlags(node.flags, HEALTHCHECK_FLAGS);
      if (type !== 'CMD') throw new Error(`Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`);
      if (args.length === 1) throw new Error('Missing command after HEALTHCHECK CMD');
      return other(base, node);
    }
    default:
      throw new Error(withSuggestion(`unknown instruction: ${node.instruction}`, node.instruction, ALL_INSTRUCTIONS, false));
  }
}

const EXPANDED = new Set(['user', 'volume', 'expose', 'stopsignal']);

const FLAGS_BY_INSTRUCTION: Readonly<Record<string, ReadonlyMap<string, FlagKind>>> = {
  copy: COPY_FLAGS,
  add: ADD_FLAGS,
  run: RUN_FLAGS,
  healthcheck: HEALTHCHECK_FLAGS,
  from: flags([['platform', 'string']]),
};

/** How to fix what BuildKit refused, in one sentence. */
function hintFor(node: DockerfileNode, message: string): string | undefined {
  const cmd = node.keyword.toUpperCase();
  if (message.startsWith('unknown instruction')) {
    return 'Check the spelling, or end the previous line with the escape character if this line continues it.';
  }
  if (message.startsWith('unknown flag')) {
    const known = [...(FLAGS_BY_INSTRUCTION[node.keyword] ?? NO_FLAGS).keys()].map((f) => `--${f}`);
    const accepted = known.length === 0 ? `${cmd} takes no flags` : `${cmd} accepts ${known.join(', ')}`;
    return `${accepted} in Docker's built-in Dockerfile frontend${message.endsWith('parents') ? ' (--parents needs a # syntax= line naming a labs frontend)' : ''}.`;
  }
  if (message.includes('requires') || message.includes('must have two arguments')) return `Check the form of ${cmd} in the Dockerfile reference.`;
  if (message.startsWith('missing a value') || message.startsWith('expecting boolean')) return 'Write the flag as --name=value.';
  return undefined;
}

function other(base: Base, node: DockerfileNode): OtherInstruction {
  return { ...base, kind: 'other', keyword: node.keyword, expanded: EXPANDED.has(node.keyword) ? node.args : [] };
}

function buildStageName(args: readonly string[]): string {
  if (args.length === 3 && args[1]!.toLowerCase() === 'as') {
    const name = args[2]!.toLowerCase();
    if (!VALID_STAGE_NAME.test(name)) {
      throw new Error(`invalid name for build stage: ${goQuote(args[2]!)}, name can't start with a number or contain symbols`);
    }
    return name;
  }
  if (args.length !== 1) throw new Error('FROM requires either one or three arguments');
  return '';
}

function parseCopy(node: DockerfileNode, base: Base): CopyInstruction {
  const cmd = node.keyword.toUpperCase();
  const args = node.args;
  if (args.length < 2) throw new Error(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
  const f = parseFlags(node.flags, node.keyword === 'copy' ? COPY_FLAGS : ADD_FLAGS);
  const dest = args[args.length - 1]!;
  if (parseHeredoc(dest) !== undefined) throw new Error(`${cmd} cannot accept a heredoc as a destination`);
  const docs = new Map<string, Heredoc>(node.heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const inlineSources: InlineSource[] = [];
  for (const src of args.slice(0, -1)) {
    const doc = heredocWord(src);
    if (doc === undefined) {
      sources.push(src);
      continue;
    }
    const attached = docs.get(doc.name);
    const content = attached?.content ?? '';
    inlineSources.push({ name: doc.name, content: doc.chomp ? content.replace(/^\t+/gm, '') : content, expand: doc.expand });
  }
  return {
    ...base,
    kind: node.keyword === 'copy' ? 'copy' : 'add',
    sources,
    inlineSources,
    dest,
    from: f.values.get('from') ?? '',
    chown: f.values.get('chown') ?? '',
    chmod: f.values.get('chmod') ?? '',
    link: f.values.get('link') === 'true',
    excludes: f.lists.get('exclude') ?? [],
    keepGitDir: f.values.get('keep-git-dir') === 'true',
    checksum: f.values.get('checksum') ?? '',
    unpack: f.used.has('unpack') ? f.values.get('unpack') === 'true' : undefined,
  };
}

/** MustParseHeredoc: a heredoc word, ignoring words that fail to lex. */
function heredocWord(word: string): Heredoc | undefined {
  try {
    return parseHeredoc(word);
  } catch {
    return undefined;
  }
}
