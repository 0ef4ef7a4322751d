// "Why is this path in or out?" under either builder, from a context evaluated under one of them:
// the rules are compiled again for the other builder, with the exceptions the legacy client adds
// for the Dockerfile and .dockerignore (docker/cli TrimBuildFilesFromExcludes) when it is legacy.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { ACCEPTS, checkArgument, checkStringList } from '../validate.js';
import { type Explanation, explainPath } from '../context/explain.js';
import { builderPatternSet, extraRules, LEGACY_FORCED_RULES } from '../context/rule-set.js';
import type { Builder } from '../options.js';

/** A path's explanation under the context's builder and under the other one. */
export interface BuilderExplanations {
  readonly current: Explanation;
  readonly other: Explanation;
  /** True when the other builder would send the path and this one would not, or the reverse. */
  readonly differs: boolean;
}

/**
 * Explains a path with the context's own rules under a given builder.
 * @returns the explanation
 * @throws IgnoreFileError when a rule on the way does not compile
 */
export function explainUnder(context: BuildContext, builder: Builder, path: string): Explanation {
  checkContextArgument(context, 'context');
  if (builder === context.builder) return context.explain(path);
  const own = context.rawRules.filter((r) => r.origin.file !== LEGACY_FORCED_RULES);
  return explainPath(builderPatternSet(own, builder, context.inputs), builder, path, context.kindOf);
}

/**
 * Explains a path under both builders.
 * @returns both explanations and whether they disagree
 * @throws IgnoreFileError when a rule on the way does not compile
 */
export function explainBothBuilders(context: BuildContext, path: string): BuilderExplanations {
  checkContextArgument(context, 'context');
  const other: Builder = context.builder === 'buildkit' ? 'legacy' : 'buildkit';
  const current = context.explain(path);
  const second = explainUnder(context, other, path);
  return { current, other: second, differs: current.included !== second.included };
}

/**
 * Explains a path under proposed rule lines without evaluating the whole tree (for previews such
 * as "would the legacy builder honour this exception?").
 * @param lines .dockerignore lines, in order
 * @returns the explanation
 * @throws IgnoreFileError when a line is not a valid pattern
 */
export function explainWithLines(context: BuildContext, lines: readonly string[], builder: Builder, path: string, file = '.dockerignore'): Explanation {
  checkContextArgument(context, 'context');
  checkStringList(lines, 'lines');
  checkArgument(file, 'file', ACCEPTS.string);
  return explainPath(builderPatternSet(extraRules(lines, file), builder, context.inputs), builder, path, context.kindOf);
}
