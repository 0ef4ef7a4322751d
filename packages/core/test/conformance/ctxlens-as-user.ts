// Runs ctxlensSays for the question in argv[2] (JSON) and prints the answer as JSON. The
// real-BuildKit suite starts it with setpriv as the oracle's unprivileged user (uid 10000), so
// ctxlens meets unreadable files and directories as that user's build client does.
import { ctxlensSays } from './buildkit-says.js';

process.stdout.write(JSON.stringify(await ctxlensSays(JSON.parse(process.argv[2]!))));
