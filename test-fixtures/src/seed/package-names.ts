// npm package names for the fake node_modules: the real dependency tree of the course's product-api first,
// then invented names in the same style to reach a 350 MB install.
import type { Rng } from './prng.js';

/** Runtime dependencies of the course's package.json. */
export const DIRECT_DEPENDENCIES = ['express', 'compression', 'helmet'] as const;

/** Packages that install a command in node_modules/.bin, with the command's name. */
export const BIN_COMMANDS: Readonly<Record<string, string>> = {
  nodemon: 'nodemon', jest: 'jest', eslint: 'eslint', prettier: 'prettier', semver: 'semver', mime: 'mime',
  'js-yaml': 'js-yaml', esprima: 'esparse', acorn: 'acorn', browserslist: 'browserslist', which: 'node-which',
  jsesc: 'jsesc', json5: 'json5', '@babel/parser': 'parser', 'update-browserslist-db': 'update-browserslist-db',
  touch: 'nodetouch', rimraf: 'rimraf', glob: 'glob', 'import-local': 'import-local-fixture', 'create-jest': 'create-jest',
};

const REAL_NAMES = `
express accepts array-flatten body-parser bytes content-disposition content-type cookie cookie-signature debug depd destroy
ee-first encodeurl escape-html etag finalhandler fresh http-errors inherits ipaddr.js media-typer merge-descriptors methods mime
mime-db mime-types ms negotiator on-finished parseurl path-to-regexp proxy-addr qs range-parser raw-body safe-buffer safer-buffer
send serve-static setprototypeof statuses toidentifier type-is unpipe utils-merge vary forwarded iconv-lite side-channel
call-bind get-intrinsic has-symbols has-proto function-bind hasown object-inspect es-errors es-define-property gopd
compression compressible on-headers helmet nodemon chokidar anymatch braces fill-range to-regex-range is-number picomatch
glob-parent is-glob is-extglob readdirp normalize-path binary-extensions is-binary-path ignore-by-default minimatch
brace-expansion balanced-match concat-map pstree.remy semver simple-update-notifier supports-color has-flag touch undefsafe
jest @jest/core @jest/types @jest/console @jest/environment @jest/expect @jest/expect-utils @jest/fake-timers @jest/globals
@jest/reporters @jest/schemas @jest/source-map @jest/test-result @jest/test-sequencer @jest/transform import-local create-jest
jest-cli jest-config jest-changed-files jest-circus jest-diff jest-docblock jest-each jest-environment-node jest-get-type
jest-haste-map jest-leak-detector jest-matcher-utils jest-message-util jest-mock jest-pnp-resolver jest-regex-util
jest-resolve jest-resolve-dependencies jest-runner jest-runtime jest-snapshot jest-util jest-validate jest-watcher jest-worker
@babel/core @babel/parser @babel/traverse @babel/generator @babel/types @babel/template @babel/helpers @babel/code-frame
@babel/compat-data @babel/helper-compilation-targets @babel/helper-module-imports @babel/helper-module-transforms
@babel/helper-plugin-utils @babel/helper-string-parser @babel/helper-validator-identifier @babel/helper-validator-option
@babel/plugin-syntax-async-generators @babel/plugin-syntax-bigint @babel/plugin-syntax-class-properties
@babel/plugin-syntax-import-meta @babel/plugin-syntax-json-strings @babel/plugin-syntax-jsx
@babel/plugin-syntax-object-rest-spread @babel/plugin-syntax-optional-chaining @babel/plugin-syntax-top-level-await
@babel/plugin-syntax-typescript babel-jest babel-plugin-istanbul babel-plugin-jest-hoist babel-preset-current-node-syntax
babel-preset-jest @bcoe/v8-coverage @istanbuljs/load-nyc-config @istanbuljs/schema @jridgewell/gen-mapping
@jridgewell/resolve-uri @jridgewell/set-array @jridgewell/sourcemap-codec @jridgewell/trace-mapping @sinclair/typebox
@sinonjs/commons @sinonjs/fake-timers @types/babel__core @types/babel__generator @types/babel__template
@types/babel__traverse @types/graceful-fs @types/istanbul-lib-coverage @types/istanbul-lib-report @types/istanbul-reports
@types/node @types/stack-utils @types/yargs @types/yargs-parser istanbul-lib-coverage istanbul-lib-instrument
istanbul-lib-report istanbul-lib-source-maps istanbul-reports browserslist caniuse-lite electron-to-chromium node-releases
update-browserslist-db escalade picocolors convert-source-map gensync json5 jsesc globals js-tokens source-map
source-map-support buffer-from stack-utils escape-string-regexp pretty-format react-is ansi-styles ansi-regex strip-ansi
chalk color-convert color-name emittery exit graceful-fs walker makeerror tmpl fb-watchman bser node-int64 micromatch
cjs-module-lexer collect-v8-coverage dedent diff-sequences co char-regex string-length leven slash strip-bom strip-json-comments
supertest superagent formidable cookiejar component-emitter fast-safe-stringify form-data asynckit combined-stream
delayed-stream dezalgo wrappy once asap hexoid
eslint @eslint/js @eslint/eslintrc @eslint-community/eslint-utils @eslint-community/regexpp @humanwhocodes/config-array
@humanwhocodes/module-importer @humanwhocodes/object-schema @nodelib/fs.scandir @nodelib/fs.stat @nodelib/fs.walk
@ungap/structured-clone ajv fast-deep-equal fast-json-stable-stringify json-schema-traverse uri-js punycode acorn acorn-jsx
espree eslint-scope eslint-visitor-keys esrecurse estraverse esutils esquery doctrine file-entry-cache flat-cache flatted
keyv json-buffer find-up locate-path p-locate p-limit yocto-queue path-exists glob-parent ignore imurmurhash is-path-inside
js-yaml argparse levn optionator prelude-ls type-check deep-is fast-levenshtein word-wrap lodash.merge natural-compare
graphemer text-table cross-spawn which isexe shebang-command shebang-regex path-key rimraf glob fs.realpath inflight
path-is-absolute parent-module callsites resolve-from import-fresh fastq reusify run-parallel queue-microtask type-fest
prettier esprima
`;

const SCOPES = ['@babel', '@jest', '@types', '@eslint', '@sinonjs', '@istanbuljs', '@jridgewell', '@nodelib', '@pkgjs', '@isaacs'];
const PARTS = `is has to get set object array string buffer stream path fs glob parse stringify json yaml ansi color escape regex
utils core plugin loader async promise deep fast safe define property keys values merge clone equal type symbol iterator
unicode char code line column map source trace stack error event emitter queue timers env shim polyfill compat browser
resolve exports imports module require dirname tmp file dir walk watch cache lru hash sum random uuid date time format pretty
bytes size limit throttle once noop identity flat union unique sort diff patch version compare url query mime tar zlib`
  .split(/\s+/)
  .filter(Boolean);

/**
 * The real package names of the course project's dependency tree, deduplicated, in a fixed order.
 * @returns real npm names
 */
export function realPackageNames(): string[] {
  return [...new Set(REAL_NAMES.split(/\s+/).filter(Boolean))];
}

/**
 * Invents `count` npm-style names (some scoped) that collide neither with each other nor with `taken`.
 * @returns new names, deterministic for a given Rng
 */
export function inventPackageNames(rng: Rng, count: number, taken: ReadonlySet<string>): string[] {
  const names: string[] = [];
  const seen = new Set(taken);
  while (names.length < count) {
    const a = rng.pick(PARTS);
    const b = rng.pick(PARTS);
    const shape = rng.next();
    const name =
      shape < 0.2 ? `is-${a}-${b}` : shape < 0.75 ? `${a}-${b}` : shape < 0.9 ? `${a}-${b}-${rng.pick(PARTS)}` : `${rng.pick(SCOPES)}/${a}-${b}`;
    if (a === b || seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}
