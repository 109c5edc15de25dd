// The STAGE checklist, one rule file per item, in S-T-A-G-E order.

import { mergeCatalogs, type Catalog } from '../../i18n/index.js';
import type { StageItemKey, StageItemRule } from '../types.js';
import { assortment } from './assortment.js';
import { earlyWarmup } from './early-warmup.js';
import { gifts } from './gifts.js';
import { ALL_DONE_KEY, unknownKey } from './judge.js';
import { script } from './script.js';
import { traffic } from './traffic.js';

export const stageItemRules: readonly StageItemRule[] = [script, traffic, assortment, gifts, earlyWarmup];

const commonStrings: Catalog = {
  en: { [ALL_DONE_KEY]: 'checklist: all {count} points prepared' },
  zh: { [ALL_DONE_KEY]: '清单：{count} 项准备全部完成' },
};

/** "Not judged: the live sessions export has no coupon column (领券人数), and the checklist has no answer", per item. */
function unknownMessages(): Catalog {
  const catalog: Catalog = { en: {}, zh: {} };
  for (const rule of stageItemRules) {
    const key = unknownKey(rule.namespace);
    const { missing } = rule.requires;
    catalog.en[key] = `not judged: ${missing.en}, and the checklist has no answer (steps-doctor checklist)`;
    catalog.zh[key] = `无法判断：${missing.zh}，清单中也没有回答（steps-doctor checklist）`;
  }
  return catalog;
}

export const stageItemMessages: Catalog = mergeCatalogs(
  commonStrings,
  unknownMessages(),
  ...stageItemRules.map((rule) => rule.strings),
);

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
