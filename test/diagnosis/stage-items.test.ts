import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosisMessages } from '../../src/diagnosis/engine.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import { checklistQuestionIds, stageItemRule, stageItemRules } from '../../src/diagnosis/stage-items/index.js';
import {
  STAGE_ITEM_KEYS,
  type ItemAnswers,
  type Profile,
  type StageItemKey,
  type StageItemVerdict,
} from '../../src/diagnosis/types.js';
import { LANGS, render, type Lang, type Message } from '../../src/i18n/index.js';
import type { SessionMetrics } from '../../src/metrics/types.js';
import { blankSession } from './sessions-fixtures.js';

let profile: Profile;
let beauty: Profile;

beforeAll(async () => {
  profile = await loadProfile('default', null);
  beauty = await loadProfile('beauty', null);
});

function judge(
  item: StageItemKey,
  session: SessionMetrics,
  answers: ItemAnswers | null = null,
  using = profile,
): StageItemVerdict {
  return stageItemRule(item).assess(session, answers, using);
}

function evidence(verdict: StageItemVerdict, lang: Lang = 'en'): string[] {
  return verdict.evidence.map((message) => render(diagnosisMessages, lang, message));
}

describe('S — script, from the room’s numbers', () => {
  it('fails a session whose viewers stay 43 s, under the weak 45 s, whatever else went well', () => {
    const session = blankSession('S1', {
      avgStaySeconds: 43,
      peakOnline: 150,
      avgOnline: 100,
      peakToAvgOnline: 1.5,
      durationMinutes: 186,
    });
    const verdict = judge('script', session);
    expect(verdict.result).toBe('fail');
    expect(verdict.basis).toBe('data');
    expect(evidence(verdict)).toEqual([
      'average stay 43 s, below 45 s: weak',
      'peak online 150 is 1.5× the average 100 (at most 2×)',
      '186 minutes live (target 120)',
    ]);
    expect(evidence(verdict, 'zh')[0]).toBe('人均停留 43 秒，低于 45 秒：偏弱');
  });

  it('warns between the weak level and the target, and on a peak far above the average', () => {
    expect(judge('script', blankSession('S2', { avgStaySeconds: 52 })).result).toBe('warn');
    // Peak 3.2× the average: credit 2 ÷ 3.2 = 0.63, above the 0.5 warning level.
    const spiky = judge(
      'script',
      blankSession('S3', { avgStaySeconds: 70, peakOnline: 320, avgOnline: 100, peakToAvgOnline: 3.2 }),
    );
    expect(spiky.result).toBe('warn');
    expect(evidence(spiky)[1]).toBe('peak online 320 is 3.2× the average 100, above 2×: viewers come and leave');
    // 50 minutes of a 120-minute target: credit 0.42, a failure.
    expect(judge('script', blankSession('S4', { avgStaySeconds: 70, durationMinutes: 50 })).result).toBe('fail');
  });

  it('is unknown without stay, online counts, duration or answers, and says what would judge it', () => {
    const verdict = judge('script', blankSession('S5'));
    expect(verdict).toMatchObject({ result: 'unknown', basis: 'none' });
    expect(evidence(verdict)[0]).toContain('no average stay, online counts or duration');
    expect(evidence(verdict)[0]).toContain('steps-doctor checklist');
  });
});

describe('T — paid traffic, against the profile’s ROI and paid-share band', () => {
  it('passes a session that bought traffic, paid back 2.6× and drew 30% of viewers through it', () => {
    const verdict = judge('traffic', blankSession('T1', { adSpendFen: 334_000, roi: 2.6, paidShare: 0.3 }));
    expect(verdict.result).toBe('pass');
    expect(evidence(verdict)).toEqual([
      'spend ¥3,340',
      'ROI 2.6 (target 2.5)',
      'paid viewers 30% of viewers (band 20%–50%)',
    ]);
  });

  it('fails a session without paid traffic, and says nothing of its ROI or paid share', () => {
    const verdict = judge('traffic', blankSession('T2', { adSpendFen: 0, paidShare: 0, roi: null }));
    expect(verdict.result).toBe('fail');
    expect(evidence(verdict)).toEqual(['no paid traffic bought for this session']);
  });

  it('warns at ROI 1.5 (60% of 2.5) and fails at ROI 1.0 (40%)', () => {
    expect(judge('traffic', blankSession('T3', { adSpendFen: 100_000, roi: 1.5 })).result).toBe('warn');
    const poor = judge('traffic', blankSession('T4', { adSpendFen: 100_000, roi: 1 }));
    expect(poor.result).toBe('fail');
    expect(evidence(poor)).toContain('ROI 1, under the 2.5 target');
  });

  it('names dependence when paid viewers pass the band’s ceiling', () => {
    const verdict = judge('traffic', blankSession('T5', { adSpendFen: 100_000, roi: 3, paidShare: 0.62 }));
    expect(verdict.result).toBe('warn');
    expect(evidence(verdict)).toContain('paid viewers 62% of viewers, above 50%: the room depends on bought traffic');
  });

  it('uses the profile’s own ROI target: 2.2 passes in beauty (2) and warns in default (2.5)', () => {
    const session = blankSession('T6', { adSpendFen: 100_000, roi: 2.2 });
    expect(judge('traffic', session, null, beauty).result).toBe('pass');
    expect(judge('traffic', session).result).toBe('warn');
  });
});

describe('A — goods, from the orders joined to the session', () => {
  it('passes 10 products, a top product at 45% and both new and returning buyers', () => {
    const verdict = judge(
      'assortment',
      blankSession('A1', { productsSold: 10, topProductShare: 0.45, newBuyers: 40, returningBuyers: 22 }),
    );
    expect(verdict.result).toBe('pass');
    expect(evidence(verdict)).toEqual([
      '10 products sold (target 5)',
      'top product 45% of the session’s GMV (at most 60%)',
      '40 new and 22 returning buyers',
    ]);
  });

  it('warns on a session carried by one product, and on buyers who are all new', () => {
    const carried = judge('assortment', blankSession('A2', { productsSold: 6, topProductShare: 0.8 }));
    expect(carried.result).toBe('warn');
    expect(evidence(carried)[1]).toBe(
      'top product 80% of the session’s GMV, above 60%: the session depends on one item',
    );
    const allNew = judge('assortment', blankSession('A3', { productsSold: 6, newBuyers: 62, returningBuyers: 0 }));
    expect(allNew.result).toBe('warn');
    expect(evidence(allNew)).toContain('no returning buyer among 62 buyers');
  });

  it('fails a session that sold 2 products of the 5 it needs', () => {
    expect(judge('assortment', blankSession('A4', { productsSold: 2 })).result).toBe('fail');
  });
});

describe('G — benefits: coupons where the column exists, otherwise answers only', () => {
  it('judges coupon claims against viewers', () => {
    const good = judge('gifts', blankSession('G1', { couponClaims: 815, couponClaimRate: 0.0926 }));
    expect(good.result).toBe('pass');
    expect(evidence(good)).toEqual(['coupons claimed by 9.3% of viewers (815; target 5%)']);
    expect(judge('gifts', blankSession('G2', { couponClaims: 90, couponClaimRate: 0.02 })).result).toBe('fail');
  });

  it('rests on the answers when the export has no coupon column', () => {
    const verdict = judge('gifts', blankSession('G3'), {
      benefitsPrepared: true,
      couponsSet: true,
      sellingPointsClear: true,
    });
    expect(verdict).toMatchObject({ result: 'pass', basis: 'answers' });
    expect(evidence(verdict)).toEqual(['checklist: all 3 points prepared']);
  });
});

describe('E — warm-up: reservations, warm-up videos, short-video viewers', () => {
  it('fails a session with no warm-up video, and lists every signal', () => {
    const session = blankSession('E1', { reservations: 0, reservationRate: 0, warmupVideos: 0, shortVideoViewers: 0 });
    const verdict = judge('early-warmup', session);
    expect(verdict.result).toBe('fail');
    expect(evidence(verdict)).toEqual([
      'only 0 reservations, 0% of viewers (target 5%)',
      '0 warm-up videos, fewer than 3',
      'no viewer came from short videos',
    ]);
  });

  it('passes 1,344 reservations from 22,019 viewers, 3 videos and short-video viewers', () => {
    const session = blankSession('E2', {
      reservations: 1_344,
      reservationRate: 1_344 / 22_019,
      warmupVideos: 3,
      shortVideoViewers: 1_041,
    });
    expect(judge('early-warmup', session).result).toBe('pass');
    // Beauty asks for 5 warm-up videos: 3 of 5 is a warning there.
    const inBeauty = judge('early-warmup', session, null, beauty);
    expect(inBeauty.result).toBe('warn');
    expect(evidence(inBeauty)).toContain('3 warm-up videos, fewer than 5');
  });
});

describe('data and answers together', () => {
  const strongRoom = blankSession('C1', {
    avgStaySeconds: 114,
    peakOnline: 155,
    avgOnline: 88,
    peakToAvgOnline: 155 / 88,
    durationMinutes: 190,
  });
  const allYes = {
    rhythmPlanned: true,
    scriptWritten: true,
    activitiesPaced: true,
    hostPersonaClear: true,
    rehearsed: true,
  };

  it('passes when the data passes and every answer is yes', () => {
    expect(judge('script', strongRoom, allYes)).toMatchObject({ result: 'pass', basis: 'both' });
  });

  it('turns a data pass into a warning when the consultant answers no, and says which', () => {
    const verdict = judge('script', strongRoom, { ...allYes, scriptWritten: false, rehearsed: false });
    expect(verdict).toMatchObject({ result: 'warn', basis: 'both' });
    expect(evidence(verdict).slice(-2)).toEqual(['checklist: no written script', 'checklist: not rehearsed']);
  });

  it('never lets answers lift what the numbers show', () => {
    const weakRoom = blankSession('C2', { avgStaySeconds: 40 });
    expect(judge('script', weakRoom, allYes)).toMatchObject({ result: 'fail', basis: 'both' });
  });

  it('grades answers alone by the share answered yes, leaving unanswered questions out', () => {
    const nothing = blankSession('C3');
    expect(
      judge('early-warmup', nothing, { warmupRhythm: true, warmupVideosPosted: true, reservationsOpen: false }).result,
    ).toBe('warn');
    expect(
      judge('early-warmup', nothing, { warmupRhythm: true, warmupVideosPosted: false, reservationsOpen: false }).result,
    ).toBe('fail');
    // One question answered, yes: a pass on what is known.
    expect(judge('early-warmup', nothing, { reservationsOpen: true })).toMatchObject({
      result: 'pass',
      basis: 'answers',
    });
    expect(judge('early-warmup', nothing, {})).toMatchObject({ result: 'unknown', basis: 'none' });
  });
});

describe('STAGE item rules', () => {
  it('come in S-T-A-G-E order, each feeding the STEPS stage it belongs to', () => {
    expect(stageItemRules.map((rule) => rule.key)).toEqual([...STAGE_ITEM_KEYS]);
    expect(stageItemRules.map((rule) => rule.letter).join('')).toBe('STAGE');
    expect(stageItemRules.map((rule) => rule.feeds)).toEqual([
      'self-broadcast',
      'traffic',
      'self-broadcast',
      'self-broadcast',
      'self-broadcast',
    ]);
  });

  it('ask the questions the example checklist.json answers, and no others', () => {
    const example = JSON.parse(
      readFileSync(new URL('../../examples/huaxi-beauty/checklist.json', import.meta.url), 'utf8'),
    );
    const full = example.sessions.vdg2wKbC0Be as Record<string, Record<string, boolean>>;
    const fromExample = Object.fromEntries(Object.entries(full).map(([item, answers]) => [item, Object.keys(answers)]));
    expect(checklistQuestionIds()).toEqual(fromExample);
  });

  it('say every question, its "no" line, the name and why in both languages with the same placeholders', () => {
    for (const rule of stageItemRules) {
      expect(Object.keys(rule.strings.zh).sort(), rule.key).toEqual(Object.keys(rule.strings.en).sort());
      for (const key of Object.keys(rule.strings.en)) {
        expect(key.startsWith(`stage.${rule.namespace}.`), key).toBe(true);
        const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        expect(placeholders(rule.strings.zh[key]!), key).toEqual(placeholders(rule.strings.en[key]!));
      }
      const keys = [
        rule.name,
        rule.why,
        rule.health.finding,
        rule.health.nextStep,
        ...rule.questions.flatMap((q) => [q.text, q.notDone]),
      ];
      for (const lang of LANGS) {
        for (const key of keys) expect(rule.strings[lang][key], `${lang} ${key}`).toBeTruthy();
      }
    }
  });
});

describe('STAGE evidence', () => {
  // Sessions that between them reach every branch of the five items.
  const corpus: SessionMetrics[] = [
    blankSession('V1'),
    blankSession('V2', {
      avgStaySeconds: 43,
      peakOnline: 320,
      avgOnline: 100,
      peakToAvgOnline: 3.2,
      durationMinutes: 50,
    }),
    blankSession('V3', {
      avgStaySeconds: 52,
      peakOnline: 150,
      avgOnline: 100,
      peakToAvgOnline: 1.5,
      durationMinutes: 186,
    }),
    blankSession('V4', {
      avgStaySeconds: 70,
      adSpendFen: 0,
      productsSold: 2,
      topProductShare: 0.8,
      newBuyers: 0,
      returningBuyers: 9,
    }),
    blankSession('V5', {
      adSpendFen: 100_000,
      roi: 1,
      paidShare: 0.1,
      couponClaims: 10,
      couponClaimRate: 0.01,
      newBuyers: 9,
      returningBuyers: 0,
    }),
    blankSession('V6', {
      adSpendFen: 100_000,
      roi: 3,
      paidShare: 0.3,
      productsSold: 9,
      topProductShare: 0.3,
      newBuyers: 9,
      returningBuyers: 3,
    }),
    blankSession('V7', { adSpendFen: 100_000, roi: 3, paidShare: 0.7, couponClaims: 900, couponClaimRate: 0.09 }),
    blankSession('V8', { reservations: 0, reservationRate: 0, warmupVideos: 0, shortVideoViewers: 0 }),
    blankSession('V9', { reservations: 900, reservationRate: 0.09, warmupVideos: 4, shortVideoViewers: 800 }),
  ];
  const answerSets: (ItemAnswers | null)[] = [
    null,
    {},
    { rhythmPlanned: true, couponsSet: true, warmupRhythm: true, gmvTargetSplit: true, stockReady: true },
  ];

  function emitted(): Message[] {
    const messages: Message[] = [];
    for (const session of corpus) {
      for (const rule of stageItemRules) {
        for (const answers of answerSets) messages.push(...rule.assess(session, answers, profile).evidence);
        const allNo = Object.fromEntries(rule.questions.map((question) => [question.id, false]));
        messages.push(...rule.assess(session, allNo, profile).evidence);
      }
    }
    return messages;
  }

  it('reads in both languages with every placeholder filled', () => {
    for (const message of emitted()) {
      for (const lang of LANGS) {
        const line = render(diagnosisMessages, lang, message);
        expect(line, `${lang} ${message.key}`).not.toMatch(/\{\w+\}|undefined|NaN/);
      }
    }
  });

  it('uses every evidence line the items declare', () => {
    const seen = new Set(emitted().map((message) => message.key));
    for (const rule of stageItemRules) {
      const declaredEvidence = Object.keys(rule.strings.en).filter(
        (key) =>
          key !== rule.name &&
          key !== rule.why &&
          !Object.values(rule.health).includes(key) &&
          !rule.questions.some((q) => q.text === key),
      );
      expect(
        declaredEvidence.filter((key) => !seen.has(key)),
        rule.key,
      ).toEqual([]);
    }
  });
});
