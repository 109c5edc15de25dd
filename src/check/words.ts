// How a check result reads, the same in every output: actual value, what was expected, why not.

import type { Translate } from '../i18n/index.js';
import { stripControl } from '../report/formatters/text.js';
import type { AssertionBounds } from './config.js';
import { boundsProblem, type AssertionResult } from './evaluate.js';

/** Up to four decimals: a share of 0.6852 must not read as 0.69 next to a bound of 0.685. */
export function formatAssertionNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function expectedText(bounds: AssertionBounds, t: Translate): string {
  const parts: string[] = [];
  if (bounds.minScore !== undefined) parts.push(`≥ ${formatAssertionNumber(bounds.minScore)}`);
  if (bounds.min !== undefined) parts.push(`≥ ${formatAssertionNumber(bounds.min)}`);
  if (bounds.max !== undefined) parts.push(`≤ ${formatAssertionNumber(bounds.max)}`);
  if (bounds.minChange !== undefined)
    parts.push(t('check.expected.minChange', { value: formatAssertionNumber(bounds.minChange) }));
  if (parts.length === 0) return t('check.expected.measured');
  return parts.join(t('check.expected.and'));
}

/** ", expected ≥ 60" after "not measured"; nothing when being measured was all that was expected. */
function expectedSuffix(bounds: AssertionBounds, t: Translate): string {
  const hasBounds =
    bounds.minScore !== undefined ||
    bounds.min !== undefined ||
    bounds.max !== undefined ||
    bounds.minChange !== undefined;
  return hasBounds ? t('check.detail.expectedSuffix', { expected: expectedText(bounds, t) }) : '';
}

function metricPath(assertion: string): string {
  return assertion.slice(assertion.indexOf(':') + 1);
}

function decimalsOf(value: number): number {
  const text = formatAssertionNumber(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

function boundValues(bounds: AssertionBounds): number[] {
  return [bounds.minScore, bounds.min, bounds.max, bounds.minChange].filter(
    (bound): bound is number => bound !== undefined,
  );
}

/** Shares and rates are shown as percentages with one decimal (68.5%): three decimals of the fraction. */
function reportDecimals(assertion: string): number {
  return /(share|rate)$/i.test(assertion) ? 3 : 2;
}

/**
 * A measured value at the precision the report shows it (ROI 2.6049 reads 2.60, a share 0.6852
 * reads 0.685, as 68.5% does), or finer when its bound is written finer (0.6852 against
 * ≤ 0.6851 reads 0.6852): a failing value never looks equal to its bound.
 */
export function formatActual(value: number, bounds: AssertionBounds, assertion: string): string {
  if (Number.isInteger(value)) return formatAssertionNumber(value);
  const bounded = boundValues(bounds);
  let decimals = Math.max(reportDecimals(assertion), ...bounded.map(decimalsOf));
  const shown = (places: number) => Number(value.toFixed(places));
  while (decimals < 4 && boundsProblem(shown(decimals), bounds) !== boundsProblem(value, bounds)) decimals++;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: Math.min(decimals, 2),
    maximumFractionDigits: decimals,
  });
}

export function resultDetail(result: AssertionResult, t: Translate): string {
  const expected = expectedText(result.bounds, t);
  const actual = result.actual === null ? '—' : formatActual(result.actual, result.bounds, result.assertion);
  switch (result.problem) {
    case null:
      return t('check.detail.pass', { actual, expected });
    case 'belowMin':
    case 'aboveMax':
      return t('check.detail.outOfBounds', { actual, expected });
    case 'notMeasured':
      return t('check.detail.notMeasured', { expected: expectedSuffix(result.bounds, t) });
    case 'stageNotMeasured':
      return t('check.detail.stageNotMeasured', {
        stage: metricPath(result.assertion),
        expected: expectedSuffix(result.bounds, t),
      });
    case 'missing':
      return t('check.detail.missing', { path: metricPath(result.assertion) });
    case 'notNumber':
      return t('check.detail.notNumber', { path: metricPath(result.assertion) });
  }
}

export function levelText(level: 'warn' | 'error', t: Translate): string {
  return t(`check.level.${level}`);
}

/** File names and brand names come from the outside world: no escape sequences reach a terminal. */
export function clean(text: string): string {
  return stripControl(text);
}
