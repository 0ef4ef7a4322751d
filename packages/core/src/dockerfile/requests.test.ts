import { describe, expect, it } from 'vitest';
import { dockerfileFailure } from './instructions.vectors.js';
import { requestedPaths, type ContextRequests } from './requests.js';
import { REQUEST_VECTORS } from './requests.vectors.js';
import { parseDockerfile } from './stages.js';

function sends(result: ContextRequests): 'none' | 'whole' | readonly string[] {
  if (!result.usesContext) return 'none';
  return result.wholeContext ? 'whole' : result.followPaths!;
}

describe('context paths a build requests', () => {
  it.for(REQUEST_VECTORS)('$name ($source)', (row) => {
    if (row.error !== undefined) {
      expect(dockerfileFailure(() => requestedPaths(parseDockerfile(row.dockerfile), row.options))).toBe(row.error);
      return;
    }
    const result = requestedPaths(parseDockerfile(row.dockerfile), row.options);
    if (row.sends !== undefined) expect(sends(result)).toEqual(row.sends);
    if (row.reads !== undefined) expect(result.requests.map((r) => `${r.instruction.line} ${r.kind} ${r.path}`)).toEqual(row.reads);
  });
});

describe('the stage graph', () => {
  it('marks the stages the target needs and what each depends on', () => {
    const { graph } = requestedPaths(
      parseDockerfile('FROM node AS deps\nFROM deps AS build\nRUN --mount=from=tools,target=/t x\nFROM alpine AS tools\nFROM busybox AS unused\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=nginx /b /b\n'),
    );
    expect(graph.stages.map((s) => [s.name, s.baseStage, s.reachable, s.dependsOn])).toEqual([
      ['deps', undefined, true, []],
      ['build', 0, true, [{ kind: 'stage', index: 2 }]],
      ['tools', undefined, true, []],
      ['unused', undefined, false, []],
      ['stage-4', undefined, true, [{ kind: 'stage', index: 1 }, { kind: 'image', name: 'nginx' }]],
    ]);
    expect(graph.target).toBe(4);
  });

  it('tells where each read comes from, for explain', () => {
    const [read] = requestedPaths(parseDockerfile('FROM a\n\nCOPY \\\n  src ./src\n')).requests;
    expect(read).toEqual({
      path: 'src',
      source: 'src',
      written: 'src',
      kind: 'copy',
      wholeContext: false,
      stage: 0,
      instruction: { line: 3, endLine: 4, text: 'COPY   src ./src' },
      onbuild: false,
    });
  });

  it("trims the instruction text with Go's TrimSpace (U+FEFF is not space there)", () => {
    const [read] = requestedPaths(parseDockerfile('FROM a\nCOPY src /x\ufeff\n')).requests;
    expect(read!.instruction.text).toBe('COPY src /x\ufeff');
  });

  it('resolves the global ARGs with build args and the platform ARGs', () => {
    const { graph } = requestedPaths(parseDockerfile('ARG V=1\nARG W=$V-$TARGETARCH\nARG U\nFROM a:$W\n'), { buildArgs: { V: '2' } });
    expect(graph.stages[0]!.baseName).toBe('a:2-amd64');
    expect(graph.globalArgs.get('TARGETPLATFORM')).toBe('linux/amd64');
    expect(graph.globalArgs.has('U')).toBe(false);
  });
});
