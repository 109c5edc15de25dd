import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { cliText } from '../text.js';
import {
  addCommonOptions,
  collect,
  type CommonOptions,
  parsePositiveInt,
  parseScoreOption,
  resolveLang,
} from '../options.js';
import type { BatchSettings } from '../run-batch.js';
import { parseMinGroup } from './benchmark.js';

export interface BatchCommandOptions extends CommonOptions {
  out: string;
  concurrency?: number;
  format?: string[];
  profile?: string;
  period?: string;
  failUnder?: number;
  strict?: boolean;
  lenient?: boolean;
  benchmarks?: string;
  minGroup?: number;
}

function batchSettings(options: BatchCommandOptions): BatchSettings {
  return {
    lang: resolveLang(options),
    out: options.out,
    concurrency: options.concurrency ?? 1,
    format: options.format ?? [],
    profile: options.profile ?? null,
    period: options.period ?? null,
    failUnder: options.failUnder ?? null,
    strict: Boolean(options.strict),
    lenient: Boolean(options.lenient),
    benchmarks: options.benchmarks ?? null,
    minGroup: options.minGroup,
    quiet: Boolean(options.quiet),
  };
}

export function registerBatch(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('batch')
    .argument('<dir>', t('argument.portfolioDir'))
    .description(t('command.batch'))
    .requiredOption('-o, --out <dir>', t('option.out'))
    .addOption(
      new Option('--concurrency <n>', t('option.concurrency'))
        .argParser(parsePositiveInt)
        .default(availableParallelism(), t('option.concurrencyDefault')),
    )
    .option('--format <format>', t('option.batchFormat'), collect)
    .option('--profile <name|file>', t('option.profile'))
    .option('--period <from..to>', t('option.period'))
    .option('--fail-under <score>', t('option.failUnder'), parseScoreOption)
    .option('--strict', t('option.strict'))
    .option('--lenient', t('option.lenient'))
    .option('--benchmarks <file>', t('option.benchmarks'))
    .option('--min-group <n>', t('benchmark.option.minGroup'), parseMinGroup);
  addCommonOptions(command, t);
  command.action(async (dir: string, options: BatchCommandOptions) => {
    const concurrencyByDefault = command.getOptionValueSource('concurrency') === 'default';
    const settings = { ...batchSettings(options), concurrencyByDefault };
    const { runBatchCommand } = await import('../run-batch.js');
    await runBatchCommand(dir, settings);
  });
}
