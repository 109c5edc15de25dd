// Plan goals against the consultant's peers (issue 11 item 3): the profile target when the brand
// can reach it this month, else the peers' median, else their excellent value, else the milestone,
// and the step's why says which. Hand-made brand (creator GMV ¥412,300 from 28 creators, target
// ¥1,000,000, milestone 2× = ¥824,600) against hand-made peer figures.

import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose, diagnosisMessages } from '../../src/diagnosis/engine.js';
import type { PlanItem } from '../../src/diagnosis/plan/index.js';
import { sizedGoal } from '../../src/diagnosis/plan/sizing.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import type { Check, PeerFigures, PeerLookup, Profile } from '../../src/diagnosis/types.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { mergeCatalogs, render, type Lang } from '../../src/i18n/index.js';
import type { Metrics } from '../../src/metrics/types.js';
import { brandFixture, metricsFixture } from './fixtures.js';
import { smallDistribution } from './scenarios.js';

let profile: Profile;
const catalog = mergeCatalogs(allMessages, diagnosisMessages);

beforeAll(async () => {
  profile = await loadProfile('default', null);
});

function foodPeers(creatorGmv: PeerFigures): PeerLookup {
  return {
    groupName: { key: 'peer.group.category', params: { category: { key: 'peer.category.food' } } },
    metrics: { creatorGmv },
  };
}

function recruitStep(metrics: Metrics, peers: PeerLookup | null): PlanItem {
  const plan = diagnose(metrics, brandFixture(), profile, {}, peers).plan;
  const item = [...plan.priorities, ...plan.backlog].find((candidate) => candidate.id === 'E.recruitForGmv');
  if (!item) throw new Error('no recruiting step');
  return item;
}

function words(item: PlanItem, lang: Lang): { text: string; why: string } {
  return { text: render(catalog, lang, item.text), why: render(catalog, lang, item.why) };
}

describe('the recruiting goal with and without peers', () => {
  it('keeps the doubling milestone and says nothing of peers without a benchmark', () => {
    const item = recruitStep(smallDistribution(), null);
    // ¥412,300 → ¥824,600 at ¥14,725 a creator: 28 more, 28 → 56.
    expect(item.target).toEqual({ metric: 'creators', unit: 'count', current: 28, goal: 56 });
    expect(words(item, 'en').why).toBe('Creator GMV: ¥412,300 against a target of ¥1,000,000.');
  });

  it('aims at the peers’ median when the target is out of reach and the median is within it', () => {
    const item = recruitStep(smallDistribution(), foodPeers({ median: 600_000, excellent: 900_000, n: 12 }));
    // ¥187,700 more at ¥14,725 a creator: 13 more creators.
    expect(item.target?.goal).toBe(41);
    expect(item.impact?.gmvYuan).toBe(Math.round((13 * 41_230_000) / 28 / 100));
    const en = words(item, 'en');
    expect(en.text).toContain('Aim for ¥600,000 this month');
    expect(en.why).toBe(
      'Creator GMV: ¥412,300 against a target of ¥1,000,000. The ¥1,000,000 target is out of reach for now, so the goal is ¥600,000, the median of 12 food brands.',
    );
    const zh = words(item, 'zh');
    expect(zh.text).toContain('本月先冲 ¥600,000');
    expect(zh.why).toContain('先对标同类品牌中位值 ¥600,000（12 个食品品牌）');
  });

  it('aims at the excellent value when the brand is past the median and the excellent value is within reach', () => {
    const item = recruitStep(smallDistribution(), foodPeers({ median: 300_000, excellent: 700_000, n: 9 }));
    // ¥287,700 more: 20 more creators.
    expect(item.target?.goal).toBe(48);
    expect(words(item, 'en').why).toContain(
      'the brand is past the median of 9 food brands (¥300,000), so the goal is their top-quarter value, ¥700,000.',
    );
    expect(words(item, 'zh').why).toContain('已超过 9 个食品品牌的中位值 ¥300,000，先对标优秀值 ¥700,000');
  });

  it('keeps the milestone when the brand is past both peer figures, and says so', () => {
    const item = recruitStep(smallDistribution(), foodPeers({ median: 200_000, excellent: 400_000, n: 7 }));
    expect(item.target?.goal).toBe(56);
    expect(words(item, 'en').why).toContain(
      'already past the top-quarter value of 7 food brands (¥400,000), so the goal is the milestone within reach, ¥824,600.',
    );
    expect(words(item, 'zh').why).toContain('已超过 7 个食品品牌的优秀值 ¥400,000，先按可达的阶段目标 ¥824,600 推进');
  });

  it('keeps the milestone when even the peers’ median is beyond reach this month', () => {
    const item = recruitStep(smallDistribution(), foodPeers({ median: 900_000, excellent: 1_400_000, n: 15 }));
    expect(item.target?.goal).toBe(56);
    expect(words(item, 'en').why).toContain('and so is the median of 15 food brands (¥900,000)');
    expect(words(item, 'zh').why).toContain('15 个食品品牌的中位值 ¥900,000 短期内也够不着');
  });

  it('takes the profile target when it is within reach, whatever the peers say', () => {
    const metrics = metricsFixture({
      seller: { self: { gmvFen: 540_000_00, share: 0.474 }, creator: { gmvFen: 600_000_00, share: 0.526 } },
      creators: 30,
      topCreatorShare: 0.3,
    });
    const alone = recruitStep(metrics, null);
    const withPeers = recruitStep(metrics, foodPeers({ median: 700_000, excellent: 900_000, n: 12 }));
    // ¥400,000 more at ¥20,000 a creator: 20 more.
    expect(alone.target?.goal).toBe(50);
    expect(withPeers.target?.goal).toBe(50);
    expect(words(withPeers, 'en').why).toContain(
      'The goal is the target itself, ¥1,000,000, which is within reach (median of 12 food brands: ¥700,000).',
    );
  });

  it('leaves the plan as it is when the group has no figure for the metric the step sizes', () => {
    const peers: PeerLookup = { ...foodPeers({ median: 1, excellent: 2, n: 5 }), metrics: {} };
    const plain = diagnose(smallDistribution(), brandFixture(), profile).plan;
    expect(diagnose(smallDistribution(), brandFixture(), profile, {}, peers).plan).toEqual(plain);
  });
});

describe('sizedGoal for a lower-is-better metric', () => {
  const cost: Check = {
    id: 'costPerNewFan',
    value: 40,
    target: 10,
    threshold: 'T.costPerNewFanYuan',
    comparison: 'atMost',
    result: 'fail',
    credit: 0.25,
    weight: 2,
    label: { key: 'T.check.costPerNewFan' },
    unit: 'yuan',
  };

  it('treats a lower peer figure as better and a milestone as the floor it can reach', () => {
    // From ¥40 the brand can get to ¥20 this month; ¥10 is out of reach.
    expect(sizedGoal(cost, 40, 20, null)).toMatchObject({ value: 20, source: 'milestone', peerBeyondReach: null });
    expect(sizedGoal(cost, 40, 20, { median: 25, excellent: 15, n: 8 })).toMatchObject({
      value: 25,
      source: 'peerMedian',
    });
    expect(sizedGoal(cost, 40, 20, { median: 45, excellent: 30, n: 8 })).toMatchObject({
      value: 30,
      source: 'peerExcellent',
    });
    expect(sizedGoal(cost, 40, 20, { median: 18, excellent: 12, n: 8 })).toMatchObject({
      value: 20,
      source: 'milestone',
      peerBeyondReach: 'median',
    });
    expect(sizedGoal(cost, 40, 8, { median: 18, excellent: 12, n: 8 })).toMatchObject({ value: 10, source: 'target' });
  });
});
