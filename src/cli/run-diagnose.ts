// What `diagnose` and `demo` do once commander has parsed the options.

import { resolve } from 'node:path';
import { EXIT_GATE_FAILED } from '../errors.js';
import { diagnoseFolder } from '../pipeline.js';
import type { Report } from '../report/types.js';
import { resolveBenchmarks } from './benchmarks-option.js';
import type { Lang } from '../i18n/index.js';
import type { ColorLevel } from './color.js';
import { readOptions, type ExportSettings } from './export-settings.js';
import { outputTargets, writeOutputs, writesTerminalToStdout } from './outputs.js';
import { progressReporter } from './progress.js';
import { stripControl } from '../report/formatters/text.js';
import { cliText } from './text.js';

export interface DiagnoseSettings {
  lang: Lang;
  colorLevel: ColorLevel;
  exports: ExportSettings;
  profile: string | null;
  /** `--format FMT[:PATH]` as given, parsed before any export is read. */
  format: string[];
  json: boolean;
  failUnder: number | null;
  benchmarks: string | null;
  quiet: boolean;
  verbose: boolean;
}

function noteInputs(report: Report, settings: DiagnoseSettings): void {
  const t = cliText(report.lang);
  for (const input of report.inputs) {
    process.stderr.write(
      `${t('report.input', {
        kind: t(`report.kind.${input.kind}`),
        path: stripControl(input.path),
        encoding: input.encoding.toUpperCase(),
        rows: input.rows,
        skipped: input.skippedRows,
      })}\n`,
    );
  }
  if (settings.verbose) {
    for (const entry of report.unrecognisedInputs) {
      process.stderr.write(
        `${t('report.unrecognised', { path: stripControl(entry.path), message: stripControl(entry.message) })}\n`,
      );
    }
  }
}

export async function runDiagnose(dir: string, settings: DiagnoseSettings): Promise<void> {
  const { lang, exports } = settings;
  // -q is "errors only": the report a run prints by default goes too; one asked for by name stays.
  const askedForOutput = settings.format.length > 0 || settings.json;
  const targets = settings.quiet && !askedForOutput ? [] : outputTargets(settings.format, settings.json);
  // Read before the exports: a wrong benchmarks path should stop the run before minutes of parsing.
  const benchmarks = await resolveBenchmarks(settings.benchmarks ?? undefined);
  const progress = progressReporter(settings.quiet, cliText(lang));
  const report = await diagnoseFolder({
    dir,
    lang,
    ...readOptions(exports),
    profile: settings.profile,
    onProgress: progress.report,
    benchmarks,
  }).finally(() => progress.clear());
  // The terminal report lists the inputs itself; other outputs get the discovery notes on stderr.
  if (!settings.quiet && !writesTerminalToStdout(targets)) noteInputs(report, settings);
  const read = [
    ...report.inputs.map((input) => resolve(dir, input.path)),
    resolve(dir, 'brand.json'),
    resolve(dir, exports.columnsFile ?? 'columns.json'),
  ];
  const written = await writeOutputs(report, targets, settings.colorLevel, read);
  if (!settings.quiet) {
    const t = cliText(lang);
    for (const path of written) process.stderr.write(`${t('cli.wrote', { path: stripControl(path) })}\n`);
  }
  const gate = settings.failUnder;
  if (gate !== null && (report.overallScore === null || report.overallScore < gate)) {
    const t = cliText(lang);
    process.stderr.write(`${t('cli.belowGate', { score: report.overallScore ?? '—', gate })}\n`);
    process.exitCode = EXIT_GATE_FAILED;
  }
}
