// Loads a tree's complete inventory, as the TUI and the summary do, and prints its entry count:
// `pnpm bench` times this and reads its peak RSS (the 300 MB target for a million entries).
// Plain JavaScript on the built core, so no TypeScript loader weighs on the memory figure.
import { computeContextWithBaseline } from '../packages/core/dist/index.js';

const { context, unfiltered } = await computeContextWithBaseline(process.argv[2], { builder: 'legacy' });
console.log(`${context.inventory.count - 1} ${unfiltered.sizes.entries}`);
