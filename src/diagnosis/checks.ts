// How a measured value meets a profile target, and how checks add up to a stage score.
// Partial credit is the share of the target reached, capped at 1, so a stage that is close
// scores close: creator GMV at 41% of its target earns 0.41 of that check's weight.

import type { Check, CheckResult, Profile, Threshold } from './types.js';

export function threshold(profile: Profile, key: string): Threshold {
  const found = profile.thresholds[key];
  // loadProfile checks every key against the default profile, so this is a programming error.
  if (!found) throw new Error(`profile "${profile.name}" has no threshold "${key}"`);
  return found;
}

export function thresholdValue(profile: Profile, key: string): number {
  return threshold(profile, key).value;
}

export interface CheckSpec {
  id: string;
  value: number | null;
  /** Profile key of the target. */
  threshold: string;
  comparison: Check['comparison'];
  weight: number;
  /** Catalog key of the check's label. */
  label: string;
  unit: Check['unit'];
}

export function measure(profile: Profile, spec: CheckSpec): Check {
  const target = threshold(profile, spec.threshold);
  const check: Check = {
    id: spec.id,
    value: spec.value,
    target: target.value,
    threshold: spec.threshold,
    comparison: spec.comparison,
    result: 'unknown',
    credit: 0,
    weight: spec.weight,
    label: { key: spec.label },
    unit: spec.unit,
  };
  if (spec.comparison === 'between') check.targetMax = requireMax(target, spec.threshold);
  if (spec.value === null || !Number.isFinite(spec.value)) {
    check.value = null;
    return check;
  }
  const graded = grade(profile, spec.value, spec.comparison, check.target, check.targetMax);
  check.credit = graded.credit;
  check.result = graded.result;
  return check;
}

/**
 * How far a known value meets a target, and the result that follows at the profile's warning
 * level. Stage checks and STAGE item signals share it, so "warn" means the same in both.
 */
export function grade(
  profile: Profile,
  value: number,
  comparison: Check['comparison'],
  target: number,
  targetMax?: number,
): { credit: number; result: Exclude<CheckResult, 'unknown'> } {
  const credit = creditFor(value, comparison, target, targetMax ?? target);
  return { credit, result: resultFor(credit, thresholdValue(profile, 'level.warnCredit')) };
}

function requireMax(target: Threshold, key: string): number {
  if (target.max === undefined) throw new Error(`threshold "${key}" is used as a band but has no max`);
  return target.max;
}

function creditFor(value: number, comparison: Check['comparison'], target: number, max: number): number {
  if (comparison === 'atLeast') return reachedShare(value, target);
  if (comparison === 'atMost') return keptUnderShare(value, target);
  if (value < target) return reachedShare(value, target);
  return keptUnderShare(value, max);
}

function reachedShare(value: number, target: number): number {
  if (target <= 0) return 1;
  return clamp01(value / target);
}

function keptUnderShare(value: number, limit: number): number {
  if (value <= limit) return 1;
  if (limit <= 0) return 0;
  return clamp01(limit / value);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function resultFor(credit: number, warnCredit: number): Exclude<CheckResult, 'unknown'> {
  if (credit >= 1) return 'pass';
  if (credit >= warnCredit) return 'warn';
  return 'fail';
}

/** round(100 × Σ weight·credit ÷ Σ weight) over the known checks; null when none is known. */
export function scoreChecks(checks: readonly Check[]): number | null {
  const known = checks.filter((check) => check.result !== 'unknown');
  const totalWeight = known.reduce((sum, check) => sum + check.weight, 0);
  if (known.length === 0 || totalWeight === 0) return null;
  const earned = known.reduce((sum, check) => sum + check.weight * check.credit, 0);
  return Math.round((100 * earned) / totalWeight);
}

export function isShort(check: Check): boolean {
  return check.result === 'warn' || check.result === 'fail';
}

export function isPresent<T>(value: T | null): value is T {
  return value !== null;
}
