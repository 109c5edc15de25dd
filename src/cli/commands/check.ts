import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';

export function registerCheck(program: Command, lang: Lang): void {
  void program;
  void lang;
}
