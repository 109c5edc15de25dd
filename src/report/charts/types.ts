import type { EChartsCoreOption } from 'echarts/core';

export type ChartId = 'stageScores' | 'sellerGmv' | 'carrierGmv' | 'sessionTrend' | 'sessionFunnel' | 'stageMarks';

/** A chart ready to render: what it shows (options with words already in the report's language) and its size in px. */
/** The trend page's charts (src/trend/format-html.ts): not part of a report's ChartSet. */
export type TrendChartId = 'trendScores' | 'trendGmv';

export interface ChartSpec {
  id: ChartId | TrendChartId;
  /** Heading shown above the chart; plain text, escaped by the page that shows it. */
  title: string;
  width: number;
  height: number;
  option: EChartsCoreOption;
}
