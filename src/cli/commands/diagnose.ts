import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { cliText } from '../text.js';
import { colorLevel } from '../color.js';
import {
  addCommonOptions,
  addInputOptions,
  collect,
  exportSettings,
  type InputOptions,
  parseScoreOption,
  resolveLang,
} from '../options.js';
import type { DiagnoseSettings } from '../run-diagnose.js';

export interface DiagnoseCommandOptions extends InputOptions {
  format?: string[];
  json?: boolean;
  failUnder?: number;
  benchmarks?: string;
}

/** The options diagnose and demo share: profile, outputs and the gate. */
export function addReportOptions(command: Command, lang: Lang): Command {
  const t = cliText(lang);
  return command
    .option('--profile <name|file>', t('option.profile'))
    .option('--format <format[:path]>', t('option.format'), collect)
    .option('--json', t('option.json'))
    .option('--fail-under <score>', t('option.failUnder'), parseScoreOption)
    .option('--benchmarks <file>', t('option.benchmarks'));
}

export function diagnoseSettings(options: DiagnoseCommandOptions): DiagnoseSettings {
  return {
    lang: resolveLang(options),
    colorLevel: colorLevel(options.color),
    exports: exportSettings(options),
    profile: options.profile ?? null,
    format: options.format ?? [],
    json: Boolean(options.json),
    failUnder: options.failUnder ?? null,
    benchmarks: options.benchmarks ?? null,
    quiet: Boolean(options.quiet),
    verbose: Boolean(options.verbose),
  };
}

export function registerDiagnose(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('diagnose')
    .argument('[dir]', t('argument.clientDir'), '.')
    .description(t('command.diagnose'));
  addReportOptions(addInputOptions(addCommonOptions(command, t), t), lang);
  command.action(async (dir: string, options: DiagnoseCommandOptions) => {
    const settings = diagnoseSettings(options);
    const { runDiagnose } = await import('../run-diagnose.js');
    await runDiagnose(dir, settings);
  });
}
