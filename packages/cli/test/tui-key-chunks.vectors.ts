// Key sequences that must do the same whether they arrive in one read or one key per read (issue
// 13 point 8). `shows` is what the screen holds afterwards, so a row cannot pass by doing nothing.
import { KEYS } from './tui-ink.js';

/** One sequence of keys and what it leads to. */
export interface KeyChunkVector {
  readonly name: string;
  readonly keys: readonly string[];
  readonly shows: RegExp;
}

/** The table (the TUI fixture: three rules, node_modules first). */
export const KEY_CHUNK_VECTORS: readonly KeyChunkVector[] = [
  { name: 'Tab Space (issue: did nothing)', keys: [KEYS.tab, KEYS.space], shows: /▸ Rules[\s\S]*›\[ \] +3 node_modules/ },
  { name: 'Tab Tab Tab (issue: did nothing)', keys: [KEYS.tab, KEYS.tab, KEYS.tab], shows: /▸ Rules/ },
  { name: 'j Tab (issue: applied only j)', keys: ['j', KEYS.tab], shows: /▸ Rules[\s\S]*›\[x\] +3 node_modules/ },
  { name: 'j j j', keys: ['j', 'j', 'j'], shows: /^›✓ .*coverage\//m },
  { name: '↓ ↓ Tab ↓ Space (arrows between plain keys)', keys: [KEYS.down, KEYS.down, KEYS.tab, KEYS.down, KEYS.space], shows: /›\[ \] +6 \.git/ },
  { name: 'Tab ⇧↓ (a modified arrow after a control key)', keys: [KEYS.tab, KEYS.shiftDown], shows: /\[x\] +\d+ \.git[\s\S]*›\[x\] +\d+ node_modules/ },
  { name: '/ l o g Enter (a filter typed in one read, then Enter)', keys: ['/', 'l', 'o', 'g', KEYS.enter], shows: /filter "log"[\s\S]*app\.log/ },
  { name: 'Tab a *.tmp Enter (a rule typed and added in one read)', keys: [KEYS.tab, 'a', '*', '.', 't', 'm', 'p', KEYS.enter], shows: /\[x\] +8 \*\.tmp/ },
];
