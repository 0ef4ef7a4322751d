// Secret-bearing files for tests of content detection. Token bodies are made from a fixed
// pseudo-random sequence, so no token-shaped string is committed (secret scanners would flag the
// repository) and every run sees the same bytes.
import type { TreeSpec } from './tree-spec.js';

/** Base62, the alphabet of most vendor tokens. */
export const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `n` characters of `alphabet` from a xorshift sequence seeded by `seed`: the same string on every run.
 * @returns the characters
 */
export function fakeChars(n: number, alphabet: string = BASE62, seed = 0x2545f491): string {
  let s = seed | 0 || 1;
  let out = '';
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out += alphabet[(s >>> 0) % alphabet.length];
  }
  return out;
}

/** A GitHub personal access token's shape (`ghp_` and 36 base62 characters). */
export const FAKE_GITHUB_TOKEN = `${'ghp'}_${fakeChars(36, BASE62, 7)}`;

/** A Google Cloud service-account key file, its `private_key` on line 3. */
export const FAKE_GCP_SERVICE_ACCOUNT = `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${fakeChars(64, BASE62, 11)}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "ci@shop.iam.gserviceaccount.com"\n}\n`;

/**
 * The project of issue 13 point 11: `.env` and `src/.env.local` (secrets by name), and
 * `config/gcp-sa.json` and `secrets.txt` (secrets by content only: GitHub token on line 2). The
 * Dockerfile copies the whole context.
 */
export const SECRETS_PROJECT: TreeSpec = [
  { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /app\n' },
  { file: '.dockerignore', content: 'node_modules\n' },
  { file: 'package.json', content: '{"name":"shop"}\n' },
  { file: 'src/index.js', size: 4000 },
  { file: 'docs/guide.md', size: 20_000 },
  { file: '.env', content: 'PORT=3000\n' },
  { file: 'src/.env.local', content: 'DEBUG=1\n' },
  { file: 'config/gcp-sa.json', content: FAKE_GCP_SERVICE_ACCOUNT },
  { file: 'secrets.txt', content: `deploy token\n${FAKE_GITHUB_TOKEN}\n` },
  { file: 'node_modules/x/index.js', size: 9000 },
];
