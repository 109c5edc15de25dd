// How trend numbers and notes read, the same in every output.

import { formatCount, formatPercent, formatYuanShort } from '../i18n/format.js';
import { formatNumber, type Translate } from '../i18n/index.js';
import type { TrendMetric, TrendPeriod, TrendWarning } from './build.js';

export function trendWarningText(warning: TrendWarning, t: Translate): string {
  switch (warning.kind) {
    case 'brands':
      return t('trend.warning.brands', { brands: warning.brands });
    case 'profiles':
      return t('trend.warning.profiles', { profiles: warning.profiles });
    case 'overlap':
      return t('trend.warning.overlap', { first: warning.first, second: warning.second });
    case 'undated':
      return t('trend.warning.undated', { file: warning.source });
  }
}

/** Compact enough for a column per metric: ¥14.1万 in both languages, as the batch table writes money. */
export function trendMetricValue(metric: TrendMetric, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (metric) {
    case 'gmv':
    case 'liveGmv':
      return formatYuanShort(Math.round(value * 100));
    case 'aov':
      return `¥${formatNumber(value, 2)}`;
    case 'conversion':
      return formatPercent(value, 2);
    case 'repeatBuyerRate':
      return formatPercent(value, 1);
    case 'roi':
      return formatNumber(value, 2);
    case 'viewers':
    case 'buyers':
    case 'creators':
      return formatCount(value);
  }
}

export function periodName(period: TrendPeriod, t: Translate): string {
  return period.partial ? t('trend.partial', { label: period.label }) : period.label;
}

export function signedPoints(change: number | null): string {
  if (change === null) return '—';
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return '±0';
}
