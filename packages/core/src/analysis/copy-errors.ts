// A COPY, ADD or bind mount of a path the context does not carry fails the BuildKit build once the
// context has arrived ("not found"). Each failure names the instruction and, when the ignore file
// is the cause, the line that excludes the path (with `!` exceptions, globs and parent directories
// decided the way BuildKit decides them).
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { excludingRule, missingSources } from '../context/missing-sources.js';
import type { InstructionSource } from '../dockerfile/instructions.js';
import type { RuleOrigin } from '../errors.js';
import { ignoreFileRelative } from './offenders.js';

/** Why a source does not arrive. */
export type CopyErrorCause =
  /** The ignore file excludes it (`rule` says which line). */
  | 'excluded'
  /** There is no such path in the context. */
  | 'missing'
  /** The directory exists and is not excluded, but nothing below it is sent (a glob's matches all excluded), so it does not arrive. */
  | 'nothing-sent'
  /** A glob matched a symbolic link that leads nowhere inside the context. */
  | 'dangling-link';

/** One source the build will fail on. */
export interface CopyError {
  /** The Dockerfile (as named in messages) and its instruction. */
  readonly dockerfile: string;
  readonly instruction: InstructionSource;
  /** The source after variable expansion, as the instruction reads it. */
  readonly source: string;
  /** The context path that does not arrive: the source, a glob's directory, or a glob's dangling match. */
  readonly path: string;
  readonly cause: CopyErrorCause;
  /** The ignore file's line that excludes the path, with the file relative to the context when it is inside. */
  readonly rule: RuleOrigin | undefined;
  /** BuildKit's error message. */
  readonly error: string;
  /** One line: where, what BuildKit says, and why. */
  readonly message: string;
}

/**
 * The sources a BuildKit build of this context will fail on, before running it.
 * @returns one error per failing source, in Dockerfile dispatch order (empty under the legacy
 *   builder, or when the Dockerfile was not read)
 */
export function copySourceErrors(ctx: BuildContext): CopyError[] {
  checkContextArgument(ctx, 'ctx');
  if (ctx.builder !== 'buildkit') return [];
  const file = ctx.plan?.requests?.graph.file ?? 'Dockerfile';
  const ignoreName = ignoreFileRelative(ctx);
  return missingSources(ctx.inventory, ctx.walk, ctx.plan).map((m) => {
    const known = ctx.inventory.indexOf(m.path, false) > 0;
    const found = m.danglingLink || !known ? undefined : excludingRule(ctx.patternSet, m.path);
    const rule = found === undefined ? undefined : { ...found, file: ignoreName !== '' && ctx.inputs.ignoreFile === found.file ? ignoreName : found.file };
    const isDir = known && ctx.inventory.isDir(ctx.inventory.indexOf(m.path, false));
    const cause: CopyErrorCause = m.danglingLink ? 'dangling-link' : rule !== undefined ? 'excluded' : isDir ? 'nothing-sent' : 'missing';
    const where = `${file}:${m.request.instruction.line} ${m.request.instruction.text}`;
    const why =
      cause === 'excluded'
        ? `${m.path} is excluded by ${rule!.file}:${rule!.line} (${rule!.text})`
        : cause === 'dangling-link'
          ? `${m.path} is a symbolic link leading nowhere inside the context`
          : cause === 'nothing-sent'
            ? `nothing below ${m.path} is sent (what the instruction asks for there is excluded or absent), so ${m.path} does not arrive`
            : known ? `${m.path} does not arrive (a link on its way leads to an excluded path or out of the context)` : `${m.path} is not in the context`;
    return { dockerfile: file, instruction: m.request.instruction, source: m.request.source, path: m.path, cause, rule, error: m.error, message: `${where}: ${why}; BuildKit fails with: ${m.error}` };
  });
}
