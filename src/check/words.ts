// How a check result reads, the same in every output: actual value, what was expected, why not.

import type { Translate } from '../i18n/index.js';
import { stripControl } from '../report/formatters/text.js';
import type { AssertionBounds } from './config.js';
import type { AssertionResult } from './evaluate.js';

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

export function resultDetail(result: AssertionResult, t: Translate): string {
  const expected = expectedText(result.bounds, t);
  const actual = result.actual === null ? '—' : formatAssertionNumber(result.actual);
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
