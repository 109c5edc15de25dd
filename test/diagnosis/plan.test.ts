// The plan on hand-made brands: what a consultant would put first, and what never appears twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnosis/engine.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import type { Plan, PlanItem } from '../../src/diagnosis/plan/index.js';
import type { Profile } from '../../src/diagnosis/types.js';
import type { BrandConfig } from '../../src/ingest/types.js';
import type { Metrics } from '../../src/metrics/types.js';
import { brandFixture, metricsFixture, ordersOnlyFixture } from './fixtures.js';
import { smallDistribution } from './scenarios.js';

let profile: Profile;

beforeAll(async () => {
  profile = await loadProfile('default', null);
});

function planOf(metrics: Metrics, brand: BrandConfig = brandFixture()): Plan {
  return diagnose(metrics, brand, profile).plan;
}

function all(plan: Plan): PlanItem[] {
  return [...plan.priorities, ...plan.backlog];
}

describe('plan ranking', () => {
  it('puts a critical platform score first, before any step that spends on growth', () => {
    const plan = planOf(
      smallDistribution(),
      brandFixture({ scores: { shopExperience: 3.6, creatorReputation: 4.7, product: 4.8 } }),
    );
    expect(plan.priorities[0]).toMatchObject({ rank: 1, id: 'brand.shopExperience', stage: null, kind: 'blocker' });
    expect(plan.priorities[0]!.target).toEqual({ metric: 'shopExperience', current: 3.6, goal: 4.5, unit: 'ratio' });
  });

  it('gathers the scores merely under the floor into one item, so the focus stage keeps its place', () => {
    const plan = planOf(
      smallDistribution(),
      brandFixture({ scores: { shopExperience: 3.6, creatorReputation: 4.3, product: 4.1 } }),
    );
    expect(plan.priorities.map((item) => item.id)).toEqual([
      'brand.shopExperience',
      'brand.platformScores',
      'E.recruitForGmv',
    ]);
  });

  it('takes priorities from the focus stage, then the next one, and leaves later stages to the backlog', () => {
    const diagnosis = diagnose(metricsFixture(), brandFixture(), profile);
    expect(diagnosis.focusStage).toBe('traffic');
    const stages = diagnosis.plan.priorities.map((item) => item.stage);
    expect(stages.every((stage) => stage === 'traffic' || stage === 'self-broadcast')).toBe(true);
    expect(stages[0]).toBe('traffic');
    expect(diagnosis.plan.priorities.length).toBeLessThanOrEqual(3);
    expect(diagnosis.plan.backlog.some((item) => item.stage === 'specify-supply')).toBe(true);
  });

  it('numbers ranks continuously across priorities and backlog', () => {
    const plan = planOf(metricsFixture());
    expect(all(plan).map((item) => item.rank)).toEqual(all(plan).map((_, index) => index + 1));
  });

  it('asks for the data of an unmeasured stage before the focus, and lists every export that would measure one', () => {
    const plan = planOf(
      ordersOnlyFixture({
        seller: { self: { gmvFen: 0, share: 0 }, creator: { gmvFen: 2_000_000_00, share: 1 } },
        creators: 40,
        topCreatorShare: 0.2,
        heroProducts: metricsFixture().topProducts.slice(0, 3),
        creatorBuyers: null,
      }),
    );
    expect(plan.dataRequests.map((request) => request.id)).toEqual([
      'data.traffic',
      'data.self-broadcast',
      'data.private-domain',
      'data.specify-supply',
    ]);
    expect(plan.dataRequests[0]!.unlocks).toEqual(['traffic']);
  });
});

describe('plan merging', () => {
  it('has no two items with one id or one target metric, on every hand-made brand', () => {
    for (const metrics of [metricsFixture(), smallDistribution(), ordersOnlyFixture()]) {
      const items = all(planOf(metrics));
      const ids = items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      const metricsTargeted = items.flatMap((item) => (item.target ? [item.target.metric] : []));
      expect(new Set(metricsTargeted).size).toBe(metricsTargeted.length);
    }
  });

  it('asks for follows once when S and P both miss the follow rate, carrying both checks', () => {
    const plan = planOf(
      metricsFixture({ followRate: 0.012, period: { from: '2024-04-01', to: '2024-06-30', days: 91 } }),
    );
    const follows = all(plan).filter((item) => item.id === 'S.follow' || item.id === 'P.follow');
    expect(follows).toHaveLength(1);
    expect(follows[0]!.checks).toEqual(['followRate']);
  });

  it('keeps ids the same across runs', () => {
    const first = all(planOf(metricsFixture())).map((item) => item.id);
    const second = all(planOf(metricsFixture())).map((item) => item.id);
    expect(second).toEqual(first);
  });
});

describe('plan sizing', () => {
  it('keeps every this-week and this-month goal within 3× the current value', () => {
    for (const metrics of [metricsFixture(), smallDistribution()]) {
      for (const item of all(planOf(metrics))) {
        if (!item.target || item.horizon === 'this-quarter' || item.kind === 'blocker' || item.target.current <= 0)
          continue;
        expect(item.target.goal, item.id).toBeLessThanOrEqual(3 * item.target.current);
      }
    }
  });
});
