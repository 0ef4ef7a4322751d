// ARG and ENV names that look like secrets, as BuildKit's SecretsUsedInArgOrEnv check judges them
// (dockerfile2llb getSecretsRegex and validateNoSecretKey): a secret word that is a whole
// `_`-separated part of the name, in any case, unless an allowed word is one too. The check runs
// on the ARG and ENV instructions of the stages a build dispatches; global ARGs (before the first
// FROM) and ONBUILD triggers are not checked. A value set by ARG or ENV stays in the image's
// history or config, where anyone who pulls the image can read it.
import type { StageGraph } from '../dockerfile/stages.js';

/** The secret words of BuildKit's rule. */
export const SECRET_NAME_WORDS: readonly string[] = ['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token'];

/**
 * Words that clear a name. BuildKit's master has these three; the frontend built into Docker 28.5
 * knows only `public` (checked on the real builder: it flags `KEY_FILE` and `TOKEN_VERSION`).
 */
export const SECRET_NAME_ALLOWED_WORDS: readonly string[] = ['public', 'file', 'version'];

/** The allowed words of the frontend built into Docker 28.5 (BuildKit 0.25). */
export const SECRET_NAME_ALLOWED_WORDS_DOCKER_28: readonly string[] = ['public'];

function wordPattern(words: readonly string[]): RegExp {
  return new RegExp(`(?:_|^)(?:${words.join('|')})(?:_|$)`, 'i');
}

const SECRET = wordPattern(SECRET_NAME_WORDS);
const DEFAULT_ALLOWED = wordPattern(SECRET_NAME_ALLOWED_WORDS);

/**
 * Whether BuildKit would call an ARG or ENV name sensitive.
 * @param allowed the words that clear a name (default: BuildKit's current list)
 * @returns true when the name looks like a secret
 */
export function looksLikeSecretName(name: string, allowed: readonly string[] = SECRET_NAME_ALLOWED_WORDS): boolean {
  const allow = allowed === SECRET_NAME_ALLOWED_WORDS ? DEFAULT_ALLOWED : allowed.length === 0 ? undefined : wordPattern(allowed);
  return SECRET.test(name) && !(allow?.test(name) ?? false);
}

/** An ARG or ENV whose name looks like a secret. */
export interface SecretVariable {
  readonly instruction: 'ARG' | 'ENV';
  readonly name: string;
  /** The Dockerfile, as the stage graph names it. */
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
  /** The instruction as written. */
  readonly text: string;
  /** Name of the stage it is in. */
  readonly stage: string;
  /** Whether the stage is the target or one it is built FROM: its ENV values (and ARG values, in the history) reach the image. */
  readonly inTarget: boolean;
}

/**
 * Lists the ARG and ENV names of the dispatched stages that BuildKit's SecretsUsedInArgOrEnv flags.
 * @param allowed the words that clear a name (default: BuildKit's current list)
 * @returns one row per flagged name, in file order
 */
export function secretVariables(graph: StageGraph, allowed: readonly string[] = SECRET_NAME_ALLOWED_WORDS): SecretVariable[] {
  const out: SecretVariable[] = [];
  const image = new Set<number>();
  for (let s: number | undefined = graph.target; s !== undefined; s = graph.stages[s]!.baseStage) image.add(s);
  for (const stage of graph.stages) {
    if (!stage.reachable) continue;
    for (const cmd of stage.commands) {
      const names = cmd.kind === 'arg' ? cmd.args.map((a) => a.key) : cmd.kind === 'env' ? cmd.pairs.map((p) => p.key) : [];
      for (const name of names) {
        if (!looksLikeSecretName(name, allowed)) continue;
        out.push({ instruction: cmd.kind === 'arg' ? 'ARG' : 'ENV', name, file: graph.file, line: cmd.line, endLine: cmd.endLine, text: cmd.text, stage: stage.name, inTarget: image.has(stage.index) });
      }
    }
  }
  return out;
}
