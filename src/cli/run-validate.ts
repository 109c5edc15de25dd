// `validate [dir]`: read and check the inputs only, and say what was found and every problem.
// Exit 0 when the folder can be diagnosed (skipped rows are listed but do not stop it), 2 when
// something stops a diagnosis; that first problem is also thrown, so it reaches stderr as one line.

import type { Lang } from '../i18n/index.js';
import type { Inspection } from '../ingest/index.js';
import type { ColorLevel } from './color.js';
import { readOptions, type ExportSettings } from './export-settings.js';
import { progressReporter } from './progress.js';
import { cliText } from './text.js';
import { validationJson } from './validate/format-json.js';
import { renderValidation, type Paint } from './validate/format-text.js';

export interface ValidateSettings {
  lang: Lang;
  colorLevel: ColorLevel;
  exports: ExportSettings;
  json: boolean;
  quiet: boolean;
}

async function painter(level: ColorLevel): Promise<Paint> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return { heading: chalk.bold, problem: chalk.red, good: chalk.green, quiet: chalk.dim };
}

export async function runValidate(dir: string, settings: ValidateSettings): Promise<void> {
  const t = cliText(settings.lang);
  const { period, ...read } = readOptions(settings.exports);
  const { inspect } = await import('../ingest/index.js');
  const progress = progressReporter(settings.quiet || settings.json, t);
  let inspection: Inspection;
  try {
    inspection = await inspect({
      dir,
      ...read,
      period: period ? { fromMs: period.fromMs, toMs: period.toMs } : null,
      onProgress: progress.report,
    });
  } finally {
    progress.clear();
  }
  if (settings.json) {
    process.stdout.write(`${JSON.stringify(validationJson(dir, inspection, t), null, 2)}\n`);
  } else if (!settings.quiet) {
    const periodActive = period !== null || inspection.result.brand.period !== null;
    process.stdout.write(renderValidation(dir, inspection, t, await painter(settings.colorLevel), periodActive));
  }
  const firstProblem = inspection.problems[0];
  if (firstProblem) throw firstProblem;
}
