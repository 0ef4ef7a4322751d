// What BuildKit will ask the client to send for this build: nothing (the target reads no context),
// everything that passes the ignore file, or only the paths the target's instructions read. The
// legacy builder always uploads the whole filtered context, so it has no plan.
import type { Diagnostic } from '../diagnostics.js';
import { requestedPaths, type ContextRequests } from '../dockerfile/requests.js';
import { parseDockerfile } from '../dockerfile/stages.js';
import type { ResolvedOptions } from '../options.js';
import type { BuildInputs } from './resolve-inputs.js';

/** How much of the context BuildKit asks for. */
export type SendScope = 'none' | 'whole' | 'paths';

/** BuildKit's request for one build, and why. */
export interface SendPlan {
  readonly scope: SendScope;
  /** Why the whole context (scope `whole`): a read of the root, the `wholeContext` option, or no Dockerfile. */
  readonly wholeBecause: 'dockerfile' | 'option' | 'no-dockerfile' | undefined;
  /** The Dockerfile's reads, when it was read. */
  readonly requests: ContextRequests | undefined;
  /** The paths BuildKit asks for (FollowPaths), when scope is `paths`. */
  readonly followPaths: readonly string[] | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The plan of `wholeContext`: everything the ignore file lets through, as if the Dockerfile ran
 * `COPY . .` (the eligible context, which a later `COPY . .` or the legacy builder would send).
 * @returns a fresh plan
 */
export function wholeContextPlan(): SendPlan {
  return { scope: 'whole', wholeBecause: 'option', requests: undefined, followPaths: undefined, diagnostics: [] };
}

/**
 * Reads the Dockerfile (from disk or `dockerfileText`) and works out what BuildKit asks for. With
 * `wholeContext` the Dockerfile is not read at all.
 * @returns the plan
 * @throws DockerfileError with BuildKit's message and line for a Dockerfile BuildKit refuses
 */
export function planSend(options: ResolvedOptions, inputs: BuildInputs): SendPlan {
  const diagnostics: Diagnostic[] = [];
  // The caller asked for everything: the Dockerfile's reads do not matter, so it is not even parsed.
  if (options.wholeContext) return wholeContextPlan();
  let text = options.dockerfileText;
  if (text === undefined && inputs.dockerfileExists) text = Buffer.from(options.fs.readFile(inputs.dockerfile, 'Dockerfile').bytes).toString('utf8');
  if (text === undefined) {
    diagnostics.push({
      code: 'no-dockerfile',
      severity: 'info',
      message: `There is no Dockerfile (${inputs.dockerfileRelative}), so which paths BuildKit would ask for is unknown: ctxlens shows the whole eligible context, as if the Dockerfile ran COPY . . (docker build itself would stop without a Dockerfile).`,
    });
    return { scope: 'whole', wholeBecause: 'no-dockerfile', requests: undefined, followPaths: undefined, diagnostics };
  }
  const name = options.dockerfileText !== undefined && options.dockerfile === undefined ? 'Dockerfile' : inputs.dockerfileRelative.startsWith('../') ? inputs.dockerfile : inputs.dockerfileRelative;
  const dockerfile = parseDockerfile(text, name);
  const requests = requestedPaths(dockerfile, { ...(options.target === undefined ? {} : { target: options.target }), buildArgs: options.buildArgs });
  if (dockerfile.frontend !== undefined) {
    diagnostics.push({
      code: 'dockerfile-frontend',
      severity: 'warning',
      message: `The Dockerfile asks for the frontend ${dockerfile.frontend.ref} (# syntax=): Docker would build it with that image, whose reading may differ from the built-in frontend ctxlens follows.`,
    });
  }
  if (!requests.usesContext) {
    diagnostics.push({
      code: 'no-context-use',
      severity: 'info',
      message: `No instruction of the target's stages reads the build context (no COPY or ADD of local files, no bind mount from it): BuildKit has no "load build context" step and sends nothing.`,
    });
    return { scope: 'none', wholeBecause: undefined, requests, followPaths: undefined, diagnostics };
  }
  if (requests.wholeContext) return { scope: 'whole', wholeBecause: 'dockerfile', requests, followPaths: undefined, diagnostics };
  return { scope: 'paths', wholeBecause: undefined, requests, followPaths: requests.followPaths, diagnostics };
}
