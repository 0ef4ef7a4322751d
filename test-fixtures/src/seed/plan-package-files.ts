// The files of one installed npm package, as npm unpacks them (fixed 1985 mtime and all).
import type { TreeEntry } from '../trees/tree-spec.js';
import { dtsModule, identifier, jsModule, logUniformSize, markdown, mitLicense, sentence } from './fake-text.js';
import type { Rng } from './prng.js';
import type { ElasticFile } from './seed-region.js';

/** npm packs every file with this mtime so tarballs are reproducible; installed files keep it. */
export const NPM_TARBALL_MTIME = new Date('1985-10-26T08:15:00.000Z');

/** One installed package of the fake node_modules. */
export interface SeedPackage {
  /** Install path, e.g. `node_modules/@babel/core` or `node_modules/a/node_modules/b`. */
  readonly path: string;
  readonly name: string;
  readonly version: string;
  /** Only needed by dev dependencies (npm's `dev: true` in package-lock.json). */
  readonly dev: boolean;
  readonly dependencies: Readonly<Record<string, string>>;
  /** Command installed in node_modules/.bin, if any. */
  readonly bin?: string;
  /** sha512 SRI string, as package-lock.json records it. */
  readonly integrity: string;
}

/** What one package contributes: real small files, and big ones to be sized from the region's budget. */
export interface PackageFiles {
  readonly fixed: TreeEntry[];
  readonly elastic: ElasticFile[];
}

const SUBDIRS = ['utils', 'internal', 'helpers', 'plugins', 'parsers', 'rules', 'compat', 'formatters'];

/**
 * Plans a package's files: package.json, README, LICENSE, entry point, lib/ tree, and sometimes dist bundles.
 * @returns fixed entries with real content, and elastic bundles/source maps
 */
export function planPackageFiles(rng: Rng, pkg: SeedPackage): PackageFiles {
  const mtime = NPM_TARBALL_MTIME;
  const fixed: TreeEntry[] = [];
  const elastic: ElasticFile[] = [];
  const at = (rel: string): string => `${pkg.path}/${rel}`;
  const js = (rel: string, min: number, max: number): void => {
    fixed.push({ file: at(rel), content: jsModule(rng, logUniformSize(rng, min, max)), mtime });
  };

  const hasTypes = rng.chance(0.45) || pkg.name.startsWith('@types/');
  fixed.push({ file: at('package.json'), content: packageJson(rng, pkg, hasTypes), mtime });
  fixed.push({ file: at(rng.pick(['README.md', 'README.md', 'readme.md', 'Readme.md'])), content: markdown(rng, pkg.name, logUniformSize(rng, 400, 9000)), mtime });
  fixed.push({ file: at(rng.pick(['LICENSE', 'LICENSE', 'license', 'LICENSE.md'])), content: mitLicense(rng.int(2012, 2024), 'the contributors'), mtime });
  js('index.js', 150, 3000);
  if (hasTypes) fixed.push({ file: at('index.d.ts'), content: dtsModule(rng, logUniformSize(rng, 200, 6000)), mtime });
  if (rng.chance(0.25)) fixed.push({ file: at('CHANGELOG.md'), content: markdown(rng, 'Changelog', logUniformSize(rng, 800, 8000)), mtime });

  if (rng.chance(0.72)) {
    const count = 1 + Math.floor(34 * rng.next() ** 2.5);
    for (let i = 0; i < count; i++) {
      const base = `lib/${identifier(rng)}${i}`;
      js(`${base}.js`, 250, 9000);
      if (hasTypes && rng.chance(0.7)) fixed.push({ file: at(`${base}.d.ts`), content: dtsModule(rng, logUniformSize(rng, 120, 3000)), mtime });
      if (rng.chance(0.12)) elastic.push({ file: at(`${base}.js.map`), head: '{"version":3,"sources":[', weight: 0.05, mtime });
    }
    if (rng.chance(0.3)) {
      const sub = rng.pick(SUBDIRS);
      for (let i = rng.int(2, 8); i > 0; i--) js(`lib/${sub}/${identifier(rng)}${i}.js`, 250, 6000);
    }
  }
  if (pkg.bin) {
    fixed.push({ file: at(`bin/${pkg.bin}.js`), content: jsModule(rng, logUniformSize(rng, 300, 2500), '#!/usr/bin/env node'), mode: 0o755, mtime });
  }
  if (rng.chance(0.22)) {
    const base = pkg.name.split('/').pop() ?? pkg.name;
    const weight = 0.3 + 20 * rng.next() ** 4;
    const banner = `/*! ${pkg.name} v${pkg.version} | MIT License */\n`;
    elastic.push({ file: at(`dist/${base}.js`), head: `${banner}(function (global, factory) {\n`, weight, mtime });
    elastic.push({ file: at(`dist/${base}.min.js`), head: `${banner}!function(e,t){"use strict";`, weight: weight * 0.45, mtime });
    elastic.push({ file: at(`dist/${base}.js.map`), head: `{"version":3,"file":"${base}.js","sources":[`, weight: weight * 1.6, mtime });
  }
  return { fixed, elastic };
}

function packageJson(rng: Rng, pkg: SeedPackage, hasTypes: boolean): string {
  const repo = pkg.name.replace(/^@/, '').replace('/', '-');
  const manifest = {
    name: pkg.name,
    version: pkg.version,
    description: sentence(rng),
    main: 'index.js',
    ...(hasTypes && { types: 'index.d.ts' }),
    ...(pkg.bin && { bin: { [pkg.bin]: `bin/${pkg.bin}.js` } }),
    files: ['index.js', 'lib/', ...(hasTypes ? ['index.d.ts'] : [])],
    repository: { type: 'git', url: `git+https://github.com/${repo}/${repo}.git` },
    keywords: Array.from({ length: rng.int(0, 6) }, () => identifier(rng).toLowerCase()),
    license: 'MIT',
    engines: { node: `>=${rng.pick([0.8, 4, 6, 8, 10, 12, 14, 16])}` },
    dependencies: pkg.dependencies,
    devDependencies: { mocha: `^${rng.int(5, 10)}.0.0`, nyc: '^15.1.0' },
    scripts: { test: 'mocha', lint: 'eslint .' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
