// Figures the renderers draw but do not compute: buildReport puts them in the report, so the
// JSON, the HTML and any other formatter show the same numbers.

import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { runCli } from './run-cli.js';

function jsonReport(brand: string, extra: string[] = []): Report {
  const run = runCli(['diagnose', `examples/${brand}`, '--json', '--lang', 'en', ...extra]);
  expect(run.signal).toBeNull();
  return JSON.parse(run.stdout) as Report;
}

describe('figures the report carries for its charts', () => {
  it('holds the session funnel: viewers, buyers where buyer ids exist, and the sessions’ own orders', () => {
    const report = jsonReport('huaxi-beauty');
    const orders = report.sessions.reduce((sum, session) => sum + (session.metrics.orders ?? 0), 0);
    expect(report.sessionFunnel).toEqual({ viewers: 255_506, buyers: 2_464, orders: 2_467 });
    expect(report.sessionFunnel?.viewers).toBe(report.metrics.viewers);
    expect(report.sessionFunnel?.orders).toBe(orders);
  });

  it('leaves the buyers step out when conversion is orders ÷ viewers', () => {
    const report = jsonReport('xinya-tea');
    expect(report.metrics.aovBasis).toBe('orders');
    expect(report.sessionFunnel).toEqual({ viewers: 10_092, buyers: null, orders: 91 });
  });

  it('has no funnel without live sessions', () => {
    const report = jsonReport('shanye-snacks');
    expect(report.sessions).toHaveLength(0);
    expect(report.sessionFunnel).toBeNull();
  });

  it('carries the established level of the profile it used', () => {
    const report = jsonReport('huaxi-beauty');
    expect(report.establishedScore).toBe(70);
    expect(report.establishedScore).toBe(report.profile.thresholds['level.established']?.value);
  });
});
