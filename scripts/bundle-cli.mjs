// Bundles the CLI and the core for the `ctxlens` bin of both the cli package and the root package:
// packages/cli/dist/ctxlens.mjs, and the files it loads in dist/chunks/. Start-up is paid by every
// command and pre-commit hook, so the bundle keeps it small (docs/benchmarks.md, start-up alone):
// - One module graph starts in about half the time of the one tsc emits.
// - Commands (yargs, the core, the reports) are one CommonJS file, chunks/commands.cjs, which the
//   bin loads through V8's code cache: compiled once per user, not on every run.
// - The TUI (Ink, React, Yoga: most of the code) is ES module chunks that only the TUI imports,
//   so `ctxlens size` does not compile it.
// - string-width builds an Intl.Segmenter and several Unicode-property regexes when it is imported
//   (about 25 ms for the two copies yargs and cliui bring). See lazyStringWidth.
// pre-commit's `language: node` installs a hook repository with `npm pack` and `npm install -g`,
// which knows nothing of pnpm workspaces: self-contained files are also what make this
// repository's .pre-commit-hooks.yaml installable.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// scripts/prepare.mjs sets this when it installed the bundle's packages apart from the workspace
// (a git install without devDependencies): esbuild and the bundled packages are found there.
const extraModules = process.env.CTXLENS_BUNDLE_NODE_MODULES;
const esbuild = extraModules ? await import(pathToFileURL(createRequire(join(extraModules, 'resolve.js')).resolve('esbuild')).href) : await import('esbuild');
const build = esbuild.build ?? esbuild.default.build;
const outdir = `${root}packages/cli/dist`;

/**
 * Every `import stringWidth from 'string-width'` gets a wrapper that answers printable ASCII
 * itself (its width is its length: string-width strips ANSI escapes, and ESC is not printable) and
 * initialises the real module, through esbuild's lazy require of an ES module, the first time
 * anything else is measured. Help text, our tables and most paths are ASCII.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve('string-width', { resolveDir: args.resolveDir, kind: args.kind, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      resolveDir: root,
      contents: `let real;
export default function stringWidth(text, options) {
  if (typeof text === 'string' && /^[\\x20-\\x7e]*$/.test(text)) return text.length;
  real ??= require(${JSON.stringify(args.path)}).default;
  return real(text, options);
}`,
    }));
  },
};

/**
 * yargs guesses a version when it is created, reading the nearest package.json above its "main
 * file", which in a bundle (no node_modules in the path) is the working directory: every command
 * read the user's package.json, and blocked forever when that was a FIFO (issue 10). The guess
 * starts from the bundle's own directory instead, finding ctxlens's package.json; the real version
 * is set by cli.ts anyway.
 */
const yargsOwnPackageJson = {
  name: 'yargs-own-package-json',
  setup(b) {
    b.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const from = 'mainFilename: mainFilename || process.cwd(),';
      if (!source.includes(from)) throw new Error(`${args.path}: "${from}" not found; check how this yargs finds package.json`);
      return { contents: source.replace(from, "mainFilename: fileURLToPath(new URL('..', import.meta.url)),"), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * yargs renders the whole help text of a command just before it runs the command's handler, and
 * keeps it in case the handler asks for help once its own state is reset. That is about 8 ms of
 * every run (a twentieth of a pre-commit `check`), and ctxlens never asks: its handlers report
 * their own errors, and the parse callback gets yargs's output before any handler runs. Help is
 * still rendered whenever it is printed (`--help`, a usage error), from the state of that moment.
 */
const yargsNoEagerHelp = {
  name: 'yargs-no-eager-help',
  setup(b) {
    b.onLoad({ filter: /yargs[\\/]build[\\/]lib[\\/]usage\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const from = 'cachedHelpMessage = this.help();';
      if (!source.includes(from)) throw new Error(`${args.path}: "${from}" not found; check when this yargs renders help`);
      return { contents: source.replace(from, 'cachedHelpMessage = undefined;'), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// The core's three entries (packages/core/package.json "exports"), each its own module so the
// bundle keeps one copy of each core file.
const alias = {
  '@ctxlens/core': `${root}packages/core/src/index.ts`,
  '@ctxlens/core/live': `${root}packages/core/src/live/index.ts`,
  '@ctxlens/core/internal': `${root}packages/core/src/internal.ts`,
};
const define = { 'process.env.NODE_ENV': '"production"', CTXLENS_VERSION: JSON.stringify(JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8')).version) };
const common = { bundle: true, platform: 'node', target: 'node20', alias, nodePaths: extraModules ? [extraModules] : [], logLevel: 'warning', write: false };

// The bin and the TUI: ES modules, since Ink's layout engine (yoga-layout) loads with a top-level
// await, which CommonJS cannot hold.
const esm = build({
  ...common,
  entryPoints: { ctxlens: `${root}packages/cli/src/bin.ts` },
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  plugins: [
    lazyStringWidth,
    yargsOwnPackageJson,
    yargsNoEagerHelp,
    {
      // Ink connects to the React devtools only when DEV=true; they are not a dependency, so the
      // import is answered with an empty module instead of failing at startup.
      name: 'no-react-devtools',
      setup(b) {
        b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { connectToDevTools() {} };' }));
      },
    },
  ],
  // Some bundled CommonJS modules call require() for Node built-ins.
  banner: { js: "import { createRequire as __ctxlensRequire } from 'node:module'; const require = __ctxlensRequire(import.meta.url);" },
  define,
});

// Every command: one CommonJS file, which the bin loads through V8's code cache
// (packages/cli/src/compile-cache.ts; Node 20 keeps no compiled code of ES modules). Its name has no
// hash: the bin names it, and the cache is keyed by its content.
const commands = build({
  ...common,
  entryPoints: [`${root}packages/cli/src/run-commands.ts`],
  outfile: `${outdir}/chunks/commands.cjs`,
  format: 'cjs',
  plugins: [
    lazyStringWidth,
    yargsOwnPackageJson,
    yargsNoEagerHelp,
    {
      // The TUI is the ES module world's: the bin hands its import over (tui/load-tui.ts).
      name: 'tui-from-the-bin',
      setup(b) {
        b.onResolve({ filter: /[\\/]run-tui\.js$|^\.\/run-tui\.js$/ }, () => ({ path: 'run-tui', namespace: 'tui-from-the-bin' }));
        b.onLoad({ filter: /.*/, namespace: 'tui-from-the-bin' }, () => ({ contents: "export function runTui() { throw new Error('the TUI is loaded by the bin: call setTuiLoader first'); }" }));
      },
    },
  ],
  // The bundle runs in the same strict mode as the ES modules it came from; import.meta.url
  // becomes the file's URL.
  banner: { js: "'use strict'; const __ctxlensModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...define, 'import.meta.url': '__ctxlensModuleUrl' },
});

const results = await Promise.all([esm, commands]);
// End-to-end tests run the bin while another test file may be bundling: a file is replaced only
// when it changed, and in one rename, so a running CLI never meets a missing or half-written
// chunk. Chunk names carry content hashes, so chunks no longer written are stale: removed, or
// they would pile up and be packed.
const written = new Set();
for (const file of results.flatMap((r) => r.outputFiles)) {
  written.add(file.path);
  let same = false;
  try {
    same = readFileSync(file.path).equals(file.contents);
  } catch {
    // not there yet
  }
  if (same) continue;
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents, { mode: file.path.endsWith('ctxlens.mjs') ? 0o755 : 0o644 });
  renameSync(temporary, file.path);
}
for (const name of existsSync(`${outdir}/chunks`) ? readdirSync(`${outdir}/chunks`) : []) {
  if (!written.has(join(outdir, 'chunks', name))) rmSync(join(outdir, 'chunks', name), { force: true });
}
