// Every --json document starts with schemaVersion. Bump it only for breaking changes (a field
// removed, renamed or retyped); adding a field is not breaking. The schemas are documented in
// packages/cli/README.md ("JSON output").

/** The version of every JSON document ctxlens prints. */
export const SCHEMA_VERSION = 2;

/**
 * Serialises a command's result with the schema version first, two-space indented, newline-terminated.
 * @returns the JSON text
 */
export function toJson(body: Record<string, unknown>): string {
  return JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...body }, null, 2) + '\n';
}
