// Number labels short enough for a chart.

import type { Lang } from '../../i18n/index.js';
import { formatNumber } from '../../i18n/index.js';

function oneDecimal(value: number): string {
  return formatNumber(value, 1).replace(/\.0$/, '');
}

/**
 * 412,000 → 41.2万 in Chinese, 412K in English. Chart labels and ticks must stay narrow, and
 * each language groups big numbers its own way (万 and 亿 against thousands and millions).
 */
export function shortCount(value: number, lang: Lang): string {
  const magnitude = Math.abs(value);
  if (lang === 'zh') {
    if (magnitude >= 100_000_000) return `${oneDecimal(value / 100_000_000)}亿`;
    if (magnitude >= 10_000) return `${oneDecimal(value / 10_000)}万`;
    return formatNumber(Math.round(value), 0);
  }
  if (magnitude >= 1_000_000) return `${oneDecimal(value / 1_000_000)}M`;
  if (magnitude >= 1_000) return `${oneDecimal(value / 1_000)}K`;
  return formatNumber(Math.round(value), 0);
}

export function shortYuan(yuan: number, lang: Lang): string {
  const sign = yuan < 0 ? '-' : '';
  return `${sign}¥${shortCount(Math.abs(yuan), lang)}`;
}
