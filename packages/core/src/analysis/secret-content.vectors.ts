// Content-detection vectors: files that hold a secret, and near misses that must not be flagged.
// Token bodies come from a fixed pseudo-random sequence (test-fixtures' fakeChars), so no
// token-shaped string is committed and every run sees the same bytes.
import { BASE62, fakeChars as fake } from '@ctxlens/test-fixtures';
import type { SecretDetectorId } from './secret-content.js';

const UPPER36 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = `${BASE62}+/`;

// One running sequence: every token of the table differs.
let seed = 0x2545f491;
const fakeChars = (n: number, alphabet: string = BASE62): string => {
  seed = (seed * 1103515245 + 12345) | 0;
  return fake(n, alphabet, seed);
};

const pemBody = (): string => Array.from({ length: 4 }, () => fakeChars(64, BASE64)).join('\n');
const pem = (label: string): string => `-----BEGIN ${label}-----\n${pemBody()}\n-----END ${label}-----\n`;

/** One file and what content detection must find in it. */
export interface SecretContentVector {
  /** The file's base name (some detectors apply to one file only). */
  readonly name: string;
  readonly content: string;
  /** `detector@line` of each finding, in line order; empty for a near miss. */
  readonly expected: readonly `${SecretDetectorId}@${number}`[];
  /** Why the row is here. */
  readonly from: string;
}

/** Positives, then near misses. */
export const SECRET_CONTENT_VECTORS: readonly SecretContentVector[] = [
  { name: 'server.key', content: pem('RSA PRIVATE KEY'), expected: ['private-key@1'], from: 'openssl genrsa (PKCS#1)' },
  { name: 'key.pem', content: pem('PRIVATE KEY'), expected: ['private-key@1'], from: 'openssl genpkey (PKCS#8)' },
  { name: 'ec.pem', content: `# staging\n${pem('EC PRIVATE KEY')}`, expected: ['private-key@2'], from: 'openssl ecparam -genkey' },
  { name: 'deploy.txt', content: pem('OPENSSH PRIVATE KEY'), expected: ['private-key@1'], from: 'ssh-keygen, pasted into a text file' },
  { name: 'legacy.pem', content: `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${fakeChars(32, '0123456789ABCDEF')}\n\n${pemBody()}\n`, expected: ['private-key@1'], from: 'openssl rsa -aes128 (armour headers before the body)' },
  { name: 'enc.pem', content: pem('ENCRYPTED PRIVATE KEY'), expected: ['private-key@1'], from: 'openssl pkcs8 -topk8' },
  { name: 'dsa.pem', content: pem('DSA PRIVATE KEY'), expected: ['private-key@1'], from: 'openssl gendsa' },
  { name: 'signing.asc', content: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${pemBody()}\n`, expected: ['pgp-private-key@1'], from: 'gpg --export-secret-keys --armor' },
  {
    name: 'gcp-sa.json',
    content: `{\n  "type": "service_account",\n  "project_id": "shop-prod",\n  "private_key_id": "${fakeChars(40, '0123456789abcdef')}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${fakeChars(64, BASE64)}\\n${fakeChars(64, BASE64)}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "ci@shop-prod.iam.gserviceaccount.com"\n}\n`,
    expected: ['gcp-service-account@5'],
    from: 'gcloud iam service-accounts keys create (issue 13: config/gcp-sa.json)',
  },
  { name: 'secrets.txt', content: `deploy token\n${'ghp_'}${fakeChars(36)}\n`, expected: ['github-token@2'], from: 'issue 13: secrets.txt holding a token' },
  { name: 'ci.yml', content: `env:\n  GH: ${'gho_'}${fakeChars(36)}\n  APP: ${'ghs_'}${fakeChars(36)}\n`, expected: ['github-token@2', 'github-token@3'], from: 'GitHub OAuth and app installation tokens' },
  { name: 'tokens.txt', content: `${'github_pat_'}${fakeChars(22)}_${fakeChars(59)}\n`, expected: ['github-fine-grained-token@1'], from: 'GitHub fine-grained personal access token' },
  { name: 'credentials', content: `[default]\naws_access_key_id = AKIA${fakeChars(16, UPPER36)}\naws_secret_access_key = ${fakeChars(40, BASE64)}\n`, expected: ['aws-access-key-id@2', 'aws-secret-access-key@3'], from: '~/.aws/credentials copied into the project' },
  { name: 'session.json', content: `{"Credentials": {"AccessKeyId": "ASIA${fakeChars(16, UPPER36)}", "SecretAccessKey": "${fakeChars(40, BASE64)}"}}\n`, expected: ['aws-access-key-id@1'], from: 'aws sts get-session-token output (one line: one finding)' },
  { name: '.env.production', content: `PORT=3000\nAWS_SECRET_ACCESS_KEY=${fakeChars(40, BASE64)}\n`, expected: ['aws-secret-access-key@2'], from: 'AWS secret in an env file' },
  { name: '.npmrc', content: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${'npm_'}${fakeChars(36)}\n`, expected: ['npm-token@2'], from: 'npm login writes the token to .npmrc' },
  { name: '.npmrc', content: `//npm.pkg.github.com/:_authToken=${fakeChars(40, '0123456789abcdef')}\n`, expected: ['npmrc-auth@1'], from: 'legacy registry token in .npmrc' },
  { name: '.npmrc', content: `_auth=${fakeChars(32, BASE64)}\nemail=a@b.c\n`, expected: ['npmrc-auth@1'], from: 'basic auth in .npmrc' },
  { name: '.yarnrc.yml', content: `npmRegistryServer: "https://npm.example.org"\nnpmAuthToken: ${fakeChars(36, BASE64)}\n`, expected: ['yarnrc-auth@2'], from: 'Yarn Berry registry token' },
  { name: 'gitlab.txt', content: `token: ${'glpat-'}${fakeChars(20)}\n`, expected: ['gitlab-token@1'], from: 'GitLab personal access token' },
  { name: 'slack.json', content: `{"bot": "${'xoxb-'}${fakeChars(12, '0123456789')}-${fakeChars(13, '0123456789')}-${fakeChars(24)}"}\n`, expected: ['slack-token@1'], from: 'Slack bot token' },
  { name: 'hooks.yaml', content: `alerts:\n  url: https://hooks.slack.com/services/T${fakeChars(8, UPPER36)}/B${fakeChars(8, UPPER36)}/${fakeChars(24)}\n`, expected: ['slack-webhook@2'], from: 'Slack incoming webhook' },
  { name: 'billing.toml', content: `[stripe]\nkey = "${'sk_live_'}${fakeChars(24)}"\n`, expected: ['stripe-key@2'], from: 'Stripe live secret key' },
  { name: 'mail.ini', content: `[sendgrid]\napi_key = SG.${fakeChars(22)}.${fakeChars(43)}\n`, expected: ['sendgrid-key@2'], from: 'SendGrid API key (the seed .env.production has one)' },

  { name: 'README.txt', content: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', expected: [], from: 'AWS documentation example keys: placeholders, not secrets' },
  { name: '.npmrc', content: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nalways-auth=true\n', expected: [], from: 'the recommended .npmrc: an environment reference' },
  { name: '.npmrc', content: '# _authToken=abc123def456\n; _auth=abc123def456\n', expected: [], from: 'commented-out credentials' },
  { name: '.yarnrc.yml', content: 'npmAuthToken: "${NPM_TOKEN}"\n', expected: [], from: 'Yarn with an environment reference' },
  { name: 'notes.txt', content: '//registry.npmjs.org/:_authToken=abcdef0123456789\n', expected: [], from: '_authToken means a credential only in .npmrc' },
  { name: 'pem-parser.txt', content: "const HEADER = '-----BEGIN RSA PRIVATE KEY-----';\nconst FOOTER = '-----END RSA PRIVATE KEY-----';\n", expected: [], from: 'a PEM label without a key body (code, docs)' },
  { name: 'cert.pem', content: pem('CERTIFICATE'), expected: [], from: 'a certificate is public' },
  { name: 'pub.pem', content: pem('PUBLIC KEY'), expected: [], from: 'a public key is public' },
  { name: 'template.json', content: '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nYOUR-KEY-HERE\\n-----END PRIVATE KEY-----\\n"}\n', expected: [], from: 'a service-account template without a key' },
  { name: 'setup.txt', content: `GITHUB_TOKEN=ghp_${'x'.repeat(36)}\nGITHUB_TOKEN=ghp_<your-token>\n`, expected: [], from: 'placeholder tokens' },
  { name: 'short.txt', content: `ghp_${fakeChars(20)}\nAKIA${fakeChars(12, UPPER36)}\n`, expected: [], from: 'too short for the format' },
  { name: 'id.txt', content: `x${'AKIA'}${fakeChars(16, UPPER36)}\nmyghp_${fakeChars(36)}\n`, expected: [], from: 'a format inside a longer word' },
  { name: 'slack.txt', content: 'SLACK_BOT_TOKEN=xoxb-your-token-here\n', expected: [], from: 'Slack placeholder' },
  { name: 'stripe.txt', content: `publishable: pk_live_${fakeChars(24)}\n`, expected: [], from: 'a Stripe publishable key is public' },
];
