import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../trees/make-temp-dir.js';
import type { TempDir } from '../trees/make-temp-dir.js';
import {
  COURSE_BAD_DOCKERFILE, COURSE_COMPLETE_DOCKERIGNORE, COURSE_PACKAGE_JSON, COURSE_RECOMMENDED_DOCKERIGNORE, COURSE_SERVER_JS, writeCourseProject,
} from './course-project.js';

let temp: TempDir;
beforeEach(async () => {
  temp = await makeTempDir('ctxlens-course-');
});
afterEach(async () => {
  await temp.cleanup();
});

describe('course project data', () => {
  it("has the exercise's dependencies, exactly as in the course", () => {
    const manifest = JSON.parse(COURSE_PACKAGE_JSON);
    expect(manifest.name).toBe('product-api');
    expect(manifest.dependencies).toEqual({ express: '^4.18.2', compression: '^1.7.4', helmet: '^7.0.0' });
    expect(manifest.devDependencies).toEqual({ nodemon: '^3.0.1', jest: '^29.5.0', supertest: '^6.3.3', eslint: '^8.45.0', prettier: '^3.0.0' });
    expect(manifest.scripts.start).toBe('node server.js');
  });

  it('keeps the server that requires exactly those runtime dependencies', () => {
    const required = [...COURSE_SERVER_JS.matchAll(/require\('([^']+)'\)/g)].map((match) => match[1]);
    expect(required).toEqual(['express', 'compression', 'helmet']);
    expect(COURSE_SERVER_JS).toContain("app.get('/api/products'");
    expect(COURSE_SERVER_JS).toContain('console.log(`Server running on port ${PORT}`);');
  });

  it('keeps the single-stage Dockerfile that copies the whole context', () => {
    expect(COURSE_BAD_DOCKERFILE.split('\n').filter(Boolean)).toEqual(['FROM node:18', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'EXPOSE 3000', 'CMD ["npm", "start"]']);
  });

  it("has the exercise's .dockerignore solution and the section's complete example", () => {
    expect(COURSE_RECOMMENDED_DOCKERIGNORE.trim().split('\n')).toEqual([
      'node_modules', 'npm-debug.log', '.git', '.env', 'coverage', '*.test.js', '*.spec.js', 'README.md', '.vscode', '.idea', '.DS_Store',
    ]);
    const lines = COURSE_COMPLETE_DOCKERIGNORE.split('\n');
    expect(lines[0]).toBe('# .dockerignore - Complete example');
    expect(lines.filter((line) => line.startsWith('#'))).toHaveLength(11);
    expect(lines).toEqual(expect.arrayContaining(['.env.*', '!.env.example', '*.md', '!README.md', 'Dockerfile', '.dockerignore']));
    // Docker has no inline comments: every comment must start its own line for the file to mean what it says.
    expect(lines.filter((line) => !line.startsWith('#') && line.includes('#'))).toEqual([]);
  });
});

describe('writeCourseProject', () => {
  it('writes the four files of the exercise', async () => {
    const written = await writeCourseProject(temp.path);
    expect(written).toEqual(['server.js', 'package.json', 'Dockerfile', '.dockerignore']);
    expect((await readdir(temp.path)).sort()).toEqual(['.dockerignore', 'Dockerfile', 'package.json', 'server.js']);
    expect(await readFile(join(temp.path, 'server.js'), 'utf8')).toBe(COURSE_SERVER_JS);
    expect(await readFile(join(temp.path, 'Dockerfile'), 'utf8')).toBe(COURSE_BAD_DOCKERFILE);
    expect(await readFile(join(temp.path, '.dockerignore'), 'utf8')).toBe(COURSE_RECOMMENDED_DOCKERIGNORE);
  });

  it('writes the starting point without .dockerignore, or another one', async () => {
    await writeCourseProject(join(temp.path, 'before'), { dockerignore: false });
    expect((await readdir(join(temp.path, 'before'))).sort()).toEqual(['Dockerfile', 'package.json', 'server.js']);
    await writeCourseProject(join(temp.path, 'complete'), { dockerignore: COURSE_COMPLETE_DOCKERIGNORE });
    expect(await readFile(join(temp.path, 'complete', '.dockerignore'), 'utf8')).toBe(COURSE_COMPLETE_DOCKERIGNORE);
  });
});
