// action.yml, run as GitHub's runner runs a composite action: each step's `run` with
// `bash --noprofile --norc -eo pipefail`, in $GITHUB_WORKSPACE, with the variables a runner sets
// (GITHUB_ACTIONS, GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_STEP_SUMMARY, RUNNER_TEMP…) and the
// step's `env` with `${{ inputs.* }}` filled in. The action path is a clone of this repository
// without node_modules or dist, as `uses:` checks it out, so the bundling step runs for real (it
// downloads the bundle's build packages from the npm registry, or npm's cache).
// action.yml is read with PyYAML (python3-yaml, which Debian's pre-commit depends on).
import type { TempDir } from '@ctxlens/test-fixtures';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';
import { snapshotRepo } from './helpers/repo-snapshot.js';

interface Step {
  name: string;
  shell?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const yaml = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
const haveYaml = yaml.status === 0;

function readAction(): Action {
  const r = spawnSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', join(REPO_ROOT, 'action.yml')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`action.yml: ${r.stderr}`);
  return JSON.parse(r.stdout) as Action;
}

/** Fills `${{ inputs.name }}` and `${{ github.action_path }}`; any other expression is an error here. */
function expand(text: string, inputs: Record<string, string>, actionPath: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (input) return inputs[input[1]!] ?? '';
    if (expr === 'github.action_path') return actionPath;
    throw new Error(`action.yml: expression not supported by this test: ${expr}`);
  });
}

interface Run {
  /** The step that failed, or undefined when every step passed. */
  failed: string | undefined;
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
}

/** The test's environment (the machine's certificates and npm settings, as a runner has its own) without its GitHub or CI variables. */
function runnerBase(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(GITHUB_|RUNNER_|CI$|FORCE_COLOR|NO_COLOR)/.test(k)) env[k] = v;
  return env;
}

let workspace: TempDir;
let actionPath: string;

/** Runs the action's steps on the workspace with `with:` inputs, stopping at the first failure. */
function runAction(withInputs: Record<string, string>, env: Record<string, string> = {}): Run {
  const action = readAction();
  expect(action.runs.using).toBe('composite');
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = withInputs[name] ?? spec.default ?? '';
  const temp = join(workspace.path, '..', `${workspace.path.split('/').pop()}-runner`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  const summary = join(temp, 'step_summary');
  writeFileSync(summary, '');
  let stdout = '';
  let stderr = '';
  for (const step of action.runs.steps) {
    expect(step.uses, `${step.name}: only run steps`).toBeUndefined();
    expect(step.shell).toBe('bash');
    if (step.if !== undefined) throw new Error(`${step.name}: "if" is not supported by this test`);
    const script = join(temp, 'step.sh');
    writeFileSync(script, expand(step.run!, inputs, actionPath));
    const stepEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = expand(String(v), inputs, actionPath);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace.path,
      encoding: 'utf8',
      env: {
        ...runnerBase(),
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace.path,
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: join(temp, 'output'),
        GITHUB_ENV: join(temp, 'env'),
        RUNNER_TEMP: temp,
        RUNNER_OS: 'Linux',
        ...env,
        ...stepEnv,
      },
    });
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.status !== 0) return { failed: step.name, code: r.status ?? -1, stdout, stderr, summary: readFileSync(summary, 'utf8') };
  }
  return { failed: undefined, code: 0, stdout, stderr, summary: readFileSync(summary, 'utf8') };
}

beforeAll(async () => {
  workspace = await fixture([
    { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
    { file: 'src/index.js', content: 'console.log(1)\n' },
    { file: '.env', content: 'API_KEY=secret\n' },
    { file: '.dockerignore', content: 'data\n' },
    { file: 'src/data/seed.json', content: '{}\n' },
    { file: 'web/Dockerfile', content: 'FROM nginx\nCOPY . .\n' },
    { file: 'web/index.html', content: '<p>hi</p>\n' },
  ]);
  actionPath = join(`${workspace.path}-action`);
  rmSync(actionPath, { recursive: true, force: true });
  snapshotRepo(actionPath);
});
afterAll(() => {
  workspace?.cleanup();
  if (actionPath) rmSync(actionPath, { recursive: true, force: true });
});

describe.skipIf(!haveYaml)(`action.yml, its steps run as a runner runs them${haveYaml ? '' : ' (skipped: python3-yaml is not installed; .ci/run installs pre-commit, which brings it)'}`, () => {
  it('bundles the CLI, fails the job on .env with an error annotation, and writes the summary', () => {
    const r = runAction({});
    expect(r.stderr).not.toMatch(/^> /m);
    expect(r.failed).toBe('ctxlens check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error file=.env,title=ctxlens check%3A deny%3Asecrets::.env is sent in the Docker build context');
    expect(r.stdout).toContain('FAIL deny:secrets (1 path sent)');
    expect(r.summary).toContain('## ctxlens check: ❌ failed');
    expect(r.summary).toContain('| deny:secrets | ❌ FAIL |');
  }, 600_000);

  it('args and directory reach check; lint: true also lints (and its warnings fail the step)', () => {
    const pass = runAction({ directory: 'web', args: '--max-files 10 --deny secrets,vcs' });
    expect(pass.failed).toBeUndefined();
    expect(pass.stdout).toContain('PASS maxFiles (2 files, limit 10)');
    expect(pass.summary).toContain('## ctxlens check: ✅ passed');
    const linted = runAction({ args: '--deny none', lint: 'true' });
    expect(linted.stdout).toMatch(/^::warning file=\.dockerignore,line=1,title=ctxlens lint%3A anchored-name::/m);
    expect(linted.failed).toBe('ctxlens check');
    expect(linted.code).toBe(1);
  }, 600_000);

  it('a bad lint input is a usage error', () => {
    const r = runAction({ args: '--deny none', lint: 'yes' });
    expect(r.stdout).toContain('::error title=ctxlens action::input lint must be true or false, got "yes"');
    expect(r.code).toBe(2);
  }, 600_000);
});
