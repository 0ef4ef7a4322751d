// Bundles the CLI and the core into one file, packages/cli/dist/ctxlens.mjs: the `ctxlens` bin of
// both the cli package and the root package. One file starts in about half the time of the ESM
// graph tsc emits (docs/benchmarks.md: start-up alone), which every command and pre-commit hook
// pays. pre-commit's `language: node` installs a hook repository with `npm pack` and
// `npm install -g`, which knows nothing of pnpm workspaces: a self-contained file is also what makes
// this repository's .pre-commit-hooks.yaml installable.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  entryPoints: [`${root}packages/cli/src/bin.ts`],
  outfile: `${root}packages/cli/dist/ctxlens.mjs`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  alias: { '@ctxlens/core': `${root}packages/core/src/index.ts` },
  plugins: [
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
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
