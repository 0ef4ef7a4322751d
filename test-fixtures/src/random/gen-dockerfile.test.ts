import { describe, expect, it } from 'vitest';
import { generateCase, generateDockerfileCase } from './index.js';

const SEEDS = 400;
const cases = Array.from({ length: SEEDS }, (_, seed) => generateDockerfileCase(seed, 'busybox'));

describe('random Dockerfile cases', () => {
  it('are the same for the same seed, over the tree and ignore file of generateCase', () => {
    expect(generateDockerfileCase(7, 'busybox')).toEqual(generateDockerfileCase(7, 'busybox'));
    const plain = generateCase(7);
    expect(cases[7]!.tree).toEqual(plain.tree);
    expect(cases[7]!.dockerignore).toBe(plain.dockerignore);
  });

  it.each([
    'src-path', 'src-parent', 'src-glob', 'src-missing', 'src-root', 'arg', 'build-arg', 'exclude', 'json-form', 'bind-mount', 'copy-from', 'target',
    'bad-parents-flag', 'bad-instruction', 'bad-no-from', 'bad-variable', 'bad-copy-args',
  ])('reaches %s within 400 seeds', (feature) => {
    expect(cases.some((c) => c.dockerfileFeatures.includes(feature))).toBe(true);
  });

  it('hold multi-stage builds', () => {
    expect(cases.some((c) => (c.dockerfile.match(/^FROM /gm) ?? []).length >= 3)).toBe(true);
  });
});
