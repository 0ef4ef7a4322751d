// Root files, docs/ and editor folders of the seed project: small, but each one tells part of the story.
import type { TreeEntry } from '../trees/tree-spec.js';
import { COURSE_BAD_DOCKERFILE } from './course-project.js';
import { jsModule, markdown } from './fake-text.js';
import { packageLockJson, seedPackageJson } from './package-lock.js';
import type { SeedPackage } from './plan-package-files.js';
import type { Rng } from './prng.js';
import { fillBudget } from './seed-region.js';
import type { SeedRegion } from './seed-region.js';

/**
 * Plans the root files that ship (Dockerfile, .dockerignore, manifests, README, configs) and docs/, whose Markdown ships
 * because `*.md` only matches at the root; one ADR has an accented name, which costs a PAX header.
 * @returns the shipped root files and the docs region
 */
export function planShippedProjectFiles(rng: Rng, packages: readonly SeedPackage[], dockerignore: string | undefined, mtime: Date): SeedRegion[] {
  const file = (path: string, content: string | Buffer): TreeEntry => ({ file: path, content, mtime });
  const root: TreeEntry[] = [
    file('Dockerfile', COURSE_BAD_DOCKERFILE),
    file('package.json', seedPackageJson()),
    file('package-lock.json', packageLockJson(packages, { hidden: false })),
    file('README.md', markdown(rng, 'product-api', 3_800)),
    file('.env.example', 'PORT=3000\nDATABASE_URL=postgres://user:password@localhost:5432/product_api\nREDIS_URL=redis://localhost:6379\nJWT_SECRET=change-me\n'),
    file('.gitignore', 'node_modules/\ncoverage/\ndist/\nlogs/\n*.log\n.env\n.env.*\n!.env.example\ndata/\n*.heapsnapshot\n.DS_Store\n.idea/\n.vscode/\n'),
    file('.eslintrc.json', '{\n  "root": true,\n  "env": { "node": true, "es2022": true, "jest": true },\n  "extends": ["eslint:recommended"],\n  "parserOptions": { "ecmaVersion": 2022 }\n}\n'),
    file('.prettierrc', '{\n  "singleQuote": true,\n  "printWidth": 100\n}\n'),
    file('.editorconfig', 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\nend_of_line = lf\ninsert_final_newline = true\n'),
    file('.nvmrc', '18\n'),
    file('jest.config.js', "module.exports = {\n  testEnvironment: 'node',\n  setupFiles: ['<rootDir>/test/setup.js'],\n  collectCoverageFrom: ['src/**/*.js'],\n};\n"),
    ...(dockerignore === undefined ? [] : [file('.dockerignore', dockerignore)]),
    file('docker-compose.yml', "services:\n  api:\n    build: .\n    ports:\n      - '3000:3000'\n    env_file: .env\n  db:\n    image: postgres:15\n    environment:\n      POSTGRES_PASSWORD: postgres\n"),
  ];
  const docs: TreeEntry[] = [
    file('docs/api.md', markdown(rng, 'API reference', 9_000)),
    file('docs/architecture.md', markdown(rng, 'Architecture', 5_500)),
    file('docs/deployment.md', markdown(rng, 'Deployment', 3_200)),
    file('docs/runbook.md', markdown(rng, 'Runbook', 4_100)),
    file('docs/adr/0001-choix-du-framework.md', markdown(rng, 'ADR 1: Express', 1_800)),
    file('docs/adr/0002-stratégie-de-cache.md', markdown(rng, 'ADR 2: Redis cache', 2_100)),
    file('docs/images/architecture.png', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), rng.bytes(38_000)])),
  ];
  return [
    { name: 'root files (shipped)', ignored: false, entries: root },
    { name: 'docs', ignored: false, entries: docs },
  ];
}

/**
 * Plans what SEED_DOCKERIGNORE keeps out at the root (secrets, debug logs, Markdown, heap snapshots) and the IDE folders.
 * @returns the ignored root files, .vscode and .idea regions
 */
export function planIgnoredProjectFiles(rng: Rng, heapSnapshotBudget: number, mtime: Date): SeedRegion[] {
  const file = (path: string, content: string | Buffer): TreeEntry => ({ file: path, content, mtime });
  const rootFixed: TreeEntry[] = [
    file('.env', `PORT=3000\nDATABASE_URL=postgres://api:${rng.hex(24)}@db.internal:5432/product_api\nJWT_SECRET=${rng.hex(64)}\nSTRIPE_SECRET_KEY=sk_test_${rng.hex(40)}\n`),
    file('.env.local', `DATABASE_URL=postgres://camille:${rng.hex(16)}@localhost:5432/product_api\n`),
    file('.env.production', `DATABASE_URL=postgres://api:${rng.hex(24)}@prod-db.internal:5432/product_api\nSENDGRID_API_KEY=SG.${rng.hex(22)}.${rng.hex(43)}\n`),
    file('npm-debug.log', `0 info it worked if it ends with ok\n1 verbose cli [ '/usr/local/bin/node', '/usr/local/bin/npm', 'install' ]\n${'2 verbose stack Error: EACCES: permission denied\n'.repeat(40)}`),
    file('CHANGELOG.md', markdown(rng, 'Changelog', 7_000)),
    file('CONTRIBUTING.md', markdown(rng, 'Contributing', 2_400)),
    file('.DS_Store', Buffer.concat([Buffer.from('\0\0\0\x01Bud1', 'latin1'), rng.bytes(6148 - 8)])),
  ];
  const snapshots = ['Heap.20240512.143012.4711.0.001.heapsnapshot', 'Heap.20240514.091533.5120.0.002.heapsnapshot'].map((name, i) => ({
    file: name,
    head: '{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count","trace_node_id","detachedness"],',
    weight: 1 - i * 0.1,
    mtime,
  }));
  const ide = (path: string, content: string): TreeEntry => file(path, content);
  return [
    { name: 'root files (ignored)', ignored: true, entries: fillBudget(rootFixed, snapshots, heapSnapshotBudget) },
    {
      name: '.vscode',
      ignored: true,
      entries: [
        ide('.vscode/settings.json', '{\n  "editor.formatOnSave": true,\n  "editor.defaultFormatter": "esbenp.prettier-vscode"\n}\n'),
        ide('.vscode/launch.json', '{\n  "version": "0.2.0",\n  "configurations": [{ "type": "node", "request": "launch", "name": "API", "program": "${workspaceFolder}/src/server.js" }]\n}\n'),
        ide('.vscode/extensions.json', '{ "recommendations": ["dbaeumer.vscode-eslint", "esbenp.prettier-vscode"] }\n'),
      ],
    },
    {
      name: '.idea',
      ignored: true,
      entries: [
        ide('.idea/workspace.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n${jsModule(rng, 24_000).replace(/[<&]/g, ' ')}\n</project>\n`),
        ide('.idea/modules.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="ProjectModuleManager" />\n</project>\n'),
        ide('.idea/product-api.iml', '<?xml version="1.0" encoding="UTF-8"?>\n<module type="WEB_MODULE" version="4" />\n'),
        ide('.idea/vcs.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="VcsDirectoryMappings" />\n</project>\n'),
        ide('.idea/.gitignore', '# Default ignored files\n/shelf/\n/workspace.xml\n'),
        ide('.idea/inspectionProfiles/Project_Default.xml', '<component name="InspectionProjectProfileManager">\n  <profile version="1.0" />\n</component>\n'),
      ],
    },
  ];
}
