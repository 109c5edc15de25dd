// The portfolio view: where each client of a batch stands among its peers, on the overall score
// and on the defining metric of its focus stage (the one number that says whether it moved).

import { stageRules } from '../diagnosis/engine.js';
import type { StageKey } from '../diagnosis/types.js';
import { peerOf, selectGroup } from './select.js';
import type { BenchmarkFile, BenchmarkSample, GroupLevel } from './types.js';
import { OVERALL_SCORE_METRIC } from './sample.js';

export interface PortfolioPlace {
  /** The peer group's level the client was compared within. */
  level: GroupLevel;
  overallPercentile: number | null;
  /** The focus stage's defining check id (creatorGmv, roi, …), null without a focus stage. */
  focusMetric: string | null;
  focusMetricPercentile: number | null;
}

function definingCheck(stage: StageKey | null): string | null {
  if (stage === null) return null;
  return stageRules.find((rule) => rule.key === stage)?.definingCheck ?? null;
}

export function portfolioPlace(
  sample: BenchmarkSample,
  focusStage: StageKey | null,
  file: BenchmarkFile,
): PortfolioPlace | null {
  const group = selectGroup(file, { category: sample.category, band: sample.band });
  if (!group) return null;
  const percentile = (metric: string | null): number | null => {
    if (metric === null) return null;
    const entry = sample.values[metric];
    return entry ? (peerOf(group, metric, entry.value)?.percentile ?? null) : null;
  };
  const focusMetric = definingCheck(focusStage);
  return {
    level: group.level,
    overallPercentile: percentile(OVERALL_SCORE_METRIC),
    focusMetric,
    focusMetricPercentile: percentile(focusMetric),
  };
}
