import { InvalidArgumentError, type Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { addCommonOptions, type CommonOptions, resolveLang } from '../options.js';
import { cliText } from '../text.js';

export interface BenchmarkCommandOptions extends CommonOptions {
  out: string;
  minGroup?: number;
}

/** A group of one is a brand's own numbers: two is the least that can be called a group. */
export function parseMinGroup(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 2) throw new InvalidArgumentError(value);
  return parsed;
}

export function registerBenchmark(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('benchmark')
    .argument('<reports...>', t('benchmark.argument.reports'))
    .description(t('command.benchmark'))
    .requiredOption('-o, --out <file>', t('benchmark.option.out'))
    .option('--min-group <n>', t('benchmark.option.minGroup'), parseMinGroup);
  addCommonOptions(command, t);
  command.action(async (reports: string[], options: BenchmarkCommandOptions) => {
    const { runBenchmark } = await import('../../benchmarks/run.js');
    await runBenchmark(reports, {
      lang: resolveLang(options),
      out: options.out,
      minGroupSize: options.minGroup,
      quiet: options.quiet,
    });
  });
}
