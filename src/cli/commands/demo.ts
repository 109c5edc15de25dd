import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../i18n/index.js';
import { cliText } from '../text.js';
import { addCommonOptions } from '../options.js';
import { addReportOptions, type DiagnoseCommandOptions } from './diagnose.js';

/** The example brand `demo` diagnoses: mid-path, so every part of the report has something to say. */
export const DEMO_BRAND = 'huaxi-beauty';

export function demoFolder(brand: string = DEMO_BRAND): string {
  return fileURLToPath(new URL(`../../../examples/${brand}/`, import.meta.url));
}

export function registerDemo(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('demo')
    .description(t('command.demo'))
    .option('--brand <name>', t('option.demoBrand'), DEMO_BRAND);
  addReportOptions(addCommonOptions(command, t), lang);
  command.action(async (options: DiagnoseCommandOptions & { brand: string }) => {
    const { runDiagnose } = await import('../run-diagnose.js');
    await runDiagnose(demoFolder(options.brand), options);
  });
}
