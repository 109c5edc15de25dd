import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { colorLevel } from '../color.js';
import { addCommonOptions, collect, type CommonOptions, resolveLang } from '../options.js';
import { cliText } from '../text.js';

export interface TrendCommandOptions extends CommonOptions {
  by?: string;
  profile?: string;
  format?: string[];
  json?: boolean;
}

export function registerTrend(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('trend')
    .argument('<inputs...>', t('trend.argument.inputs'))
    .description(t('trend.command'));
  addCommonOptions(command, t)
    .option('--by <month|week>', t('trend.option.by'))
    .option('--profile <name|file>', t('trend.option.profile'))
    .option('--format <format[:path]>', t('trend.option.format'), collect)
    .option('--json', t('trend.option.json'));
  command.action(async (inputs: string[], options: TrendCommandOptions) => {
    const { runTrend } = await import('../../trend/run.js');
    await runTrend(inputs, {
      lang: resolveLang(options),
      colorLevel: colorLevel(options.color),
      by: options.by,
      profile: options.profile ?? null,
      format: options.format,
      json: options.json,
      quiet: options.quiet,
    });
  });
}
