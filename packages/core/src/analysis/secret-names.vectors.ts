// ARG/ENV names and whether BuildKit's SecretsUsedInArgOrEnv flags them. `flagged` follows
// BuildKit's current word lists; `docker28` is what the frontend built into Docker 28.5.2 says
// (its allow list is `public` only), which secret-names-real.test.ts checks on the real builder.

/** One name and the verdicts. */
export interface SecretNameVector {
  readonly name: string;
  readonly flagged: boolean;
  readonly docker28: boolean;
  readonly from: string;
}

const row = (name: string, flagged: boolean, docker28 = flagged, from = 'dockerfile2llb getSecretsRegex'): SecretNameVector => ({ name, flagged, docker28, from });

export const SECRET_NAME_VECTORS: readonly SecretNameVector[] = [
  row('API_KEY', true),
  row('apikey', true),
  row('GITHUB_TOKEN', true),
  row('DATABASE_PASSWORD', true),
  row('db_Password', true),
  row('secret_MESSAGE', true, true, 'getSecretsRegex comment'),
  row('AUTH', true),
  row('AWS_SECRET_ACCESS_KEY', true),
  row('NPM_AUTH_TOKEN', true),
  row('MY_CREDENTIALS', true),
  row('CREDENTIAL_ID', true),
  row('PWORD', true),
  row('ROOT_PASSWD', true),
  // Not a whole `_`-separated word.
  row('MYKEY', false),
  row('TOKENS', false),
  row('SECRETS_X', false),
  row('PASSWORD1', false),
  row('AUTHOR', false),
  row('KEYBOARD_LAYOUT', false),
  row('API-KEY', false, false, '`-` does not separate words'),
  row('NODE_VERSION', false),
  // Allowed words.
  row('PUBLIC_KEY', false),
  row('public_token', false),
  row('KEY_FILE', false, true, 'allow list: file (not in Docker 28.5)'),
  row('PASSWORD_FILE', false, true, 'allow list: file (not in Docker 28.5)'),
  row('TOKEN_VERSION', false, true, 'allow list: version (not in Docker 28.5)'),
  row('KEY_FILENAME', true, true, 'FILENAME is not the word file'),
];
