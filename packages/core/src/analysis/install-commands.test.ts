import { describe, expect, it } from 'vitest';
import { findInstall, shellSegments } from './install-commands.js';

/** [RUN command, tool, install segment, manifests] ; tool undefined: no install. */
type Row = [command: string, tool: string | undefined, segment?: string, manifests?: string[]];
const ROWS: readonly Row[] = [
  ['npm ci', 'npm', 'npm ci', ['package*.json']],
  ['npm install --omit=dev', 'npm', 'npm install --omit=dev', ['package*.json']],
  ['NODE_ENV=production npm ci && npm cache clean --force', 'npm', 'NODE_ENV=production npm ci', ['package*.json']],
  ['npm run build', undefined],
  ['npm install express', undefined],
  ['yarn', 'yarn', 'yarn', ['package.json', 'yarn.lock']],
  ['yarn install --frozen-lockfile', 'yarn', 'yarn install --frozen-lockfile', ['package.json', 'yarn.lock']],
  ['yarn build', undefined],
  ['pnpm install --frozen-lockfile', 'pnpm', 'pnpm install --frozen-lockfile', ['package.json', 'pnpm-lock.yaml']],
  ['pip install --no-cache-dir -r requirements.txt', 'pip', 'pip install --no-cache-dir -r requirements.txt', ['requirements.txt']],
  ['python -m pip install -r requirements/prod.txt', 'pip', 'python -m pip install -r requirements/prod.txt', ['requirements/prod.txt']],
  ['pip install flask', undefined],
  ['poetry install --no-root', 'poetry', 'poetry install --no-root', ['pyproject.toml', 'poetry.lock']],
  ['uv sync --frozen', 'uv', 'uv sync --frozen', ['pyproject.toml', 'uv.lock']],
  ['go mod download', 'go', 'go mod download', ['go.mod', 'go.sum']],
  ['go build ./...', undefined],
  ['bundle install', 'bundler', 'bundle install', ['Gemfile', 'Gemfile.lock']],
  ['composer install --no-dev', 'composer', 'composer install --no-dev', ['composer.json', 'composer.lock']],
  ['cargo build --release', 'cargo', 'cargo build --release', ['Cargo.toml', 'Cargo.lock']],
  ['cargo fetch', 'cargo', 'cargo fetch', ['Cargo.toml', 'Cargo.lock']],
  ['apt-get update && apt-get install -y curl', undefined],
  ['echo "npm ci && x"', undefined],
];

describe('findInstall', () => {
  it.each(ROWS)('%s -> %s', (command, tool, segment, manifests) => {
    const found = findInstall(command);
    if (tool === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject({ tool, segment, manifests });
  });
  it('runs cargo fetch before the sources arrive when the RUN builds', () => {
    expect(findInstall('cargo build --release')?.early).toBe('cargo fetch');
    expect(findInstall('cargo fetch')?.early).toBeUndefined();
  });
});

describe('shellSegments', () => {
  it.each([
    ['a && b || c; d', ['a', 'b', 'c', 'd']],
    ["echo 'x && y' && z", ["echo 'x && y'", 'z']],
    ['a \\\n && b', ['a', 'b']],
  ])('%j', (command, segments) => {
    expect(shellSegments(command)).toEqual(segments);
  });
});
