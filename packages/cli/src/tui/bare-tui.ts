// `ctxlens` alone on a terminal: the TUI on the working directory, loaded without the argument
// parser so that nothing keeps its first screen waiting (issue #4: first paint within 200 ms).
import { defaultBuilder } from '../commands/shared-options.js';
import { processIo } from '../io.js';
import { reportStartupError } from '../report-error.js';
import { runTui } from './run-tui.js';

/**
 * Runs the TUI on `.` with the builder DOCKER_BUILDKIT picks.
 * @returns the exit code
 */
export async function runBareTui(): Promise<number> {
  try {
    const io = processIo();
    return await runTui({ dir: '.', builder: defaultBuilder(io.env) }, io);
  } catch (error) {
    return reportStartupError(error);
  }
}
