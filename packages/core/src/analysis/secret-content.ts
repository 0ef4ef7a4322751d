// Secrets found by what a file holds, not by its name: a token pasted into `secrets.txt`, a
// service-account key saved as `config/gcp-sa.json`. Each detector is a token format with a fixed,
// documented shape (a vendor prefix, a PEM armour line followed by its body, a key name in
// context), so a hit is a secret and not a guess: no entropy scoring, which flags hashes, ids and
// lock-file integrity fields. Values that are plainly placeholders (AWS's documented
// `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxx…`) and environment references (`_authToken=${NPM_TOKEN}`) are
// not secrets. A finding carries the detector and the line, never the value.

/** The detectors, by id. */
export type SecretDetectorId =
  | 'private-key'
  | 'pgp-private-key'
  | 'gcp-service-account'
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'github-token'
  | 'github-fine-grained-token'
  | 'gitlab-token'
  | 'npm-token'
  | 'npmrc-auth'
  | 'yarnrc-auth'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-key'
  | 'sendgrid-key';

/** One token format. */
export interface SecretDetector {
  readonly id: SecretDetectorId;
  /** What it finds, in words for reports. */
  readonly kind: string;
  /**
   * A global regexp. Group `shown` is the part safe to print (a vendor prefix, the PEM label, a key
   * name); group `value`, when present, is the secret part, checked against placeholders.
   */
  readonly pattern: RegExp;
  /** When set, the detector runs only on files so named (a key name that means a secret only there). */
  readonly onlyIn?: (name: string) => boolean;
  /** When set, the whole text must match this too (a GCP key file says what it is). */
  readonly requires?: RegExp;
}

/** A secret found in a file. */
export interface SecretFinding {
  readonly detector: SecretDetectorId;
  readonly kind: string;
  /** 1-based line of the match's start. */
  readonly line: number;
  /** What may be printed: the format's fixed part and an ellipsis (e.g. `ghp_…`), never the value. */
  readonly masked: string;
}

/**
 * The line break after a PEM label, optional armour headers (`Proc-Type: 4,ENCRYPTED`, `Version: …`)
 * and a blank line, then the key's base64 body: a lone label in code or docs is not a key. A key
 * inside a JSON string has `\n` escapes for line breaks.
 */
const NL = String.raw`(?:\r?\n|\\r?\\n)`;
const PEM_BODY = String.raw`${NL}(?:[A-Za-z][A-Za-z-]*: [^\r\n\\]*${NL})*${NL}?[A-Za-z0-9+/]{40}`;
/** An environment reference instead of a value: `${NPM_TOKEN}`, `$NPM_TOKEN`. */
const ENV_REFERENCE = /^["']?\$(?:\{[^}]+\}|[A-Za-z_][A-Za-z0-9_]*)["']?$/;
const named = (...names: string[]) => (name: string): boolean => names.includes(name);

/** The detectors, most specific first: when two match on one line, the first names the finding. */
export const SECRET_DETECTORS: readonly SecretDetector[] = [
  {
    id: 'gcp-service-account',
    kind: 'Google Cloud service-account key',
    pattern: /"private_key"\s*:\s*"-----BEGIN (?<shown>PRIVATE KEY)-----\\n(?<value>[A-Za-z0-9+/]{40})/g,
    requires: /"type"\s*:\s*"service_account"/,
  },
  { id: 'private-key', kind: 'PEM private key', pattern: new RegExp(String.raw`-----BEGIN (?<shown>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----${PEM_BODY}`, 'g') },
  { id: 'pgp-private-key', kind: 'PGP private key', pattern: new RegExp(String.raw`-----BEGIN (?<shown>PGP PRIVATE KEY BLOCK)-----${PEM_BODY}`, 'g') },
  { id: 'aws-access-key-id', kind: 'AWS access key ID', pattern: /(?<![A-Za-z0-9])(?<value>(?<shown>AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])/g },
  {
    id: 'aws-secret-access-key',
    kind: 'AWS secret access key',
    pattern: /(?<![A-Za-z0-9])(?<shown>(?:aws_?)?secret_?access_?key)["']?\s*[:=]\s*["']?(?<value>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
  },
  { id: 'github-token', kind: 'GitHub token', pattern: /(?<![A-Za-z0-9_])(?<shown>gh[pousr]_)(?<value>[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g },
  { id: 'github-fine-grained-token', kind: 'GitHub fine-grained token', pattern: /(?<![A-Za-z0-9_])(?<shown>github_pat_)(?<value>[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g },
  { id: 'gitlab-token', kind: 'GitLab token', pattern: /(?<![A-Za-z0-9_-])(?<shown>glpat-)(?<value>[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/g },
  { id: 'npm-token', kind: 'npm access token', pattern: /(?<![A-Za-z0-9_])(?<shown>npm_)(?<value>[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g },
  {
    id: 'npmrc-auth',
    kind: 'npm registry credential',
    // `//registry.npmjs.org/:_authToken=…`, `_auth=…`, `_password=…`; a `#` or `;` line is a comment.
    pattern: /^[ \t]*(?:[^\s=#;]*:)?(?<shown>_authToken|_auth|_password)[ \t]*=[ \t]*(?<value>[^\s#;]+)/gm,
    onlyIn: named('.npmrc', 'npmrc'),
  },
  { id: 'yarnrc-auth', kind: 'Yarn registry credential', pattern: /^[ \t]*(?<shown>npmAuthToken|npmAuthIdent)[ \t]*:[ \t]*(?<value>[^\s#]+)/gm, onlyIn: named('.yarnrc.yml') },
  { id: 'slack-token', kind: 'Slack token', pattern: /(?<![A-Za-z0-9])(?<shown>xox[baprs]-)(?<value>[0-9]{6,}-[0-9A-Za-z-]{8,})(?![A-Za-z0-9-])/g },
  { id: 'slack-webhook', kind: 'Slack webhook URL', pattern: /(?<shown>https:\/\/hooks\.slack\.com\/services\/)(?<value>T[A-Z0-9]{8,}\/B[A-Z0-9]{8,}\/[A-Za-z0-9]{24})/g },
  { id: 'stripe-key', kind: 'Stripe secret key', pattern: /(?<![A-Za-z0-9])(?<shown>[sr]k_(?:live|test)_)(?<value>[0-9A-Za-z]{24,})(?![A-Za-z0-9])/g },
  { id: 'sendgrid-key', kind: 'SendGrid API key', pattern: /(?<![A-Za-z0-9])(?<shown>SG\.)(?<value>[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g },
];

/**
 * A fixed part of every detector's match, in one pass: most files hold none, and then the fifteen
 * detectors are not run. Must match wherever a detector does; the vectors' positives check that.
 */
const TRIGGER = /-----BEGIN |AKIA|ASIA|secret_?access_?key|gh[pousr]_|github_pat_|glpat-|npm_|_auth|_password|npmAuth|xox[baprs]-|hooks\.slack\.com|[sr]k_(?:live|test)_|SG\./i;

/**
 * Whether a value is a stand-in rather than a secret: an environment reference, a value naming
 * itself an example (AWS's documentation keys end in `EXAMPLE`), or one of fewer than 5 distinct
 * characters (`xxxx…`, `0000…`; a random 16-character key has fewer than 5 with odds near 1e-11).
 * @returns true when the value is not a secret
 */
export function isPlaceholder(value: string): boolean {
  if (ENV_REFERENCE.test(value) || /example/i.test(value)) return true;
  return new Set(value.replace(/["']/g, '')).size < 5;
}

/**
 * Finds the secrets a text holds, one per line at most (the most specific detector's).
 * @param name the file's base name, for detectors tied to one file (`.npmrc`)
 * @returns the findings in line order
 */
export function findSecretsInText(text: string, name: string): SecretFinding[] {
  if (!TRIGGER.test(text)) return [];
  const byLine = new Map<number, SecretFinding>();
  let lineStarts: number[] | undefined;
  const lineOf = (at: number): number => {
    lineStarts ??= newlineOffsets(text);
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineStarts[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  for (const d of SECRET_DETECTORS) {
    if (d.onlyIn !== undefined && !d.onlyIn(name)) continue;
    if (d.requires !== undefined && !d.requires.test(text)) continue;
    for (const m of text.matchAll(d.pattern)) {
      const value = m.groups?.['value'];
      if (value !== undefined && isPlaceholder(value)) continue;
      const line = lineOf(m.index);
      if (!byLine.has(line)) byLine.set(line, { detector: d.id, kind: d.kind, line, masked: `${m.groups?.['shown'] ?? ''}…` });
    }
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** git's test for binary content (buffer_is_binary): a NUL in the first 8000 bytes. */
const BINARY_PROBE_BYTES = 8000;

/**
 * Finds the secrets in a file's bytes. Binary files are skipped: every format above is text, and a
 * NUL-bearing file (an image, an archive) would only give accidental matches.
 * @returns the findings in line order; empty for a binary file
 */
export function findSecretsInBytes(bytes: Uint8Array, name: string): SecretFinding[] {
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return [];
  // latin1 maps each byte to one character: every format is ASCII, and offsets stay byte offsets.
  return findSecretsInText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), name);
}

function newlineOffsets(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) out.push(at);
  return out;
}
