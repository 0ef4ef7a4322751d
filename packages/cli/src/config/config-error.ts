// The error of a configuration that cannot be used (file or flags); the CLI exits 2.
import { UsageError } from '../report-error.js';

/** Raised for a configuration that cannot be used; the CLI exits 2. */
export class ConfigError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'ConfigError';
  }
}
