// What does not belong in a build context, by kind. Directory categories claim a whole subtree
// (everything below node_modules is "dependencies"); file categories claim single files. The tables
// are data so the README, `check` and `suggest` read the same source.
import { findSecretsInText } from './secret-content.js';

/** Names of the categories `check --deny` and `suggest` know. */
export type CategoryName = 'secrets' | 'vcs' | 'dependencies' | 'test-output' | 'logs' | 'caches';

/** Every category, in the order reports list them. */
export const CATEGORY_NAMES: readonly CategoryName[] = ['secrets', 'vcs', 'dependencies', 'test-output', 'logs', 'caches'];

/** A file rule: a name test, an optional content test, and the pattern family to suggest. */
export interface FileRule {
  /** Tests the file's name (and its context-relative path, for rules such as `.aws/credentials`). */
  readonly test: (name: string, path: string) => boolean;
  /** When present, the file only counts if its first bytes pass this test. */
  readonly content?: (head: string) => boolean;
  /** The name pattern to suggest (before `**\/` is added for depth); undefined: suggest the literal path. */
  readonly pattern?: (name: string) => string;
  /** Why the file is in the category, for reports. */
  readonly reason: string;
}

/** One category. */
export interface Category {
  readonly name: CategoryName;
  readonly description: string;
  /** Directory names claimed at any depth. */
  readonly dirNames: ReadonlySet<string>;
  /** Two-segment directory paths claimed at any depth, e.g. `.yarn/cache`. */
  readonly dirPaths: readonly string[];
  readonly files: readonly FileRule[];
}

const byName = (...names: string[]) => (name: string): boolean => names.includes(name);
const ENV_TEMPLATES = new Set(['.env.example', '.env.sample', '.env.template']);
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
/** A registry credential by the content detectors' rules: an environment reference (`${NPM_TOKEN}`) is not one. */
const holdsCredential = (name: string) => (head: string): boolean => findSecretsInText(head, name).length > 0;

const SECRETS: Category = {
  name: 'secrets',
  description: 'environment files, private keys, registry tokens and cloud credentials',
  dirNames: new Set(),
  dirPaths: ['.config/gcloud'],
  files: [
    { test: (n) => n.startsWith('.env') && !ENV_TEMPLATES.has(n), reason: 'environment file (.env*)' },
    { test: byName('id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk'), reason: 'SSH private key' },
    { test: (n) => /\.(key|p12|pfx|jks|keystore|ppk)$/i.test(n), reason: 'private key or key store' },
    { test: (n) => /\.pem$/i.test(n), content: (h) => PRIVATE_KEY.test(h), reason: 'PEM file holding a private key' },
    { test: byName('.npmrc'), content: holdsCredential('.npmrc'), reason: '.npmrc with a registry token' },
    { test: byName('.yarnrc.yml'), content: holdsCredential('.yarnrc.yml'), reason: '.yarnrc.yml with a registry token' },
    { test: byName('.pypirc'), content: (h) => /^\s*password\s*[=:]/m.test(h), reason: '.pypirc with a password' },
    { test: byName('.netrc', '_netrc', '.git-credentials'), reason: 'stored login credentials' },
    { test: (n, p) => p === '.aws/credentials' || p.endsWith('/.aws/credentials'), reason: 'AWS credentials' },
    { test: (n, p) => /(^|\/)\.azure\/(accessTokens|msal_token_cache)\.json$/.test(p), reason: 'Azure CLI tokens' },
    { test: byName('application_default_credentials.json'), reason: 'Google Cloud credentials' },
    {
      test: (n) => /\.json$/i.test(n) && /(cred|service[-_]?account|key)/i.test(n),
      content: (h) => /"private_key"\s*:/.test(h),
      reason: 'cloud service-account key',
    },
    { test: (n, p) => p === '.kube/config' || p.endsWith('/.kube/config') || n === 'kubeconfig', reason: 'Kubernetes credentials' },
    { test: (n, p) => /(^|\/)\.docker\/config\.json$/.test(p), content: (h) => /"auths?"\s*:/.test(h), reason: 'Docker registry credentials' },
  ],
};

const VCS: Category = {
  name: 'vcs',
  description: 'version-control metadata',
  dirNames: new Set(['.git', '.hg', '.svn', '.bzr', '_darcs', 'CVS', '.jj', '.pijul']),
  dirPaths: [],
  // A `.git` file is a worktree or submodule pointer.
  files: [{ test: byName('.git', '.fslckout', '_FOSSIL_'), pattern: (n) => n, reason: 'version-control pointer' }],
};

const DEPENDENCIES: Category = {
  name: 'dependencies',
  description: 'installed packages the image should install itself',
  dirNames: new Set(['node_modules', 'bower_components', 'jspm_packages', 'web_modules', 'vendor', '.venv', 'venv', '__pypackages__', '.pnpm-store', 'Pods']),
  dirPaths: ['.yarn/cache', '.yarn/unplugged'],
  files: [],
};

const TEST_OUTPUT: Category = {
  name: 'test-output',
  description: 'coverage and test reports',
  dirNames: new Set(['coverage', '.nyc_output', 'htmlcov', '.pytest_cache', 'test-results', 'playwright-report', 'blob-report', '.hypothesis']),
  dirPaths: ['cypress/videos', 'cypress/screenshots'],
  files: [{ test: byName('.coverage', 'coverage.xml', 'lcov.info', 'junit.xml'), pattern: (n) => n, reason: 'test report' }],
};

const LOGS: Category = {
  name: 'logs',
  description: 'log files',
  dirNames: new Set(),
  dirPaths: [],
  files: [{ test: (n) => /\.log(\.\d+)?$/.test(n), pattern: (n) => (n.endsWith('.log') ? '*.log' : '*.log.*'), reason: 'log file' }],
};

const CACHES: Category = {
  name: 'caches',
  description: 'tool caches, editor settings and OS clutter',
  dirNames: new Set(['.cache', '.parcel-cache', '.turbo', '.mypy_cache', '.ruff_cache', '__pycache__', '.sass-cache', '.gradle', '.terraform', '.idea']),
  dirPaths: ['.next/cache'],
  files: [
    { test: byName('.DS_Store', 'Thumbs.db', 'desktop.ini', '.eslintcache'), pattern: (n) => n, reason: 'cache or OS clutter' },
    { test: (n) => /\.py[co]$/.test(n), pattern: () => '*.py[co]', reason: 'Python bytecode' },
  ],
};

/** The category table. */
export const CATEGORIES: readonly Category[] = [SECRETS, VCS, DEPENDENCIES, TEST_OUTPUT, LOGS, CACHES];

/**
 * Looks up a category by name.
 * @returns the category, or undefined for an unknown name
 */
export function categoryByName(name: string): Category | undefined {
  return CATEGORIES.find((c) => c.name === name);
}
