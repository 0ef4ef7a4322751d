import { describe, expect, it } from 'vitest';
import { padToBlock, specTarBytes, tarHeaderBytes } from './legacy-tar-cost.js';

describe('tarHeaderBytes', () => {
  it.each([
    ['a short ASCII name', 'src/app.js', '', 512],
    ['a 100-byte name', 'x'.repeat(100), '', 512],
    ['a long name that splits at a slash', `${'d'.repeat(120)}/${'f'.repeat(90)}`, '', 512],
    ['a long name whose last part exceeds 100 bytes', `dir/${'f'.repeat(101)}`, '', 1536],
    ['a long name whose prefix exceeds 155 bytes', `${'d'.repeat(156)}/f`, '', 1536],
    ['a non-ASCII name', 'docs/adr/0002-stratégie.md', '', 1536],
    ['a long link target', 'link', 't'.repeat(101), 1536],
    ['a name and a link target that both need PAX', 'é', 'é', 1536],
    ['a directory whose trailing slash pushes it past 100 bytes', `${'d'.repeat(100)}/`, '', 1536],
  ])('prices %s', (_, name, link, bytes) => {
    expect(tarHeaderBytes(name, link)).toBe(bytes);
  });

  it('adds blocks when PAX records outgrow one', () => {
    expect(tarHeaderBytes('é'.repeat(300))).toBe(512 + 1024 + 512);
  });
});

describe('specTarBytes', () => {
  it('counts implied directories, padded contents, links, and skips sockets', () => {
    const bytes = specTarBytes([
      { file: 'a/b/c.txt', content: 'hello' },
      { file: 'a/big', size: 1025 },
      { dir: 'empty/' },
      { symlink: 'a/link', target: '../x' },
      { fifo: 'pipe' },
      { socket: 'sock' },
    ]);
    // dirs a/, a/b/, empty/ + c.txt (512+512) + big (512+1536) + link + fifo
    expect(bytes).toBe(3 * 512 + 1024 + 2048 + 512 + 512);
    expect(padToBlock(0)).toBe(0);
    expect(padToBlock(513)).toBe(1024);
  });
});
