// `trend` and the attribution in `diff` through the built CLI, on the three-month example client
// (npm test builds first; alone: npx tsc -p . && npx vitest run test/e2e/trend.test.ts).

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/formatters/text.js';
import { loadTrendValidator } from '../../src/trend/schema.js';
import { EXAMPLES, ROOT, runCli } from './run-cli.js';

const CLIENT = join(EXAMPLES, 'qingshan-coffee');
const MONTHS = [
  ['2024-04', '2024-04-01..2024-04-30'],
  ['2024-05', '2024-05-01..2024-05-31'],
  ['2024-06', '2024-06-01..2024-06-30'],
] as const;

let folder: string;

function fenSum(values: number[]): number {
  return values.reduce((total, value) => total + Math.round(value * 100), 0);
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/trend/run.js'))) throw new Error('build first: npx tsc -p .');
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-trend-'));
  for (const [name, period] of MONTHS) {
    const run = runCli([
      'diagnose',
      CLIENT,
      '--period',
      period,
      '--format',
      `json:${join(folder, `${name}.json`)}`,
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('trend over a client folder, by month', () => {
  it('diagnoses each month and writes every format, in English', async () => {
    const outputs = ['markdown', 'json', 'html'].map((format) => `${format}:${join(folder, `trend-en.${format}`)}`);
    const run = runCli([
      'trend',
      CLIENT,
      '--by',
      'month',
      '--lang',
      'en',
      ...outputs.flatMap((o) => ['--format', o]),
      '--format',
      'terminal',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('STEPS trend · 青山咖啡 · by month');
    expect(run.stdout).toMatch(/2024-04 → 2024-05\n {2}GMV \+¥[\d,]+; live sessions \+¥[\d,]+ = traffic \+¥/);
    expect(run.stderr).toContain('Diagnosing period 3 of 3: 2024-06-01 → 2024-06-30');
    for (const line of run.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);

    const trend = JSON.parse(await readFile(join(folder, 'trend-en.json'), 'utf8'));
    expect((await loadTrendValidator())(trend)).toEqual([]);
    expect(trend.periods.map((period: { label: string }) => period.label)).toEqual(['2024-04', '2024-05', '2024-06']);
    for (const step of trend.steps) {
      const { factors, gmvChange, bySeller, byCarrier, totalGmvChange } = step.attribution;
      expect(fenSum(Object.values(factors))).toBe(Math.round(gmvChange * 100));
      expect(fenSum(Object.values(bySeller))).toBe(Math.round(totalGmvChange * 100));
      expect(fenSum(Object.values(byCarrier))).toBe(Math.round(totalGmvChange * 100));
    }
    // The example's May buys viewers; its June converts them better and sells a gift box.
    const [aprilToMay, mayToJune] = trend.steps;
    expect(aprilToMay.attribution.factors.traffic).toBeGreaterThan(0.9 * aprilToMay.attribution.gmvChange);
    expect(mayToJune.attribution.factors.conversion).toBeGreaterThan(mayToJune.attribution.factors.traffic);
    expect(mayToJune.newHeroProducts.map((product: { name: string }) => product.name)).toEqual([
      '618 咖啡礼盒 冷萃+挂耳+马克杯',
    ]);

    const html = await readFile(join(folder, 'trend-en.html'), 'utf8');
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('data-chart="trendScores"');
    const markdown = await readFile(join(folder, 'trend-en.markdown'), 'utf8');
    expect(markdown).toContain('## 2024-05 → 2024-06');
  }, 120_000);

  it('speaks Chinese', () => {
    const run = runCli(['trend', CLIENT, '--lang', 'zh', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('STEPS 趋势 · 青山咖啡 · 按月');
    expect(run.stdout).toMatch(/GMV 环比 \+¥[\d,]+；直播间 GMV \+¥[\d,]+，其中流量贡献/);
    expect(run.stderr).toBe('');
    for (const line of run.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  }, 120_000);
});

describe('trend over report files', () => {
  it('orders the reports by period and gates on progress with check', async () => {
    const files = ['2024-06', '2024-04', '2024-05'].map((name) => join(folder, `${name}.json`));
    const out = join(folder, 'trend-reports.json');
    const run = runCli(['trend', ...files, '--format', `json:${out}`, '--format', 'markdown', '--lang', 'zh']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('| 2024-04 |');
    const trend = JSON.parse(await readFile(out, 'utf8'));
    expect(trend.by).toBe('reports');
    expect(trend.periods.map((period: { label: string }) => period.label)).toEqual(['2024-04', '2024-05', '2024-06']);

    await writeFile(
      join(folder, 'gate.json'),
      JSON.stringify({ assertions: { 'trend:overall': ['error', { minChange: 0 }] } }),
    );
    const pass = runCli(['check', out, '--config', join(folder, 'gate.json')]);
    expect(pass.code, pass.stdout + pass.stderr).toBe(0);
    expect(pass.stdout).toMatch(/trend:overall +\d+ \(expected change ≥ 0 since the previous period\)/);
    await writeFile(
      join(folder, 'gate-high.json'),
      JSON.stringify({ assertions: { 'trend:overall': ['error', { minChange: 99 }] } }),
    );
    const fail = runCli(['check', out, '--config', join(folder, 'gate-high.json')]);
    expect(fail.code).toBe(1);
  });

  it('shows the attribution and new creators in diff', async () => {
    const run = runCli(['diff', join(folder, '2024-05.json'), join(folder, '2024-06.json'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout);
    const { factors, gmvChange } = diff.attribution;
    expect(fenSum(Object.values(factors))).toBe(Math.round(gmvChange * 100));
    expect(diff.movements.creators.new.count).toBeGreaterThan(0);
    const text = runCli(['diff', join(folder, '2024-05.json'), join(folder, '2024-06.json')]);
    expect(text.stdout).toMatch(
      /^GMV \+¥[\d,]+; live sessions \+¥[\d,]+ = traffic [+−]¥[\d,]+, conversion \+¥[\d,]+, AOV \+¥[\d,]+$/m,
    );
  });

  it('refuses what it cannot compare, with exit 2 and the reason', () => {
    const one = runCli(['trend', join(folder, '2024-04.json')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('a trend needs at least two reports (got 1)');
    const badBy = runCli(['trend', CLIENT, '--by', 'quarter']);
    expect(badBy.code).toBe(2);
    expect(badBy.stderr).toContain('--by "quarter": use one of month, week');
  });
});
