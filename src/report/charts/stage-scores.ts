// STEPS stage scores: one bar per stage in adoption order against the established level.

import type { Translate } from '../../i18n/index.js';
import { stripControl } from '../formatters/text.js';
import type { Report } from '../types.js';
import { PALETTE, statusColour } from './theme.js';
import type { ChartSpec } from './types.js';

interface LabelParams {
  dataIndex: number;
}

const WIDTH = 860;
const GRID_LEFT = 48;
const GRID_RIGHT = 110;
/** Room between two neighbouring labels, so wrapped lines never touch. */
const LABEL_GAP = 16;

function labelWidth(columns: number): number {
  return Math.floor((WIDTH - GRID_LEFT - GRID_RIGHT) / Math.max(columns, 1)) - LABEL_GAP;
}

export function stageScoresChart(report: Report, t: Translate): ChartSpec | null {
  if (report.stages.length === 0) return null;
  const stages = [...report.stages].sort((a, b) => a.order - b.order);
  const established = report.establishedScore;
  const categories = stages.map(
    (stage) => `${stage.isFocus ? '▶ ' : ''}${stripControl(stage.letter)}\n${stripControl(stage.name)}`,
  );
  const barLabels = stages.map((stage) => {
    if (stage.score === null) return t('report.notMeasured');
    return stage.isFocus ? `${stage.score} · ${t('report.focusMark')}` : String(stage.score);
  });
  const data = stages.map((stage) => ({
    // A stage without data is drawn as a label on the baseline, never as a score of 0.
    value: stage.score ?? 0,
    itemStyle: {
      color: statusColour(stage.status),
      borderColor: stage.isFocus ? PALETTE.focus : 'transparent',
      borderWidth: stage.isFocus ? 2 : 0,
    },
    label: {
      color: stage.score === null ? PALETTE.muted : stage.isFocus ? PALETTE.focus : PALETTE.ink,
      fontWeight: stage.isFocus ? ('bold' as const) : ('normal' as const),
      fontStyle: stage.score === null ? ('italic' as const) : ('normal' as const),
    },
  }));
  return {
    id: 'stageScores',
    title: t('html.chart.stageScores'),
    width: WIDTH,
    height: 316,
    option: {
      grid: { left: GRID_LEFT, right: GRID_RIGHT, top: 28, bottom: 72 },
      xAxis: {
        type: 'category',
        data: categories,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: PALETTE.muted } },
        // Every label shows (interval 0), so each wraps inside its own column or the English
        // names run into one another.
        axisLabel: {
          color: PALETTE.ink,
          fontSize: 12,
          lineHeight: 16,
          interval: 0,
          width: labelWidth(stages.length),
          overflow: 'break',
        },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 20,
        splitLine: { lineStyle: { color: PALETTE.rule } },
        axisLabel: { color: PALETTE.muted },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 64,
          data,
          label: {
            show: true,
            position: 'top',
            fontSize: 13,
            formatter: (params: LabelParams) => barLabels[params.dataIndex] ?? '',
          },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: PALETTE.band.strong, type: 'dashed', width: 1.5 },
            label: {
              position: 'end',
              color: PALETTE.band.strong,
              formatter: () => t('html.chart.established', { score: established }),
            },
            data: [{ yAxis: established }],
          },
        },
      ],
    },
  };
}
