// T — paid traffic (商业化投放). A session's paid traffic is planned when it was bought at all,
// paid back at the profile's ROI, and brought a share of viewers inside the profile's band:
// the same T.roi and T.paidShare the public-domain traffic stage measures over the period.

import type { Catalog } from '../../i18n/index.js';
import type { SessionMetrics } from '../../metrics/types.js';
import { isPresent, threshold, thresholdValue } from '../checks.js';
import type { ItemAnswers, Profile, StageItemRule, StageItemVerdict } from '../types.js';
import { percent, ratio, yuan } from '../wording.js';
import { gradeAgainst, judge, questionsOf, unknownKey, type Signal } from './judge.js';

const strings: Catalog = {
  en: {
    'stage.traffic.name': 'Paid traffic',
    'stage.traffic.why':
      'Paid traffic pays back when it is planned: the GMV target turned into the audience it needs, and the budget spread over the session.',
    'stage.traffic.q.gmvTargetSplit':
      'Was the session’s GMV target broken down into the audience it needs (viewers × conversion)?',
    'stage.traffic.q.gmvTargetSplit.no': 'checklist: GMV target not broken down into an audience',
    'stage.traffic.q.placementPlanned': 'Was a placement strategy (audiences, goals, bids) set before going live?',
    'stage.traffic.q.placementPlanned.no': 'checklist: placement not planned in advance',
    'stage.traffic.q.budgetByTimeSlot': 'Was the budget split across the time slots of the session?',
    'stage.traffic.q.budgetByTimeSlot.no': 'checklist: budget not split by time slot',
    'stage.traffic.noSpend': 'no paid traffic bought for this session',
    'stage.traffic.spend': 'spend {spend}',
    'stage.traffic.roi.pass': 'ROI {roi} (target {target})',
    'stage.traffic.roi.short': 'ROI {roi}, under the {target} target',
    'stage.traffic.paidShare.pass': 'paid viewers {share} of viewers (band {min}–{max})',
    'stage.traffic.paidShare.low': 'paid viewers only {share} of viewers (band {min}–{max})',
    'stage.traffic.paidShare.high': 'paid viewers {share} of viewers, above {max}: the room depends on bought traffic',
    'stage.traffic.health.finding':
      'STAGE T, paid traffic: failed in {failed} of {judged} sessions judged, e.g. {sessions}.',
    'stage.traffic.health.next':
      'Plan each session’s paid traffic before going live: turn its GMV target into the viewers it needs, set the placement, split the budget over the time slots, and stop adding where ROI falls under {roi}; review {sessions} first.',
  },
  zh: {
    'stage.traffic.name': '商业化投放',
    'stage.traffic.why': '投放要提前规划才能回本：把 GMV 目标拆成需要的人群，预算分配到整场的各个时段。',
    'stage.traffic.q.gmvTargetSplit': '本场 GMV 目标是否已拆解成需要的人群（观看人数 × 转化率）？',
    'stage.traffic.q.gmvTargetSplit.no': '清单：GMV 目标没有拆解到人群',
    'stage.traffic.q.placementPlanned': '开播前是否已定好投放策略（人群、目标、出价）？',
    'stage.traffic.q.placementPlanned.no': '清单：投放没有提前规划',
    'stage.traffic.q.budgetByTimeSlot': '预算是否按直播时段分配？',
    'stage.traffic.q.budgetByTimeSlot.no': '清单：预算没有按时段分配',
    'stage.traffic.noSpend': '本场没有购买付费流量',
    'stage.traffic.spend': '花费 {spend}',
    'stage.traffic.roi.pass': 'ROI {roi}（目标 {target}）',
    'stage.traffic.roi.short': 'ROI {roi}，低于 {target} 的目标',
    'stage.traffic.paidShare.pass': '付费观看占 {share}（合理区间 {min}–{max}）',
    'stage.traffic.paidShare.low': '付费观看只占 {share}（合理区间 {min}–{max}）',
    'stage.traffic.paidShare.high': '付费观看占 {share}，超过 {max}：直播间依赖买来的流量',
    'stage.traffic.health.finding': 'STAGE T（投放）：已判断的 {judged} 场中有 {failed} 场不合格，如 {sessions}。',
    'stage.traffic.health.next':
      '每场开播前规划投放：把 GMV 目标换算成需要的观看人数，定好投放策略，把预算分到各时段，ROI 跌破 {roi} 就停止加投；先复盘 {sessions}。',
  },
};

function spendSignal(session: SessionMetrics): Signal | null {
  if (session.adSpendFen === null) return null;
  if (session.adSpendFen <= 0) return { result: 'fail', evidence: { key: 'stage.traffic.noSpend' } };
  return { result: 'pass', evidence: { key: 'stage.traffic.spend', params: { spend: yuan(session.adSpendFen) } } };
}

function roiSignal(session: SessionMetrics, profile: Profile): Signal | null {
  if (session.roi === null || (session.adSpendFen ?? 0) <= 0) return null;
  const result = gradeAgainst(profile, 'T.roi', 'atLeast', session.roi);
  const params = { roi: ratio(session.roi), target: ratio(thresholdValue(profile, 'T.roi')) };
  return {
    result,
    evidence: { key: result === 'pass' ? 'stage.traffic.roi.pass' : 'stage.traffic.roi.short', params },
  };
}

function paidShareSignal(session: SessionMetrics, profile: Profile): Signal | null {
  // Without spend the paid share is 0 by construction: the spend signal has already said so.
  if (session.paidShare === null || (session.adSpendFen ?? 0) <= 0) return null;
  const band = threshold(profile, 'T.paidShare');
  const max = band.max ?? band.value;
  const result = gradeAgainst(profile, 'T.paidShare', 'between', session.paidShare);
  const params = { share: percent(session.paidShare), min: percent(band.value), max: percent(max) };
  if (result === 'pass') return { result, evidence: { key: 'stage.traffic.paidShare.pass', params } };
  const key = session.paidShare > max ? 'stage.traffic.paidShare.high' : 'stage.traffic.paidShare.low';
  return { result, evidence: { key, params } };
}

const questions = questionsOf('traffic', ['gmvTargetSplit', 'placementPlanned', 'budgetByTimeSlot']);

export const traffic: StageItemRule = {
  key: 'traffic',
  namespace: 'traffic',
  letter: 'T',
  name: 'stage.traffic.name',
  strings,
  why: 'stage.traffic.why',
  questions,
  requires: {
    fields: ['adSpendFen'],
    missing: {
      en: 'the live sessions export has no spend column (花费 / 磁力金牛消耗)',
      zh: '直播场次导出没有花费列（花费 / 磁力金牛消耗）',
    },
  },
  feeds: 'traffic',
  health: { finding: 'stage.traffic.health.finding', nextStep: 'stage.traffic.health.next' },
  nextStepParams: (profile) => ({ roi: ratio(thresholdValue(profile, 'T.roi')) }),
  assess,
};

function assess(session: SessionMetrics, answers: ItemAnswers | null, profile: Profile): StageItemVerdict {
  const signals = [spendSignal(session), roiSignal(session, profile), paidShareSignal(session, profile)];
  return judge({ signals: signals.filter(isPresent), answers, questions, unknown: unknownKey('traffic') });
}
