// package.json and package-lock.json of the seed project, consistent with the fake node_modules.
import { COURSE_PACKAGE_JSON } from './course-project.js';
import type { SeedPackage } from './plan-package-files.js';

interface Manifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const COURSE_MANIFEST = JSON.parse(COURSE_PACKAGE_JSON) as Manifest;

/**
 * The seed project's package.json: the course's dependencies, with the entry point moved under src/.
 * @returns the file's text
 */
export function seedPackageJson(): string {
  const manifest = {
    name: COURSE_MANIFEST.name,
    version: COURSE_MANIFEST.version,
    private: true,
    main: 'src/server.js',
    scripts: {
      start: 'node src/server.js',
      dev: 'nodemon src/server.js',
      test: 'jest --coverage',
      lint: 'eslint src test',
      format: 'prettier --write .',
    },
    engines: { node: '>=18' },
    dependencies: COURSE_MANIFEST.dependencies,
    devDependencies: COURSE_MANIFEST.devDependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A lockfileVersion 3 lockfile for `packages`; `hidden` gives npm's node_modules/.package-lock.json (no root entry).
 * @returns the file's text
 */
export function packageLockJson(packages: readonly SeedPackage[], options: { hidden: boolean }): string {
  const entries: Record<string, unknown> = {};
  if (!options.hidden) {
    entries[''] = {
      name: COURSE_MANIFEST.name,
      version: COURSE_MANIFEST.version,
      dependencies: COURSE_MANIFEST.dependencies,
      devDependencies: COURSE_MANIFEST.devDependencies,
    };
  }
  for (const pkg of packages) {
    const tarball = `${pkg.name.split('/').pop() ?? pkg.name}-${pkg.version}.tgz`;
    entries[pkg.path] = {
      version: pkg.version,
      resolved: `https://registry.npmjs.org/${pkg.name}/-/${tarball}`,
      integrity: pkg.integrity,
      ...(pkg.dev && { dev: true }),
      ...(Object.keys(pkg.dependencies).length > 0 && { dependencies: pkg.dependencies }),
      ...(pkg.bin && { bin: { [pkg.bin]: `bin/${pkg.bin}.js` } }),
      license: 'MIT',
    };
  }
  const lock = { name: COURSE_MANIFEST.name, version: COURSE_MANIFEST.version, lockfileVersion: 3, requires: true, packages: entries };
  return `${JSON.stringify(lock, null, 2)}\n`;
}
