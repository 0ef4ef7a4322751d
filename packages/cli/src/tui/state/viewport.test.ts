import { describe, expect, it } from 'vitest';
import { moveCursor, visibleWindow } from './viewport.js';

describe('visibleWindow', () => {
  it.each([
    { total: 0, cursor: 0, rows: 10, start: 0, end: 0, why: 'empty list' },
    { total: 5, cursor: 4, rows: 10, start: 0, end: 5, why: 'fits on screen' },
    { total: 100, cursor: 0, rows: 10, start: 0, end: 10, why: 'top' },
    { total: 100, cursor: 4, rows: 10, start: 0, end: 10, why: 'near the top: no negative start' },
    { total: 100, cursor: 50, rows: 10, start: 45, end: 55, why: 'middle: cursor centred' },
    { total: 100, cursor: 99, rows: 10, start: 90, end: 100, why: 'bottom: no blank rows' },
    { total: 100, cursor: 500, rows: 10, start: 90, end: 100, why: 'cursor past the end is clamped' },
    { total: 100, cursor: -3, rows: 10, start: 0, end: 10, why: 'negative cursor is clamped' },
    { total: 50_000, cursor: 31_337, rows: 17, start: 31_329, end: 31_346, why: 'huge directory: only the window' },
    { total: 10, cursor: 3, rows: 0, start: 0, end: 0, why: 'no room' },
    { total: 10, cursor: 7, rows: 1, start: 7, end: 8, why: 'one row' },
  ])('$why', ({ total, cursor, rows, start, end }) => {
    expect(visibleWindow(total, cursor, rows)).toEqual({ start, end });
  });
});

describe('moveCursor', () => {
  it.each([
    [0, -1, 10, 0],
    [0, 1, 10, 1],
    [9, 1, 10, 9],
    [5, -20, 10, 0],
    [5, 20, 10, 9],
    [3, 1, 0, 0],
  ])('moveCursor(%i, %i, %i) = %i', (cursor, delta, total, expected) => {
    expect(moveCursor(cursor, delta, total)).toBe(expected);
  });
});
