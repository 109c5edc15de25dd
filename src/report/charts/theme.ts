// One look for every chart, matching the page's stylesheet (templates/report/report.css).

import type { StageStatus } from '../../diagnosis/types.js';

/**
 * ECharts writes this into a double-quoted style attribute of each SVG <text>, so family names
 * are single-quoted. The page's stack (templates/report/report.css --font), in its order: Latin
 * faces first, since a browser takes each character from the first face that has it; a CJK face
 * listed first would draw Latin punctuation too, in its full-width shapes.
 */
export const CHART_FONT =
  "'Segoe UI', -apple-system, BlinkMacSystemFont, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', " +
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', " +
  "'WenQuanYi Micro Hei', sans-serif";

export const PALETTE = {
  ink: '#1d2733',
  muted: '#5b6675',
  rule: '#e3e7ec',
  track: '#eef1f5',
  accent: '#1f4e79',
  accentLight: '#8fb3d3',
  focus: '#c2571a',
  series: ['#1f4e79', '#4f8fbf', '#9cc3e0', '#c9d6e2'],
  result: { pass: '#2f7d5b', warn: '#d9a23a', fail: '#b8483a', unknown: '#d5dae1' },
  band: { strong: '#2f7d5b', middle: '#d9a23a', weak: '#b8483a', none: '#c4cbd4' },
} as const;

/** Colour by the diagnosis' own verdict, so a chart never disagrees with the table beside it. */
export function statusColour(status: StageStatus): string {
  switch (status) {
    case 'strong':
    case 'established':
      return PALETTE.band.strong;
    case 'developing':
      return PALETTE.band.middle;
    case 'emerging':
    case 'not-started':
      return PALETTE.band.weak;
    case 'not-measured':
      return PALETTE.band.none;
  }
}
