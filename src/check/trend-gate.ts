// `trend:overall` and `trend:stage:KEY` on a trend file (trend --format json:FILE): did the latest
// period move the score at least minChange since the one before? A gate on progress, for the
// monthly CI run that writes the trend.

import type { Assertion } from './config.js';
import { boundsProblem, type AssertionResult } from './evaluate.js';

/** The part of a trend JSON the gate reads; the schema has vouched for it. */
export interface TrendForGate {
  kind: 'trend';
  brand: string;
  steps: { overallChange: number | null; stageChanges: Record<string, number | null> }[];
}

export function isTrendJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'trend';
}

function latestChange(trend: TrendForGate, assertion: Assertion): number | null {
  const last = trend.steps[trend.steps.length - 1];
  if (last === undefined || assertion.target.kind !== 'trend') return null;
  const stage = assertion.target.stage;
  return stage === null ? last.overallChange : (last.stageChanges[stage] ?? null);
}

export function evaluateTrend(trend: TrendForGate, assertions: Assertion[]): AssertionResult[] {
  return assertions.map((assertion) => {
    const base = { assertion: assertion.key, level: assertion.level, bounds: assertion.bounds };
    const change = latestChange(trend, assertion);
    if (change === null) return { ...base, passed: false, actual: null, problem: 'notMeasured' as const };
    const problem = boundsProblem(change, assertion.bounds);
    return { ...base, passed: problem === null, actual: change, problem };
  });
}
