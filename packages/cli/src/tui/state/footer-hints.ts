// The footer's key hints, fitted to the terminal's width: on a narrow terminal the hints that
// cannot fit are left out from the end of the keymap's order, but the ones a newcomer needs to
// find everything else (`? help`, `q quit`, and Tab to reach the rules) always stay.
import { type Command, KEYMAP, type Scope } from './keymap.js';

/** Hints that are never left out: help lists every other key, quit and Tab are how to leave and how to reach the rules. */
const KEPT: readonly Command[] = ['switch-pane', 'help', 'quit'];
const GAP = '  ';

/**
 * The footer's key hints for the scopes in force, as many as fit in `width` columns.
 * @returns the hints, joined; the kept ones last, so `? help  q quit` ends the line
 */
export function footerHints(scopes: readonly Scope[], width: number): string {
  const hints = scopes.flatMap((scope) => KEYMAP.filter((b) => b.scope === scope && b.short !== undefined).map((b) => ({ text: `${b.label} ${b.short}`, kept: KEPT.includes(b.command) })));
  const kept = hints.filter((h) => h.kept).map((h) => h.text);
  const others = hints.filter((h) => !h.kept).map((h) => h.text);
  const line = (n: number): string => [...others.slice(0, n), ...kept].join(GAP);
  let n = others.length;
  while (n > 0 && [...line(n)].length > width) n--;
  return line(n);
}
