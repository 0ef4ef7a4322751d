// Numbers as people read them. Sizes use Docker's own format so they match what `docker build` prints.
import { formatDockerSize } from '@ctxlens/core';

/**
 * A count with thousands separators, independent of the machine's locale.
 * @returns e.g. `12,345`
 */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A byte count the way the Docker CLI prints sizes.
 * @returns e.g. `2.1MB`
 */
export function formatSize(bytes: number): string {
  return formatDockerSize(bytes);
}

/**
 * A share as a percentage with one decimal.
 * @returns e.g. `97.3%`, or `0%` when the whole is zero
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/**
 * `n` followed by the word, pluralised with a trailing "s" or the plural given.
 * @returns e.g. `1 file`, `3 files`, `1 entry`, `2 entries`
 */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}
