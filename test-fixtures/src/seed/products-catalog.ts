// src/data/products.json: the API's seed catalogue, generated to an exact byte length so the context lands on 2.1MB.
import type { Rng } from './prng.js';

const ADJECTIVES = ['Compact', 'Wireless', 'Ergonomic', 'Silent', 'Pro', 'Ultra', 'Eco', 'Smart', 'Mini', 'Classic'];
const NOUNS = ['Laptop', 'Mouse', 'Keyboard', 'Monitor', 'Headset', 'Webcam', 'Dock', 'Charger', 'Stand', 'Speaker', 'Router', 'Tablet'];
const CATEGORIES = ['computers', 'accessories', 'audio', 'networking', 'office'];
const NOTE_WORDS = ['restock', 'pending', 'supplier', 'discontinued', 'bundle', 'warranty', 'refurbished', 'promo'];

/**
 * A pretty-printed JSON array of products whose UTF-8 length is exactly `bytes`.
 * The last product carries a `notes` string cut to the length still missing.
 * @returns the JSON text (ASCII only)
 * @throws when `bytes` is too small to hold one product
 */
export function productsJson(rng: Rng, bytes: number): string {
  const open = '[\n';
  const close = '\n]\n';
  const items: string[] = [];
  let length = open.length + close.length;
  for (let id = 1; ; id++) {
    const item = `  ${JSON.stringify({
      id,
      sku: `SKU-${rng.hex(8).toUpperCase()}`,
      name: `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.int(100, 999)}`,
      price: rng.int(5, 2500) + rng.int(0, 99) / 100,
      currency: 'EUR',
      stock: rng.int(0, 800),
      category: rng.pick(CATEGORIES),
    })}`;
    const cost = item.length + (items.length > 0 ? 2 : 0);
    if (length + cost > bytes) break;
    items.push(item);
    length += cost;
  }
  const notesOverhead = ',"notes":""'.length;
  while (items.length > 0 && bytes - length < notesOverhead && bytes !== length) {
    length -= (items.pop() as string).length + (items.length > 0 ? 2 : 0);
  }
  if (items.length === 0) throw new Error(`productsJson: ${bytes} bytes cannot hold a product`);
  const gap = bytes - length;
  if (gap > 0) {
    const last = items.pop() as string;
    items.push(`${last.slice(0, -1)},"notes":"${notes(rng, gap - notesOverhead)}"}`);
  }
  return `${open}${items.join(',\n')}${close}`;
}

function notes(rng: Rng, length: number): string {
  let text = '';
  while (text.length < length) text += `${rng.pick(NOTE_WORDS)} `;
  return text.slice(0, length);
}
