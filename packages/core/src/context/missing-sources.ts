// A COPY or ADD source that BuildKit does not receive fails the build once the context has arrived
// (issue 11, on the real BuildKit): a missing or excluded plain path fails with `failed to compute
// cache key: … "/x": not found` when it is the instruction's only source, `lstat /x: no such file or
// directory` when it is one of several; a glob that matches nothing is fine, unless the directory
// it searches is missing or excluded (then the lstat error names that directory).
import type { Diagnostic } from '../diagnostics.js';
import type { ContextRequest } from '../dockerfile/requests.js';
import type { Inventory } from '../inventory/inventory.js';
import type { FollowedPaths } from '../walk/follow-links.js';
import { EntryState, type WalkResult } from '../walk/walk-result.js';
import type { SendPlan } from './send-plan.js';

const WILDCARD = /[*?[]/;

/** The directory a glob searches: its components before the first one with a wildcard. */
function globBase(path: string): string {
  const parts = path.split('/');
  const first = parts.findIndex((p) => WILDCARD.test(p));
  return parts.slice(0, first).join('/');
}

/**
 * The errors BuildKit raises for sources it did not receive.
 * @returns one error diagnostic per missing source, naming the instruction
 */
export function missingSourceDiagnostics(inv: Inventory, walk: WalkResult, plan: SendPlan | undefined, followed: FollowedPaths | undefined): Diagnostic[] {
  if (plan?.requests === undefined || plan.scope === 'none' || plan.wholeBecause === 'option') return [];
  const file = plan.requests.graph.file;
  const reads = plan.requests.requests.filter((r) => (r.kind === 'copy' || r.kind === 'add') && !r.wholeContext);
  const sent = (path: string): boolean => {
    if (path === '' || path === '.') return true;
    const i = inv.indexOf(path, false);
    return i > 0 && walk.state[i] === EntryState.Included;
  };
  // A path reached through symlinks arrives under its resolved name.
  const arrived = (path: string): boolean => {
    if (sent(path)) return true;
    for (const [resolved, origins] of followed?.origins ?? []) if (origins.includes(path) && resolved !== path && sent(resolved)) return true;
    return false;
  };
  const sourcesOf = (r: ContextRequest): number => plan.requests!.requests.filter((o) => o.stage === r.stage && o.instruction.line === r.instruction.line && o.onbuild === r.onbuild && (o.kind === 'copy' || o.kind === 'add')).length;
  const out: Diagnostic[] = [];
  for (const r of reads) {
    const glob = WILDCARD.test(r.path);
    const base = glob ? globBase(r.path) : r.path;
    if (arrived(base)) continue;
    const where = `${file}:${r.instruction.line} ${r.instruction.text}`;
    const message =
      !glob && sourcesOf(r) === 1
        ? `failed to compute cache key: failed to calculate checksum of ref …: "/${r.path}": not found`
        : `lstat /${base}: no such file or directory`;
    out.push({
      code: 'buildkit-source-missing',
      severity: 'error',
      path: base,
      message: `BuildKit will fail at ${where}: ${message}. The path is ${inv.indexOf(base) > 0 ? 'excluded by the ignore file' : 'not in the context'}; add it, or stop excluding it.`,
    });
  }
  return out;
}
