// Secrets from the context into the image. Each file of the secret category the ignore file lets
// through is followed as far as it goes: seen by the builder (sent), copied into a build stage the
// image does not keep, or shipped (it reaches the target's filesystem, through FROM <stage> and
// COPY --from). A secret that is used should reach the build as a secret mount, which never
// enters a layer; one that is not used belongs in the ignore file. ARG and ENV names BuildKit calls
// sensitive come with them (secret-names.ts).
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { EntryState } from '../walk/walk-result.js';
import { eligibleContext } from './builder-diff.js';
import { findCategoryHits } from './category-hits.js';
import type { SecretFinding } from './secret-content.js';
import { secretVariables, type SecretVariable } from './secret-names.js';
import { subtreeTotals } from './subtree-totals.js';
import { analyzeUsage, type EntryUse, UseMark, type UsageAnalysis } from './usage.js';

/** How far a secret gets. */
export type SecretReach = 'not-sent' | 'sent' | 'build-stage' | 'shipped';

/** One file (or credentials directory) of the secret category that the ignore file lets through. */
export interface SecretFlow {
  /** Context-relative path. */
  readonly path: string;
  /** Inventory index. */
  readonly index: number;
  readonly isDir: boolean;
  /** Why it is a secret: its name, what its content holds, or both. */
  readonly reason: string;
  /** Secrets found in its content, in line order (only a sent file is read; empty otherwise). */
  readonly findings: readonly SecretFinding[];
  /** Files and bytes the ignore file lets through from here (1 file for a file). */
  readonly files: number;
  readonly bytes: number;
  /** Seen by the builder: the legacy builder sends everything eligible, BuildKit what the Dockerfile asks for. */
  readonly sent: boolean;
  /** Copied or bind-mounted into a needed stage, but never into the target's filesystem. */
  readonly buildStageOnly: boolean;
  /** Reaches the target's filesystem. False when the Dockerfile's use is unknown (see SecretsReport.usageKnown). */
  readonly shipped: boolean;
  /** The furthest of the above. */
  readonly reach: SecretReach;
  /** The first instruction that copies or mounts it. */
  readonly use: EntryUse | undefined;
  /** A .dockerignore line that excludes it. */
  readonly ignoreLine: string | undefined;
  /** What to do, in one sentence. */
  readonly fix: string;
}

/** Every secret of a context, and the secret-looking ARG/ENV names of its Dockerfile. */
export interface SecretsReport {
  /** Furthest-reaching first, then biggest. */
  readonly files: readonly SecretFlow[];
  /** ARG/ENV names BuildKit's SecretsUsedInArgOrEnv flags, in file order (empty without a Dockerfile read). */
  readonly variables: readonly SecretVariable[];
  /** False when the Dockerfile's use of the context is unknown (legacy builder, no Dockerfile): only `sent` is meaningful. */
  readonly usageKnown: boolean;
}

/** Options of secretsFlow. */
export interface SecretsFlowOptions {
  /** The usage analysis, when the caller has it already. */
  readonly usage?: UsageAnalysis;
  /** Reads the start of a file for content tests (see findCategoryHits). */
  readonly readHead?: (absPath: string) => string | undefined;
}

const REACH_ORDER: Record<SecretReach, number> = { shipped: 0, 'build-stage': 1, sent: 2, 'not-sent': 3 };

/**
 * Follows each secret file of the context from the ignore file to the image. Needs a context over a
 * complete inventory (computeContextWithBaseline, or evaluateRules on one).
 * @returns the secrets with how far each gets, and the secret-looking ARG/ENV names
 */
export function secretsFlow(ctx: BuildContext, options: SecretsFlowOptions = {}): SecretsReport {
  checkContextArgument(ctx, 'ctx');
  const requests = ctx.plan?.requests;
  const usage = options.usage ?? (ctx.builder === 'buildkit' && requests !== undefined ? analyzeUsage(ctx) : undefined);
  const inv = ctx.inventory;
  const sentState = ctx.walk.state;
  const marks = usage?.marks;
  const sent = subtreeTotals(inv, (i) => sentState[i] === EntryState.Included);
  const used = subtreeTotals(inv, (i) => marks !== undefined && (marks[i]! & UseMark.Used) !== 0);
  const shipped = subtreeTotals(inv, (i) => marks !== undefined && (marks[i]! & UseMark.Shipped) !== 0);
  const reached = (t: { files: Float64Array }, i: number): boolean => t.files[i]! > 0;
  // Content is read only from what the builder sends (ctx), though names are judged on all that is eligible.
  const hits = findCategoryHits(eligibleContext(ctx), { categories: ['secrets'], contentFrom: ctx, ...(options.readHead === undefined ? {} : { readHead: options.readHead }) });
  const files = hits.map((h): SecretFlow => {
    const isSent = reached(sent, h.index);
    const isShipped = reached(shipped, h.index);
    const isUsed = reached(used, h.index);
    const reach: SecretReach = isShipped ? 'shipped' : isUsed ? 'build-stage' : isSent ? 'sent' : 'not-sent';
    const use = usage === undefined ? undefined : (usage.useOf(h.path) ?? firstUseBelow(ctx, usage, h.index));
    return { path: h.path, index: h.index, isDir: h.kind === 'dir', reason: h.reason, findings: h.findings, files: h.files, bytes: h.bytes, sent: isSent, buildStageOnly: isUsed && !isShipped, shipped: isShipped, reach, use, ignoreLine: h.pattern, fix: secretFix(h.path, reach, h.pattern, { wholeContext: use?.request.wholeContext === true, usageKnown: usage !== undefined, isDir: h.kind === 'dir' }) };
  });
  files.sort((a, b) => REACH_ORDER[a.reach] - REACH_ORDER[b.reach] || b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, variables: requests === undefined ? [] : secretVariables(requests.graph), usageKnown: usage !== undefined };
}

/** For a credentials directory: the use of its first used entry. */
function firstUseBelow(ctx: BuildContext, usage: UsageAnalysis, dir: number): EntryUse | undefined {
  const inv = ctx.inventory;
  if (!inv.isDir(dir)) return undefined;
  const prefix = inv.path(dir) + '/';
  for (let i = dir + 1; i < inv.count; i++) {
    const p = inv.path(i);
    if (!p.startsWith(prefix)) continue;
    const use = usage.useOf(p);
    if (use !== undefined) return use;
  }
  return undefined;
}

/** Where a tool reads its credentials, so the secret mount can put them there. */
const MOUNT_TARGETS: Readonly<Record<string, string>> = { '.npmrc': '/root/.npmrc', '.netrc': '/root/.netrc', '.pypirc': '/root/.pypirc', '.yarnrc.yml': '/root/.yarnrc.yml', '.git-credentials': '/root/.git-credentials' };

/**
 * The secret mount that replaces copying a file, e.g. `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc`.
 * @returns the RUN flag and the matching `docker build --secret` option
 */
export function secretMount(path: string): { readonly flag: string; readonly buildOption: string } {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const id = name.replace(/^\.+/, '').replace(/[^A-Za-z0-9_.-]/g, '_') || 'secret';
  const target = MOUNT_TARGETS[name];
  return { flag: `--mount=type=secret,id=${id}${target === undefined ? '' : `,target=${target}`}`, buildOption: `--secret id=${id},src=${path}` };
}

function secretFix(path: string, reach: SecretReach, line: string | undefined, how: { readonly wholeContext: boolean; readonly usageKnown: boolean; readonly isDir: boolean }): string {
  const ignore = line === undefined ? 'exclude it in the ignore file' : `add \`${line}\` to the ignore file`;
  if (reach === 'not-sent') return `Not sent today; ${ignore} so a later \`COPY . .\` or the legacy builder does not send it.`;
  if (reach === 'sent') return how.usageKnown ? `Never used: ${ignore}.` : `Sent to the builder: ${ignore}, unless the Dockerfile copies it.`;
  // Secret mounts are files: a credentials directory can only be left out.
  if (how.isDir) return `Copied into the build: ${ignore} and pass the files a RUN needs as secret mounts.`;
  const m = secretMount(path);
  const mount = `\`RUN ${m.flag} …\` (build with \`${m.buildOption}\`)`;
  if (how.wholeContext) return `Copied by a read of the whole context: ${ignore}; if a RUN needs it, use ${mount}.`;
  return `Use ${mount} where it is needed instead of copying it, then ${ignore}.`;
}
