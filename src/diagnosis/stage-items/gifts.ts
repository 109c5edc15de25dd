// G — gifts and benefits (福利 / 赠品). Only the coupon column (领券人数) shows benefits in the
// data; without it the item rests on the consultant's answers alone (METHOD.md).

import type { Catalog } from '../../i18n/index.js';
import type { SessionMetrics } from '../../metrics/types.js';
import { isPresent, thresholdValue } from '../checks.js';
import type { ItemAnswers, Profile, StageItemRule, StageItemVerdict } from '../types.js';
import { count, percent } from '../wording.js';
import { gradeAgainst, judge, questionsOf, unknownKey, type Signal } from './judge.js';

const strings: Catalog = {
  en: {
    'stage.gifts.name': 'Gifts and benefits',
    'stage.gifts.why':
      'Benefits announced in advance give viewers a reason to stay in the room and to buy now rather than later.',
    'stage.gifts.q.benefitsPrepared': 'Were benefits (gifts, samples, fan prices) prepared in advance?',
    'stage.gifts.q.benefitsPrepared.no': 'checklist: benefits not prepared in advance',
    'stage.gifts.q.couponsSet': 'Were the marketing tools (coupons, red packets, draws) set up?',
    'stage.gifts.q.couponsSet.no': 'checklist: coupons and draws not set up',
    'stage.gifts.q.sellingPointsClear': 'Were the selling points of the benefits clear to viewers?',
    'stage.gifts.q.sellingPointsClear.no': 'checklist: selling points not clear',
    'stage.gifts.coupons.pass': 'coupons claimed by {rate} of viewers ({claims}; target {target})',
    'stage.gifts.coupons.short': 'coupons claimed by only {rate} of viewers ({claims}; target {target})',
    'stage.gifts.health.finding': 'STAGE G, benefits: failed in {failed} of {judged} sessions judged, e.g. {sessions}.',
    'stage.gifts.health.next':
      'Prepare the benefits before each session: set coupons and draws, announce them in the first minutes, and aim for coupon claims by {rate} of viewers; start with {sessions}.',
  },
  zh: {
    'stage.gifts.name': '福利 / 赠品',
    'stage.gifts.why': '提前预告的福利让观众有理由留在直播间，并且现在就下单。',
    'stage.gifts.q.benefitsPrepared': '福利（赠品、小样、粉丝价）是否提前准备好？',
    'stage.gifts.q.benefitsPrepared.no': '清单：福利没有提前准备',
    'stage.gifts.q.couponsSet': '优惠券、红包、抽奖等营销工具是否已设置？',
    'stage.gifts.q.couponsSet.no': '清单：优惠券和抽奖没有设置',
    'stage.gifts.q.sellingPointsClear': '福利的卖点是否向观众讲清楚了？',
    'stage.gifts.q.sellingPointsClear.no': '清单：卖点没有讲清楚',
    'stage.gifts.coupons.pass': '{rate} 的观众领了券（{claims}；目标 {target}）',
    'stage.gifts.coupons.short': '只有 {rate} 的观众领了券（{claims}；目标 {target}）',
    'stage.gifts.health.finding': 'STAGE G（福利）：已判断的 {judged} 场中有 {failed} 场不合格，如 {sessions}。',
    'stage.gifts.health.next':
      '每场开播前准备好福利：设置优惠券和抽奖，开场几分钟内预告，目标是 {rate} 的观众领券；先从 {sessions} 做起。',
  },
};

function couponSignal(session: SessionMetrics, profile: Profile): Signal | null {
  if (session.couponClaimRate === null || session.couponClaims === null) return null;
  const result = gradeAgainst(profile, 'stage.gifts.couponClaimRate', 'atLeast', session.couponClaimRate);
  const params = {
    rate: percent(session.couponClaimRate),
    claims: count(session.couponClaims),
    target: percent(thresholdValue(profile, 'stage.gifts.couponClaimRate')),
  };
  return {
    result,
    evidence: { key: result === 'pass' ? 'stage.gifts.coupons.pass' : 'stage.gifts.coupons.short', params },
  };
}

const questions = questionsOf('gifts', ['benefitsPrepared', 'couponsSet', 'sellingPointsClear']);

export const gifts: StageItemRule = {
  key: 'gifts',
  namespace: 'gifts',
  letter: 'G',
  name: 'stage.gifts.name',
  strings,
  why: 'stage.gifts.why',
  questions,
  requires: {
    fields: ['couponClaims', 'couponClaimRate'],
    missing: {
      en: 'the live sessions export has no coupon column (领券人数)',
      zh: '直播场次导出没有领券列（领券人数）',
    },
  },
  feeds: 'self-broadcast',
  health: { finding: 'stage.gifts.health.finding', nextStep: 'stage.gifts.health.next' },
  nextStepParams: (profile) => ({ rate: percent(thresholdValue(profile, 'stage.gifts.couponClaimRate')) }),
  assess,
};

function assess(session: SessionMetrics, answers: ItemAnswers | null, profile: Profile): StageItemVerdict {
  return judge({
    signals: [couponSignal(session, profile)].filter(isPresent),
    answers,
    questions,
    unknown: unknownKey('gifts'),
  });
}
