// `ctxlens check`: the CI and pre-commit gate. Rules come from .ctxlens.json or package.json#ctxlens
// and from flags (flags win); with nothing configured it denies secrets. Exit 0 pass, 1 fail, 2 bad
// usage or input. Under GitHub Actions it also appends a Markdown summary to $GITHUB_STEP_SUMMARY.
import { diffBuilders, runChecks } from '@ctxlens/core';
import { eligibleContext, loadBuilderRules, otherBuilder, otherBuilderContext } from '@ctxlens/core/internal';
import * as fs from 'node:fs';
import type { Argv } from 'yargs';
import { parseAllowFlags } from '../config/allow-list.js';
import { type GateConfig, type PartialCheckConfig, mergeCheckConfig, parseDeny, ConfigError } from '../config/check-config.js';
import { applyGate, coreCheckConfig } from '../config/check-gate.js';
import { loadCheckConfig } from '../config/load-config.js';
import { parseSize, parseUnusedLimit } from '../config/parse-size.js';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { annotation, inGitHubActions } from '../output/annotations.js';
import { checkAnnotations } from '../output/check-annotations.js';
import { checkJson, checkLines } from '../output/check-report.js';
import { checkMarkdown } from '../output/check-markdown.js';
import { createColors } from '../output/color.js';
import { contextJson } from '../output/context-json.js';
import { toJson } from '../output/json.js';
import { plural } from '../output/numbers.js';
import { displayPath } from '../output/paths.js';
import { ignoreFileLabel } from '../output/size-report.js';
import { guarded } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { loadComparison, loadContext } from './load-context.js';
import { type CommonArgs, type ContextArgs, contextOptions, coreOptions, dirPositional, jsonOption, type ArgvOf, toContextArgs } from './shared-options.js';
import { treeRead, type TreeReadOption } from './tree-read.js';

/** Options of `check`. */
export const checkOptions = {
  ...contextOptions,
  ...jsonOption,
  'max-size': { type: 'string', requiresArg: true, describe: 'Fail when the upload is bigger, e.g. 50MB, 1.5GiB' },
  'max-files': { type: 'number', requiresArg: true, describe: 'Fail when the context holds more regular files' },
  'max-unused': { type: 'string', requiresArg: true, describe: 'Fail when more is sent that the Dockerfile never uses: bytes (50MB) or a percent of what is sent (20%); needs BuildKit and the Dockerfile' },
  deny: { type: 'string', requiresArg: true, describe: 'Fail when these are sent: secrets, vcs, dependencies, test-output, logs, caches; secrets-sent (secrets the builder sees), secrets-shipped (secrets that reach the image) (comma-separated; "none" for none)' },
  warn: { type: 'string', requiresArg: true, describe: 'Warn (WARN, exit 0) when these categories are sent; a category also in --deny fails' },
  allow: { type: 'string', requiresArg: true, describe: 'A path (relative to the context) that --deny/--warn let through: CATEGORY=PATH, or PATH for any category; repeatable' },
  'builder-divergence': { type: 'boolean', describe: 'Fail when BuildKit and the legacy builder read the ignore file differently (they let different files through; what the Dockerfile asks for aside). Reads the whole tree, excluded directories too' },
  config: { type: 'string', requiresArg: true, describe: 'Read rules from this file instead of .ctxlens.json / package.json#ctxlens' },
} as const;

/** Typed options of runCheck. */
export interface CheckOptions extends ContextArgs, CommonArgs, TreeReadOption {
  readonly json: boolean;
  readonly maxSize?: string | undefined;
  readonly maxFiles?: number | undefined;
  readonly maxUnused?: string | undefined;
  readonly deny?: readonly string[] | undefined;
  readonly warn?: readonly string[] | undefined;
  readonly allow?: readonly string[] | undefined;
  readonly builderDivergence?: boolean | undefined;
  readonly config?: string | undefined;
}

function flagConfig(o: CheckOptions): PartialCheckConfig {
  let maxSize: number | undefined;
  if (o.maxSize !== undefined) {
    maxSize = parseSize(o.maxSize);
    if (maxSize === undefined) throw new ConfigError(`--max-size: "${o.maxSize}" is not a size`, 'Write it like 50MB, 1.5GiB or a number of bytes.');
  }
  const maxUnused = o.maxUnused === undefined ? undefined : parseUnusedLimit(o.maxUnused);
  if (o.maxUnused !== undefined && maxUnused === undefined) throw new ConfigError(`--max-unused: "${o.maxUnused}" is not a size or a percent`, 'Write it like 50MB, a number of bytes, or 20% (of the bytes sent).');
  if (o.maxFiles !== undefined && (!Number.isInteger(o.maxFiles) || o.maxFiles < 0)) throw new ConfigError(`--max-files: "${o.maxFiles}" is not a whole number`);
  return { maxSize, maxFiles: o.maxFiles, maxUnused, deny: o.deny === undefined ? undefined : parseDeny(o.deny, '--deny'),
    warn: o.warn === undefined ? undefined : parseDeny(o.warn, '--warn', 'warn'),
    allow: o.allow === undefined ? undefined : parseAllowFlags(o.allow),
    builderDivergence: o.builderDivergence,
  };
}

/**
 * Whether a rule needs every entry of the tree. Limits, denied categories, secrets and unused bytes
 * are about what the builder sends, so `check` reads what `ls` reads; only builderDivergence looks
 * where this builder does not: the other one may enter directories this one prunes.
 * @returns true when the whole tree must be read
 */
export function checkNeedsWholeTree(config: Pick<GateConfig, 'builderDivergence'>): boolean {
  return config.builderDivergence;
}

/**
 * Appends the job summary. The summary is a report, not the gate: when the file cannot be written
 * (a step that points GITHUB_STEP_SUMMARY at a missing directory, a full disk) `check` says so and
 * still gives its verdict.
 */
function writeStepSummary(file: string, markdown: string, io: Io): void {
  try {
    fs.appendFileSync(file, markdown);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const message = `cannot write the job summary to GITHUB_STEP_SUMMARY=${file} (${reason}); the check itself ran`;
    io.stderr.write(inGitHubActions(io.env) ? annotation('warning', message, { title: 'ctxlens check' }) : `ctxlens: warning: ${message}\n`);
  }
}

/**
 * Runs the check rules on the context.
 * @returns 0 when every rule passes or is skipped, 1 when one fails, 2 on bad usage or input
 */
export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    const loaded = loadCheckConfig(options.dir, io.cwd, options.config);
    const config = mergeCheckConfig(loaded.config, flagConfig(options));
    const ctx = treeRead(options, checkNeedsWholeTree(config)) === 'whole' ? (await loadComparison(options, io, options)).context : await loadContext(options, io, options);
    let builders;
    if (config.builderDivergence) {
      const otherRules = loadBuilderRules(options.dir, coreOptions({ ...options, builder: otherBuilder(options.builder) }, io));
      // The gate is about how the builders read the ignore file: BuildKit's narrower request under a
      // Dockerfile that copies a subset is not a divergence a line could fix.
      builders = diffBuilders(eligibleContext(ctx), eligibleContext(otherBuilderContext(ctx, otherRules)));
    }
    const results = applyGate(runChecks({ context: ctx, builders, offenderLimit: Number.MAX_SAFE_INTEGER }, coreCheckConfig(config)), config);
    const failed = results.some((r) => r.status === 'fail');
    if (inGitHubActions(io.env)) {
      // Workflow commands are read from stdout; JSON and -q keep stdout clean, and the runner reads stderr too.
      (options.json || options.quiet ? io.stderr : io.stdout).write(checkAnnotations(results, { contextDir: ctx.inputs.contextDir, ignoreFile: ctx.inputs.ignoreFile, env: io.env, cwd: io.cwd }));
    }
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      const title = `Context \`${displayPath(ctx.inputs.contextDir, io.cwd)}\` (${ctx.builder})`;
      writeStepSummary(summaryFile, checkMarkdown(results, title, `${ctx.sizes.dockerSize} upload, ${plural(ctx.sizes.files, 'file')}`), io);
    }
    if (!options.quiet) {
      if (options.json) io.stdout.write(toJson({ ...contextJson(ctx, options), ...checkJson(results, config, loaded.source) }));
      else io.stdout.write(checkLines(results, createColors(io), ignoreFileLabel(ctx) ?? '.dockerignore').join('\n') + '\n');
    }
    return failed ? ExitCode.Fail : ExitCode.Ok;
  });
}

/** The yargs module of `check`. */
export const checkCommand: CommandFactory<ArgvOf<typeof checkOptions>> = ({ io, setExitCode }) => ({
  command: 'check [dir]',
  describe: 'Gate CI and commits on the context: size and file limits, denied categories, builder agreement',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(checkOptions)
      .example('$0 check', 'rules from .ctxlens.json or package.json#ctxlens (default: --deny secrets)')
      .example('$0 check --max-size 50MB --max-files 5000 --deny secrets,vcs,dependencies', 'rules from flags')
      .example('$0 check --max-unused 20%', 'fail when over a fifth of the bytes sent is never used by the Dockerfile (BuildKit)')
      .example('$0 check --deny secrets-shipped', 'fail only when a secret file reaches the final image (BuildKit, with the Dockerfile)')
      .example('$0 check --builder-divergence', 'fail when BuildKit and DOCKER_BUILDKIT=0 would send different files')
      .example('$0 check --warn dependencies --allow secrets=test/fixtures/.env.test', 'warn (exit 0) when dependencies are sent; let one fixture through the secrets rule')
      .example('$0 check --json | jq .rules', 'machine-readable results')
      .epilogue(
        'Config file (.ctxlens.json, or "ctxlens" in package.json):\n  { "maxSize": "50MB", "maxFiles": 5000, "maxUnused": "20%", "deny": ["secrets", "vcs"], "warn": ["logs"], "allow": { "secrets": ["test/fixtures/.env.test"] }, "builderDivergence": true }\n' +
          'What it reads: only what the builder walks, as `ctxlens ls` does (excluded directories no exception reaches into, such as node_modules and .git, are skipped; under BuildKit, what the Dockerfile does not ask for too), which is all that maxSize, maxFiles, maxUnused and deny/warn need. builderDivergence reads the whole tree: the other builder may enter directories this one skips.\n' +
          'Under GitHub Actions (GITHUB_ACTIONS=true) each offending path is also an ::error or ::warning annotation.\nExit codes: 0 pass (warnings allowed), 1 fail, 2 bad usage or input.',
      ),
  handler: async (argv: ArgvOf<typeof checkOptions>) => {
    const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
    const deny = list(argv.deny);
    setExitCode(
      await runCheck(
        { ...toContextArgs(argv, io.env), json: argv.json === true, maxSize: argv['max-size'], maxFiles: argv['max-files'], maxUnused: argv['max-unused'], deny, warn: list(argv.warn), allow: list(argv.allow), builderDivergence: argv['builder-divergence'], config: argv.config },
        io,
      ),
    );
  },
});
