import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { addCommonOptions, addInputOptions, type InputOptions } from '../options.js';
import { cliText } from '../text.js';

export interface ValidateCommandOptions extends InputOptions {
  json?: boolean;
}

export function registerValidate(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('validate')
    .argument('[dir]', t('argument.clientDir'), '.')
    .description(t('validate.command'));
  addInputOptions(addCommonOptions(command, t), t).option('--json', t('validate.option.json'));
  command.action(async (dir: string, options: ValidateCommandOptions) => {
    const { runValidate } = await import('../run-validate.js');
    await runValidate(dir, options);
  });
}
