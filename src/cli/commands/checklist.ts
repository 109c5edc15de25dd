import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { addCommonOptions, addInputOptions, collect, type InputOptions } from '../options.js';
import { cliText } from '../text.js';

export interface ChecklistCommandOptions extends InputOptions {
  live?: string[];
  allYes?: boolean;
  answers?: string;
}

export function registerChecklist(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('checklist')
    .argument('[dir]', t('argument.clientDir'), '.')
    .description(t('checklist.command'));
  addInputOptions(addCommonOptions(command, t), t)
    .option('--live <id>', t('checklist.option.live'), collect)
    .option('--all-yes', t('checklist.option.allYes'))
    .option('--answers <file>', t('checklist.option.answers'));
  command.action(async (dir: string, options: ChecklistCommandOptions) => {
    const { runChecklist } = await import('../run-checklist.js');
    await runChecklist(dir, options);
  });
}
