// The skeleton every stage shares: measure the declared checks, decide whether the stage has
// begun, collect its findings and choose its steps. Stage rules only declare (types.ts,
// StageRule); nothing here knows one stage from another.
//
// Step choice keeps the first build's order: a step's priority is what closing it is worth, the
// weight times the missing part of each check it answers (programme steps declare a fixed one);
// ties keep the declaration order.

import { isShort, measure, thresholdValue } from './checks.js';
import { sizedGoal } from './plan/sizing.js';
import type {
  AnyStageRule,
  Check,
  ChosenStep,
  PeerFigures,
  RuleInput,
  StageAssessment,
  StageContext,
  StepDeclaration,
  StepInput,
} from './types.js';

export function assessStageRule<E>(rule: AnyStageRule, context: StageContext): StageAssessment {
  const input: RuleInput<E> = { ...context, evidence: rule.evidence(context) as E };
  const checks = rule.checks.map((declaration) => {
    const value = declaration.value(input);
    const check = withinWindow(
      measure(context.profile, {
        id: declaration.id,
        value: asShown(declaration.unit, value),
        threshold: declaration.threshold,
        comparison: declaration.comparison,
        weight: declaration.weight,
        label: declaration.label?.(input) ?? `${rule.namespace}.check.${declaration.id}`,
        unit: declaration.unit,
      }),
      declaration.window,
      context,
    );
    // Graded at the precision shown; the report keeps the measured value.
    return check.value === null ? check : { ...check, value };
  });
  const started = rule.isStarted(input);
  const stepInput = withChecks(input, checks);
  return {
    checks,
    findings: rule.findings(input, started),
    nextSteps: chooseSteps(rule, stepInput, started),
    evidence: rule.summary(input, started),
    started,
  };
}

/**
 * The value at the precision the report shows it (percent() to 0.1%, ratio() to 0.1): a follow
 * rate of 1.98% reads "2%", so it must not be a miss against 2%.
 */
function asShown(unit: Check['unit'], value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  if (unit === 'fraction') return Math.round(value * 1000) / 1000;
  if (unit === 'ratio') return Math.round(value * 10) / 10;
  return value;
}

/** A miss over a period shorter than the threshold's window is flagged, not failed (PLAN.md §1). */
function withinWindow(check: Check, windowKey: string | undefined, context: StageContext): Check {
  if (windowKey === undefined || !isShort(check)) return check;
  const days = thresholdValue(context.profile, windowKey);
  const periodDays = context.metrics.period.days;
  if (periodDays === null || periodDays >= days) return check;
  return { ...check, result: 'unknown', credit: 0, window: { days, periodDays } };
}

function withChecks<E>(input: RuleInput<E>, checks: readonly Check[]): StepInput<E> {
  const check = (id: string): Check => {
    const found = checks.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no check "${id}"`);
    return found;
  };
  return {
    ...input,
    checks,
    check,
    sizeGoal: (id, current, milestone) => sizedGoal(check(id), current, milestone, peerFor(input, id)),
  };
}

function peerFor(input: StageContext, checkId: string): PeerFigures | null {
  const metrics = input.peers?.metrics;
  return metrics && Object.hasOwn(metrics, checkId) ? metrics[checkId]! : null;
}

export function gapPriority(check: Check): number {
  return check.weight * (1 - check.credit);
}

function offered<E>(step: StepDeclaration<E>, started: boolean): boolean {
  const phase = step.phase ?? 'started';
  if (phase === 'always') return true;
  return phase === 'started' ? started : !started;
}

function applies<E>(step: StepDeclaration<E>, input: StepInput<E>): boolean {
  if (step.applies) return step.applies(input);
  if (step.answers.length === 0) return true;
  return step.answers.some((id) => isShort(input.check(id)));
}

function priorityOf<E>(step: StepDeclaration<E>, input: StepInput<E>): number {
  if (step.priority !== undefined) return step.priority;
  return step.answers.reduce((sum, id) => sum + gapPriority(input.check(id)), 0);
}

function targetOf<E>(step: StepDeclaration<E>, input: StepInput<E>): ChosenStep['target'] {
  if (!step.target) return null;
  const current = step.target.current(input);
  if (current === null || !Number.isFinite(current)) return null;
  const goal = step.target.goal(input, current);
  if (goal === null || !Number.isFinite(goal)) return null;
  return { metric: step.target.metric, unit: step.target.unit, current, goal };
}

export function chooseSteps<E>(rule: AnyStageRule, input: StepInput<E>, started: boolean): ChosenStep[] {
  const chosen: { step: ChosenStep; index: number }[] = [];
  (rule.steps as readonly StepDeclaration<E>[]).forEach((step, index) => {
    if (!offered(step, started) || !applies(step, input)) return;
    const params = step.params(input);
    if (params === null) return;
    chosen.push({
      index,
      step: {
        id: step.id,
        message: { key: step.message ?? `${rule.namespace}.next.${step.id}`, params },
        answers: step.answers,
        ...(step.cause === undefined ? {} : { cause: step.cause }),
        kind: step.kind,
        horizon: step.horizon,
        priority: priorityOf(step, input),
        target: targetOf(step, input),
        impact: step.impact?.(input) ?? null,
        sizing: step.sizing?.(input) ?? null,
      },
    });
  });
  return chosen.sort((a, b) => b.step.priority - a.step.priority || a.index - b.index).map((entry) => entry.step);
}

/** Catalog from strings written side by side (types.ts, BilingualStrings). */
export function bilingual(strings: Record<string, { en: string; zh: string }>): {
  en: Record<string, string>;
  zh: Record<string, string>;
} {
  const catalog = { en: {} as Record<string, string>, zh: {} as Record<string, string> };
  for (const [key, text] of Object.entries(strings)) {
    catalog.en[key] = text.en;
    catalog.zh[key] = text.zh;
  }
  return catalog;
}
