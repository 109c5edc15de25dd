// The STEPS stages in adoption order (METHOD.md: E → T → S → P → S). This list is the one place
// the order lives: stage keys, letters and 1-based order are all read from it.

import type { AnyStageRule, StageKey } from '../types.js';
import { eliteDistribution } from './elite-distribution.js';
import { privateDomain } from './private-domain.js';
import { selfBroadcast } from './self-broadcast.js';
import { specifySupply } from './specify-supply.js';
import { traffic } from './traffic.js';

export const stageRules: readonly AnyStageRule[] = [
  eliteDistribution,
  traffic,
  selfBroadcast,
  privateDomain,
  specifySupply,
];

export const STAGE_KEYS: readonly StageKey[] = stageRules.map((rule) => rule.key);

/** 1-based place of a stage in the adoption order. */
export function stageOrder(key: StageKey): number {
  return STAGE_KEYS.indexOf(key) + 1;
}

export function stageRule(key: StageKey): AnyStageRule {
  const rule = stageRules.find((candidate) => candidate.key === key);
  if (!rule) throw new Error(`no stage "${key}"`);
  return rule;
}
