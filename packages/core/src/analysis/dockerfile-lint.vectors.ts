// Dockerfiles and the checklist findings lintDockerfile must give: [code, line] per finding, in
// line order. Each row says why it is there.
export interface DockerfileLintVector {
  readonly name: string;
  readonly dockerfile: string;
  /** Write a .dockerignore (`*.log`) beside it. @default true */
  readonly ignore?: boolean;
  readonly target?: string;
  readonly findings: readonly (readonly [code: string, line: number])[];
}

export const DOCKERFILE_LINT_VECTORS: readonly DockerfileLintVector[] = [
  {
    name: 'the course\'s good multi-stage file: nothing to say',
    dockerfile: 'FROM node:20-alpine AS build\nCOPY package.json ./\nRUN npm ci && npm run build\nFROM node:20-alpine\nCOPY --from=build /dist /app\nUSER node\nHEALTHCHECK CMD wget -qO- localhost:3000/health || exit 1\nCMD ["node", "/app/index.js"]\n',
    findings: [],
  },
  {
    name: 'single stage that builds: tools ship; root; no healthcheck; untagged base',
    dockerfile: 'FROM node\nCOPY package.json ./\nRUN npm ci\nRUN npm run build\nCMD ["node", "dist/index.js"]\n',
    findings: [['unpinned-base-image', 1], ['root-user', 1], ['no-healthcheck', 1], ['build-tools-in-final-image', 4]],
  },
  {
    name: ':latest is not a pin; a digest is; an image from a registry with a port is untagged',
    dockerfile: 'FROM golang:latest AS build\nRUN go build -o /app .\nFROM localhost:5000/base AS mid\nFROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\nCOPY --from=build /app /app\nCOPY --from=mid /etc/os-release /x\nUSER 10001\nHEALTHCHECK NONE\n',
    findings: [['unpinned-base-image', 1], ['unpinned-base-image', 3]],
  },
  {
    name: 'USER root at the end, after a non-root user, runs as root',
    dockerfile: 'FROM debian:12\nUSER app\nHEALTHCHECK CMD true\nUSER root:root\n',
    findings: [['root-user', 4]],
  },
  {
    name: 'USER and HEALTHCHECK inherited from the stage the target is built FROM',
    dockerfile: 'FROM python:3.12-slim AS base\nUSER 1000\nHEALTHCHECK CMD true\nFROM base\nCMD ["python"]\n',
    findings: [],
  },
  {
    name: 'a build stage that is not needed by the target is not judged',
    dockerfile: 'FROM ubuntu AS unused\nRUN make\nFROM alpine:3.20\nUSER nobody\nHEALTHCHECK CMD true\n',
    findings: [],
  },
  {
    name: '--target: the target is the final image',
    dockerfile: 'FROM rust:1.80 AS build\nRUN cargo build --release\nFROM debian:12\nUSER app\nHEALTHCHECK CMD true\n',
    target: 'build',
    findings: [['root-user', 1], ['no-healthcheck', 1], ['build-tools-in-final-image', 2]],
  },
  {
    name: 'scratch: no base to pin, no shell for a healthcheck, no user database',
    dockerfile: 'FROM scratch\nCOPY app /app\n',
    findings: [],
  },
  {
    name: 'no .dockerignore',
    dockerfile: 'FROM scratch\nCOPY app /app\n',
    ignore: false,
    findings: [['no-dockerignore', 1]],
  },
  {
    name: 'a COPY of an excluded path is an error',
    dockerfile: 'FROM scratch\nCOPY app /app\nCOPY debug.log /x\n',
    findings: [['copy-excluded', 3]],
  },
  {
    name: 'a COPY of a path that is not there is an error',
    dockerfile: 'FROM scratch\nCOPY nothere /x\n',
    findings: [['copy-missing', 2]],
  },
  {
    name: 'ARG and ENV names that look like secrets, on their lines; public/file/version clear a name',
    dockerfile: 'FROM scratch\nARG NPM_TOKEN\nARG PUBLIC_KEY KEY_FILE TOKEN_VERSION\nENV DB_PASSWORD=x \\\n    MONKEY=1 api_key=2\nCOPY app /app\n',
    findings: [['secret-in-arg-env', 2], ['secret-in-arg-env', 4], ['secret-in-arg-env', 4]],
  },
  {
    name: 'global ARGs and stages the target does not need are not judged, as BuildKit does not',
    dockerfile: 'ARG GITHUB_TOKEN\nFROM scratch AS unused\nARG AWS_SECRET\nFROM scratch\nARG GITHUB_TOKEN\nCOPY app /app\n',
    findings: [['secret-in-arg-env', 5]],
  },
];
