// coverage/: what `jest --coverage` leaves behind (istanbul's lcov-report, lcov.info, JSON and clover), ~45 MB.
import type { TreeEntry } from '../trees/tree-spec.js';
import { jsModule } from './fake-text.js';
import type { Rng } from './prng.js';
import { fillBudget } from './seed-region.js';
import type { ElasticFile, SeedRegion } from './seed-region.js';

/**
 * Plans coverage/ for the given source files: one annotated HTML page per file, an index per directory,
 * the report's static assets, and the raw reports, all sized to fill `budgetBytes`.
 * @returns the coverage region
 */
export function planCoverage(rng: Rng, sources: readonly string[], budgetBytes: number, mtime: Date): SeedRegion {
  const fixed: TreeEntry[] = [];
  const elastic: ElasticFile[] = [];
  const report = 'coverage/lcov-report';
  fixed.push({ file: `${report}/base.css`, content: css(rng, 5400), mtime });
  fixed.push({ file: `${report}/prettify.css`, content: css(rng, 676), mtime });
  fixed.push({ file: `${report}/prettify.js`, content: jsModule(rng, 17_590), mtime });
  fixed.push({ file: `${report}/sorter.js`, content: jsModule(rng, 6_180), mtime });
  fixed.push({ file: `${report}/block-navigation.js`, content: jsModule(rng, 2_586), mtime });
  fixed.push({ file: `${report}/favicon.png`, content: png(rng, 445), mtime });
  fixed.push({ file: `${report}/sort-arrow-sprite.png`, content: png(rng, 138), mtime });

  const directories = new Set<string>(['']);
  for (const source of sources) {
    const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    directories.add(dir);
    elastic.push({ file: `${report}/${source}.html`, head: page(source), weight: 1, mtime });
  }
  for (const dir of directories) {
    fixed.push({ file: `${report}/${dir ? `${dir}/` : ''}index.html`, content: page(`${dir || 'All files'}`) + '</table></body></html>\n', mtime });
  }
  const perFile = sources.length;
  elastic.push({ file: 'coverage/coverage-final.json', head: `{"/home/camille/dev/product-api/${sources[0] ?? 'src/app.js'}": {"path":`, weight: perFile * 0.9, mtime });
  elastic.push({ file: 'coverage/lcov.info', head: `TN:\nSF:${sources[0] ?? 'src/app.js'}\nFN:1,(anonymous_0)\n`, weight: perFile * 0.25, mtime });
  elastic.push({ file: 'coverage/clover.xml', head: '<?xml version="1.0" encoding="UTF-8"?>\n<coverage generated="1715700000000" clover="3.2.0">\n', weight: perFile * 0.3, mtime });
  return { name: 'coverage', ignored: true, entries: fillBudget(fixed, elastic, budgetBytes) };
}

function page(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
    <title>Code coverage report for ${title}</title>
    <meta charset="utf-8" />
    <link rel="stylesheet" href="prettify.css" />
    <link rel="stylesheet" href="base.css" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>
<body>
<div class='wrapper'>
    <div class='pad1'>
        <h1><a href="index.html">All files</a> ${title}</h1>
`;
}

function css(rng: Rng, bytes: number): string {
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += `.cls-${i}-${rng.hex(4)} { margin: ${rng.int(0, 20)}px; color: #${rng.hex(6)}; }\n`;
  return text.slice(0, bytes - 1) + '\n';
}

function png(rng: Rng, bytes: number): Buffer {
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), rng.bytes(bytes - 8)]);
}
