import { describe, expect, it } from 'vitest';
import { parseDockerfile, buildStageGraph } from '../dockerfile/stages.js';
import { looksLikeSecretName, SECRET_NAME_ALLOWED_WORDS_DOCKER_28, secretVariables } from './secret-names.js';
import { SECRET_NAME_VECTORS } from './secret-names.vectors.js';

describe('looksLikeSecretName', () => {
  it.each(SECRET_NAME_VECTORS)('$name -> $flagged ($from)', ({ name, flagged, docker28 }) => {
    expect(looksLikeSecretName(name)).toBe(flagged);
    expect(looksLikeSecretName(name, SECRET_NAME_ALLOWED_WORDS_DOCKER_28)).toBe(docker28);
  });
});

describe('secretVariables', () => {
  const dockerfile = [
    'ARG GLOBAL_TOKEN=1',
    'FROM busybox AS build',
    'ARG NPM_TOKEN',
    'ENV A=1 DB_PASSWORD=x',
    'FROM busybox AS unused',
    'ARG UNUSED_SECRET',
    'FROM build',
    'ONBUILD ENV OB_PASSWORD=1',
    'ENV PUBLIC_KEY=abc API_KEY=def',
    'FROM busybox',
    'COPY --from=2 / /',
    'ARG GLOBAL_TOKEN',
  ].join('\n');
  it('flags the ARG/ENV of dispatched stages, not global ARGs, ONBUILD triggers or unneeded stages', () => {
    const graph = buildStageGraph(parseDockerfile(dockerfile));
    const rows = secretVariables(graph).map((v) => `${v.line} ${v.instruction} ${v.name} ${v.stage} ${v.inTarget}`);
    expect(rows).toEqual(['3 ARG NPM_TOKEN build false', '4 ENV DB_PASSWORD build false', '9 ENV API_KEY stage-2 false', '12 ARG GLOBAL_TOKEN stage-3 true']);
  });
  it('marks stages the target is built FROM as in the image', () => {
    const graph = buildStageGraph(parseDockerfile('FROM busybox AS base\nENV TOKEN=1\nFROM base\nARG KEY\n'));
    expect(secretVariables(graph).map((v) => [v.name, v.inTarget])).toEqual([['TOKEN', true], ['KEY', true]]);
  });
});
