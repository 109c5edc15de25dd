// How diff numbers read in the terminal and in Markdown: values in their unit, signed changes,
// percentage points for shares, and "not measured" (never 0) where a side has no value.

import { formatCount, formatPercent } from '../i18n/format.js';
import { formatNumber, type Translate } from '../i18n/index.js';
import { formatYuanValue } from '../report/formatters/values.js';
import type { DiffWarning, MetricDelta, MetricKind } from './compare.js';

export function formatMetricValue(kind: MetricKind, value: number | null, t: Translate): string {
  if (value === null) return t('diff.notMeasured');
  // check's reader refuses such reports; this keeps a computed one (0 ÷ 0) from reading ¥NaN.
  if (!Number.isFinite(value)) return '—';
  switch (kind) {
    case 'money':
      return formatYuanValue(value);
    case 'count':
      return formatCount(value);
    case 'share':
      return formatPercent(value);
    case 'ratio':
      return formatNumber(value, 2);
    case 'score':
      return String(value);
  }
}

function signed(magnitude: string, change: number): string {
  if (change > 0) return `+${magnitude}`;
  if (change < 0) return `-${magnitude}`;
  return magnitude;
}

/** "+¥1,234.00", "-3.5 pp", "+12": the change in the metric's own unit. */
export function formatChange(delta: MetricDelta, t: Translate): string {
  if (delta.change === null || !Number.isFinite(delta.change)) return '—';
  const change = delta.change;
  switch (delta.kind) {
    case 'money':
      return signed(`¥${formatNumber(Math.abs(change), 2)}`, change);
    case 'count':
    case 'score':
      return signed(formatNumber(Math.abs(change), 0), change);
    case 'ratio':
      return signed(formatNumber(Math.abs(change), 2), change);
    case 'share':
      return signed(t('diff.points', { value: formatNumber(Math.abs(delta.changePoints ?? 0), 1) }), change);
  }
}

export function formatRelative(relative: number | null): string {
  if (relative === null || !Number.isFinite(relative)) return '—';
  return signed(formatPercent(Math.abs(relative)), relative);
}

export function arrow(change: number | null): string {
  if (change === null) return ' ';
  if (change > 0) return '▲';
  if (change < 0) return '▼';
  return '=';
}

export function signedScore(change: number | null): string {
  if (change === null) return '—';
  return change > 0 ? `+${change}` : String(change);
}

export function warningText(warning: DiffWarning, t: Translate): string {
  return t(`diff.warning.${warning.kind}`, { old: warning.old, new: warning.new });
}

export function metricLabel(metric: string, t: Translate): string {
  return t(`diff.metric.${metric}`);
}
