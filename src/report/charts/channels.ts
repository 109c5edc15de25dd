// Where GMV comes from: by seller (the brand itself or creators) and by carrier (live, short
// video, item card, other), as horizontal bars labelled with amount and share.

import { formatPercent } from '../../i18n/format.js';
import type { Lang, Translate } from '../../i18n/index.js';
import type { ReportGmvShare } from '../metrics.js';
import type { Report } from '../types.js';
import { PALETTE } from './theme.js';
import type { ChartId, ChartSpec } from './types.js';
import { shortYuan } from './values.js';

interface ChannelBar {
  name: string;
  gmv: number;
  share: number | null;
}

interface LabelParams {
  dataIndex: number;
}

const SELLERS = ['self', 'creator'] as const;
const CARRIERS = ['live', 'shortVideo', 'itemCard', 'other'] as const;

function channelBars<K extends string>(
  group: Record<K, ReportGmvShare>,
  keys: readonly K[],
  labelKey: string,
  t: Translate,
): ChannelBar[] {
  return keys.map((key) => ({ name: t(`${labelKey}.${key}`), gmv: group[key].gmv, share: group[key].share }));
}

function barChart(id: ChartId, title: string, bars: ChannelBar[], lang: Lang): ChartSpec | null {
  // Nothing sold means nothing to split: an empty chart would only look like a rendering fault.
  if (bars.length === 0 || bars.every((bar) => bar.gmv <= 0)) return null;
  const labels = bars.map((bar) => `${shortYuan(bar.gmv, lang)} · ${formatPercent(bar.share)}`);
  // Each bar and its track together span all GMV, so a bar's length reads as its share.
  const total = bars.reduce((sum, bar) => sum + Math.max(bar.gmv, 0), 0);
  return {
    id,
    title,
    width: 420,
    height: 24 + bars.length * 40,
    option: {
      grid: { left: 96, right: 112, top: 8, bottom: 8 },
      xAxis: { type: 'value', show: false, min: 0, max: total },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.name),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: PALETTE.ink, fontSize: 13 },
      },
      series: [
        {
          type: 'bar',
          stack: 'all',
          barWidth: 20,
          data: bars.map((bar, index) => ({
            value: Math.max(bar.gmv, 0),
            itemStyle: { color: PALETTE.series[index % PALETTE.series.length] },
          })),
        },
        {
          // The rest of all GMV, drawn as a pale track: the label sits after it, where every label lines up.
          type: 'bar',
          stack: 'all',
          barWidth: 20,
          data: bars.map((bar) => total - Math.max(bar.gmv, 0)),
          itemStyle: { color: PALETTE.track },
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

export function sellerChart(report: Report, t: Translate): ChartSpec | null {
  const bars = channelBars(report.metrics.seller, SELLERS, 'html.seller', t);
  return barChart('sellerGmv', t('html.chart.seller'), bars, report.lang);
}

export function carrierChart(report: Report, t: Translate): ChartSpec | null {
  const bars = channelBars(report.metrics.carrier, CARRIERS, 'html.carrier', t);
  return barChart('carrierGmv', t('html.chart.carrier'), bars, report.lang);
}
