// Every chart the HTML report can show, in the order it shows them. A builder returns null when
// the report lacks its data, and the page leaves the chart out rather than draw it empty.

import type { Translate } from '../../i18n/index.js';
import type { Report } from '../types.js';
import { carrierChart, sellerChart } from './channels.js';
import { funnelChart, sessionTrendChart, stageMarksChart } from './sessions.js';
import { stageScoresChart } from './stage-scores.js';
import type { ChartId, ChartSpec } from './types.js';

export { renderChartSvg } from './render.js';
export type { ChartId, ChartSpec } from './types.js';

export type ChartSet = Record<ChartId, ChartSpec | null>;

export function buildCharts(report: Report, t: Translate): ChartSet {
  return {
    stageScores: stageScoresChart(report, t),
    sellerGmv: sellerChart(report, t),
    carrierGmv: carrierChart(report, t),
    sessionTrend: sessionTrendChart(report, t),
    sessionFunnel: funnelChart(report, t),
    stageMarks: stageMarksChart(report, t),
  };
}
