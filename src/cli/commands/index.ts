import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { registerValidate } from './validate.js';

/** Each command lives in its own file and registers itself here, in the order help lists them. */
export function registerCommands(program: Command, lang: Lang): void {
  registerValidate(program, lang);
}
