// The STAGE checklist, one rule file per item, in S-T-A-G-E order.

import { mergeCatalogs, type Catalog } from '../../i18n/index.js';
import type { StageItemKey, StageItemRule } from '../types.js';
import { assortment } from './assortment.js';
import { earlyWarmup } from './early-warmup.js';
import { gifts } from './gifts.js';
import { ALL_DONE_KEY } from './judge.js';
import { script } from './script.js';
import { traffic } from './traffic.js';

export const stageItemRules: readonly StageItemRule[] = [script, traffic, assortment, gifts, earlyWarmup];

const commonStrings: Catalog = {
  en: { [ALL_DONE_KEY]: 'checklist: all {count} points prepared' },
  zh: { [ALL_DONE_KEY]: '清单：{count} 项准备全部完成' },
};

export const stageItemMessages: Catalog = mergeCatalogs(commonStrings, ...stageItemRules.map((rule) => rule.strings));

/** Item → the question ids checklist.json may hold for it: what ingest validates the file against. */
export function checklistQuestionIds(): Record<StageItemKey, string[]> {
  const ids = {} as Record<StageItemKey, string[]>;
  for (const rule of stageItemRules) ids[rule.key] = rule.questions.map((question) => question.id);
  return ids;
}

export function stageItemRule(key: StageItemKey): StageItemRule {
  const rule = stageItemRules.find((candidate) => candidate.key === key);
  if (!rule) throw new Error(`no STAGE item "${key}"`);
  return rule;
}
