import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { colorLevel } from '../color.js';
import { addCommonOptions, collect, type CommonOptions, resolveLang } from '../options.js';
import { cliText } from '../text.js';

export interface DiffCommandOptions extends CommonOptions {
  format?: string[];
  json?: boolean;
}

export function registerDiff(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('diff')
    .argument('<old.json>', t('diff.argument.old'))
    .argument('<new.json>', t('diff.argument.new'))
    .description(t('diff.command'));
  addCommonOptions(command, t)
    .option('--format <format[:path]>', t('diff.option.format'), collect)
    .option('--json', t('diff.option.json'));
  command.action(async (oldFile: string, newFile: string, options: DiffCommandOptions) => {
    const { runDiff } = await import('../../diff/run.js');
    await runDiff(oldFile, newFile, {
      lang: resolveLang(options),
      colorLevel: colorLevel(options.color),
      format: options.format,
      json: options.json,
      quiet: options.quiet,
    });
  });
}
