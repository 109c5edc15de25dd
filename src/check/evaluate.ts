// Applying assertions to one report. Pure: a report and assertions in, plain results out; the
// formatters put them into words.

import type { Report } from '../report/types.js';
import type { Assertion, AssertionBounds } from './config.js';

/** Why an assertion failed, so every output can say it the same way. */
export type AssertionProblem =
  | 'belowMin'
  | 'aboveMax'
  /** overall score or metric is null: not measured. */
  | 'notMeasured'
  /** the stage has no score. */
  | 'stageNotMeasured'
  /** the metric path leads nowhere in this report. */
  | 'missing'
  /** the metric path leads to something that is not a number (an object, a string). */
  | 'notNumber';

export interface AssertionResult {
  assertion: string;
  level: 'warn' | 'error';
  passed: boolean;
  actual: number | null;
  bounds: AssertionBounds;
  problem: AssertionProblem | null;
}

type Measured = { found: true; value: number | null } | { found: false; problem: 'missing' | 'notNumber' };

function metricAt(metrics: object, path: string[]): Measured {
  let current: unknown = metrics;
  for (const segment of path) {
    // A family measured as a whole (exclusive: null) leaves every field under it unmeasured.
    if (current === null) return { found: true, value: null };
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, segment)) {
      return { found: false, problem: 'missing' };
    }
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === null) return { found: true, value: null };
  if (typeof current !== 'number') return { found: false, problem: 'notNumber' };
  return { found: true, value: current };
}

function measure(report: Report, assertion: Assertion): Measured {
  const target = assertion.target;
  switch (target.kind) {
    case 'overall':
      return { found: true, value: report.overallScore };
    case 'stage': {
      const stage = report.stages.find((candidate) => candidate.key === target.stage);
      return { found: true, value: stage?.score ?? null };
    }
    case 'metric':
      return metricAt(report.metrics, target.path);
    case 'inputs':
      return { found: true, value: report.inputs.reduce((sum, input) => sum + input.skippedRows, 0) };
    case 'coverage': {
      // Reports written before schema 1.2.0 have no coverage to assert on.
      const coverage = (report as Partial<Report>).coverage;
      return coverage === undefined
        ? { found: false, problem: 'missing' }
        : { found: true, value: coverage.measuredStages };
    }
    case 'trend':
      // Only trend files carry a change; result.ts never hands a trend assertion a report.
      return { found: false, problem: 'missing' };
  }
}

export function boundsProblem(value: number, bounds: AssertionBounds): AssertionProblem | null {
  if (bounds.minScore !== undefined && value < bounds.minScore) return 'belowMin';
  if (bounds.min !== undefined && value < bounds.min) return 'belowMin';
  if (bounds.max !== undefined && value > bounds.max) return 'aboveMax';
  if (bounds.minChange !== undefined && value < bounds.minChange) return 'belowMin';
  return null;
}

export function evaluateAssertion(report: Report, assertion: Assertion): AssertionResult {
  const base = { assertion: assertion.key, level: assertion.level, bounds: assertion.bounds };
  const measured = measure(report, assertion);
  if (!measured.found) return { ...base, passed: false, actual: null, problem: measured.problem };
  if (measured.value === null) {
    const problem = assertion.target.kind === 'stage' ? 'stageNotMeasured' : 'notMeasured';
    return { ...base, passed: false, actual: null, problem };
  }
  const problem = boundsProblem(measured.value, assertion.bounds);
  return { ...base, passed: problem === null, actual: measured.value, problem };
}

export function evaluateReport(report: Report, assertions: Assertion[]): AssertionResult[] {
  return assertions.map((assertion) => evaluateAssertion(report, assertion));
}
