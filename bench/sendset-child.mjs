// BuildKit's send set for a Dockerfile, as `pnpm bench` times it: computeContext under BuildKit with
// the Dockerfile given as text (argv[3]), or the whole context when it is `-`; argv[4], when given,
// replaces the ignore file (`/dev/null`: no rules). Prints the entries sent, the entries the
// inventory read, the transfer figure and the legacy tar of the same entries, so the bench can check
// what was read. Plain JavaScript on the built core, so no TypeScript loader weighs on the timing.
import { computeContext } from '../packages/core/dist/index.js';

const [dir, dockerfile, ignoreFile] = process.argv.slice(2);
const options = dockerfile === '-' ? { builder: 'buildkit', wholeContext: true } : { builder: 'buildkit', dockerfileText: dockerfile };
const context = await computeContext(dir, ignoreFile === undefined ? options : { ...options, ignoreFile });
console.log(`${context.sizes.entries} ${context.inventory.count - 1} ${context.sizes.transferBytes} ${context.sizes.tarBytes}`);
