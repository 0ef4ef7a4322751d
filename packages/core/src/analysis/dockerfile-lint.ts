// The Dockerfile side of `lint`: a COPY of a path the context does not carry (the build fails on it,
// copySourceErrors), and the course's checklist, kept to a few rules that are right when they fire:
// build tools in the final image, an unpinned base image, root in the final stage, no HEALTHCHECK,
// no .dockerignore, an ARG or ENV named like a secret. Each finding has a stable code, the Dockerfile line and a one-line fix.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import type { Instruction } from '../dockerfile/instructions.js';
import type { StageGraph, StageNode } from '../dockerfile/stages.js';
import { copySourceErrors } from './copy-errors.js';
import type { LintFinding } from './lint-types.js';
import { secretVariables } from './secret-names.js';

/** Stable identifiers of Dockerfile findings. */
export type DockerfileLintCode = 'copy-excluded' | 'copy-missing' | 'build-tools-in-final-image' | 'unpinned-base-image' | 'root-user' | 'no-healthcheck' | 'no-dockerignore' | 'secret-in-arg-env';

/** One Dockerfile finding: the shape of an ignore-file finding, with the Dockerfile as its file. */
export interface DockerfileFinding extends Omit<LintFinding, 'code'> {
  readonly code: DockerfileLintCode;
}

// A RUN that compiles or bundles: its compilers and dev dependencies stay in the image it runs in.
const BUILD_STEP = /\b(?:(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?build|go\s+build|cargo\s+build|mvn\s|gradle\s|\.\/gradlew\s|dotnet\s+(?:build|publish)|tsc\b|make\b|gcc\s|g\+\+\s|build-essential)/;
const ROOT_USERS = new Set(['root', '0']);

/**
 * Lints the Dockerfile of a BuildKit context whose Dockerfile was read: COPY sources that will not
 * arrive, then the checklist rules on the target's stages.
 * @returns findings in line order (empty when the Dockerfile was not read)
 */
export function lintDockerfile(ctx: BuildContext): DockerfileFinding[] {
  checkContextArgument(ctx, 'ctx');
  const graph = ctx.plan?.requests?.graph;
  if (graph === undefined) return [];
  const file = ctx.inputs.dockerfile;
  const at = (line: number, text: string) => ({ file, line, text });
  const findings: DockerfileFinding[] = copySourceErrors(ctx).map((e) => ({
    code: e.cause === 'excluded' ? 'copy-excluded' : 'copy-missing',
    severity: 'error',
    ...at(e.instruction.line, e.instruction.text),
    // The finding's place already says `Dockerfile:N`: the message starts at the instruction.
    message: e.message.startsWith(`${e.dockerfile}:${e.instruction.line} `) ? e.message.slice(`${e.dockerfile}:${e.instruction.line} `.length) : e.message,
    fix: e.rule !== undefined ? `Add "!${e.path}" after ${e.rule.file}:${e.rule.line}, or remove that line.` : `Create ${e.path}, or fix the source of this ${e.instruction.text.split(/\s/)[0]}.`,
  }));
  const target = graph.stages[graph.target]!;
  const chain = stageChain(graph, target);
  for (const stage of graph.stages) {
    if (stage.reachable) findings.push(...unpinnedBase(stage, at));
  }
  const build = target.commands.find((c) => c.kind === 'run' && BUILD_STEP.test(c.command.join(' ')));
  if (build !== undefined) {
    findings.push({
      code: 'build-tools-in-final-image',
      severity: 'warning',
      ...at(build.line, build.text),
      message: `The final stage (${target.name}) builds the application: its compilers and dev dependencies ship in the image.`,
      fix: 'Build in a `FROM … AS build` stage, then `COPY --from=build` only the output into a slim final stage.',
    });
  }
  const user = lastOf(chain, 'user');
  const base = chain[0]!;
  const userName = user === undefined ? undefined : (user.kind === 'other' ? user.expanded[0] : undefined)?.split(':')[0];
  if (base.baseName !== 'scratch' && !/nonroot/.test(base.baseName) && (userName === undefined || ROOT_USERS.has(userName))) {
    const where = user ?? target.source;
    findings.push({
      code: 'root-user',
      severity: 'warning',
      ...at(where.line, where.text),
      message: user === undefined ? `The final stage (${target.name}) sets no USER: the container runs as root.` : `The final stage runs as root (${user.text}).`,
      fix: 'Add `USER <non-root user>` (for example `USER node`, or `USER 10001`) near the end of the final stage.',
    });
  }
  // A scratch image has no shell or tool to run a check with: asking for one there would be noise.
  if (base.baseName !== 'scratch' && lastOf(chain, 'healthcheck') === undefined) {
    findings.push({
      code: 'no-healthcheck',
      severity: 'info',
      ...at(target.source.line, target.source.text),
      message: `The final stage (${target.name}) has no HEALTHCHECK: Docker cannot tell a hung container from a healthy one.`,
      fix: 'Add `HEALTHCHECK CMD <command that fails when the service is unhealthy>` (or `HEALTHCHECK NONE` to say none is wanted).',
    });
  }
  for (const v of secretVariables(graph)) {
    findings.push({
      code: 'secret-in-arg-env',
      severity: 'warning',
      ...at(v.line, v.text),
      // An ENV value is in the image config; an ARG value is in its history. Both are readable by anyone with the image.
      message: `${v.instruction} ${v.name} looks like a secret: its value stays in the image ${v.instruction === 'ENV' ? 'config' : 'history'} of stage ${v.stage}.`,
      fix: `Pass it with \`docker build --secret id=${v.name.toLowerCase()},env=${v.name}\` and read it in \`RUN --mount=type=secret,id=${v.name.toLowerCase()},env=${v.name} …\`, not as ${v.instruction}.`,
    });
  }
  if (ctx.inputs.ignoreFile === undefined) {
    findings.push({
      code: 'no-dockerignore',
      severity: 'warning',
      ...at(1, graph.stages[0]?.source.text ?? ''),
      message: 'There is no .dockerignore: everything the Dockerfile reads is sent, .git, secrets and dependencies included.',
      fix: 'Run `ctxlens suggest --allowlist --write` (or `ctxlens suggest --write`) to create one.',
    });
  }
  return findings.sort((a, b) => a.line - b.line);
}

/** The target stage and the stages it is built FROM, base first. */
function stageChain(graph: StageGraph, target: StageNode): StageNode[] {
  const chain = [target];
  for (let s = target; s.baseStage !== undefined && !chain.includes(graph.stages[s.baseStage]!); ) {
    s = graph.stages[s.baseStage]!;
    chain.unshift(s);
  }
  return chain;
}

/** The last instruction with this keyword in the chain (later stages override earlier ones). */
function lastOf(chain: readonly StageNode[], keyword: string): Instruction | undefined {
  let found: Instruction | undefined;
  for (const stage of chain) for (const c of stage.commands) if (c.kind === 'other' && c.keyword === keyword) found = c;
  return found;
}

/** A FROM image with no tag, or `latest`: the build changes when the image is pushed again. */
function unpinnedBase(stage: StageNode, at: (line: number, text: string) => { file: string; line: number; text: string }): DockerfileFinding[] {
  const image = stage.baseName;
  if (stage.baseStage !== undefined || image === '' || image === 'scratch' || image.includes('@') || image.includes('$')) return [];
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  const tag = colon < 0 ? undefined : name.slice(colon + 1);
  if (tag !== undefined && tag !== 'latest') return [];
  return [
    {
      code: 'unpinned-base-image',
      severity: 'warning',
      ...at(stage.source.line, stage.source.text),
      message: tag === undefined ? `${image} has no tag: it means latest, which changes under you.` : `${image} follows latest, which changes under you.`,
      fix: `Pin a version tag (for example ${image.split(':')[0]}:<version>), or a digest (@sha256:…).`,
    },
  ];
}
