import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { colorLevel } from '../color.js';
import { addCommonOptions, addInputOptions, exportSettings, type InputOptions, resolveLang } from '../options.js';
import type { ValidateSettings } from '../run-validate.js';
import { cliText } from '../text.js';

export interface ValidateCommandOptions extends InputOptions {
  json?: boolean;
}

function validateSettings(options: ValidateCommandOptions): ValidateSettings {
  return {
    lang: resolveLang(options),
    colorLevel: colorLevel(options.color),
    exports: exportSettings(options),
    json: Boolean(options.json),
    quiet: Boolean(options.quiet),
  };
}

export function registerValidate(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('validate')
    .argument('[dir]', t('argument.clientDir'), '.')
    .description(t('validate.command'));
  addInputOptions(addCommonOptions(command, t), t).option('--json', t('validate.option.json'));
  command.action(async (dir: string, options: ValidateCommandOptions) => {
    const settings = validateSettings(options);
    const { runValidate } = await import('../run-validate.js');
    await runValidate(dir, settings);
  });
}
