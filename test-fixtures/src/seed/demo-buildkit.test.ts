import { parseDockerfile, requestedPaths } from '@ctxlens/core';
import { describe, expect, it } from 'vitest';
import { COURSE_MULTI_STAGE_DOCKERFILE } from './course-project.js';
import { OFFLINE_MULTI_STAGE_DOCKERFILE } from './demo-buildkit.js';

// What the demo's real-BuildKit build stands for: the offline Dockerfile must read the context exactly
// as the course's does, or the figure it prints beside ctxlens's would be for another build.
const reads = (text: string) => {
  const requests = requestedPaths(parseDockerfile(text));
  return { whole: requests.wholeContext, reads: requests.requests.map((r) => `${requests.graph.stages[r.stage]!.name} ${r.kind} ${r.path}`) };
};

describe('the demo\'s offline copy of the course\'s multi-stage Dockerfile', () => {
  it('reads the same context paths, in the same stages, as the course\'s', () => {
    expect(reads(OFFLINE_MULTI_STAGE_DOCKERFILE)).toEqual(reads(COURSE_MULTI_STAGE_DOCKERFILE));
  });

  it('asks for the whole context, through the builder stage the production target copies from', () => {
    expect(reads(COURSE_MULTI_STAGE_DOCKERFILE)).toEqual({
      whole: true,
      reads: ['builder copy package*.json', 'builder copy .', 'production copy package*.json'],
    });
  });
});
