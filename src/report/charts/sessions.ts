// Charts over the live sessions: GMV, viewers and ROI session by session, the viewer funnel,
// and the STAGE marks as a grid of sessions × S T A G E.

import { STAGE_ITEM_KEYS } from '../../diagnosis/types.js';
import { formatCount, formatPercent } from '../../i18n/format.js';
import { formatNumber, type Translate } from '../../i18n/index.js';
import { stripControl } from '../formatters/text.js';
import type { NumberFields, ReportSessionMetrics } from '../metrics.js';
import type { Report, ReportSession } from '../types.js';
import { PALETTE } from './theme.js';
import type { ChartSpec } from './types.js';
import { shortCount, shortYuan } from './values.js';

interface LabelParams {
  dataIndex: number;
  value?: unknown;
}

/** Chronological, undated sessions last: the order a consultant reads a month in. */
export function sessionsInTimeOrder(sessions: ReportSession[]): ReportSession[] {
  return [...sessions].sort((a, b) => {
    if (a.startAt !== b.startAt) {
      if (a.startAt === null) return 1;
      if (b.startAt === null) return -1;
      return a.startAt < b.startAt ? -1 : 1;
    }
    return a.liveId.localeCompare(b.liveId);
  });
}

/** MM-DD when every session falls in one year, else the full date; the live id when undated. */
function sessionLabels(sessions: ReportSession[]): string[] {
  const years = new Set(sessions.map((session) => session.startAt?.slice(0, 4)).filter((year) => year !== undefined));
  return sessions.map((session) => {
    if (session.startAt === null) return stripControl(session.liveId);
    return years.size <= 1 ? session.startAt.slice(5, 10) : session.startAt.slice(0, 10);
  });
}

function metricSeries(sessions: ReportSession[], name: NumberFields<ReportSessionMetrics>): (number | null)[] {
  return sessions.map((session) => session.metrics[name]);
}

/** Past about a month of daily sessions the dots on a line only add noise. */
const MAX_SESSIONS_WITH_SYMBOLS = 31;

function hasAny(values: (number | null)[]): boolean {
  return values.some((value) => value !== null);
}

export function sessionTrendChart(report: Report, t: Translate): ChartSpec | null {
  const sessions = sessionsInTimeOrder(report.sessions);
  const gmv = metricSeries(sessions, 'gmv');
  const viewers = metricSeries(sessions, 'viewers');
  const roi = metricSeries(sessions, 'roi');
  if (!hasAny(gmv) && !hasAny(viewers)) return null;
  const lang = report.lang;
  const labels = sessionLabels(sessions);
  const withViewers = hasAny(viewers);
  const withRoi = hasAny(roi);
  const topHeight = 170;
  const bottomTop = 48 + topHeight + 56;
  const bottomHeight = 90;
  const grids = [{ left: 72, right: 64, top: 48, height: topHeight }];
  if (withViewers) grids.push({ left: 72, right: 64, top: bottomTop, height: bottomHeight });
  const height = (withViewers ? bottomTop + bottomHeight : 48 + topHeight) + 48;

  const categoryAxis = (gridIndex: number, showLabels: boolean) => ({
    type: 'category' as const,
    gridIndex,
    data: labels,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: PALETTE.muted } },
    axisLabel: { show: showLabels, color: PALETTE.muted, hideOverlap: true },
  });
  const xAxis = [categoryAxis(0, !withViewers)];
  if (withViewers) xAxis.push(categoryAxis(1, true));

  const yAxis: Record<string, unknown>[] = [
    {
      type: 'value',
      gridIndex: 0,
      name: t('html.chart.gmv'),
      nameTextStyle: { color: PALETTE.muted, align: 'right' },
      splitLine: { lineStyle: { color: PALETTE.rule } },
      axisLabel: { color: PALETTE.muted, formatter: (value: number) => shortYuan(value, lang) },
    },
  ];
  const series: Record<string, unknown>[] = [
    {
      type: 'bar',
      name: t('html.chart.gmv'),
      xAxisIndex: 0,
      yAxisIndex: 0,
      data: gmv,
      barMaxWidth: 28,
      itemStyle: { color: PALETTE.accent },
    },
  ];
  if (withRoi) {
    yAxis.push({
      type: 'value',
      gridIndex: 0,
      position: 'right',
      name: t('html.chart.roi'),
      nameTextStyle: { color: PALETTE.focus, align: 'left' },
      splitLine: { show: false },
      axisLabel: { color: PALETTE.focus, formatter: (value: number) => formatNumber(value, 1) },
    });
    series.push({
      type: 'line',
      name: t('html.chart.roi'),
      xAxisIndex: 0,
      yAxisIndex: yAxis.length - 1,
      data: roi,
      connectNulls: false,
      showSymbol: sessions.length <= MAX_SESSIONS_WITH_SYMBOLS,
      symbol: 'circle',
      symbolSize: 6,
      lineStyle: { color: PALETTE.focus, width: 2 },
      itemStyle: { color: PALETTE.focus },
    });
  }
  if (withViewers) {
    yAxis.push({
      type: 'value',
      gridIndex: 1,
      name: t('html.chart.viewers'),
      nameTextStyle: { color: PALETTE.muted, align: 'right' },
      splitNumber: 2,
      splitLine: { lineStyle: { color: PALETTE.rule } },
      axisLabel: { color: PALETTE.muted, formatter: (value: number) => shortCount(value, lang) },
    });
    series.push({
      type: 'line',
      name: t('html.chart.viewers'),
      xAxisIndex: 1,
      yAxisIndex: yAxis.length - 1,
      data: viewers,
      showSymbol: sessions.length <= MAX_SESSIONS_WITH_SYMBOLS,
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { color: PALETTE.series[1], width: 2 },
      itemStyle: { color: PALETTE.series[1] },
      areaStyle: { color: '#e4eef7' },
    });
  }
  return {
    id: 'sessionTrend',
    title: t('html.chart.sessionTrend'),
    width: 860,
    height,
    option: {
      legend: { top: 4, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { color: PALETTE.ink } },
      grid: grids,
      xAxis,
      yAxis,
      series,
    },
  };
}

interface FunnelStep {
  name: string;
  value: number;
}

/**
 * The report's funnel as steps to draw, widest first; a step it does not hold is left out.
 * Orders come before buyers: every buyer placed at least one order, so there are never fewer
 * orders than buyers, and the buyers are the people behind those orders.
 */
export function funnelSteps(report: Report, t: Translate): FunnelStep[] {
  const funnel = report.sessionFunnel;
  if (funnel === null) return [];
  const steps: FunnelStep[] = [{ name: t('html.funnel.viewers'), value: funnel.viewers }];
  if (funnel.orders !== null) steps.push({ name: t('html.funnel.orders'), value: funnel.orders });
  if (funnel.buyers !== null) steps.push({ name: t('html.funnel.buyers'), value: funnel.buyers });
  return steps;
}

/**
 * Each step is a bar centred under the one before, as wide as its count in proportion to the
 * viewers: a 1% conversion looks like 1%. The counts sit in a column to the right, where a
 * sliver of a bar still has room for its label.
 */
export function funnelChart(report: Report, t: Translate): ChartSpec | null {
  const steps = funnelSteps(report, t);
  if (steps.length < 2) return null;
  const widest = Math.max(...steps.map((step) => step.value), 1);
  const viewers = steps[0]!.value;
  const labels = steps.map((step, index) => {
    const count = formatCount(step.value);
    return index === 0 ? count : `${count} · ${formatPercent(step.value / viewers, 2)}`;
  });
  const margin = steps.map((step) => (widest - Math.max(step.value, 0)) / 2);
  return {
    id: 'sessionFunnel',
    title: t('html.chart.funnel'),
    width: 340,
    height: 24 + steps.length * 48,
    option: {
      grid: { left: 72, right: 104, top: 12, bottom: 12 },
      xAxis: { type: 'value', show: false, min: 0, max: widest },
      yAxis: {
        type: 'category',
        inverse: true,
        data: steps.map((step) => step.name),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: PALETTE.ink, fontSize: 13 },
      },
      series: [
        { type: 'bar', stack: 'funnel', barWidth: 30, data: margin, itemStyle: { color: 'transparent' } },
        {
          type: 'bar',
          stack: 'funnel',
          barWidth: 30,
          data: steps.map((step, index) => ({
            value: Math.max(step.value, 0),
            itemStyle: { color: PALETTE.series[index % PALETTE.series.length] },
          })),
        },
        {
          // The other half of the margin: its label lands past the widest bar, so all line up.
          type: 'bar',
          stack: 'funnel',
          barWidth: 30,
          data: margin,
          itemStyle: { color: 'transparent' },
          label: {
            show: true,
            position: 'right',
            color: PALETTE.ink,
            fontSize: 12,
            formatter: (params: LabelParams) => labels[params.dataIndex] ?? '',
          },
        },
      ],
    },
  };
}

const RESULT_CODES = { pass: 0, warn: 1, fail: 2, unknown: 3 } as const;
const RESULT_MARKS = ['✓', '!', '✗', '?'];

export function stageMarksChart(report: Report, t: Translate): ChartSpec | null {
  if (report.sessions.length === 0) return null;
  const sessions = sessionsInTimeOrder(report.sessions);
  const labels = sessionLabels(sessions);
  const rows = STAGE_ITEM_KEYS.map((key) => t(`html.item.${key}`));
  const cells: { value: [number, number, number]; label: { color: string } }[] = [];
  sessions.forEach((session, column) => {
    STAGE_ITEM_KEYS.forEach((key, row) => {
      const result = session.stage[key]?.result ?? 'unknown';
      // White marks read on the coloured cells; the pale "unknown" cell needs dark ink.
      const markColour = result === 'unknown' ? PALETTE.muted : '#ffffff';
      cells.push({ value: [column, row, RESULT_CODES[result]], label: { color: markColour } });
    });
  });
  const width = 500;
  const plotWidth = width - 150;
  // Marks inside the cells only while they fit; a long month still reads as a colour strip.
  const cellWidth = plotWidth / sessions.length;
  const showMarks = cellWidth >= 18;
  return {
    id: 'stageMarks',
    title: t('html.chart.stageMarks'),
    width,
    height: 250,
    option: {
      grid: { left: 120, right: 30, top: 8, bottom: 70 },
      xAxis: {
        type: 'category',
        data: labels,
        splitArea: { show: false },
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: PALETTE.muted, hideOverlap: true },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows,
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: PALETTE.ink, fontSize: 12 },
      },
      visualMap: {
        type: 'piecewise',
        dimension: 2,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemWidth: 14,
        itemHeight: 10,
        textStyle: { color: PALETTE.ink },
        pieces: [
          { value: 0, color: PALETTE.result.pass, label: t('html.result.pass') },
          { value: 1, color: PALETTE.result.warn, label: t('html.result.warn') },
          { value: 2, color: PALETTE.result.fail, label: t('html.result.fail') },
          { value: 3, color: PALETTE.result.unknown, label: t('html.result.unknown') },
        ],
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          // Thin cells keep a hairline gap, or the strip would be mostly border.
          itemStyle: { borderColor: '#ffffff', borderWidth: cellWidth >= 12 ? 2 : 0.5 },
          label: {
            show: showMarks,
            fontSize: 12,
            fontWeight: 'bold',
            formatter: (params: LabelParams) => {
              const value = params.value as [number, number, number];
              return RESULT_MARKS[value[2]] ?? '';
            },
          },
        },
      ],
    },
  };
}
