// The header's figures as plain data: what the builder sends (BuildKit's transfer figure for the
// paths the Dockerfile asks for, or the legacy upload), the eligible context beside it when
// BuildKit sends less, what the ignore file saves, and what BuildKit was asked for.
import { formatDockerSize, type SendPlan } from '@ctxlens/core';
import { formatSent, percentChange, sentBytes, sentSize, signedSize } from './figures.js';
import type { TuiState } from './types.js';
import { usageOf } from './usage.js';

/** The header's content. */
export interface HeaderView {
  /** The builder's figure as it prints it; '' when BuildKit sends nothing. */
  readonly sent: string;
  readonly files: number;
  /** Under BuildKit, when the Dockerfile asks for less: all the ignore file lets through (a `COPY . .` would send it). */
  readonly eligible: { readonly size: string; readonly files: number } | undefined;
  /**
   * Under BuildKit with a Dockerfile: the sent files it copies or mounts into a needed stage (file
   * bytes, as `du` counts them, and how many of them reach the final image).
   */
  readonly used: { readonly size: string; readonly files: number; readonly shippedFiles: number } | undefined;
  /** The context the ignore file filters, without and with it. */
  readonly baseline: { readonly from: string; readonly to: string; readonly change: string };
  /** What BuildKit asks for, when it is worth saying; a warning when it cannot be known. */
  readonly request: { readonly text: string; readonly warn: boolean } | undefined;
  /** Change of the builder's figure since the session started. */
  readonly since: string;
}

/**
 * What BuildKit was asked for, in a few words.
 * @returns the note, or undefined under the legacy builder
 */
export function requestNote(plan: SendPlan | undefined): HeaderView['request'] {
  if (plan === undefined) return undefined;
  const graph = plan.requests?.graph;
  const stage = graph?.stages[graph.target];
  const file = graph?.file ?? 'Dockerfile';
  const target = stage?.named ? `, target ${stage.name}` : '';
  switch (plan.scope) {
    case 'none':
      return { text: `${file}${target}: no context`, warn: false };
    case 'paths': {
      const n = plan.followPaths?.length ?? 0;
      return { text: `${file}${target}: ${n} ${n === 1 ? 'path' : 'paths'}`, warn: false };
    }
    case 'whole':
      if (plan.wholeBecause === 'no-dockerfile') return { text: 'no Dockerfile: whole eligible context', warn: true };
      if (plan.wholeBecause === 'option') return { text: 'whole context (as if COPY . .)', warn: false };
      // The usual case (COPY . .): nothing to point out, and the line keeps room for the rest.
      return target === '' ? undefined : { text: `${file}${target}: whole context`, warn: false };
    default:
      return undefined;
  }
}

/**
 * The header's figures for the current evaluation.
 * @returns the view, or undefined before the first evaluation
 */
export function headerView(state: TuiState): HeaderView | undefined {
  const { session, evaluation, startSizes, builder } = state;
  if (session === undefined || evaluation === undefined) return undefined;
  const now = evaluation.sizes;
  const nothing = evaluation.context.plan?.scope === 'none';
  // The ignore file filters the eligible context: that is what it is compared with.
  const filtered = evaluation.eligible?.sizes ?? now;
  const base = session.baseline;
  const usage = builder === 'buildkit' ? usageOf(evaluation) : undefined;
  const since = startSizes === undefined ? 0 : sentBytes(now, builder) - sentBytes(startSizes, builder);
  return {
    sent: nothing ? '' : sentSize(now, builder),
    files: now.files,
    eligible: evaluation.eligible === undefined ? undefined : { size: sentSize(evaluation.eligible.sizes, builder), files: evaluation.eligible.sizes.files },
    used: usage === undefined ? undefined : { size: formatDockerSize(usage.used.bytes), files: usage.used.files, shippedFiles: usage.shipped.files },
    baseline: { from: sentSize(base, builder), to: sentSize(filtered, builder), change: percentChange(sentBytes(base, builder), sentBytes(filtered, builder)) },
    request: builder === 'buildkit' ? requestNote(evaluation.context.plan) : undefined,
    since: since === 0 || startSizes === undefined ? '±0B' : `${signedSize(since, builder)} (${formatSent(sentBytes(startSizes, builder), builder)} → ${sentSize(now, builder)})`,
  };
}
