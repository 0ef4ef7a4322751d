// Pins what @ctxlens/core exports (issue 13 point 6): each public entry exports exactly the names
// in public-surface.vectors.ts, as the compiler sees them (types included) and at run time, each
// documented with TSDoc; names the CLI alone needs stay in @ctxlens/core/internal.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as main from './index.js';
import * as live from './live/index.js';
import { INTERNAL_ONLY, PUBLIC_SURFACE, REMOVED } from './public-surface.vectors.js';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const INTERNAL_SOURCE = 'internal.ts';
const RUNTIME: Record<string, object> = { 'index.ts': main, 'live/index.ts': live };

interface ExportedName {
  readonly name: string;
  readonly kind: 'value' | 'type';
  readonly documented: boolean;
}

let exportsBySource: Map<string, ExportedName[]>;

/** A name exported with `export type` (or `export { type X }`) is a type, even when it names a class. */
function typeOnly(symbol: ts.Symbol): boolean {
  const declaration = symbol.declarations?.[0];
  return declaration !== undefined && ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly);
}

beforeAll(() => {
  const sources = [...PUBLIC_SURFACE.map((e) => e.source), INTERNAL_SOURCE];
  const program = ts.createProgram(
    sources.map((s) => SRC + s),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, types: ['node'] },
  );
  const checker = program.getTypeChecker();
  exportsBySource = new Map(
    sources.map((source) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(SRC + source)!)!;
      const names = checker.getExportsOfModule(module).map((symbol): ExportedName => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const kind = target.flags & ts.SymbolFlags.Value && !typeOnly(symbol) ? 'value' : 'type';
        return { name: symbol.name, kind, documented: ts.displayPartsToString(target.getDocumentationComment(checker)).trim() !== '' };
      });
      return [source, names];
    }),
  );
}, 60_000);

const sorted = (names: Iterable<string>): string[] => [...names].sort();
const namesOf = (source: string): Set<string> => new Set(exportsBySource.get(source)!.map((e) => e.name));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, { types: string; default: string }> };

describe.each(PUBLIC_SURFACE)('$entry', (surface) => {
  it('exports exactly the pinned values and types (the compiler sees them)', () => {
    const found = exportsBySource.get(surface.source)!;
    expect({
      values: sorted(found.filter((e) => e.kind === 'value').map((e) => e.name)),
      types: sorted(found.filter((e) => e.kind === 'type').map((e) => e.name)),
    }).toEqual({ values: sorted(surface.values), types: sorted(surface.types) });
  });

  it('exports exactly the pinned values at run time', () => {
    expect(sorted(Object.keys(RUNTIME[surface.source]!))).toEqual(sorted(surface.values));
  });

  it('documents every export with TSDoc', () => {
    expect(exportsBySource.get(surface.source)!.filter((e) => !e.documented).map((e) => e.name)).toEqual([]);
  });

  it('is the entry package.json "exports" names, built from this source', () => {
    const subpath = '.' + surface.entry.slice('@ctxlens/core'.length);
    const built = './dist/' + surface.source.replace(/\.ts$/, '');
    expect(manifest.exports[subpath]).toEqual({ types: `${built}.d.ts`, default: `${built}.js` });
  });
});

describe('@ctxlens/core/internal', () => {
  it('is exported as a subpath of its own', () => {
    expect(manifest.exports['./internal']).toEqual({ types: './dist/internal.d.ts', default: './dist/internal.js' });
  });

  it('holds only what the public entries do not (each name has one home)', () => {
    const internal = namesOf(INTERNAL_SOURCE);
    const both = PUBLIC_SURFACE.flatMap((s) => [...s.values, ...s.types]).filter((n) => internal.has(n));
    expect(both).toEqual([]);
  });

  it.each(INTERNAL_ONLY)('$name is internal only ($from)', ({ name }) => {
    for (const surface of PUBLIC_SURFACE) expect(namesOf(surface.source).has(name), `${surface.entry} exports ${name}`).toBe(false);
    expect(namesOf(INTERNAL_SOURCE).has(name)).toBe(true);
  });
});

describe('removed names', () => {
  it.each(REMOVED)('$name is exported by no entry ($from)', ({ name }) => {
    for (const source of [...PUBLIC_SURFACE.map((s) => s.source), INTERNAL_SOURCE]) expect(namesOf(source).has(name), `${source} exports ${name}`).toBe(false);
  });
});

describe('the public entries', () => {
  it('never export the same name twice (one name, one meaning)', () => {
    const all = PUBLIC_SURFACE.flatMap((s) => [...s.values, ...s.types]);
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
  });
});
