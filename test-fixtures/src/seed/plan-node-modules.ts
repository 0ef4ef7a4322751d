// node_modules/: ~1,000 installed packages (scoped ones and nested node_modules included) weighing ~350 MB.
import type { TreeEntry } from '../trees/tree-spec.js';
import { BIN_COMMANDS, DIRECT_DEPENDENCIES, inventPackageNames, realPackageNames } from './package-names.js';
import { planPackageFiles } from './plan-package-files.js';
import type { SeedPackage } from './plan-package-files.js';
import { packageLockJson } from './package-lock.js';
import type { Rng } from './prng.js';
import { fillBudget } from './seed-region.js';
import type { ElasticFile, SeedRegion } from './seed-region.js';

/** How many packages sit directly under node_modules/ (nested installs come on top). */
const TOP_LEVEL_PACKAGES = 960;

/** The fake install and the package list that package-lock.json describes. */
export interface NodeModulesPlan {
  readonly region: SeedRegion;
  readonly packages: readonly SeedPackage[];
}

/**
 * Plans node_modules/: packages with real small files, dist bundles sized to fill `budgetBytes`,
 * nested installs where versions conflict, .bin links and npm's hidden lockfile.
 * @returns the region and its package list
 */
export function planNodeModules(rng: Rng, budgetBytes: number): NodeModulesPlan {
  const real = realPackageNames();
  const names = [...real, ...inventPackageNames(rng.fork('names'), TOP_LEVEL_PACKAGES - real.length, new Set(real))];
  // The real list starts with the production tree (express .. helmet); everything after it is dev-only.
  const productionCount = real.indexOf('helmet') + 1;
  const makePackage = (path: string, name: string, index: number): SeedPackage => ({
    path,
    name,
    version: version(rng),
    dev: index >= productionCount,
    dependencies: pickDependencies(rng, names, name),
    ...(BIN_COMMANDS[name] !== undefined && { bin: BIN_COMMANDS[name] }),
    integrity: `sha512-${rng.bytes(64).toString('base64')}`,
  });

  const packages: SeedPackage[] = names.map((name, index) => makePackage(`node_modules/${name}`, name, index));
  // npm nests a dependency when the hoisted copy has an incompatible version.
  for (const host of packages.slice()) {
    if (!rng.chance(0.06)) continue;
    for (let n = rng.int(1, 3); n > 0; n--) {
      const name = rng.pick(names);
      const path = `${host.path}/node_modules/${name}`;
      if (name === host.name || packages.some((pkg) => pkg.path === path)) continue;
      packages.push(makePackage(path, name, names.indexOf(name)));
      if (rng.chance(0.15)) {
        const deeper = rng.pick(names);
        if (deeper !== name) packages.push(makePackage(`${path}/node_modules/${deeper}`, deeper, names.indexOf(deeper)));
      }
    }
  }

  const fixed: TreeEntry[] = [];
  const elastic: ElasticFile[] = [];
  for (const pkg of packages) {
    const files = planPackageFiles(rng.fork(pkg.path), pkg);
    fixed.push(...files.fixed);
    elastic.push(...files.elastic);
    if (pkg.bin && pkg.path === `node_modules/${pkg.name}`) {
      fixed.push({ symlink: `node_modules/.bin/${pkg.bin}`, target: `../${pkg.name}/bin/${pkg.bin}.js` });
    }
  }
  fixed.push({ file: 'node_modules/.package-lock.json', content: packageLockJson(packages, { hidden: true }) });
  return { region: { name: 'node_modules', ignored: true, entries: fillBudget(fixed, elastic, budgetBytes) }, packages };
}

function version(rng: Rng): string {
  return `${Math.floor(12 * rng.next() ** 2)}.${rng.int(0, 24)}.${rng.int(0, 12)}`;
}

function pickDependencies(rng: Rng, names: readonly string[], self: string): Record<string, string> {
  const dependencies: Record<string, string> = {};
  if ((DIRECT_DEPENDENCIES as readonly string[]).includes(self) || rng.chance(0.55)) {
    for (let n = rng.int(1, 6); n > 0; n--) {
      const name = rng.pick(names);
      if (name !== self) dependencies[name] = `^${rng.int(0, 9)}.${rng.int(0, 20)}.0`;
    }
  }
  return dependencies;
}
