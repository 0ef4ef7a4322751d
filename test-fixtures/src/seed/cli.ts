// Writes the seed scenario (or, with --course, the course's exercise project) to a directory.
// Usage: tsx test-fixtures/src/seed/cli.ts <outDir> [--course] [--no-dockerignore]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCourseProject } from './course-project.js';
import { generateSeedScenario, SEED_EXPECTED } from './seed-scenario.js';

const USAGE = 'usage: tsx test-fixtures/src/seed/cli.ts <outDir> [--course] [--no-dockerignore]';

/**
 * Parses argv, writes the requested tree and describes it on stdout.
 * @returns the process exit code: 0 on success, 2 on a usage error
 */
export async function runSeedCli(argv: readonly string[], log: (line: string) => void = console.log): Promise<number> {
  const flags = argv.filter((arg) => arg.startsWith('--'));
  const positional = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--course' && flag !== '--no-dockerignore');
  if (positional.length !== 1 || unknown.length > 0) {
    log(USAGE);
    return 2;
  }
  const outDir = resolve(positional[0]!);
  const dockerignore = !flags.includes('--no-dockerignore');
  if (flags.includes('--course')) {
    const written = await writeCourseProject(outDir, dockerignore ? {} : { dockerignore: false });
    log(`wrote the course exercise project to ${outDir}:`);
    for (const file of written) log(`  ${file}`);
    return 0;
  }
  const started = performance.now();
  const plan = await generateSeedScenario(outDir, { dockerignore });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`wrote the seed scenario to ${outDir} in ${seconds}s (${plan.spec.length} spec entries):`);
  for (const region of plan.regions) {
    log(`  ${region.ignored ? 'ignored' : 'shipped'}  ${region.name.padEnd(22)} ${String(region.entries).padStart(6)} entries  ${String(region.tarBytes).padStart(11)} bytes`);
  }
  log(`upload without .dockerignore: ${plan.totalTarBytes} bytes (docker prints ${SEED_EXPECTED.totalBytesPrinted})`);
  if (dockerignore) log(`upload with .dockerignore:    ${plan.contextTarBytes} bytes (docker prints ${SEED_EXPECTED.contextPrinted})`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runSeedCli(process.argv.slice(2));
}
