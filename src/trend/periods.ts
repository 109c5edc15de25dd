// The calendar periods a client folder's data falls into: months, or ISO weeks (Monday to Sunday),
// clipped to the days the data covers. A clipped period is partial, and the trend says so, since a
// half month next to a full one would read as a collapse.

import { formatDate } from '../i18n/format.js';
import { parseDayBounds } from '../ingest/values.js';

export type CalendarUnit = 'month' | 'week';
export const CALENDAR_UNITS: readonly CalendarUnit[] = ['month', 'week'];

export interface CalendarPeriod {
  from: string;
  to: string;
  /** Inclusive bounds in epoch ms, Asia/Shanghai, as the pipeline's period filter takes them. */
  fromMs: number;
  toMs: number;
  partial: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function unitStart(day: Date, unit: CalendarUnit): Date {
  if (unit === 'month') return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const mondayOffset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - mondayOffset * DAY_MS);
}

function unitEnd(start: Date, unit: CalendarUnit): Date {
  if (unit === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return new Date(start.getTime() + 6 * DAY_MS);
}

/** Every month or week from the one holding `from` to the one holding `to`, gaps included. */
export function calendarPeriods(from: string, to: string, unit: CalendarUnit): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  const first = utcDay(from);
  const last = utcDay(to);
  for (let start = unitStart(first, unit); start <= last; start = new Date(unitEnd(start, unit).getTime() + DAY_MS)) {
    const end = unitEnd(start, unit);
    const clippedFrom = start < first ? first : start;
    const clippedTo = end > last ? last : end;
    const fromDay = isoDay(clippedFrom);
    const toDay = isoDay(clippedTo);
    const bounds = { from: parseDayBounds(fromDay)!, to: parseDayBounds(toDay)! };
    periods.push({
      from: formatDate(bounds.from.startMs),
      to: formatDate(bounds.to.startMs),
      fromMs: bounds.from.startMs,
      toMs: bounds.to.endMs,
      partial: clippedFrom > start || clippedTo < end,
    });
  }
  return periods;
}
