// What `check` does once commander has parsed the options: settle the assertions (config file,
// overrides, shortcuts), check every file, write the outputs, set the exit code.

import { allMessages } from '../i18n/catalogs/index.js';
import { translator, type Lang, type Translate } from '../i18n/index.js';
import { loadReportValidator } from '../report/schema.js';
import { createStyle } from '../report/formatters/style.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { parseOutputSpecs, type OutputSpec } from '../util/output-spec.js';
import {
  assertionsForBrand,
  findCheckConfig,
  parseMinScoreShortcut,
  parseStageShortcut,
  type AssertionEntries,
} from './config.js';
import { formatCheckJson } from './format-json.js';
import { formatCheckText } from './format-text.js';
import { formatJunit } from './junit.js';
import { checkFiles, type CheckRun } from './result.js';

export const CHECK_FORMATS = ['terminal', 'json', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export type CheckOutput = OutputSpec<CheckFormat>;

export interface CheckSettings {
  lang: Lang;
  /** 0 = no colour; decided by the CLI from flags, environment and TTY. */
  colorLevel: 0 | 1 | 2 | 3;
  config?: string;
  minScore?: string;
  stage?: string[];
  format?: string[];
  json?: boolean;
  quiet?: boolean;
  cwd?: string;
}

/** The human lines go to stdout unless another format was sent there, so CI logs keep them next to a JUnit file. */
export function checkOutputs(formats: string[] | undefined, json: boolean | undefined): CheckOutput[] {
  const outputs = parseOutputSpecs(formats, json, CHECK_FORMATS);
  if (!outputs.some((output) => output.path === null)) outputs.unshift({ format: 'terminal', path: null });
  return outputs;
}

function shortcutsFrom(settings: CheckSettings): AssertionEntries {
  const shortcuts: AssertionEntries = {};
  if (settings.minScore !== undefined) Object.assign(shortcuts, parseMinScoreShortcut(settings.minScore));
  for (const stage of settings.stage ?? []) Object.assign(shortcuts, parseStageShortcut(stage));
  return shortcuts;
}

function render(run: CheckRun, format: CheckFormat, t: Translate, colorLevel: 0 | 1 | 2 | 3): string {
  switch (format) {
    case 'terminal':
      return formatCheckText(run, t, createStyle(colorLevel));
    case 'json':
      return formatCheckJson(run, t);
    case 'junit':
      return formatJunit(run, t);
  }
}

export async function runCheck(files: string[], settings: CheckSettings): Promise<CheckRun> {
  const t = translator(allMessages, settings.lang);
  // Everything that can make the run meaningless is settled before the first report is read.
  const outputs = checkOutputs(settings.format, settings.json);
  const shortcuts = shortcutsFrom(settings);
  const { config } = await findCheckConfig(settings.config, settings.cwd ?? process.cwd());
  const validate = await loadReportValidator();

  const run = await checkFiles(files, validate, (brand) => assertionsForBrand(config, brand, shortcuts));

  for (const output of outputs) {
    if (output.path !== null) continue;
    process.stdout.write(render(run, output.format, t, output.format === 'terminal' ? settings.colorLevel : 0));
  }
  for (const output of outputs) {
    if (output.path === null) continue;
    await writeFileAtomic(output.path, render(run, output.format, t, 0));
    if (!settings.quiet) process.stderr.write(`${t('cli.wrote', { path: output.path })}\n`);
  }
  for (const outcome of run.outcomes) {
    if (outcome.status !== 'unreadable') continue;
    process.stderr.write(`${t('error.prefix')}${t(outcome.error.key, outcome.error.params)}\n`);
  }
  process.exitCode = run.exitCode;
  return run;
}
