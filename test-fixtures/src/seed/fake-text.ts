// Plausible-looking file contents (JS, Markdown, licences), deterministic for a given Rng.
import type { Rng } from './prng.js';

const WORDS = [
  'value', 'options', 'config', 'buffer', 'stream', 'result', 'context', 'handler', 'request', 'response',
  'cache', 'parser', 'token', 'node', 'entry', 'index', 'state', 'format', 'encode', 'decode', 'resolve',
  'path', 'scope', 'visitor', 'plugin', 'source', 'target', 'header', 'chunk', 'length', 'offset', 'limit',
  'error', 'message', 'callback', 'listener', 'event', 'queue', 'timer', 'module', 'loader', 'match',
] as const;

const STATEMENTS = [
  (a: string, b: string) => `  if (${a} == null) {\n    return ${b};\n  }`,
  (a: string, b: string) => `  const ${a} = Object.assign({}, DEFAULTS, ${b});`,
  (a: string, b: string) => `  for (let i = 0; i < ${a}.length; i++) {\n    ${b}.push(${a}[i]);\n  }`,
  (a: string, b: string) => `  if (typeof ${a} !== 'function') {\n    throw new TypeError('${b} must be a function');\n  }`,
  (a: string, b: string) => `  ${a} = ${a} || ${b};`,
  (a: string, b: string) => `  return ${a}.map((item) => ${b}(item));`,
  (a: string, b: string) => `  // ${a} may be undefined on older runtimes, see ${b}\n  debug('%s %o', '${a}', ${b});`,
  (a: string, b: string) => `  try {\n    ${a} = JSON.parse(${b});\n  } catch (err) {\n    ${a} = null;\n  }`,
] as const;

/**
 * A camelCase identifier of one to three words.
 * @returns the identifier
 */
export function identifier(rng: Rng): string {
  const count = rng.int(1, 3);
  let id = rng.pick(WORDS);
  for (let i = 1; i < count; i++) {
    const word = rng.pick(WORDS);
    id += word[0]!.toUpperCase() + word.slice(1);
  }
  return id;
}

/**
 * A CommonJS module of roughly `targetBytes` (never less), made of whole functions.
 * @returns the module source
 */
export function jsModule(rng: Rng, targetBytes: number, header = "'use strict';"): string {
  const parts = [header, '', `const debug = require('debug')('${identifier(rng)}');`, 'const DEFAULTS = { strict: true };', ''];
  const exported: string[] = [];
  let length = parts.join('\n').length;
  while (length < targetBytes - 40) {
    const name = `${identifier(rng)}${exported.length}`;
    const body = Array.from({ length: rng.int(2, 6) }, () => rng.pick(STATEMENTS)(identifier(rng), identifier(rng)));
    const fn = `/**\n * ${sentence(rng)}\n */\nfunction ${name}(${identifier(rng)}, ${identifier(rng)}) {\n${body.join('\n')}\n}\n`;
    parts.push(fn);
    exported.push(name);
    length += fn.length + 1;
  }
  parts.push(`module.exports = { ${exported.join(', ')} };`, '');
  return parts.join('\n');
}

/**
 * A TypeScript declaration file of roughly `targetBytes`.
 * @returns the declarations
 */
export function dtsModule(rng: Rng, targetBytes: number): string {
  const lines: string[] = [];
  let length = 0;
  while (length < targetBytes) {
    const line = rng.chance(0.3)
      ? `export interface ${pascal(identifier(rng))}Options {\n  ${identifier(rng)}?: boolean;\n  ${identifier(rng)}: string;\n}\n`
      : `export declare function ${identifier(rng)}(${identifier(rng)}: string, options?: object): ${rng.pick(['void', 'string', 'number', 'Promise<void>'])};\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('');
}

/**
 * A sentence of six to fourteen words, capitalised and ending with a period.
 * @returns the sentence
 */
export function sentence(rng: Rng): string {
  const words = Array.from({ length: rng.int(6, 14) }, () => rng.pick(WORDS));
  return `${pascal(words.join(' '))}.`;
}

/**
 * A Markdown document of roughly `targetBytes`, with headings, prose and code samples.
 * @returns the document
 */
export function markdown(rng: Rng, title: string, targetBytes: number): string {
  const parts = [`# ${title}`, '', sentence(rng), ''];
  let length = parts.join('\n').length;
  while (length < targetBytes) {
    const section = [
      `## ${pascal(identifier(rng))}`,
      '',
      Array.from({ length: rng.int(2, 5) }, () => sentence(rng)).join(' '),
      '',
      rng.chance(0.5) ? `\`\`\`js\nconst ${identifier(rng)} = require('${title.toLowerCase()}');\n\`\`\`\n` : `- ${sentence(rng)}\n- ${sentence(rng)}\n`,
    ].join('\n');
    parts.push(section);
    length += section.length + 1;
  }
  return parts.join('\n');
}

/**
 * The MIT licence text with a year and holder.
 * @returns the licence
 */
export function mitLicense(year: number, holder: string): string {
  return `The MIT License (MIT)

Copyright (c) ${year} ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}

/**
 * A size drawn log-uniformly between `min` and `max`: many small files, a few large ones, as in real trees.
 * @returns an integer byte count
 */
export function logUniformSize(rng: Rng, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min))));
}

function pascal(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
