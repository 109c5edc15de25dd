// What `diagnose` and `demo` do once commander has parsed the options.

import { resolve } from 'node:path';
import { EXIT_GATE_FAILED } from '../errors.js';
import { diagnoseFolder } from '../pipeline.js';
import type { Report } from '../report/types.js';
import { resolveBenchmarks } from './benchmarks-option.js';
import { colorLevel } from './color.js';
import type { DiagnoseCommandOptions } from './commands/diagnose.js';
import { inputOverrides, parsePeriod, resolveLang } from './options.js';
import { outputTargets, writeOutputs, writesTerminalToStdout } from './outputs.js';
import { progressReporter } from './progress.js';
import { stripControl } from '../report/formatters/text.js';
import { cliText } from './text.js';

function noteInputs(report: Report, options: DiagnoseCommandOptions): void {
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
  if (options.verbose) {
    for (const entry of report.unrecognisedInputs) {
      process.stderr.write(
        `${t('report.unrecognised', { path: stripControl(entry.path), message: stripControl(entry.message) })}\n`,
      );
    }
  }
}

export async function runDiagnose(dir: string, options: DiagnoseCommandOptions): Promise<void> {
  const lang = resolveLang(options);
  // -q is "errors only": the report a run prints by default goes too; one asked for by name stays.
  const askedForOutput = (options.format?.length ?? 0) > 0 || Boolean(options.json);
  const targets = options.quiet && !askedForOutput ? [] : outputTargets(options.format, options.json);
  // Read before the exports: a wrong benchmarks path should stop the run before minutes of parsing.
  const benchmarks = await resolveBenchmarks(options.benchmarks);
  const progress = progressReporter(Boolean(options.quiet), cliText(lang));
  const report = await diagnoseFolder({
    dir,
    lang,
    overrides: inputOverrides(options),
    columnsFile: options.columns ?? null,
    strict: options.strict,
    lenient: options.lenient,
    password: options.password ?? null,
    period: options.period ? parsePeriod(options.period) : null,
    profile: options.profile ?? null,
    onProgress: progress.report,
    benchmarks,
  }).finally(() => progress.clear());
  // The terminal report lists the inputs itself; other outputs get the discovery notes on stderr.
  if (!options.quiet && !writesTerminalToStdout(targets)) noteInputs(report, options);
  const read = [
    ...report.inputs.map((input) => resolve(dir, input.path)),
    resolve(dir, 'brand.json'),
    resolve(dir, options.columns ?? 'columns.json'),
  ];
  const written = await writeOutputs(report, targets, colorLevel(options.color), read);
  if (!options.quiet) {
    const t = cliText(lang);
    for (const path of written) process.stderr.write(`${t('cli.wrote', { path: stripControl(path) })}\n`);
  }
  if (options.failUnder !== undefined && (report.overallScore === null || report.overallScore < options.failUnder)) {
    const t = cliText(lang);
    process.stderr.write(`${t('cli.belowGate', { score: report.overallScore ?? '—', gate: options.failUnder })}\n`);
    process.exitCode = EXIT_GATE_FAILED;
  }
}
