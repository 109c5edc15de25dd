// How much of the STEPS path the data lets us judge, and which stage to work on next.
//
// PLAN.md section 2: a brand whose measured stages are all established is not "done" while a
// stage is unmeasured. The diagnosis cannot tell whether that stage is fine or missing, so the
// honest next move is to measure it: it becomes the focus, and its rule's `missingExport` is the
// data request that measures it. "No focus" is left for a brand with all five stages measured
// and established.

import type { StageKey, StageOutcome, StageStatus } from './types.js';

export interface StageCoverage {
  /** Stages with a score (not-started stages count: their score, 0, is measured). */
  measuredStages: number;
  /** Always the five STEPS stages. */
  stages: number;
  /** The unmeasured stages in adoption order; the first is the focus when every measured stage is established. */
  notMeasured: StageKey[];
}

/**
 * Why the focus stage is the focus: `weak`, the first measured stage below established;
 * `notMeasured`, every measured stage is established and this is the first one the data
 * cannot judge (the plan's first priority is then the export that measures it).
 */
export type FocusReason = 'weak' | 'notMeasured';

export interface FocusChoice {
  stage: StageOutcome | null;
  reason: FocusReason | null;
}

export function isEstablished(status: StageStatus): boolean {
  return status === 'established' || status === 'strong';
}

export function stageCoverage(stages: readonly StageOutcome[]): StageCoverage {
  const notMeasured = stages.filter((stage) => stage.status === 'not-measured');
  return {
    measuredStages: stages.length - notMeasured.length,
    stages: stages.length,
    notMeasured: byOrder(notMeasured).map((stage) => stage.key),
  };
}

export function chooseFocus(stages: readonly StageOutcome[]): FocusChoice {
  const ordered = byOrder(stages);
  const weak = ordered.find((stage) => stage.status !== 'not-measured' && !isEstablished(stage.status));
  if (weak) return { stage: weak, reason: 'weak' };
  const unmeasured = ordered.find((stage) => stage.status === 'not-measured');
  if (unmeasured) return { stage: unmeasured, reason: 'notMeasured' };
  return { stage: null, reason: null };
}

function byOrder(stages: readonly StageOutcome[]): StageOutcome[] {
  return [...stages].sort((a, b) => a.order - b.order);
}
