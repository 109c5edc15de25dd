// `batch` through the built CLI over a small portfolio with one broken client.

import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportValidator } from '../../src/report/schema.js';
import { EXAMPLES, runCli } from './run-cli.js';

let portfolio: string;
let out: string;

beforeAll(async () => {
  portfolio = await mkdtemp(join(tmpdir(), 'steps-portfolio-'));
  out = join(portfolio, 'reports');
  await cp(join(EXAMPLES, 'xinya-tea'), join(portfolio, 'xinya-tea'), { recursive: true });
  await cp(join(EXAMPLES, 'shanye-snacks'), join(portfolio, 'shanye-snacks'), { recursive: true });
  // A client named like a spreadsheet formula: must stay text in summary.csv.
  await cp(join(EXAMPLES, 'shanye-snacks'), join(portfolio, '=cmd'), { recursive: true });
  // A broken client: its orders export lost the amount column.
  await mkdir(join(portfolio, 'broken-client'));
  await writeFile(
    join(portfolio, 'broken-client', 'orders.csv'),
    '订单号,订单支付时间,商品名称\n2406010000000000001,2024-06-01 20:00:00,白桃乌龙\n',
  );
});

afterAll(async () => {
  await rm(portfolio, { recursive: true, force: true });
});

describe('batch', () => {
  it('diagnoses every client, names the broken one in the summary and exits 2', async () => {
    const run = runCli([
      'batch',
      portfolio,
      '--out',
      out,
      '--concurrency',
      '2',
      '--format',
      'markdown',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);

    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      clients: { client: string; status: string; reason: string | null; focusStage: string | null }[];
      counts: { ok: number; failed: number };
    };
    expect(summary.clients.map((client) => client.client)).toEqual([
      '=cmd',
      'broken-client',
      'shanye-snacks',
      'xinya-tea',
    ]);
    const broken = summary.clients.find((client) => client.client === 'broken-client')!;
    expect(broken.status).toBe('failed');
    expect(broken.reason).toMatch(/orders\.csv/);
    expect(broken.reason).toMatch(/实付款|amount/);
    expect(summary.counts).toMatchObject({ ok: 3, failed: 1 });
    expect(summary.clients.find((client) => client.client === 'xinya-tea')!.focusStage).toBe('elite-distribution');

    // The other clients are complete and valid.
    const validate = await loadReportValidator();
    for (const client of ['xinya-tea', 'shanye-snacks', '=cmd']) {
      const files = await readdir(join(out, client));
      expect(files.sort()).toEqual(['report.json', 'report.md']);
      expect(validate(JSON.parse(await readFile(join(out, client, 'report.json'), 'utf8')))).toEqual([]);
    }
    expect(await readdir(join(out, 'broken-client')).catch(() => [])).toEqual([]);

    // The table on stdout: one row per client, the failure with its reason.
    expect(run.stdout).toMatch(/xinya-tea/);
    expect(run.stdout).toMatch(/failed: /);
  });

  it('neutralises formula-like cells in summary.csv', async () => {
    const csv = await readFile(join(out, 'summary.csv'), 'utf8');
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'client,brand,elite-distribution,traffic,self-broadcast,private-domain,specify-supply,focusStage,overallScore,status,reason,peerGroup,overallPercentile,focusMetric,focusMetricPercentile',
    );
    expect(lines.some((line) => line.startsWith("'=cmd,"))).toBe(true);
    expect(lines.some((line) => line.startsWith('=cmd'))).toBe(false);
  });

  it('exits 1 when every client ran but one is below the gate', async () => {
    const gated = join(portfolio, 'gated');
    const run = runCli(['batch', join(portfolio), '--out', gated, '--fail-under', '99', '--concurrency', '1']);
    // The broken client still fails, and a failure outranks the gate.
    expect(run.code).toBe(2);
    const healthy = await mkdtemp(join(tmpdir(), 'steps-healthy-'));
    await cp(join(EXAMPLES, 'shanye-snacks'), join(healthy, 'shanye-snacks'), { recursive: true });
    const gate = runCli(['batch', healthy, '--out', join(healthy, 'out'), '--fail-under', '99']);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/below gate/);
    const pass = runCli(['batch', healthy, '--out', join(healthy, 'out2'), '--fail-under', '1']);
    expect(pass.code).toBe(0);
    await rm(healthy, { recursive: true, force: true });
  });

  it('exits 2 on a folder with no client folders and on a path in --format', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'steps-empty-'));
    const none = runCli(['batch', empty, '--out', join(empty, 'out')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No client folders');
    const path = runCli(['batch', portfolio, '--out', out, '--format', 'html:x.html']);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('--format html');
    await rm(empty, { recursive: true, force: true });
  });
});
