// The exercise project of the Docker course module ctxlens comes from (section 6.8, "Exercice pratique"),
// kept as data so tests and the demo can write it anywhere. Source: /work/shared/seed/docker-course-multi-stage-builds.md.
import { buildTree } from '../trees/build-tree.js';
import type { TreeSpec } from '../trees/tree-spec.js';

/** The exercise's `server.js`: an Express product API with compression and helmet. */
export const COURSE_SERVER_JS = `const express = require('express');
const compression = require('compression');
const helmet = require('helmet');

const app = express();

app.use(compression());
app.use(helmet());
app.use(express.json());

app.get('/health', (req, res) => {
  res.json({
    status: 'healthy',
    uptime: process.uptime(),
    timestamp: Date.now()
  });
});

app.get('/api/products', (req, res) => {
  res.json([
    { id: 1, name: 'Laptop', price: 999 },
    { id: 2, name: 'Mouse', price: 29 },
    { id: 3, name: 'Keyboard', price: 79 }
  ]);
});

const PORT = process.env.PORT || 3000;
app.listen(PORT, () => {
  console.log(\`Server running on port \${PORT}\`);
});
`;

/** The exercise's `package.json`, dependencies and dev dependencies exactly as in the course. */
export const COURSE_PACKAGE_JSON = `{
  "name": "product-api",
  "version": "1.0.0",
  "scripts": {
    "start": "node server.js",
    "dev": "nodemon server.js",
    "test": "jest --coverage"
  },
  "dependencies": {
    "express": "^4.18.2",
    "compression": "^1.7.4",
    "helmet": "^7.0.0"
  },
  "devDependencies": {
    "nodemon": "^3.0.1",
    "jest": "^29.5.0",
    "supertest": "^6.3.3",
    "eslint": "^8.45.0",
    "prettier": "^3.0.0"
  }
}
`;

/** The exercise's single-stage Dockerfile, labelled "HORRIBLE - à optimiser": `COPY . .` ships the whole context. */
export const COURSE_BAD_DOCKERFILE = `FROM node:18

WORKDIR /app

COPY . .

RUN npm install

EXPOSE 3000

CMD ["npm", "start"]
`;

/**
 * Section 6.3's multi-stage Dockerfile ("Version 2 : Multi-stage"), comments included. The production stage copies
 * only server.js from the builder, but the builder's `COPY . .` still makes BuildKit ask for the whole context.
 */
export const COURSE_MULTI_STAGE_DOCKERFILE = `# ================================
# STAGE 1: Dependencies & Build
# ================================
FROM node:18 AS builder

WORKDIR /app

# Copy dependency manifests
COPY package*.json ./

# Install ALL dependencies (needed for tests/build)
RUN npm install

# Copy source code
COPY . .

# Run tests (optional but recommended)
RUN npm test

# ================================
# STAGE 2: Production Runtime
# ================================
FROM node:18-alpine AS production

WORKDIR /app

# Copy only package files
COPY package*.json ./

# Install ONLY production dependencies
RUN npm install --production

# Copy application code from builder
COPY --from=builder /app/server.js ./

# Create non-root user for security
RUN addgroup -g 1001 -S nodejs && \\
    adduser -S nodejs -u 1001

USER nodejs

EXPOSE 3000

CMD ["node", "server.js"]
`;

/** The exercise's solution to step 1 ("Créer .dockerignore"). */
export const COURSE_RECOMMENDED_DOCKERIGNORE = `node_modules
npm-debug.log
.git
.env
coverage
*.test.js
*.spec.js
README.md
.vscode
.idea
.DS_Store
`;

/**
 * Section 6.5's "Exemple complet pour un projet Node.js", comments included.
 * Several lines do less than the course claims (`*.md`, `*.log`, `*.test.js` only match at the root): ctxlens shows that.
 */
export const COURSE_COMPLETE_DOCKERIGNORE = `# .dockerignore - Complete example

# Dependencies (will be reinstalled in Docker)
node_modules
bower_components

# Build outputs
dist
build
.next
.nuxt
out

# Logs
logs
*.log
npm-debug.log*
yarn-debug.log*
yarn-error.log*

# Testing
coverage
.nyc_output
*.test.js
*.spec.js
__tests__
__mocks__

# Environment files (SECURITY!)
.env
.env.*
!.env.example

# Version control
.git
.gitignore
.gitattributes

# IDE and editors
.vscode
.idea
*.swp
*.swo
*~
.DS_Store

# Documentation
*.md
!README.md
docs

# CI/CD
.github
.gitlab-ci.yml
.travis.yml

# Docker files (no need to include Docker files in Docker!)
Dockerfile
Dockerfile.*
docker-compose*.yml
.dockerignore
`;

/** Section 6.5's "Après" file: the three lines that take the course's context from 1.24GB to 2.1MB. */
export const COURSE_MINIMAL_DOCKERIGNORE = `node_modules
.git
coverage
`;

/** Options for writeCourseProject(). */
export interface WriteCourseProjectOptions {
  /**
   * Content of `.dockerignore`, or `false` to write none (the exercise's starting point).
   * @default COURSE_RECOMMENDED_DOCKERIGNORE
   */
  readonly dockerignore?: string | false;
}

/**
 * Describes the course project as a tree spec, for callers that add their own entries.
 * @returns server.js, package.json, Dockerfile and (unless disabled) .dockerignore
 */
export function courseProjectSpec(options: WriteCourseProjectOptions = {}): TreeSpec {
  const dockerignore = options.dockerignore ?? COURSE_RECOMMENDED_DOCKERIGNORE;
  return [
    { file: 'server.js', content: COURSE_SERVER_JS },
    { file: 'package.json', content: COURSE_PACKAGE_JSON },
    { file: 'Dockerfile', content: COURSE_BAD_DOCKERFILE },
    ...(dockerignore === false ? [] : [{ file: '.dockerignore', content: dockerignore }]),
  ];
}

/**
 * Writes the course's exercise project into `dir` (created if missing).
 * @returns the relative paths written, in order
 * @throws when one of the files already exists
 */
export async function writeCourseProject(dir: string, options: WriteCourseProjectOptions = {}): Promise<string[]> {
  const spec = courseProjectSpec(options);
  await buildTree(dir, spec);
  return spec.map((entry) => ('file' in entry ? entry.file : ''));
}
