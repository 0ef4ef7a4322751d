// How a command reaches the TUI (`ctxlens DIR` on a terminal). Commands run from a CommonJS bundle
// (scripts/bundle-cli.mjs, compile-cache.ts), which cannot import Ink's ES modules itself: the bin
// hands it the import of the TUI's chunks instead (setTuiLoader). Elsewhere, under tsc's output or
// in tests, the dynamic import below serves.
type TuiModule = typeof import('./run-tui.js');

let load: () => Promise<TuiModule> = () => import('./run-tui.js');

/** Replaces how the TUI module is loaded; the bin calls it before any command runs. */
export function setTuiLoader(loader: () => Promise<TuiModule>): void {
  load = loader;
}

/**
 * Loads the TUI.
 * @returns the module with runTui
 */
export function loadTui(): Promise<TuiModule> {
  return load();
}
