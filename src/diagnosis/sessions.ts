// Every live session gets its STAGE verdicts, a score over what is known, and a comparison with
// the brand's own median session.
//
// The comparison follows the identity GMV = viewers × conversion × AOV (METHOD.md). Each factor
// of a session is divided by the same factor of the brand's median session; the factor with the
// lowest ratio is the one the session lost GMV on. Example: median 10,000 viewers, 2% conversion,
// ¥150 AOV; a session with 12,000 viewers, 1.2% and ¥160 has ratios 1.2, 0.6 and 1.07, so it lost
// GMV on conversion, not traffic.
//
// Decisions where METHOD.md is silent:
// - Each median is taken over the sessions where that factor is measured (an even count takes
//   the mean of the middle two), so one session without buyers does not remove the others' AOV.
// - A session's weakest factor needs all three of its factors and all three medians (a median of
//   0 cannot be divided by): naming one factor while another is unknown would mislead.
// - The lowest ratio is named even when it is at or above 1: the best sessions still have a
//   factor with the most room. Ties go to the earlier factor in the identity.
// - Score: pass 1, warn ½, fail 0 over the known items, × 100, rounded; null when none is known.

import type { SessionMetrics } from '../metrics/types.js';
import { stageItemRules } from './stage-items/index.js';
import type {
  ChecklistAnswers,
  FactorRatios,
  Profile,
  SessionMedian,
  SessionOutcome,
  StageItemKey,
  StageItemVerdict,
  WeakestFactor,
} from './types.js';

const ITEM_CREDIT = { pass: 1, warn: 0.5, fail: 0 } as const;

/** Identity order: traffic × conversion × AOV. */
export const FACTORS: readonly WeakestFactor[] = ['traffic', 'conversion', 'aov'];

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function measured(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null && Number.isFinite(value));
}

export function medianSession(sessions: readonly SessionMetrics[]): SessionMedian | null {
  if (sessions.length === 0) return null;
  return {
    viewers: median(measured(sessions.map((session) => session.viewers))),
    conversion: median(measured(sessions.map((session) => session.conversion))),
    aovFen: median(measured(sessions.map((session) => session.aovFen))),
  };
}

function factorValue(session: SessionMetrics, factor: WeakestFactor): number | null {
  if (factor === 'traffic') return session.viewers;
  if (factor === 'conversion') return session.conversion;
  return session.aovFen;
}

function medianValue(medianSession: SessionMedian, factor: WeakestFactor): number | null {
  if (factor === 'traffic') return medianSession.viewers;
  if (factor === 'conversion') return medianSession.conversion;
  return medianSession.aovFen;
}

/** Each factor of the session ÷ the median session's; null when any of the six is missing or a median is 0. */
export function factorRatios(session: SessionMetrics, medianSession: SessionMedian | null): FactorRatios | null {
  if (medianSession === null) return null;
  const ratios = {} as FactorRatios;
  for (const factor of FACTORS) {
    const value = factorValue(session, factor);
    const typical = medianValue(medianSession, factor);
    if (value === null || typical === null || typical <= 0) return null;
    ratios[factor] = value / typical;
  }
  return ratios;
}

export function weakestFactor(ratios: FactorRatios | null): WeakestFactor | null {
  if (ratios === null) return null;
  let weakest: WeakestFactor = FACTORS[0]!;
  for (const factor of FACTORS) {
    if (ratios[factor] < ratios[weakest]) weakest = factor;
  }
  return weakest;
}

export function sessionScore(items: Record<StageItemKey, StageItemVerdict>): number | null {
  const known = Object.values(items).filter((verdict) => verdict.result !== 'unknown');
  if (known.length === 0) return null;
  const earned = known.reduce((sum, verdict) => sum + ITEM_CREDIT[verdict.result as keyof typeof ITEM_CREDIT], 0);
  return Math.round((100 * earned) / known.length);
}

function assessItems(
  session: SessionMetrics,
  answers: ChecklistAnswers,
  profile: Profile,
): Record<StageItemKey, StageItemVerdict> {
  const sessionAnswers = Object.hasOwn(answers, session.liveId) ? answers[session.liveId] : undefined;
  const items = {} as Record<StageItemKey, StageItemVerdict>;
  for (const rule of stageItemRules) {
    items[rule.key] = rule.assess(session, sessionAnswers?.[rule.key] ?? null, profile);
  }
  return items;
}

export interface SessionsDiagnosis {
  sessions: SessionOutcome[];
  median: SessionMedian | null;
}

export function diagnoseSessions(
  sessionList: readonly SessionMetrics[],
  answers: ChecklistAnswers,
  profile: Profile,
): SessionsDiagnosis {
  const typical = medianSession(sessionList);
  const sessions = sessionList.map((metrics) => {
    const items = assessItems(metrics, answers, profile);
    const factors = factorRatios(metrics, typical);
    return { metrics, items, score: sessionScore(items), factors, weakestFactor: weakestFactor(factors) };
  });
  return { sessions, median: typical };
}
