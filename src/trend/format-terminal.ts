// `trend` at a terminal: one row per period (so weeks stay one screen wide), first the STEPS
// scores and focus, then the key metrics, then what moved between each period and the next.

import Table from 'cli-table3';
import { attributionHeadline, carrierLine, sellerLine, wholeYuan } from '../diff/attribution-words.js';
import { indented } from '../diff/format-terminal.js';
import { STAGE_KEYS } from '../diagnosis/types.js';
import type { Translate } from '../i18n/index.js';
import type { Style } from '../report/formatters/style.js';
import { stripControl } from '../report/formatters/text.js';
import { TREND_METRICS, type Trend, type TrendPeriod, type TrendStep } from './build.js';
import { periodName, signedPoints, trendMetricValue, trendWarningText } from './words.js';

const TABLE_STYLE = { head: [] as string[], border: [] as string[], compact: true };

/** Column heads as the batch table writes them: S2 tells the second S from the first. */
export const STAGE_CODES = ['E', 'T', 'S', 'P', 'S2'] as const;

function scoreCell(score: number | null, isFocus: boolean, style: Style): string {
  const text = score === null ? '—' : String(score);
  return isFocus ? style.focus(`▶${text}`) : text;
}

function toned(text: string, change: number | null, style: Style): string {
  if (change === null || change === 0) return text;
  return change > 0 ? style.good(text) : style.bad(text);
}

function scoreTable(trend: Trend, t: Translate, style: Style): string {
  const table = new Table({
    head: [t('trend.col.period'), ...STAGE_CODES, t('trend.col.focus'), t('trend.col.overall'), t('trend.col.change')],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
    style: TABLE_STYLE,
  });
  trend.periods.forEach((period, index) => {
    const change = index === 0 ? null : (trend.steps[index - 1]?.overallChange ?? null);
    const focusIndex = period.focusStage === null ? -1 : STAGE_KEYS.indexOf(period.focusStage);
    table.push([
      periodName(period, t),
      ...period.stages.map((stage) => scoreCell(stage.score, stage.key === period.focusStage, style)),
      focusIndex === -1 ? '—' : STAGE_CODES[focusIndex]!,
      period.overallScore === null ? '—' : String(period.overallScore),
      index === 0 ? '' : toned(signedPoints(change), change, style),
    ]);
  });
  return table.toString();
}

function metricTable(trend: Trend, t: Translate): string {
  const table = new Table({
    head: [t('trend.col.period'), ...TREND_METRICS.map((metric) => t(`trend.metric.${metric}`))],
    colAligns: ['left', ...TREND_METRICS.map(() => 'right' as const)],
    style: TABLE_STYLE,
  });
  for (const period of trend.periods) {
    table.push([
      periodName(period, t),
      ...TREND_METRICS.map((metric) => trendMetricValue(metric, period.metrics[metric])),
    ]);
  }
  return table.toString();
}

export function priorityLines(step: TrendStep, t: Translate): string[] {
  const { priorities } = step;
  if (!priorities.known) return [t('trend.priorities.unknown')];
  const lines: string[] = [];
  const listed = (ids: { id: string }[]) => ids.map((priority) => priority.id);
  lines.push(
    priorities.met.length === 0
      ? t('trend.priorities.noneMet', { count: priorities.open.length })
      : t('trend.priorities.met', { count: priorities.met.length, ids: listed(priorities.met) }),
  );
  if (priorities.open.length > 0) lines.push(t('trend.priorities.open', { ids: listed(priorities.open) }));
  return lines;
}

export function stepMovementLine(step: TrendStep, t: Translate): string {
  const creators =
    step.creators === null
      ? t('trend.creators.unknown')
      : t('trend.creators', { new: step.creators.new, retained: step.creators.retained, lost: step.creators.lost });
  if (step.newHeroProducts.length === 0) return creators;
  const heroes = step.newHeroProducts.map((product) => `${product.name ?? product.id} ${wholeYuan(product.gmv)}`);
  return `${creators}${t('trend.newHeroes', { names: heroes })}`;
}

function stepLines(step: TrendStep, periods: [TrendPeriod, TrendPeriod], t: Translate, style: Style): string[] {
  const [before, after] = periods;
  return [
    style.heading(`${periodName(before, t)} → ${periodName(after, t)}`),
    ...indented(attributionHeadline(step.attribution, t), '  '),
    ...indented(sellerLine(step.attribution, t), '  '),
    ...indented(carrierLine(step.attribution, t), '  '),
    ...indented(stripControl(stepMovementLine(step, t)), '  '),
    ...priorityLines(step, t).flatMap((line) => indented(line, '  ')),
    '',
  ];
}

export function formatTrendTerminal(trend: Trend, t: Translate, style: Style): string {
  const { overall } = trend;
  const lines = [
    style.heading(t('trend.title', { brand: stripControl(trend.brand), by: t(`trend.by.${trend.by}`) })),
    t('trend.overall', {
      count: trend.periods.length,
      first: overall.first ?? '—',
      last: overall.last ?? '—',
      change: signedPoints(overall.change),
    }),
    ...trend.warnings.map((warning) => style.warn(`! ${trendWarningText(warning, t)}`)),
    '',
    scoreTable(trend, t, style),
    '',
    metricTable(trend, t),
    '',
  ];
  trend.steps.forEach((step, index) => {
    lines.push(...stepLines(step, [trend.periods[index]!, trend.periods[index + 1]!], t, style));
  });
  if (trend.periods.some((period) => period.partial)) lines.push(style.dim(t('trend.partialNote')));
  return `${lines.join('\n').trimEnd()}\n`;
}
