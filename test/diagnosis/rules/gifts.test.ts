// G alone: the coupon column decides, the answers stand in without it, and the "not judged"
// line comes from the item's declared requirements.
import { render } from '../../../src/i18n/index.js';
import { diagnosisMessages } from '../../../src/diagnosis/engine.js';
import { gifts } from '../../../src/diagnosis/stage-items/gifts.js';
import { describe, expect, it } from 'vitest';
import { testStageItem } from '../rule-tester.js';

testStageItem(gifts, [
  {
    name: 'coupons claimed by 8% of viewers',
    session: { couponClaims: 80, couponClaimRate: 0.08 },
    result: 'pass',
    basis: 'data',
  },
  {
    name: 'coupons claimed by 3% of viewers',
    session: { couponClaims: 30, couponClaimRate: 0.03 },
    result: 'warn',
    evidence: ['stage.gifts.coupons.short'],
  },
  {
    name: 'no coupon column, one "no" of three answers',
    session: {},
    answers: { benefitsPrepared: true, couponsSet: true, sellingPointsClear: false },
    result: 'warn',
    basis: 'answers',
    evidence: ['stage.gifts.q.sellingPointsClear.no'],
  },
  {
    name: 'neither data nor answers',
    session: {},
    result: 'unknown',
    basis: 'none',
    evidence: ['stage.gifts.unknown'],
  },
]);

describe('STAGE item requirements', () => {
  it('write the "not judged" line from what the item declares it needs', () => {
    expect(render(diagnosisMessages, 'en', { key: 'stage.gifts.unknown' })).toBe(
      'not judged: the live sessions export has no coupon column (领券人数), and the checklist has no answer (steps-doctor checklist)',
    );
    expect(render(diagnosisMessages, 'zh', { key: 'stage.earlyWarmup.unknown' })).toBe(
      '无法判断：直播场次导出没有预约人数、预热视频数或短视频引流人数，清单中也没有回答（steps-doctor checklist）',
    );
  });
});
