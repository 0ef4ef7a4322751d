// BuildKit's send set for a Dockerfile, as `pnpm bench` times it: computeContext under BuildKit with
// the Dockerfile given as text (argv[3]), or the whole context when it is `-`. Prints the entries
// sent, the entries the inventory read, and the transfer figure, so the bench can check what was read.
// Plain JavaScript on the built core, so no TypeScript loader weighs on the timing.
import { computeContext } from '../packages/core/dist/index.js';

const [dir, dockerfile] = process.argv.slice(2);
const options = dockerfile === '-' ? { builder: 'buildkit', wholeContext: true } : { builder: 'buildkit', dockerfileText: dockerfile };
const context = await computeContext(dir, options);
console.log(`${context.sizes.entries} ${context.inventory.count - 1} ${context.sizes.transferBytes} ${context.sizes.tarBytes}`);
