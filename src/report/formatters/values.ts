// How report numbers read in every text formatter: the JSON keeps raw numbers, people read these.

import { formatCount, formatPercent, formatRatio } from '../../i18n/format.js';
import { formatNumber, type Translate } from '../../i18n/index.js';
import { STAGE_ITEM_KEYS } from '../../diagnosis/types.js';
import { sessionName } from '../../diagnosis/wording.js';
import type { Report, ReportCheck, ReportSession, ReportStage } from '../types.js';

export function formatYuanValue(yuan: number | null): string {
  if (yuan === null || !Number.isFinite(yuan)) return '—';
  const sign = yuan < 0 ? '-' : '';
  return `${sign}¥${formatNumber(Math.abs(yuan), 2)}`;
}

/**
 * "3 of 5 stages measured", said beside the overall score so that a score over two stages
 * never reads as the whole path. Reports written before schema 1.2.0 have no coverage.
 */
export function coverageText(report: Report, t: Translate): string | null {
  const coverage = (report as Partial<Report>).coverage;
  if (coverage === undefined) return null;
  return t('report.coverage', { measured: String(coverage.measuredStages), stages: String(coverage.stages) });
}

/** A focus the data cannot judge yet says so: the first thing to do there is to measure it. */
export function focusNote(focus: ReportStage | undefined, t: Translate): string {
  return focus?.status === 'not-measured' ? t('report.focusNotMeasured') : '';
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

/**
 * A check left unjudged because the period is shorter than the window its threshold holds over
 * (repeat buyers over 90 days): its row says so, so "?" never reads as missing data.
 */
export function windowNote(check: ReportCheck, t: Translate): string | null {
  const window = (check as Partial<ReportCheck>).window;
  if (!window || check.result !== 'unknown') return null;
  return t('report.check.windowShort', { days: String(window.days), periodDays: String(window.periodDays) });
}

export const CHECK_MARK: Record<string, string> = { pass: '✓', warn: '!', fail: '✗', unknown: '?' };
export const SEVERITY_MARK: Record<string, string> = { info: 'i', warn: '!', error: '✗' };

// The sessions table, the same columns in every text formatter.

const SESSION_COLUMNS = ['date', 'account', 'gmv', 'viewers', 'uvValue', 'roi', 'stageMarks', 'weakest'] as const;

export function sessionColumnHeads(t: Translate): string[] {
  return SESSION_COLUMNS.map((column) => t(`report.col.${column}`));
}

export interface SessionCellStyle {
  /** Escapes text that came from the data (the account name). */
  text: (value: string) => string;
  /** Draws one STAGE result. */
  mark: (result: string) => string;
}

/** A session's row of the sessions table. */
export function sessionCells(session: ReportSession, t: Translate, style: SessionCellStyle): string[] {
  return [
    style.text(sessionName(session)),
    style.text(session.account ?? '—'),
    formatYuanValue(session.metrics.gmv),
    formatCount(session.metrics.viewers),
    formatUnitValue('ratio', session.metrics.uvValue, t),
    formatUnitValue('ratio', session.metrics.roi, t),
    STAGE_ITEM_KEYS.map((key) => style.mark(session.stage[key].result)).join(' '),
    session.weakestFactor ? t(`report.weakest.${session.weakestFactor}`) : '—',
  ];
}

const SHIPPED_PROFILES = new Set(['default', 'apparel', 'beauty', 'food', 'home', 'jewelry']);

/**
 * A shipped profile or a category as brand.json spells it, in the report's language ("home" reads
 * 家居 in a Chinese report); a consultant's own profile file or category keeps its own name.
 */
export function profileLabel(name: string, t: Translate): string {
  return SHIPPED_PROFILES.has(name) ? t(`report.profileName.${name}`) : name;
}

export function categoryLabel(category: string, t: Translate): string {
  const key = category.trim().toLowerCase();
  return SHIPPED_PROFILES.has(key) && key !== 'default' ? t(`report.profileName.${key}`) : category;
}
