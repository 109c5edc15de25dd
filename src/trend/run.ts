// What `trend` does once commander has parsed the options: read the reports given (or diagnose a
// client folder once per calendar period), build the trend, write the outputs.

import { stat } from 'node:fs/promises';
import { readReport } from '../diff/run.js';
import { UserError } from '../errors.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { translator, type Lang, type Translate } from '../i18n/index.js';
import { diagnoseFolder } from '../pipeline.js';
import { createStyle } from '../report/formatters/style.js';
import { loadReportValidator } from '../report/schema.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { parseOutputSpecs, type OutputSpec } from '../util/output-spec.js';
import { buildTrend, type Trend, type TrendInput } from './build.js';
import { formatTrendHtml } from './format-html.js';
import { formatTrendJson } from './format-json.js';
import { formatTrendMarkdown } from './format-markdown.js';
import { formatTrendTerminal } from './format-terminal.js';
import { CALENDAR_UNITS, calendarPeriods, type CalendarUnit } from './periods.js';
import { trendWarningText } from './words.js';

export const TREND_FORMATS = ['terminal', 'markdown', 'json', 'html'] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];

export type TrendOutput = OutputSpec<TrendFormat>;

export interface TrendSettings {
  lang: Lang;
  colorLevel: 0 | 1 | 2 | 3;
  /** month | week, for a client folder. */
  by?: string;
  profile?: string | null;
  format?: string[];
  json?: boolean;
  quiet?: boolean;
}

export function trendOutputs(formats: string[] | undefined, json: boolean | undefined): TrendOutput[] {
  const outputs = parseOutputSpecs(formats, json, TREND_FORMATS);
  if (outputs.length === 0) outputs.push({ format: 'terminal', path: null });
  return outputs;
}

function calendarUnit(by: string | undefined): CalendarUnit {
  const unit = by ?? 'month';
  if ((CALENDAR_UNITS as readonly string[]).includes(unit)) return unit as CalendarUnit;
  throw new UserError({ key: 'trend.badBy', params: { value: unit, units: [...CALENDAR_UNITS] } });
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** One diagnosis of the whole data finds the days it covers; then one per month or week of them. */
async function diagnosePeriods(dir: string, unit: CalendarUnit, settings: TrendSettings, t: Translate) {
  const common = { dir, lang: settings.lang, profile: settings.profile ?? null };
  const whole = await diagnoseFolder(common);
  const { from, to } = whole.period;
  if (from === null || to === null) throw new UserError({ key: 'trend.noDates', params: { file: dir } });
  const periods = calendarPeriods(from, to, unit);
  const inputs: TrendInput[] = [];
  for (const [index, period] of periods.entries()) {
    if (!settings.quiet) {
      process.stderr.write(
        `${t('trend.progress', { index: index + 1, count: periods.length, from: period.from, to: period.to })}\n`,
      );
    }
    const report = await diagnoseFolder({ ...common, period });
    inputs.push({ report, source: `${dir} ${period.from}..${period.to}`, partial: period.partial });
  }
  return inputs;
}

export async function collectTrendInputs(paths: string[], settings: TrendSettings, t: Translate) {
  const first = paths[0];
  if (paths.length === 1 && first !== undefined && (await isFolder(first))) {
    const unit = calendarUnit(settings.by);
    return { inputs: await diagnosePeriods(first, unit, settings, t), by: unit };
  }
  if (settings.by !== undefined) throw new UserError({ key: 'trend.byNeedsFolder', params: { value: settings.by } });
  if (paths.length < 2) throw new UserError({ key: 'trend.tooFew', params: { count: paths.length } });
  const validate = await loadReportValidator();
  const inputs: TrendInput[] = [];
  for (const file of paths) inputs.push({ report: await readReport(file, validate, 'trend'), source: file });
  return { inputs, by: 'reports' as const };
}

function render(trend: Trend, format: TrendFormat, t: Translate, colorLevel: 0 | 1 | 2 | 3, lang: Lang): string {
  switch (format) {
    case 'terminal':
      return formatTrendTerminal(trend, t, createStyle(colorLevel));
    case 'markdown':
      return formatTrendMarkdown(trend, t);
    case 'json':
      return formatTrendJson(trend, t);
    case 'html':
      return formatTrendHtml(trend, t, lang);
  }
}

export async function runTrend(paths: string[], settings: TrendSettings): Promise<Trend> {
  const t = translator(allMessages, settings.lang);
  const outputs = trendOutputs(settings.format, settings.json);
  const { inputs, by } = await collectTrendInputs(paths, settings, t);
  const trend = buildTrend(inputs, by);
  if (trend.periods.length < 2) throw new UserError({ key: 'trend.onePeriod', params: { file: paths.join(' ') } });

  if (!settings.quiet) {
    for (const warning of trend.warnings) {
      process.stderr.write(`${t('diff.warningPrefix')}${trendWarningText(warning, t)}\n`);
    }
  }
  for (const output of outputs) {
    if (output.path !== null) continue;
    const colour = output.format === 'terminal' ? settings.colorLevel : 0;
    process.stdout.write(render(trend, output.format, t, colour, settings.lang));
  }
  for (const output of outputs) {
    if (output.path === null) continue;
    await writeFileAtomic(output.path, render(trend, output.format, t, 0, settings.lang));
    if (!settings.quiet) process.stderr.write(`${t('cli.wrote', { path: output.path })}\n`);
  }
  return trend;
}
