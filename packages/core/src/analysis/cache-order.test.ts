import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline } from '../context/compute-context.js';
import { cacheOrderFindings } from './cache-order.js';

const project: TreeSpec = [
  { file: 'package.json', content: '{"name":"x"}' },
  { file: 'package-lock.json', content: '{}' },
  { file: 'src/a.js', content: 'a' },
  { file: 'src/b.js', content: 'bb' },
  { file: 'README.md', content: 'readme' },
  { file: 'requirements.txt', content: 'flask\n' },
  { file: 'api/go.mod', content: 'module x\n' },
  { file: 'api/go.sum', content: '' },
  { file: 'api/main.go', content: 'package main\n' },
];

interface CacheRow {
  readonly name: string;
  readonly dockerfile: string;
  readonly ignore?: string;
  /** `copyLine>installLine`, one per finding. */
  readonly at: readonly string[];
  /** The first finding's proposed lines. */
  readonly replacement?: readonly string[];
  /** Files that rerun the install now, and after the fix. */
  readonly files?: readonly [number, number];
}

const ROWS: readonly CacheRow[] = [
  {
    name: 'the course example: COPY . . before npm ci',
    dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "src/a.js"]\n',
    ignore: 'Dockerfile\n.dockerignore\n',
    at: ['3>4'],
    replacement: ['COPY package*.json ./', 'RUN npm ci', 'COPY . .'],
    files: [9, 2],
  },
  {
    name: 'already manifest first',
    dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n',
    at: [],
  },
  {
    name: 'COPY of a directory counts as broad; the manifest came earlier, so the directory moves below the install',
    dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY package.json ./\nCOPY src ./src\nRUN npm install && npm run build\n',
    at: ['4>5'],
    replacement: ['RUN npm install', 'COPY src ./src', 'RUN npm run build'],
    files: [3, 1],
  },
  {
    name: 'the install keeps the cd it ran after; a RUN left with only cd goes',
    dockerfile: 'FROM node:20\nCOPY . /srv/\nRUN cd /srv && npm ci\nRUN cd /srv && npm install && npm test\n',
    at: ['2>3'],
    replacement: ['COPY package*.json /srv/', 'RUN cd /srv && npm ci', 'COPY . /srv/'],
  },
  {
    name: 'what else the RUN did stays after the sources, in its directory',
    dockerfile: 'FROM node:20\nCOPY . /srv/\nRUN cd /srv && npm install && npm test\n',
    at: ['2>3'],
    replacement: ['COPY package*.json /srv/', 'RUN cd /srv && npm install', 'COPY . /srv/', 'RUN cd /srv && npm test'],
  },
  {
    name: 'single files are not broad',
    dockerfile: 'FROM python:3\nCOPY requirements.txt README.md ./\nRUN pip install -r requirements.txt\n',
    at: [],
  },
  {
    name: 'pip names its requirements file',
    dockerfile: 'FROM python:3\nCOPY . /srv/\nRUN pip install --no-cache-dir -r requirements.txt\n',
    ignore: 'Dockerfile\n.dockerignore\n',
    at: ['2>3'],
    replacement: ['COPY requirements.txt /srv/', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . /srv/'],
    files: [9, 1],
  },
  {
    name: 'go mod download in a build stage, manifests under the copied directory',
    dockerfile: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY api .\nRUN go mod download\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app /app\n',
    at: ['3>4'],
    replacement: ['COPY api/go.mod api/go.sum ./', 'RUN go mod download', 'COPY api .'],
    files: [3, 2],
  },
  {
    name: 'a stage the target does not need is not judged',
    dockerfile: 'FROM node:20 AS unused\nCOPY . .\nRUN npm ci\nFROM scratch\nCOPY README.md /\n',
    at: [],
  },
  {
    name: 'the install in another stage is not affected',
    dockerfile: 'FROM node:20 AS src\nCOPY . /s\nFROM node:20\nCOPY --from=src /s/package.json ./\nRUN npm ci\n',
    at: [],
  },
  {
    name: 'cargo build needs the sources: fetch early, build after',
    dockerfile: 'FROM rust:1\nCOPY . .\nRUN cargo build --release\n',
    at: ['2>3'],
    replacement: ['COPY Cargo.toml Cargo.lock ./', 'RUN cargo fetch', 'COPY . .', 'RUN cargo build --release'],
  },
  {
    name: 'a RUN that installs nothing is not an install',
    dockerfile: 'FROM node:20\nCOPY . .\nRUN npm run build\n',
    at: [],
  },
];

describe('cacheOrderFindings', () => {
  describe.each(ROWS)('$name', (row) => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir('ctxlens-cache-');
      await buildTree(tmp.path, [...project, { file: 'Dockerfile', content: row.dockerfile }, ...(row.ignore === undefined ? [] : [{ file: '.dockerignore', content: row.ignore }])]);
    });
    afterAll(() => tmp.cleanup());

    it('flags a broad COPY before the install, with the manifest-first lines', async () => {
      const { context } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
      const findings = cacheOrderFindings(context);
      expect(findings.map((f) => `${f.copy.line}>${f.install.line}`)).toEqual(row.at);
      if (row.replacement !== undefined) expect(findings[0]!.replacement).toEqual(row.replacement);
      if (row.files !== undefined) expect([findings[0]!.rebuiltBy.files, findings[0]!.rebuiltByAfterFix.files]).toEqual(row.files);
      for (const f of findings) {
        expect(f).toMatchObject({ code: 'cache-order', file: 'Dockerfile' });
        expect(f.rebuiltByAfterFix.bytes).toBeLessThanOrEqual(f.rebuiltBy.bytes);
      }
    });
  });

  it('counts bytes too', async () => {
    const tmp = await makeTempDir('ctxlens-cache-');
    try {
      await buildTree(tmp.path, [...project, { file: 'Dockerfile', content: 'FROM node:20\nCOPY src /app/src\nRUN npm ci\n' }]);
      const [f] = cacheOrderFindings((await computeContextWithBaseline(tmp.path, { builder: 'buildkit' })).context);
      expect(f!.rebuiltBy).toEqual({ files: 2, bytes: 3 });
    } finally {
      await tmp.cleanup();
    }
  });

  it('finds nothing without a Dockerfile read (legacy builder)', async () => {
    const tmp = await makeTempDir('ctxlens-cache-');
    try {
      await buildTree(tmp.path, [...project, { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\nRUN npm ci\n' }]);
      expect(cacheOrderFindings((await computeContextWithBaseline(tmp.path, { builder: 'legacy' })).context)).toEqual([]);
    } finally {
      await tmp.cleanup();
    }
  });
});
