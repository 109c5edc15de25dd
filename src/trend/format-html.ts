// `trend --format html:FILE`: one self-contained page for the monthly review, in the report's
// look (templates/report/report.css): line charts of the STEPS scores and of GMV over the periods
// (ECharts rendered to SVG on our side, so the page needs no script), then the same tables and
// step notes as the terminal.

import { readFileSync } from 'node:fs';
import { attributionHeadline, carrierLine, sellerLine } from '../diff/attribution-words.js';
import { STAGE_KEYS } from '../diagnosis/types.js';
import type { Lang, Translate } from '../i18n/index.js';
import { renderChartSvg } from '../report/charts/render.js';
import { PALETTE } from '../report/charts/theme.js';
import type { ChartSpec } from '../report/charts/types.js';
import { escapeHtml } from '../report/formatters/html.js';
import { stripControl } from '../report/formatters/text.js';
import { TREND_METRICS, type Trend } from './build.js';
import { priorityLines, STAGE_CODES, stepMovementLine } from './format-terminal.js';
import { periodName, signedPoints, trendMetricValue, trendWarningText } from './words.js';

let stylesheet: string | undefined;

/** src/trend and dist/trend sit equally deep below the package root. */
function loadStylesheet(): string {
  stylesheet ??= readFileSync(new URL('../../templates/report/report.css', import.meta.url), 'utf8');
  return stylesheet;
}

const STAGE_COLOURS = ['#1f4e79', '#4f8fbf', '#2f7d5b', '#d9a23a', '#8e5ea2'];

function lineSeries(name: string, data: (number | null)[], colour: string, width = 2) {
  return {
    type: 'line',
    name,
    // A period where the value is not measured is a gap in the line, never a drop to zero.
    data: data.map((value) => (value === null ? '-' : value)),
    connectNulls: false,
    symbol: 'circle',
    symbolSize: 6,
    lineStyle: { width, color: colour },
    itemStyle: { color: colour },
  };
}

function baseOption(categories: string[]) {
  return {
    grid: { left: 56, right: 24, top: 48, bottom: 36 },
    legend: { top: 0, textStyle: { color: PALETTE.ink, fontSize: 12 } },
    xAxis: {
      type: 'category',
      data: categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.muted } },
      axisLabel: { color: PALETTE.ink, fontSize: 12 },
    },
  };
}

export function trendScoreChart(trend: Trend, t: Translate): ChartSpec {
  const categories = trend.periods.map((period) => stripControl(periodName(period, t)));
  const stageSeries = STAGE_KEYS.map((key, index) =>
    lineSeries(
      `${STAGE_CODES[index]} ${t(`diff.stage.${key}`)}`,
      trend.periods.map((period) => period.stages.find((stage) => stage.key === key)?.score ?? null),
      STAGE_COLOURS[index]!,
    ),
  );
  return {
    id: 'trendScores',
    title: t('trend.chart.scores'),
    width: 860,
    height: 320,
    option: {
      ...baseOption(categories),
      yAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: PALETTE.rule } } },
      series: [
        lineSeries(
          t('trend.col.overall'),
          trend.periods.map((period) => period.overallScore),
          PALETTE.focus,
          3,
        ),
        ...stageSeries,
      ],
    },
  };
}

export function trendGmvChart(trend: Trend, t: Translate): ChartSpec {
  const categories = trend.periods.map((period) => stripControl(periodName(period, t)));
  return {
    id: 'trendGmv',
    title: t('trend.chart.gmv'),
    width: 860,
    height: 300,
    option: {
      ...baseOption(categories),
      yAxis: {
        type: 'value',
        min: 0,
        axisLabel: { color: PALETTE.muted, formatter: '¥{value}' },
        splitLine: { lineStyle: { color: PALETTE.rule } },
      },
      series: [
        lineSeries(
          t('trend.metric.gmv'),
          trend.periods.map((period) => period.metrics.gmv),
          PALETTE.accent,
          3,
        ),
        lineSeries(
          t('trend.metric.liveGmv'),
          trend.periods.map((period) => period.metrics.liveGmv),
          PALETTE.accentLight,
        ),
      ],
    },
  };
}

function figure(spec: ChartSpec, index: number): string {
  const title = escapeHtml(spec.title);
  const svg = renderChartSvg(spec, `trend${index}`).replace('<svg ', `<svg role="img" aria-label="${title}" `);
  return `<figure class="chart" data-chart="${spec.id}" style="--chart-width:${spec.width}"><figcaption>${title}</figcaption>${svg}</figure>`;
}

function cell(text: string, numeric = false): string {
  return `<td${numeric ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
}

function head(cells: string[], numericFrom: number): string {
  const ths = cells.map((text, index) => `<th${index >= numericFrom ? ' class="num"' : ''}>${escapeHtml(text)}</th>`);
  return `<thead><tr>${ths.join('')}</tr></thead>`;
}

function scoreTable(trend: Trend, t: Translate): string {
  const rows = trend.periods.map((period, index) => {
    const focusIndex = period.focusStage === null ? -1 : STAGE_KEYS.indexOf(period.focusStage);
    const scores = period.stages.map((stage) => {
      const text = stage.score === null ? '—' : String(stage.score);
      return stage.key === period.focusStage
        ? `<td class="num"><strong>▶${escapeHtml(text)}</strong></td>`
        : cell(text, true);
    });
    return `<tr>${cell(periodName(period, t))}${scores.join('')}${cell(focusIndex === -1 ? '—' : STAGE_CODES[focusIndex]!)}${cell(
      period.overallScore === null ? '—' : String(period.overallScore),
      true,
    )}${cell(index === 0 ? '' : signedPoints(trend.steps[index - 1]?.overallChange ?? null), true)}</tr>`;
  });
  const columns = [
    t('trend.col.period'),
    ...STAGE_CODES,
    t('trend.col.focus'),
    t('trend.col.overall'),
    t('trend.col.change'),
  ];
  return `<table class="trend-scores">${head(columns, 1)}<tbody>${rows.join('')}</tbody></table>`;
}

function metricTable(trend: Trend, t: Translate): string {
  const rows = trend.periods.map(
    (period) =>
      `<tr>${cell(periodName(period, t))}${TREND_METRICS.map((metric) =>
        cell(trendMetricValue(metric, period.metrics[metric]), true),
      ).join('')}</tr>`,
  );
  const columns = [t('trend.col.period'), ...TREND_METRICS.map((metric) => t(`trend.metric.${metric}`))];
  return `<table class="trend-metrics">${head(columns, 1)}<tbody>${rows.join('')}</tbody></table>`;
}

function stepSections(trend: Trend, t: Translate): string {
  return trend.steps
    .map((step, index) => {
      const title = `${periodName(trend.periods[index]!, t)} → ${periodName(trend.periods[index + 1]!, t)}`;
      const items = [
        sellerLine(step.attribution, t),
        carrierLine(step.attribution, t),
        stepMovementLine(step, t),
        ...priorityLines(step, t),
      ].map((line) => `<li>${escapeHtml(line)}</li>`);
      const asked = [...step.priorities.met, ...step.priorities.open].map(
        (priority) => `<li><code>${escapeHtml(priority.id)}</code> ${escapeHtml(priority.text)}</li>`,
      );
      if (asked.length > 0) items.push(`<li><ul>${asked.join('')}</ul></li>`);
      return `<section class="trend-step"><h3>${escapeHtml(title)}</h3><p><strong>${escapeHtml(
        attributionHeadline(step.attribution, t),
      )}</strong></p><ul>${items.join('')}</ul></section>`;
    })
    .join('\n');
}

export function formatTrendHtml(trend: Trend, t: Translate, lang: Lang): string {
  const title = t('trend.title', { brand: trend.brand, by: t(`trend.by.${trend.by}`) });
  const { overall } = trend;
  const warnings = trend.warnings.map(
    (warning) => `<p class="warning">⚠ ${escapeHtml(trendWarningText(warning, t))}</p>`,
  );
  const partial = trend.periods.some((period) => period.partial)
    ? `<p><small>${escapeHtml(t('trend.partialNote'))}</small></p>`
    : '';
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${loadStylesheet()}</style>
</head>
<body>
<main class="page">
<header class="masthead"><p class="eyebrow">${escapeHtml(t('trend.eyebrow'))}</p><h1>${escapeHtml(trend.brand)}</h1>
<p class="category">${escapeHtml(
    t('trend.overall', {
      count: trend.periods.length,
      first: overall.first ?? '—',
      last: overall.last ?? '—',
      change: signedPoints(overall.change),
    }),
  )}</p></header>
${warnings.join('\n')}
<section><h2>${escapeHtml(t('trend.section.scores'))}</h2>
${figure(trendScoreChart(trend, t), 1)}
${scoreTable(trend, t)}</section>
<section><h2>${escapeHtml(t('trend.section.metrics'))}</h2>
${figure(trendGmvChart(trend, t), 2)}
${metricTable(trend, t)}</section>
<section><h2>${escapeHtml(t('trend.section.steps'))}</h2>
${stepSections(trend, t)}
${partial}</section>
</main>
</body>
</html>
`;
}
