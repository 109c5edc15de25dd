// The done-when of the attribution on real pipeline output: two generated months of exports that
// differ in one factor only, diagnosed month by month as `trend <dir> --by month` does, then split.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attributeGmvChange, toFen } from '../../src/diff/attribution.js';
import { diagnoseFolder } from '../../src/pipeline.js';
import type { Report } from '../../src/report/types.js';
import { calendarPeriods } from '../../src/trend/periods.js';

interface MonthPlan {
  month: '04' | '05';
  sessions: number;
  viewersPerSession: number;
  buyersPerSession: number;
  /** Every live order is one unit at this price, so AOV is exactly it. */
  priceYuan: number;
}

const folders: string[] = [];

function monthRows(plan: MonthPlan, serial: { order: number; buyer: number }) {
  const orders: string[] = [];
  const sessions: string[] = [];
  for (let session = 0; session < plan.sessions; session++) {
    const day = String(2 + session * 2).padStart(2, '0');
    const liveId = `L${plan.month}${String(session).padStart(3, '0')}`;
    for (let buyer = 0; buyer < plan.buyersPerSession; buyer++) {
      serial.order += 1;
      serial.buyer += 1;
      orders.push(
        `${serial.order},2024-${plan.month}-${day} 20:${String(buyer % 60).padStart(2, '0')}:00,P1,挂耳咖啡,${plan.priceYuan}.00,自营,live,青山咖啡官方旗舰店,${liveId},B${serial.buyer}`,
      );
    }
    const gmv = plan.buyersPerSession * plan.priceYuan;
    sessions.push(
      `${liveId},青山咖啡官方旗舰店,2024-${plan.month}-${day}T19:30:00+08:00,180分钟,${plan.viewersPerSession},${gmv}.00,${plan.buyersPerSession},${plan.buyersPerSession}`,
    );
  }
  return { orders, sessions };
}

async function twoMonths(april: MonthPlan, may: MonthPlan): Promise<[Report, Report]> {
  const dir = await mkdtemp(join(tmpdir(), 'steps-trend-months-'));
  folders.push(dir);
  const serial = { order: 2404000000000, buyer: 0 };
  const first = monthRows(april, serial);
  const second = monthRows(may, serial);
  await writeFile(
    join(dir, 'brand.json'),
    JSON.stringify({ name: '青山咖啡', category: 'food', ownAccounts: ['青山咖啡官方旗舰店'] }),
  );
  await writeFile(
    join(dir, 'orders.csv'),
    [
      'order_id,paid_at,商品ID,product_name,amount,seller,carrier,account,live_id,buyer_id',
      ...first.orders,
      ...second.orders,
    ].join('\n') + '\n',
  );
  await writeFile(
    join(dir, 'live_sessions.csv'),
    ['live_id,account,start_time,duration,viewers,gmv,buyers,orders', ...first.sessions, ...second.sessions].join(
      '\n',
    ) + '\n',
  );
  const [aprilPeriod, mayPeriod] = calendarPeriods('2024-04-01', '2024-05-31', 'month');
  const common = { dir, lang: 'en' as const, threads: 1 };
  return [
    await diagnoseFolder({ ...common, period: aprilPeriod! }),
    await diagnoseFolder({ ...common, period: mayPeriod! }),
  ];
}

function fenSum(parts: Record<string, number>): number {
  return Object.values(parts).reduce((total, part) => total + toFen(part), 0);
}

afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('attribution on generated months', () => {
  it('gives a conversion-only month to conversion', async () => {
    const april = { month: '04', sessions: 8, viewersPerSession: 5_000, buyersPerSession: 50, priceYuan: 80 } as const;
    const may = { ...april, month: '05', buyersPerSession: 65 } as const;
    const [before, after] = await twoMonths(april, may);
    const attribution = attributeGmvChange(before, after);
    expect(attribution.split).toBe('lmdi');
    expect(attribution.gmvChange).toBe(8 * 15 * 80);
    expect(attribution.factors!.conversion / attribution.gmvChange!).toBeGreaterThanOrEqual(0.9);
    expect(fenSum(attribution.factors!)).toBe(toFen(attribution.gmvChange!));
  });

  it('gives a viewers-only month to traffic', async () => {
    const april = { month: '04', sessions: 8, viewersPerSession: 5_000, buyersPerSession: 50, priceYuan: 80 } as const;
    const may = { ...april, month: '05', sessions: 11 } as const;
    const [before, after] = await twoMonths(april, may);
    const attribution = attributeGmvChange(before, after);
    expect(attribution.gmvChange).toBe(3 * 50 * 80);
    expect(attribution.factors!.traffic / attribution.gmvChange!).toBeGreaterThanOrEqual(0.9);
    expect(attribution.factors!.conversion).toBe(0);
    expect(attribution.factors!.aov).toBe(0);
    expect(fenSum(attribution.bySeller)).toBe(toFen(attribution.totalGmvChange));
    expect(fenSum(attribution.byCarrier)).toBe(toFen(attribution.totalGmvChange));
  });
});
