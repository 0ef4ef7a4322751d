import type { Diagnostic } from '../diagnostics.js';
import { IgnoreFileError, InputError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import type { RawRule } from '../ignorefile/read-ignore-file.js';
import type { Builder } from '../options.js';
import { type CompiledPattern, compileRules, type PatternSet } from '../patterns/pattern-set.js';
import { walkBuildKit } from '../walk/buildkit.js';
import { type FollowedPaths, followLinks } from '../walk/follow-links.js';
import { mayHitPathMax, validateLegacy, walkLegacy } from '../walk/legacy.js';
import { unreadableFiles } from '../walk/unreadable-files.js';
import { sentIndex, walkEverything, type WalkResult } from '../walk/walk-result.js';
import { BuildContext } from './build-context.js';
import { type BuildInputs, dockerfileTravelsApart } from './resolve-inputs.js';
import { excludingRule, missingSourceDiagnostics } from './missing-sources.js';
import { checkFrontendIgnoreMatches } from './frontend-ignore-check.js';
import type { SendPlan } from './send-plan.js';
import { type RuleSource, withLegacyForcedRules } from './rule-set.js';

/** What an evaluation needs besides the tree. */
export interface EvaluationInput {
  readonly builder: Builder;
  readonly inputs: BuildInputs;
  readonly source: RuleSource;
  /** Check read permission of included files (non-root processes). */
  readonly checkReadable: boolean;
  readonly accessRead: (absPath: string) => void;
  /** What BuildKit asks for (send-plan.ts); without one, the whole filtered context. Legacy ignores it. */
  readonly plan?: SendPlan | undefined;
}

/** Label of the include patterns' origin: the paths the Dockerfile's instructions read. */
export const REQUESTED_PATHS = '(paths the Dockerfile reads)';

/** The walk of a build that reads no context: nothing read, nothing sent. */
function emptyWalk(inv: Inventory): WalkResult {
  return { state: new Uint8Array(inv.count), deciding: new Int32Array(inv.count).fill(-1), order: new Int32Array(0), failure: undefined, diagnostics: [] };
}

/**
 * BuildKit's walk for a plan: the ignore file's walk, limited to the requested paths when the plan
 * names some (after fsutil's FollowLinks).
 * @returns the walk and the followed paths
 */
/**
 * BuildKit hands the ignore file's patterns to the client as a gRPC header. When one of them holds a
 * non-ASCII character the whole list is encoded and anything passes; otherwise a control character
 * (a tab, a vertical tab…) in a rule fails the request before anything is sent, with "header key
 * \"exclude-patterns\" contains value with non-printable ASCII characters". Seen on the real
 * BuildKit: random seeds 37 (\v\f) and 44 (a tab) fail; seeds 11 and 67 (a lone CR, a tab, beside an
 * emoji or a U+FEFF rule) pass.
 * @throws InputError naming the rule
 */
function checkHeaderValues(rules: readonly RawRule[]): void {
  if (rules.some((r) => /[^\x00-\x7f]/.test(r.pattern))) return;
  const rule = rules.find((r) => /[\x00-\x1f\x7f]/.test(r.pattern));
  if (rule === undefined) return;
  throw new InputError('INPUT_INVALID', `BuildKit fails before sending anything: header key "exclude-patterns" contains value with non-printable ASCII characters (${rule.origin.file}:${rule.origin.line} ${JSON.stringify(rule.pattern)})`, rule.origin.file, 'Remove the control character (tab, vertical tab, form feed…) from that rule, or write ? in its place; BuildKit passes ignore patterns as gRPC headers, which refuse it.');
}

function walkPlan(inv: Inventory, set: PatternSet, plan: SendPlan | undefined): { walk: WalkResult; followed: FollowedPaths | undefined; include?: PatternSet } {
  if (plan?.scope === 'none') return { walk: emptyWalk(inv), followed: undefined };
  if (plan?.scope !== 'paths') return { walk: walkBuildKit(inv, set), followed: undefined };
  const followed = followLinks(inv, plan.followPaths ?? []);
  if (followed.patterns === undefined) return { walk: walkBuildKit(inv, set), followed };
  let include: PatternSet;
  try {
    include = compileRules(followed.patterns.map((pattern) => ({ pattern, origin: { file: REQUESTED_PATHS, line: 0, text: pattern } })));
  } catch (error) {
    if (!(error instanceof IgnoreFileError)) throw error;
    throw new InputError('INPUT_INVALID', `BuildKit fails with "invalid includepatterns": the Dockerfile reads ${JSON.stringify(error.pattern)}, which is not a valid pattern (${error.message}).`, error.pattern, 'Escape [ ] * ? and \\ in COPY and ADD sources with a backslash when they are part of a name.');
  }
  return { walk: walkBuildKit(inv, set, include), followed, include };
}

function compileErrorOf(p: CompiledPattern): IgnoreFileError | undefined {
  const program = p.compiled();
  return program instanceof IgnoreFileError ? program : undefined;
}

/**
 * Runs one builder's rules over an inventory. Directories not read yet are read on demand, so a
 * fresh inventory is read only where the builder looks; a fully scanned one is never touched.
 * @returns the build context
 * @throws IgnoreFileError for load errors, and for rule errors Docker stops on
 */
export function evaluate(inv: Inventory, input: EvaluationInput): BuildContext {
  const { builder, inputs, source } = input;
  let set: PatternSet = compileRules(source.rules);
  let rawRules = source.rules;
  const diagnostics: Diagnostic[] = [];
  let walk;
  let followed: FollowedPaths | undefined;
  let include: PatternSet | undefined;
  let outsideDockerfileSize: number | undefined;
  let unreadable: ReadonlySet<number> | undefined;
  if (builder === 'legacy') {
    // The pre-flight pass can only fail on rule errors, unreadable paths or paths too long for
    // lstat; skip it when none can happen. The tar pass reads the directories first, so the
    // longest path is known.
    const mustValidate = input.checkReadable || set.patterns.some((p) => compileErrorOf(p) !== undefined);
    if (mustValidate) validateLegacy(inv, set, { checkReadable: input.checkReadable, accessRead: input.accessRead });
    const ruleSet = set;
    ({ rules: rawRules, set } = withLegacyForcedRules(source.rules, set, inputs));
    walk = walkLegacy(inv, set);
    if (!mustValidate && mayHitPathMax(inv)) validateLegacy(inv, ruleSet, { checkReadable: false, accessRead: input.accessRead });
    const dockerfileSent = sentIndex(inv, walk, inputs.dockerfileRelative) >= 0;
    if (!dockerfileTravelsApart(inputs) && !dockerfileSent && walk.failure === undefined) {
      diagnostics.push({
        code: 'legacy-dockerfile-not-sent',
        severity: 'error',
        path: inputs.dockerfileRelative,
        message: `The legacy client will not send the Dockerfile (${inputs.dockerfileRelative}): the ignore file excludes it and Docker's deprecated single-depth check misses that, so no exception is added and the daemon fails with "Cannot locate specified Dockerfile". Add the line !${inputs.dockerfileRelative}.`,
      });
    }
    if (dockerfileTravelsApart(inputs)) {
      outsideDockerfileSize = inputs.dockerfileSize;
      const sendsIgnore = sentIndex(inv, walk, '.dockerignore') >= 0;
      diagnostics.push({
        code: 'dockerfile-outside-context',
        severity: 'info',
        message: `The Dockerfile ${inputs.dockerfileFromStdin === true ? 'comes from stdin' : 'is outside the context'}: the legacy client adds it to the upload as .dockerfile.<random>, appends that name to ${sendsIgnore ? '' : 'a new '}.dockerignore, and cuts the stream before the tar's end blocks; the upload size counts all of it${sendsIgnore ? '' : ' (the two added entries come in random order, so Docker\'s figure differs between runs by the last entry\'s padding: see sizes.otherTarBytes)'}.`,
      });
    }
  } else {
    // The rules travel in a request header only when something is sent: a target that reads no
    // context never meets this check. The whole-context view stands for a COPY . ., so it does.
    if (input.plan !== undefined && input.plan.scope !== 'none') checkHeaderValues(source.rules);
    checkFrontendIgnoreMatches(set, input.plan);
    ({ walk, followed, include } = walkPlan(inv, set, input.plan));
    if (walk.failure) throw walk.failure.error;
    diagnostics.push(...(input.plan?.diagnostics ?? []), ...missingSourceDiagnostics(inv, walk, input.plan, (p) => excludingRule(set, p)));
    if (input.checkReadable) {
      unreadable = unreadableFiles(inv, walk.order, input.accessRead);
      for (const i of unreadable) {
        diagnostics.push({
          code: 'buildkit-unreadable-file',
          severity: 'warning',
          path: inv.path(i),
          message: `BuildKit's client cannot read ${inv.path(i)}: it sends the entry, and the file arrives empty (its ${inv.sizes[i]} bytes are not sent). Make it readable, or exclude it in .dockerignore.`,
        });
      }
    }
  }
  diagnostics.push(...walk.diagnostics);
  if (inputs.unreadIgnoreFile !== undefined) {
    diagnostics.push({
      code: 'ignore-file-link-outside-context',
      severity: 'warning',
      message: `BuildKit reads no ignore file: ${inputs.unreadIgnoreFile} is a symbolic link that leads nowhere inside the context, and BuildKit resolves links inside it. The legacy builder's client follows the link.`,
      path: '.dockerignore',
    });
  }
  for (const line of source.ignoreFile?.source.invalidUtf8Lines ?? []) {
    diagnostics.push({
      code: 'invalid-utf8-rule',
      severity: 'warning',
      message: `${source.ignoreFile!.file}:${line} is not valid UTF-8. Docker (and ctxlens) compare its bytes as they are in a plain path, \`dir/**\` or \`**/name\`, but a rule with wildcards reads each bad byte as U+FFFD, matching any bad byte of a name (\`a\\xff*\` also matches \`a\\xfe\`), and a bad byte inside [ ] is a syntax error. Save the file as UTF-8.`,
    });
  }
  const plan = builder === 'buildkit' ? input.plan : undefined;
  return new BuildContext({ builder, inputs, ignoreFile: source.ignoreFile, rawRules, patternSet: set, inventory: inv, walk, diagnostics, outsideDockerfileSize, plan, followed, include, unreadable });
}

/**
 * The context with no rules at all: every entry of the inventory (read fully), in walk order.
 * @returns the build context as if there were no ignore file
 */
export function evaluateUnfiltered(inv: Inventory, builder: Builder, inputs: BuildInputs): BuildContext {
  inv.scanAll();
  const walk = walkEverything(inv, builder);
  return new BuildContext({ builder, inputs, ignoreFile: undefined, rawRules: [], patternSet: compileRules([]), inventory: inv, walk, diagnostics: walk.diagnostics });
}
