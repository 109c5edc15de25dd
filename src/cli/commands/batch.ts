import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { cliText } from '../text.js';
import { addCommonOptions, collect, type CommonOptions, parsePositiveInt, parseScoreOption } from '../options.js';
import { parseMinGroup } from './benchmark.js';

export interface BatchCommandOptions extends CommonOptions {
  out: string;
  concurrency?: number;
  /** No --concurrency given: workers beyond the first go only onto idle cores. */
  concurrencyByDefault?: boolean;
  format?: string[];
  profile?: string;
  period?: string;
  failUnder?: number;
  strict?: boolean;
  lenient?: boolean;
  benchmarks?: string;
  minGroup?: number;
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
    const { runBatchCommand } = await import('../run-batch.js');
    const concurrencyByDefault = command.getOptionValueSource('concurrency') === 'default';
    await runBatchCommand(dir, { ...options, concurrencyByDefault });
  });
}
