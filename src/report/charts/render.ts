// Server-side rendering of chart options to inline SVG with Apache ECharts. Only the chart types
// and components the report draws are registered, so an HTML run loads a fraction of ECharts.

import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './types.js';
import { CHART_FONT, PALETTE } from './theme.js';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  VisualMapPiecewiseComponent,
  SVGRenderer,
]);

/**
 * ECharts names its SVG ids and classes after a process-wide instance counter (zr0, zr1, …), so
 * the same report would render differently depending on what ran before it. Ids are renamed
 * after the chart's place in the document. Only attribute values are touched: text from the
 * data is escaped by ECharts and cannot contain a quote, so it never matches.
 */
function renameIds(svg: string, prefix: string): string {
  return svg.replace(/(id="|url\(#|href="#|class=")zr\d+-/g, (_whole, attribute: string) => `${attribute}${prefix}-`);
}

/**
 * Hover rules and renderer bookkeeping mean nothing on paper or in a static page: drop them so
 * the report stays small and carries no CSS that could leak between charts.
 */
function stripInteractivity(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="[^"]*"/g, '');
}

/** The chart as an `<svg>` element, sized by its viewBox so CSS can scale it to the page. */
export function renderChartSvg(spec: ChartSpec, prefix: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: 'transparent',
      color: [...PALETTE.series],
      textStyle: { fontFamily: CHART_FONT, color: PALETTE.ink },
      ...spec.option,
    });
    return renameIds(stripInteractivity(chart.renderToSVGString()), prefix);
  } finally {
    chart.dispose();
  }
}
