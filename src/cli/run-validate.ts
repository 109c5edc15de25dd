// `validate [dir]`: read and check the inputs only, and say what was found and every problem.
// Exit 0 when the folder can be diagnosed (skipped rows are listed but do not stop it), 2 when
// something stops a diagnosis; that first problem is also thrown, so it reaches stderr as one line.

import type { StageCoverage } from '../diagnosis/coverage.js';
import { diagnosisMessages, measurableCoverage } from '../diagnosis/engine.js';
import { profileMessages } from '../diagnosis/messages.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { mergeCatalogs, translator, type Lang } from '../i18n/index.js';
import { loadBrand } from '../ingest/brand.js';
import { assertDiagnosableFolder } from '../ingest/discover.js';
import type { Inspection } from '../ingest/index.js';
import { createMetricsAccumulator } from '../metrics/index.js';
import type { ColorLevel } from './color.js';
import { readOptions, type ExportSettings } from './export-settings.js';
import { progressReporter } from './progress.js';
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
  // The stage names and "needs the … export" lines come from the rules' own catalogs.
  const t = translator(mergeCatalogs(allMessages, profileMessages, diagnosisMessages), settings.lang);
  const { period, ...read } = readOptions(settings.exports);
  const { inspect } = await import('../ingest/index.js');
  const progress = progressReporter(settings.quiet || settings.json, t);
  // The records go to the metrics a diagnosis would build, so validate can say which stages these
  // files measure. The folder is checked first, as inspect would, so its errors come unchanged.
  await assertDiagnosableFolder(dir, read.overrides);
  const brand = await loadBrand(dir);
  const metrics = createMetricsAccumulator(brand, period);
  let inspection: Inspection;
  try {
    inspection = await inspect(
      {
        dir,
        ...read,
        brand,
        period: period ? { fromMs: period.fromMs, toMs: period.toMs } : null,
        onProgress: progress.report,
      },
      metrics,
    );
  } finally {
    progress.clear();
  }
  const coverage: StageCoverage | null = inspection.problems.length === 0 ? measurableCoverage(metrics.finish()) : null;
  if (settings.json) {
    process.stdout.write(`${JSON.stringify(validationJson(dir, inspection, t, coverage), null, 2)}\n`);
  } else if (!settings.quiet) {
    const periodActive = period !== null || inspection.result.brand.period !== null;
    const paint = await painter(settings.colorLevel);
    process.stdout.write(renderValidation(dir, inspection, t, paint, periodActive, coverage));
  }
  const firstProblem = inspection.problems[0];
  if (firstProblem) throw firstProblem;
}
