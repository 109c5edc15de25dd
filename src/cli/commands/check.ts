import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { colorLevel } from '../color.js';
import { addCommonOptions, collect, type CommonOptions, resolveLang } from '../options.js';
import { cliText } from '../text.js';

export interface CheckCommandOptions extends CommonOptions {
  config?: string;
  minScore?: string;
  stage?: string[];
  format?: string[];
  json?: boolean;
}

export function registerCheck(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('check')
    .argument('<report.json...>', t('check.argument.reports'))
    .description(t('check.command'));
  addCommonOptions(command, t)
    .option('--config <file>', t('check.option.config'))
    .option('--min-score <n>', t('check.option.minScore'))
    .option('--stage <key=n>', t('check.option.stage'), collect)
    .option('--format <format[:path]>', t('check.option.format'), collect)
    .option('--json', t('check.option.json'));
  command.action(async (files: string[], options: CheckCommandOptions) => {
    const { runCheck } = await import('../../check/run.js');
    await runCheck(files, {
      lang: resolveLang(options),
      colorLevel: colorLevel(options.color),
      config: options.config,
      minScore: options.minScore,
      stage: options.stage,
      format: options.format,
      json: options.json,
      quiet: options.quiet,
    });
  });
}
