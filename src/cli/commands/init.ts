import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { addCommonOptions, type CommonOptions, resolveLang } from '../options.js';
import type { InitSettings } from '../run-init.js';
import { cliText } from '../text.js';

export interface InitCommandOptions extends CommonOptions {
  yes?: boolean;
  name?: string;
  category?: string;
  accounts?: string;
  headers?: string;
  force?: boolean;
}

function initSettings(options: InitCommandOptions): InitSettings {
  return {
    lang: resolveLang(options),
    yes: options.yes,
    name: options.name,
    category: options.category,
    accounts: options.accounts,
    headers: options.headers,
    force: options.force,
    quiet: options.quiet,
  };
}

export function registerInit(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('init')
    .argument('[dir]', t('argument.clientDir'), '.')
    .description(t('init.command'));
  addCommonOptions(command, t)
    .option('-y, --yes', t('init.option.yes'))
    .option('--name <name>', t('init.option.name'))
    .option('--category <category>', t('init.option.category'))
    .option('--accounts <list>', t('init.option.accounts'))
    .option('--headers <lang>', t('init.option.headers'))
    .option('--force', t('init.option.force'));
  command.action(async (dir: string, options: InitCommandOptions) => {
    const settings = initSettings(options);
    const { runInit } = await import('../run-init.js');
    await runInit(dir, settings);
  });
}
