import { describe, expect, it } from 'vitest';
import { createRng } from './prng.js';
import { productsJson } from './products-catalog.js';

describe('productsJson', () => {
  it.each([4_096, 100_003, 317_176])('is valid JSON of exactly %d bytes', (bytes) => {
    const text = productsJson(createRng(`catalogue-${bytes}`), bytes);
    expect(Buffer.byteLength(text)).toBe(bytes);
    const products = JSON.parse(text) as Array<{ id: number; sku: string; price: number }>;
    expect(products.length).toBeGreaterThan(10);
    expect(products.map((product) => product.id)).toEqual(products.map((_, i) => i + 1));
  });

  it('hits every length, whatever gap the last product leaves', () => {
    for (let bytes = 400; bytes < 1_000; bytes++) {
      const text = productsJson(createRng(`gap-${bytes}`), bytes);
      expect(Buffer.byteLength(text)).toBe(bytes);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('refuses a size too small for one product', () => {
    expect(() => productsJson(createRng('tiny'), 20)).toThrow(/cannot hold/);
  });
});
