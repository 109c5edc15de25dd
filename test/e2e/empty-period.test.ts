// A period that catches no order is not a diagnosis (PLAN.md section 2): diagnose and validate
// both stop with exit 2 and one line naming the period asked and the dates the data covers.

import { beforeAll, describe, expect, it } from 'vitest';
import { clientFolder, orderRow, ordersCsv } from '../ingest/helpers.js';
import { runCli } from './run-cli.js';

const MAY_ORDERS = ordersCsv([
  orderRow({ paidAt: '2024-05-03 20:16:41', amount: '59.90' }),
  orderRow({ paidAt: '2024-05-17 21:02:10', amount: '129.00' }),
  orderRow({ paidAt: '2024-05-28 19:45:00', amount: '89.00' }),
]);

let mayOnly: string;
let juneInBrand: string;

beforeAll(async () => {
  mayOnly = await clientFolder({ '订单导出_2024年5月.csv': MAY_ORDERS }, 'may-shop');
  juneInBrand = await clientFolder(
    {
      '订单导出_2024年5月.csv': MAY_ORDERS,
      'brand.json': JSON.stringify({ name: '五月小店', period: { from: '2024-06-01', to: '2024-06-30' } }),
    },
    'june-brand',
  );
});

describe('a period with no counted order', () => {
  it('stops diagnose with exit 2, naming the period from --period and the dates the orders cover', () => {
    const run = runCli(['diagnose', mayOnly, '--period', '2024-06-01..2024-06-30']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('订单导出_2024年5月.csv');
    expect(run.stderr).toContain('no counted order in the period 2024-06-01 → 2024-06-30 (set by --period)');
    expect(run.stderr).toContain('the order lines cover 2024-05-03 → 2024-05-28');
  });

  it('says the same in Chinese, and names brand.json when the period comes from there', () => {
    const run = runCli(['diagnose', juneInBrand, '--lang', 'zh', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('所选周期 2024-06-01 → 2024-06-30（由 brand.json 指定）内没有计入的订单');
    expect(run.stderr).toContain('订单数据覆盖的是 2024-05-03 → 2024-05-28');
  });

  it('makes validate say it too, exit 2 and not ready, in both languages', () => {
    const en = runCli(['validate', mayOnly, '--period', '2024-06-01..2024-06-30']);
    expect(en.code).toBe(2);
    expect(en.stdout).toContain('the order lines cover 2024-05-03 → 2024-05-28');
    expect(en.stdout).toContain('period covered: — (no row in the period; the file runs 2024-05-03 .. 2024-05-28)');
    expect(en.stdout).not.toContain('Ready to diagnose');
    expect(en.stdout.trim().split('\n').at(-1)).toBe('Not ready to diagnose. Problems to fix first: 1.');

    const zh = runCli(['validate', juneInBrand, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toContain('订单数据覆盖的是 2024-05-03 → 2024-05-28');
    expect(zh.stdout).not.toContain('可以开始诊断');
    expect(zh.stdout.trim().split('\n').at(-1)).toBe('暂时无法诊断：需先解决 1 个问题。');
    expect(zh.stderr).toContain('由 brand.json 指定');
  });

  it('lists it as a problem in validate --json', () => {
    const run = runCli(['validate', mayOnly, '--period', '2024-06-01..2024-06-30', '--json']);
    expect(run.code).toBe(2);
    const result = JSON.parse(run.stdout) as { ok: boolean; issues: { code: string; message: string }[] };
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toEqual(['ingest.emptyPeriod']);
  });

  it('diagnoses as usual when the period holds the orders', () => {
    const run = runCli(['diagnose', mayOnly, '--period', '2024-05-01..2024-05-31', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { metrics: { orders: number } };
    expect(report.metrics.orders).toBe(3);
    expect(runCli(['validate', mayOnly, '--period', '2024-05-01..2024-05-31']).code).toBe(0);
  });
});
