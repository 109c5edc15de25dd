// Errors a person can act on. They carry a catalog Message, not text, so every layer can raise
// them without knowing the user's language; the CLI puts them into words.

import type { Message } from './i18n/index.js';

export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_CANNOT_RUN = 2;

export class UserError extends Error {
  constructor(
    readonly detail: Message,
    readonly exitCode: number = EXIT_CANNOT_RUN,
  ) {
    super(detail.key);
    this.name = 'UserError';
  }
}

/** A file-level input problem: names the file (and the line when there is one). */
export class InputError extends UserError {
  constructor(
    detail: Message,
    readonly file: string,
    readonly line: number | null = null,
  ) {
    super(detail, EXIT_CANNOT_RUN);
    this.name = 'InputError';
  }
}
