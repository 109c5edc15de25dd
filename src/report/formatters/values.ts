// How report numbers read in every text formatter: the JSON keeps raw numbers, people read these.

import { formatCount, formatPercent, formatRatio } from '../../i18n/format.js';
import { formatNumber, type Translate } from '../../i18n/index.js';
import type { ReportCheck } from '../types.js';

export function formatYuanValue(yuan: number | null): string {
  if (yuan === null) return '—';
  const sign = yuan < 0 ? '-' : '';
  return `${sign}¥${formatNumber(Math.abs(yuan), 2)}`;
}

export function formatUnitValue(unit: string, value: number | null, t: Translate): string {
  if (value === null) return '—';
  switch (unit) {
    case 'yuan':
      return formatYuanValue(value);
    case 'fraction':
      return formatPercent(value);
    case 'count':
      return formatCount(value);
    case 'seconds':
      return t('report.unit.seconds', { value: formatNumber(value, 0) });
    case 'minutes':
      return t('report.unit.minutes', { value: formatNumber(value, 0) });
    case 'perWeek':
      return t('report.unit.perWeek', { value: formatNumber(value, 1) });
    default:
      return formatRatio(value);
  }
}

export function formatTarget(check: ReportCheck, t: Translate): string {
  const target = formatUnitValue(check.unit, check.target, t);
  const targetMax = formatUnitValue(check.unit, check.targetMax, t);
  return t(`report.comparison.${check.comparison}`, { target, targetMax });
}

export const CHECK_MARK: Record<string, string> = { pass: '✓', warn: '!', fail: '✗', unknown: '?' };
export const SEVERITY_MARK: Record<string, string> = { info: 'i', warn: '!', error: '✗' };
