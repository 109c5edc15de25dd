// The period the metrics cover, as calendar days in Asia/Shanghai.

import type { BrandConfig } from '../ingest/types.js';
import { formatDate, SHANGHAI_OFFSET_MS } from '../i18n/format.js';
import type { Metrics } from './types.js';

/** Inclusive bounds in epoch ms, as the CLI's --period gives them. */
export interface PeriodWindow {
  fromMs: number;
  toMs: number;
}

const DAY_MS = 24 * 3600 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function shanghaiMidnight(date: string): number | null {
  const match = DATE.exec(date.trim());
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - SHANGHAI_OFFSET_MS;
}

/** brand.json's period, read the way --period is: both days inclusive. */
export function windowFromBrand(period: BrandConfig['period']): PeriodWindow | null {
  if (period === null) return null;
  const from = shanghaiMidnight(period.from);
  const to = shanghaiMidnight(period.to);
  if (from === null || to === null || to < from) return null;
  return { fromMs: from, toMs: to + DAY_MS - 1 };
}

export function isInWindow(window: PeriodWindow | null, at: number): boolean {
  return window === null || (at >= window.fromMs && at <= window.toMs);
}

/** Days from the first to the last date, both counted. */
function daysSpanned(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export function periodOf(window: PeriodWindow | null, firstPaidAt: number, lastPaidAt: number): Metrics['period'] {
  if (window !== null) {
    const from = formatDate(window.fromMs);
    const to = formatDate(window.toMs);
    return { from, to, days: daysSpanned(from, to) };
  }
  if (!Number.isFinite(firstPaidAt)) return { from: null, to: null, days: null };
  const from = formatDate(firstPaidAt);
  const to = formatDate(lastPaidAt);
  return { from, to, days: daysSpanned(from, to) };
}

/**
 * The days sessions per week is measured over: the period asked for; otherwise every day
 * the data covers, orders and sessions together. Orders alone could end before the traffic
 * export does (or start after it), and session dates alone shrink the window to the first
 * and last broadcast, which overstates the cadence of a brand that rarely goes live.
 */
export function coveredDays(
  window: PeriodWindow | null,
  period: Metrics['period'],
  sessionStarts: readonly (number | null)[],
): number | null {
  if (window !== null) return period.days;
  const dates: string[] = [];
  if (period.from !== null && period.to !== null) dates.push(period.from, period.to);
  for (const start of sessionStarts) {
    if (start !== null) dates.push(formatDate(start));
  }
  if (dates.length === 0) return null;
  dates.sort();
  return daysSpanned(dates[0]!, dates[dates.length - 1]!);
}
