// Errors as one line for the footer and panels, in Docker's words when they are rule errors.
import { CtxlensError, IgnoreFileError } from '@ctxlens/core';

/**
 * Docker's words for an error, with the fix when ctxlens knows it.
 * @returns one line
 */
export function errorText(error: unknown): string {
  if (error instanceof IgnoreFileError) {
    const hint = hintOf(error);
    return `${error.toString()}${hint ? ` — ${hint}` : ''}`;
  }
  if (error instanceof CtxlensError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * An error's hint without a repeat of its message (Go's reason often is the message itself).
 * @returns the hint, or '' when there is none
 */
export function hintOf(error: IgnoreFileError): string {
  const hint = error.hint ?? '';
  const repeated = error.message + '. ';
  return hint.startsWith(repeated) ? hint.slice(repeated.length) : hint;
}
