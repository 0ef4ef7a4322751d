import { describe, expect, it } from 'vitest';
import { TARGET_ROWS, TargetBoard, times } from './targets.js';

describe('TargetBoard', () => {
  it('writes one row per recorded target, in TARGET_ROWS order, trees in the order first named, – where a tree has no figure', () => {
    const board = new TargetBoard();
    board.set('sizeBusy', 'dense 100k', `${times(1.871)} (${times(1.26)})`);
    board.set('check', 'dense 100k', times(1.19));
    board.set('check', 'seed scenario', times(1.15));
    expect(board.lines()).toEqual([
      '| target | dense 100k | seed scenario |',
      '|---|---|---|',
      `| ${TARGET_ROWS.check} | 1.19× | 1.15× |`,
      `| ${TARGET_ROWS.sizeBusy} | 1.87× (1.26×) | – |`,
    ]);
  });

  it('writes nothing when no section recorded a figure', () => {
    expect(new TargetBoard().lines()).toEqual([]);
  });
});
