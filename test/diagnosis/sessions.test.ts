import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose, diagnosisMessages } from '../../src/diagnosis/engine.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import { factorRatios, median, medianSession, sessionScore, weakestFactor } from '../../src/diagnosis/sessions.js';
import type { Diagnosis, Profile, StageItemVerdict, StageKey, StageOutcome } from '../../src/diagnosis/types.js';
import { render, type Message } from '../../src/i18n/index.js';
import type { SessionMetrics } from '../../src/metrics/types.js';
import { brandFixture, metricsFixture } from './fixtures.js';
import { blankSession, tradedSession } from './sessions-fixtures.js';
import { noPaidTraffic } from './scenarios.js';

let profile: Profile;

beforeAll(async () => {
  profile = await loadProfile('default', null);
});

function text(message: Message): string {
  return render(diagnosisMessages, 'en', message);
}

function stage(diagnosis: Diagnosis, key: StageKey): StageOutcome {
  return diagnosis.stages.find((outcome) => outcome.key === key)!;
}

// Median session: 10,000 viewers, 2% conversion, ¥150 AOV.
const JUNE: SessionMetrics[] = [
  tradedSession('L0601', '01', 30_000, 10_000, 200), // the median itself: 1, 1, 1
  tradedSession('L0603', '03', 23_040, 12_000, 144), // more viewers, 1.2% conversion, ¥160
  tradedSession('L0605', '05', 28_000, 8_000, 200), // fewer viewers, 2.5%, ¥140
  tradedSession('L0607', '07', 37_500, 10_000, 250), // 2.5%, ¥150
  tradedSession('L0609', '09', 26_600, 9_500, 190), // 2%, ¥140
];

describe('the median session', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('takes each factor over the sessions where it is measured', () => {
    const typical = medianSession(JUNE)!;
    expect(typical.viewers).toBe(10_000);
    expect(typical.conversion).toBeCloseTo(0.02);
    expect(typical.aovFen).toBe(15_000);
    // A session without buyers does not move the conversion or AOV medians.
    const withUnknown = medianSession([...JUNE, blankSession('L0611', { viewers: 50_000 })])!;
    expect(withUnknown.viewers).toBe(10_000);
    expect(withUnknown.conversion).toBeCloseTo(0.02);
    expect(withUnknown.aovFen).toBe(15_000);
  });
});

describe('the weakest factor of GMV = viewers × conversion × AOV', () => {
  it('names conversion for a session with more viewers but 1.2% conversion: ratios 1.2, 0.6, 1.07', () => {
    const ratios = factorRatios(JUNE[1]!, medianSession(JUNE))!;
    expect(ratios.traffic).toBeCloseTo(1.2);
    expect(ratios.conversion).toBeCloseTo(0.6);
    expect(ratios.aov).toBeCloseTo(160 / 150);
    expect(weakestFactor(ratios)).toBe('conversion');
  });

  it('names traffic for a session that converted well but drew 8,000 viewers: ratios 0.8, 1.25, 0.93', () => {
    const ratios = factorRatios(JUNE[2]!, medianSession(JUNE))!;
    expect(ratios.traffic).toBeCloseTo(0.8);
    expect(ratios.conversion).toBeCloseTo(1.25);
    expect(ratios.aov).toBeCloseTo(140 / 150);
    expect(weakestFactor(ratios)).toBe('traffic');
  });

  it('names AOV when the basket is what fell short: 0.95, 1, 0.93', () => {
    expect(weakestFactor(factorRatios(JUNE[4]!, medianSession(JUNE)))).toBe('aov');
  });

  it('multiplies back to the session’s GMV against the median session’s', () => {
    const session = JUNE[1]!;
    const ratios = factorRatios(session, medianSession(JUNE))!;
    // 10,000 × 2% × ¥150 = ¥30,000 for the median session.
    expect(30_000 * ratios.traffic * ratios.conversion * ratios.aov).toBeCloseTo(23_040);
  });

  it('breaks a tie in identity order, traffic first', () => {
    expect(weakestFactor({ traffic: 1, conversion: 1, aov: 1 })).toBe('traffic');
    expect(weakestFactor({ traffic: 1.1, conversion: 0.9, aov: 0.9 })).toBe('conversion');
  });

  it('is not computable when a factor of the session or a median is missing or 0', () => {
    const typical = medianSession(JUNE);
    expect(factorRatios(blankSession('X', { viewers: 9_000, conversion: 0.02 }), typical)).toBeNull();
    expect(weakestFactor(null)).toBeNull();
    const noBuyers = JUNE.map((session) => ({ ...session, buyers: null, conversion: null, aovFen: null }));
    expect(factorRatios(noBuyers[0]!, medianSession(noBuyers))).toBeNull();
    expect(factorRatios(JUNE[0]!, { viewers: 0, conversion: 0.02, aovFen: 15_000 })).toBeNull();
  });
});

describe('a session’s STAGE score', () => {
  const verdict = (result: StageItemVerdict['result']): StageItemVerdict => ({
    result,
    evidence: [],
    basis: result === 'unknown' ? 'none' : 'data',
  });

  it('counts pass 1, warn ½, fail 0 over the known items only', () => {
    const items = {
      script: verdict('pass'),
      traffic: verdict('warn'),
      assortment: verdict('fail'),
      gifts: verdict('unknown'),
      'early-warmup': verdict('pass'),
    };
    // (1 + 0.5 + 0 + 1) ÷ 4 = 62.5
    expect(sessionScore(items)).toBe(63);
  });

  it('is null when no item is known', () => {
    const unknown = verdict('unknown');
    expect(
      sessionScore({ script: unknown, traffic: unknown, assortment: unknown, gifts: unknown, 'early-warmup': unknown }),
    ).toBeNull();
  });
});

describe('diagnose: sessions', () => {
  it('diagnoses every session of the live sessions export, with its weakest factor against the brand median', () => {
    const diagnosis = diagnose(metricsFixture(), brandFixture(), profile);
    expect(diagnosis.sessions.map((session) => session.metrics.liveId)).toHaveLength(12);
    // L0620: 25,000 viewers (median 25,000), 0.96% conversion, ¥125 AOV.
    const l0620 = diagnosis.sessions.find((session) => session.metrics.liveId === 'L0620')!;
    expect(l0620.weakestFactor).toBe('conversion');
    expect(diagnosis.sessionMedian?.viewers).toBe(25_000);
  });

  it('judges the tea brand’s sessions from data: spend, stay, reservations; gifts stay unknown without coupons or answers', () => {
    const diagnosis = diagnose(metricsFixture(), brandFixture(), profile);
    const l0618 = diagnosis.sessions.find((session) => session.metrics.liveId === 'L0618')!;
    expect(l0618.items.script.result).toBe('pass');
    // ROI 95,000 ÷ 48,000 = 1.98 (79% of 2.5) and 62% paid viewers: a warning.
    expect(l0618.items.traffic.result).toBe('warn');
    // 4% reservations, 2 warm-up videos of 3.
    expect(l0618.items['early-warmup'].result).toBe('warn');
    expect(l0618.items.gifts).toMatchObject({ result: 'unknown', basis: 'none' });
    // (1 + 0.5 + 1 + 0.5) ÷ 4 known items
    expect(l0618.score).toBe(75);
  });

  it('takes the consultant’s answers by live id, and fills what the data cannot say', () => {
    const answers = { L0618: { gifts: { benefitsPrepared: true, couponsSet: true, sellingPointsClear: false } } };
    const diagnosis = diagnose(metricsFixture(), brandFixture(), profile, answers);
    const l0618 = diagnosis.sessions.find((session) => session.metrics.liveId === 'L0618')!;
    expect(l0618.items.gifts).toMatchObject({ result: 'warn', basis: 'answers' });
    expect(l0618.items.gifts.evidence.map(text)).toEqual(['checklist: selling points not clear']);
    const l0603 = diagnosis.sessions.find((session) => session.metrics.liveId === 'L0603')!;
    expect(l0603.items.gifts.result).toBe('unknown');
  });

  it('reports answers for sessions that are not in the data instead of dropping them silently', () => {
    const diagnosis = diagnose(metricsFixture(), brandFixture(), profile, { L9999: { gifts: { couponsSet: true } } });
    const finding = diagnosis.brandFindings.find((entry) => entry.id === 'checklist.unmatched')!;
    expect(text(finding.message)).toContain('has answers for live ids that no diagnosed session carries (1: L9999)');
  });
});

describe('diagnose: STAGE health across sessions', () => {
  function withoutWarmup(metricsSessions: SessionMetrics[]): SessionMetrics[] {
    // Nine of twelve sessions post no warm-up video at all.
    return metricsSessions.map((session, index) => (index < 9 ? { ...session, warmupVideos: 0 } : session));
  }

  it('counts each item’s results over the sessions and names the item failing most', () => {
    const base = metricsFixture();
    const diagnosis = diagnose(
      metricsFixture({ sessionList: withoutWarmup(base.sessionList) }),
      brandFixture(),
      profile,
    );
    const health = diagnosis.stageHealth;
    expect(health.sessions).toBe(12);
    expect(health.items['early-warmup']).toEqual({ pass: 0, warn: 3, fail: 9, unknown: 0 });
    expect(health.items.gifts).toEqual({ pass: 0, warn: 0, fail: 0, unknown: 12 });
    expect(health.mostFailed).toBe('early-warmup');
    expect(text(health.summary!)).toBe(
      'STAGE over 12 sessions: E warm-up fails most often, in 9 of 12 sessions judged.',
    );
  });

  it('puts the warm-up failures into self-broadcast’s findings and next steps, naming recent sessions', () => {
    const base = metricsFixture();
    const diagnosis = diagnose(
      metricsFixture({ sessionList: withoutWarmup(base.sessionList) }),
      brandFixture(),
      profile,
    );
    const selfBroadcast = stage(diagnosis, 'self-broadcast');
    const finding = selfBroadcast.findings.find((entry) => entry.id === 'stageHealth.early-warmup')!;
    expect(finding.severity).toBe('warn');
    expect(text(finding.message)).toBe(
      'STAGE E, warm-up: failed in 9 of 12 sessions judged, e.g. 2024-06-20 20:00, 2024-06-18 20:00, 2024-06-17 20:00.',
    );
    const step = selfBroadcast.nextSteps.find((entry) => entry.id === 'stageHealth.early-warmup')!;
    expect(text(step.message)).toContain('post 3 short videos linking to the room in the day before');
    // The score stays the period's numbers: 83 as without the sessions.
    expect(selfBroadcast.score).toBe(83);
    expect(stage(diagnosis, 'traffic').findings.some((entry) => entry.id === 'stageHealth.early-warmup')).toBe(false);
  });

  it('leaves a not-started stage to its "how to start" step', () => {
    const diagnosis = diagnose(noPaidTraffic(), brandFixture(), profile);
    expect(diagnosis.stageHealth.items.traffic.fail).toBe(12);
    const traffic = stage(diagnosis, 'traffic');
    expect(traffic.status).toBe('not-started');
    expect(traffic.findings.map((entry) => entry.id)).not.toContain('stageHealth.traffic');
  });

  it('says so when no item failed, and when none could be judged', () => {
    const blank = [blankSession('B1'), blankSession('B2')];
    const diagnosis = diagnose(metricsFixture({ sessionList: blank }), brandFixture(), profile);
    expect(diagnosis.stageHealth.mostFailed).toBeNull();
    expect(text(diagnosis.stageHealth.summary!)).toContain('no item could be judged');
    expect(diagnosis.sessions.every((session) => session.score === null && session.weakestFactor === null)).toBe(true);
  });
});
