// Bad arguments to the public API, as a JavaScript caller can pass them: each row names the call,
// the argument the error must name, and the whole message. Before these checks some were accepted
// in silence (builder 'kaniko' meant BuildKit, signal 'yes' was ignored) and the rest failed with
// internal TypeErrors ("lines.forEach is not a function", "Cannot read properties of null").
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffBuilders } from './analysis/builder-diff.js';
import { loadBuilderRules } from './analysis/builder-rules.js';
import { runChecks } from './analysis/check.js';
import { lintIgnoreFile } from './analysis/lint.js';
import { rankOffenders } from './analysis/offenders.js';
import { suggestIgnoreLines } from './analysis/suggest.js';
import { explainUnder, explainWithLines } from './live/explain.js';
import { groupOffenders } from './live/offenders.js';
import { scanInSlices } from './live/load.js';
import type { BuildContext } from './context/build-context.js';
import { computeContext, computeContextWithBaseline, evaluateRules, measureContext } from './context/compute-context.js';
import { explainPath } from './context/explain.js';
import { InputError } from './errors.js';
import { parseIgnoreFile } from './ignorefile/read-ignore-file.js';
import { startScanWorkers } from './inventory/scan-workers.js';
import { formatDockerSize } from './tar/docker-size.js';
import { documentRules, insertLine, lineText, moveLine, parseDocument, removeLine, replaceLine, serializeDocument, writeDocument } from './ignorefile/edit.js';
import { compileRules } from './patterns/pattern-set.js';

// Arguments a TypeScript caller could not write: the rows stand for JavaScript callers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let tmp: TempDir;
let ctx: BuildContext;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-validate-');
  await buildTree(tmp.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: 'a' }]);
  ctx = (await computeContextWithBaseline(tmp.path)).context;
});
afterAll(() => tmp.cleanup());

const doc = parseDocument(Buffer.from('a\nb\n'));

interface Row {
  readonly call: string;
  readonly run: () => unknown;
  readonly argument: string;
  readonly message: string;
}

const ROWS: readonly Row[] = [
  // ContextOptions, checked once in resolveOptions for every entry that takes them.
  { call: "computeContext(dir, { builder: 'kaniko' })", run: () => computeContext(tmp.path, { builder: 'kaniko' as Loose }), argument: 'options.builder', message: `options.builder must be 'buildkit' or 'legacy'; got "kaniko"` },
  { call: "computeContext(dir, { signal: 'yes' })", run: () => computeContext(tmp.path, { signal: 'yes' as Loose }), argument: 'options.signal', message: 'options.signal must be an AbortSignal; got "yes"' },
  { call: "computeContext(dir, { extraRules: 'a' })", run: () => computeContext(tmp.path, { extraRules: 'a' as Loose }), argument: 'options.extraRules', message: 'options.extraRules must be an array of strings; got "a"' },
  { call: "computeContext(dir, { extraRules: ['a', 3] })", run: () => computeContext(tmp.path, { extraRules: ['a', 3] as Loose }), argument: 'options.extraRules[1]', message: 'options.extraRules[1] must be a string; got 3' },
  { call: 'computeContext(42)', run: () => computeContext(42 as Loose), argument: 'contextDir', message: 'contextDir must be a string; got 42' },
  { call: 'computeContext(dir, null)', run: () => computeContext(tmp.path, null as Loose), argument: 'options', message: 'options must be an object; got null' },
  { call: 'computeContext(dir, { dockerfile: 1 })', run: () => computeContext(tmp.path, { dockerfile: 1 as Loose }), argument: 'options.dockerfile', message: 'options.dockerfile must be a string; got 1' },
  { call: 'computeContext(dir, { ignoreFile: true })', run: () => computeContext(tmp.path, { ignoreFile: true as Loose }), argument: 'options.ignoreFile', message: 'options.ignoreFile must be a path (string) or false; got true' },
  { call: 'computeContext(dir, { onProgress: {} })', run: () => computeContext(tmp.path, { onProgress: {} as Loose }), argument: 'options.onProgress', message: 'options.onProgress must be a function; got an object' },
  { call: 'computeContext(dir, { cwd: [] })', run: () => computeContext(tmp.path, { cwd: [] as Loose }), argument: 'options.cwd', message: 'options.cwd must be a string; got an array of 0' },
  { call: 'computeContext(dir, { fs: {} })', run: () => computeContext(tmp.path, { fs: {} as Loose }), argument: 'options.fs', message: 'options.fs must be an FsAdapter (readdir, lstat, readlink, accessRead, realpath and readFile functions); got an object' },
  { call: 'computeContext(dir, { target: 1 })', run: () => computeContext(tmp.path, { target: 1 as Loose }), argument: 'options.target', message: 'options.target must be a string; got 1' },
  { call: "computeContext(dir, { buildArgs: { A: 1 } })", run: () => computeContext(tmp.path, { buildArgs: { A: 1 } as Loose }), argument: 'options.buildArgs.A', message: 'options.buildArgs.A must be a string; got 1' },
  { call: "computeContext(dir, { wholeContext: 'yes' })", run: () => computeContext(tmp.path, { wholeContext: 'yes' as Loose }), argument: 'options.wholeContext', message: 'options.wholeContext must be true or false; got "yes"' },
  { call: 'computeContext(dir, { dockerfileText: 3 })', run: () => computeContext(tmp.path, { dockerfileText: 3 as Loose }), argument: 'options.dockerfileText', message: 'options.dockerfileText must be a string; got 3' },
  { call: "computeContextWithBaseline(dir, { builder: 'kaniko' })", run: () => computeContextWithBaseline(tmp.path, { builder: 'kaniko' as Loose }), argument: 'options.builder', message: `options.builder must be 'buildkit' or 'legacy'; got "kaniko"` },
  { call: "measureContext(dir, { signal: 'yes' })", run: () => measureContext(tmp.path, { signal: 'yes' as Loose }), argument: 'options.signal', message: 'options.signal must be an AbortSignal; got "yes"' },
  { call: 'measureContext(dir, {}, null)', run: () => measureContext(tmp.path, {}, null as Loose), argument: 'scan', message: 'scan must be an object; got null' },
  { call: "loadBuilderRules(dir, { builder: 'kaniko' })", run: () => loadBuilderRules(tmp.path, { builder: 'kaniko' as Loose }), argument: 'options.builder', message: `options.builder must be 'buildkit' or 'legacy'; got "kaniko"` },
  { call: 'scanInSlices(dir, { sliceMs: -1 })', run: () => scanInSlices(tmp.path, { sliceMs: -1 }), argument: 'options.sliceMs', message: 'options.sliceMs must be a number ≥ 0; got -1' },
  // Re-evaluation and explanations.
  { call: 'evaluateRules(ctx, { rules: null })', run: () => evaluateRules(ctx, { rules: null as Loose }), argument: 'change.rules', message: 'change.rules must be an array of strings; got null' },
  { call: 'evaluateRules(ctx, null)', run: () => evaluateRules(ctx, null as Loose), argument: 'change', message: 'change must be an object; got null' },
  { call: "evaluateRules(ctx, { rules: [], builder: 'kaniko' })", run: () => evaluateRules(ctx, { rules: [], builder: 'kaniko' as Loose }), argument: 'change.builder', message: `change.builder must be 'buildkit' or 'legacy'; got "kaniko"` },
  { call: 'evaluateRules({}, { rules: [] })', run: () => evaluateRules({} as Loose, { rules: [] }), argument: 'base', message: 'base must be a BuildContext (from computeContext or computeContextWithBaseline); got an object' },
  { call: 'context.explain(null)', run: () => ctx.explain(null as Loose), argument: 'path', message: 'path must be a string; got null' },
  { call: 'context.explain(42)', run: () => ctx.explain(42 as Loose), argument: 'path', message: 'path must be a string; got 42' },
  { call: "explainPath(set, 'kaniko', 'a')", run: () => explainPath(compileRules([]), 'kaniko' as Loose, 'a'), argument: 'builder', message: `builder must be 'buildkit' or 'legacy'; got "kaniko"` },
  { call: 'measureContext(dir, {}, { threads: 0 })', run: () => measureContext(tmp.path, {}, { threads: 0 }), argument: 'scan.threads', message: 'scan.threads must be a whole number ≥ 1; got 0' },
  // Analysis entry points.
  { call: "rankOffenders(ctx, { measure: 'lines' })", run: () => rankOffenders(ctx, { measure: 'lines' as Loose }), argument: 'options.measure', message: `options.measure must be 'bytes' or 'files'; got "lines"` },
  { call: 'rankOffenders(undefined)', run: () => rankOffenders(undefined as Loose), argument: 'ctx', message: 'ctx must be a BuildContext (from computeContext or computeContextWithBaseline); got undefined' },
  { call: "suggestIgnoreLines(ctx, { limit: '5' })", run: () => suggestIgnoreLines(ctx, { limit: '5' as Loose }), argument: 'options.limit', message: 'options.limit must be a number ≥ 0; got "5"' },
  { call: 'lintIgnoreFile(null)', run: () => lintIgnoreFile(null as Loose), argument: 'ctx', message: 'ctx must be a BuildContext (from computeContext or computeContextWithBaseline); got null' },
  { call: 'runChecks({ context: {} }, {})', run: () => runChecks({ context: {} as Loose }, {} as Loose), argument: 'input.context', message: 'input.context must be a BuildContext (from computeContext or computeContextWithBaseline); got an object' },
  { call: 'diffBuilders(ctx, 1)', run: () => diffBuilders(ctx, 1 as Loose), argument: 'other', message: 'other must be a BuildContext (from computeContext or computeContextWithBaseline); got 1' },
  { call: "explainWithLines(ctx, 'a', 'legacy', 'a')", run: () => explainWithLines(ctx, 'a' as Loose, 'legacy', 'a'), argument: 'lines', message: 'lines must be an array of strings; got "a"' },
  { call: "explainUnder(ctx, 'kaniko', 'a')", run: () => explainUnder(ctx, 'kaniko' as Loose, 'a'), argument: 'builder', message: `builder must be 'buildkit' or 'legacy'; got "kaniko"` },
  { call: 'groupOffenders(ctx, -1)', run: () => groupOffenders(ctx, -1), argument: 'limit', message: 'limit must be a number ≥ 0; got -1' },
  { call: 'parseIgnoreFile(null)', run: () => parseIgnoreFile(null as Loose), argument: 'content', message: 'content must be a Buffer or a string; got null' },
  { call: "compileRules(['a'])", run: () => compileRules(['a'] as Loose), argument: 'rules', message: 'rules must be an array of rules ({ pattern, origin }, from parseIgnoreFile); got an array of 1' },
  { call: "formatDockerSize('1')", run: () => formatDockerSize('1' as Loose), argument: 'bytes', message: 'bytes must be a finite number; got "1"' },
  { call: 'startScanWorkers(-1)', run: () => startScanWorkers(-1), argument: 'count', message: 'count must be a whole number ≥ 0; got -1' },
  // The ignore-file editing API.
  { call: "parseDocument('a\\n')", run: () => parseDocument('a\n' as Loose), argument: 'bytes', message: 'bytes must be a Buffer; got "a\\n"' },
  { call: 'serializeDocument(null)', run: () => serializeDocument(null as Loose), argument: 'doc', message: 'doc must be an IgnoreDocument (from parseDocument); got null' },
  { call: 'lineText(undefined)', run: () => lineText(undefined as Loose), argument: 'line', message: 'line must be a DocumentLine (from an IgnoreDocument); got undefined' },
  { call: 'documentRules(doc, 3)', run: () => documentRules(doc, 3 as Loose), argument: 'file', message: 'file must be a string; got 3' },
  { call: 'insertLine(doc, 5)', run: () => insertLine(doc, 5 as Loose), argument: 'text', message: 'text must be a string; got 5' },
  { call: "insertLine(doc, 'x', 3)", run: () => insertLine(doc, 'x', 3), argument: 'at', message: 'at must be a whole number from 0 to 2; got 3' },
  { call: 'removeLine(doc, 2)', run: () => removeLine(doc, 2), argument: 'index', message: 'index must be a whole number from 0 to 1; got 2' },
  { call: "removeLine(parseDocument(), 0)", run: () => removeLine(parseDocument(), 0), argument: 'index', message: 'index must be nothing (there is no line); got 0' },
  { call: 'replaceLine(doc, 0.5, "x")', run: () => replaceLine(doc, 0.5, 'x'), argument: 'index', message: 'index must be a whole number from 0 to 1; got 0.5' },
  { call: 'replaceLine(doc, 0, null)', run: () => replaceLine(doc, 0, null as Loose), argument: 'text', message: 'text must be a string; got null' },
  { call: 'moveLine(doc, 0, -1)', run: () => moveLine(doc, 0, -1), argument: 'to', message: 'to must be a whole number from 0 to 1; got -1' },
  { call: "writeDocument(3, doc, undefined)", run: () => writeDocument(3 as Loose, doc, undefined), argument: 'path', message: 'path must be a string; got 3' },
  { call: "writeDocument(path, doc, 'a')", run: () => writeDocument('/nonexistent/.dockerignore', doc, 'a' as Loose), argument: 'original', message: 'original must be a Buffer; got "a"' },
];

/** The error a call throws or rejects with. */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the public API rejects bad arguments with an InputError naming them', () => {
  it.each(ROWS)('$call', async ({ run, argument, message }) => {
    const error = await failure(run);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(message);
    expect((error as InputError).argument).toBe(argument);
    expect((error as InputError).code).toBe('INPUT_INVALID');
  });

  it('accepts what it always accepted: explicit undefined for an optional field, false for ignoreFile', async () => {
    const c = await computeContext(tmp.path, { builder: undefined, ignoreFile: false, extraRules: [], dockerfile: undefined });
    expect(c.filePaths()).toEqual(['Dockerfile', 'a']);
    expect(insertLine(doc, 'c').lines).toHaveLength(3);
    expect(moveLine(doc, 1, 0).lines.map((l) => l.content.toString())).toEqual(['b', 'a']);
  });
});
