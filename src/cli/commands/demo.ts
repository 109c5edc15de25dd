import { Option, type Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../i18n/index.js';
import { cliText } from '../text.js';
import { addCommonOptions } from '../options.js';
import { addReportOptions, diagnoseSettings, type DiagnoseCommandOptions } from './diagnose.js';

/** The example brand `demo` diagnoses: mid-path, so every part of the report has something to say. */
export const DEMO_BRAND = 'huaxi-beauty';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

export function demoFolder(brand: string = DEMO_BRAND): string {
  return join(EXAMPLES_DIR, brand);
}

/** The example brands shipped with the tool: every folder of examples/ with a brand.json. */
export function exampleBrands(): string[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(EXAMPLES_DIR, entry.name, 'brand.json')))
    .map((entry) => entry.name)
    .sort();
}

export function registerDemo(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('demo')
    .description(t('command.demo'))
    // choices() makes commander refuse an unknown brand and list the valid ones.
    .addOption(new Option('--brand <name>', t('option.demoBrand')).choices(exampleBrands()).default(DEMO_BRAND));
  addReportOptions(addCommonOptions(command, t), lang);
  command.action(async (options: DiagnoseCommandOptions & { brand: string }) => {
    const settings = diagnoseSettings(options);
    const { runDiagnose } = await import('../run-diagnose.js');
    await runDiagnose(demoFolder(options.brand), settings);
  });
}
