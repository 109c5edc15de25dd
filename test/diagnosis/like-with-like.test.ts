// Like with like: every ratio puts the same basis on both sides and its label says which
// (issue 16 item 3). The exclusive-AOV fixture is built so that each basis gives a different
// answer: per buyer 0.75, per order 0.83, and the old mix (per order over per buyer) 0.50.

import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose, diagnosisMessages } from '../../src/diagnosis/engine.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import type { Check, Diagnosis, Profile, StageKey, StageOutcome } from '../../src/diagnosis/types.js';
import { render, type Lang, type Message } from '../../src/i18n/index.js';
import type { OrderLine } from '../../src/ingest/types.js';
import type { Metrics } from '../../src/metrics/types.js';
import { brand, line, metricsOf, product } from '../metrics/helpers.js';
import { noBuyerIds, weakPaidTraffic } from './scenarios.js';

let profile: Profile;

beforeAll(async () => {
  profile = await loadProfile('default', null);
});

const catalog = [
  product({ productId: 'P1', productName: '高山乌龙 250g', exclusive: false }),
  product({ productId: 'P2', productName: '快手专供 乌龙礼盒', exclusive: true }),
];

/** Two buyers of the exclusive gift box (three orders), and a third buyer who never bought it. */
function orders(withBuyerIds: boolean): OrderLine[] {
  const buyer = (id: string) => (withBuyerIds ? id : null);
  return [
    line({ orderId: 'o1', buyerId: buyer('B1'), productId: 'P2', amountFen: 20_000 }),
    line({ orderId: 'o2', buyerId: buyer('B1'), productId: 'P2', amountFen: 20_000 }),
    line({ orderId: 'o3', buyerId: buyer('B2'), productId: 'P2', amountFen: 30_000 }),
    line({ orderId: 'o3', buyerId: buyer('B2'), productId: 'P1', amountFen: 10_000 }),
    line({ orderId: 'o4', buyerId: buyer('B3'), productId: 'P1', amountFen: 40_000 }),
    line({ orderId: 'o5', buyerId: buyer('B3'), productId: 'P1', amountFen: 20_000 }),
  ];
}

function run(metrics: Metrics): Diagnosis {
  return diagnose(metrics, brand(), profile);
}

function stage(diagnosis: Diagnosis, key: StageKey): StageOutcome {
  return diagnosis.stages.find((entry) => entry.key === key)!;
}

function check(outcome: StageOutcome, id: string): Check {
  return outcome.checks.find((entry) => entry.id === id)!;
}

function say(message: Message, lang: Lang = 'en'): string {
  return render(diagnosisMessages, lang, message);
}

describe('exclusive AOV against overall AOV', () => {
  it('divides both by buyers when the orders carry buyer ids, as METHOD.md defines 客单价', () => {
    const metrics = metricsOf({ orders: orders(true), products: catalog });
    // GMV 140,000 from 3 buyers; the exclusive box sold 70,000 to 2 buyers in 3 orders.
    expect(metrics.aovBasis).toBe('buyers');
    // Money is whole fen: ¥466.67.
    expect(metrics.aovFen).toBe(46_667);
    expect(metrics.exclusive).toMatchObject({ orders: 3, buyers: 2, aovFen: 35_000, aovBasis: 'buyers' });

    const supply = stage(run(metrics), 'specify-supply');
    const ratio = check(supply, 'exclusiveAovRatio');
    expect(ratio.value).toBeCloseTo(0.75, 3);
    expect(say(ratio.label)).toBe('Exclusive AOV ÷ overall AOV, both per buyer (GMV ÷ buyers)');
    expect(say(ratio.label, 'zh')).toBe('特供客单价 ÷ 整体客单价（均按买家：GMV ÷ 买家数）');
    const summary = supply.findings.find((finding) => finding.id === 'summary')!;
    expect(say(summary.message)).toBe(
      '1 exclusive SKUs sold ¥700 (50% of GMV) at an AOV of ¥350 against ¥467 overall, both per buyer.',
    );
  });

  it('divides both by orders when there are no buyer ids, and says so', () => {
    const metrics = metricsOf({ orders: orders(false), products: catalog });
    expect(metrics.aovBasis).toBe('orders');
    expect(metrics.exclusive).toMatchObject({ orders: 3, buyers: null, aovBasis: 'orders' });

    const supply = stage(run(metrics), 'specify-supply');
    const ratio = check(supply, 'exclusiveAovRatio');
    // (70,000 ÷ 3) ÷ (140,000 ÷ 5)
    expect(ratio.value).toBeCloseTo(5 / 6, 3);
    expect(say(ratio.label)).toBe('Exclusive AOV ÷ overall AOV, both per order (GMV ÷ orders: no buyer ids)');
    expect(say(ratio.label, 'zh')).toBe('特供笔单价 ÷ 整体笔单价（均按订单：GMV ÷ 订单数，导出无买家ID）');
    expect(say(supply.evidence, 'zh')).toContain('（均按订单计）');
  });

  it('refuses a ratio of two AOVs on different bases rather than mixing them', () => {
    const metrics = metricsOf({ orders: orders(true), products: catalog });
    const mixed: Metrics = { ...metrics, exclusive: { ...metrics.exclusive!, aovBasis: 'orders' } };
    expect(check(stage(run(mixed), 'specify-supply'), 'exclusiveAovRatio')).toMatchObject({
      value: null,
      result: 'unknown',
    });
  });
});

describe('labels that say which basis a figure is on', () => {
  it('shows the GMV the ROI is over: the sessions with spend, not every session', () => {
    const metrics = weakPaidTraffic();
    expect(metrics.paidSessionGmvFen).toBeLessThan(metrics.sessionGmvFen!);
    const spend = stage(run(metrics), 'traffic').findings.find((finding) => finding.id === 'spend')!;
    const paidYuan = Math.round(metrics.paidSessionGmvFen! / 100).toLocaleString('en-US');
    expect(say(spend.message)).toContain(`the sessions with spend sold ¥${paidYuan} (ROI 1.2)`);
    expect(say(spend.message, 'zh')).toContain(`有投放的场次成交 ¥${paidYuan}`);
  });

  it('calls conversion per order when the live sessions export counts no buyers', () => {
    const room = stage(run(noBuyerIds()), 'self-broadcast');
    expect(say(check(room, 'conversion').label)).toBe('Viewer → order conversion (orders ÷ viewers: no buyer counts)');
    const usual = stage(run(weakPaidTraffic()), 'self-broadcast');
    expect(say(check(usual, 'conversion').label)).toBe('Viewer → buyer conversion (buyers ÷ viewers)');
  });

  it('tells the own live rooms’ share of GMV apart from all brand-sold GMV', () => {
    const room = stage(run(weakPaidTraffic()), 'self-broadcast');
    expect(say(check(room, 'selfBroadcastGmvShare').label, 'zh')).toBe(
      '自播直播间 GMV 占比（品牌自营直播成交 ÷ 总 GMV）',
    );
  });
});
