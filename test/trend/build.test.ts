import { describe, expect, it } from 'vitest';
import { parseCheckConfig } from '../../src/check/config.js';
import { evaluateTrend } from '../../src/check/trend-gate.js';
import { buildTrend } from '../../src/trend/build.js';
import { calendarPeriods } from '../../src/trend/periods.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from '../fixtures/sample-report.js';

function month(from: string, to: string, score: number, steps: string[]): Report {
  const report = sampleReport();
  report.period = { from, to };
  report.overallScore = score;
  report.nextSteps = steps.map((id) => ({ stage: 'private-domain', id, text: `do ${id}` }));
  return report;
}

describe('trend over reports', () => {
  const may = month('2024-05-01', '2024-05-31', 58, ['P.fanGroup', 'P.repeat', 'E.recruitForGmv']);
  const june = month('2024-06-01', '2024-06-30', 64, ['P.repeat', 'E.recruitForGmv']);
  const april = month('2024-04-01', '2024-04-30', 61, ['P.fanGroup']);
  const trend = buildTrend(
    [
      { report: june, source: 'june.json' },
      { report: april, source: 'april.json' },
      { report: may, source: 'may.json' },
    ],
    'reports',
  );

  it('puts the periods in date order whatever order the files came in', () => {
    expect(trend.periods.map((period) => period.label)).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(trend.steps.map((step) => step.overallChange)).toEqual([-3, 6]);
    expect(trend.overall).toEqual({ first: 61, last: 64, change: 3 });
  });

  it('counts a priority as met when the next period no longer asks for it', () => {
    const last = trend.steps[1]!;
    expect(last.priorities.met.map((priority) => priority.id)).toEqual(['P.fanGroup']);
    expect(last.priorities.open.map((priority) => priority.id)).toEqual(['P.repeat', 'E.recruitForGmv']);
  });

  it('says nothing about priorities of reports whose next steps carry no ids', () => {
    const old = sampleReport();
    const trendOfOld = buildTrend(
      [
        { report: old, source: 'a.json' },
        { report: june, source: 'b.json' },
      ],
      'reports',
    );
    expect(trendOfOld.steps[0]!.priorities.known).toBe(false);
  });

  it('warns when two reports cover the same days', () => {
    const overlapping = buildTrend(
      [
        { report: june, source: 'june.json' },
        { report: month('2024-06-15', '2024-07-14', 60, []), source: 'mid.json' },
      ],
      'reports',
    );
    expect(overlapping.warnings).toContainEqual({ kind: 'overlap', first: 'june.json', second: 'mid.json' });
  });

  it('gates on the latest change with trend:overall', () => {
    const config = parseCheckConfig({ assertions: { 'trend:overall': ['error', { minChange: 10 }] } }, '.stepsrc.json');
    expect(config.assertions['trend:overall']).toEqual({ level: 'error', bounds: { minChange: 10 } });
    const assertions = [
      {
        key: 'trend:overall',
        target: { kind: 'trend' as const, stage: null },
        level: 'error' as const,
        bounds: { minChange: 10 },
      },
    ];
    const [result] = evaluateTrend({ kind: 'trend', brand: '花溪美妆', steps: trend.steps }, assertions);
    expect(result).toMatchObject({ passed: false, actual: 6, problem: 'belowMin' });
  });

  it('rejects an option trend assertions do not take, naming the file', () => {
    expect(() =>
      parseCheckConfig({ assertions: { 'trend:overall': ['error', { minScore: 1 }] } }, 'ci/.stepsrc.json'),
    ).toThrow(
      expect.objectContaining({
        detail: expect.objectContaining({
          key: 'check.config.unknownOption',
          params: expect.objectContaining({ file: 'ci/.stepsrc.json', known: ['minChange'] }),
        }),
      }),
    );
  });
});

describe('calendar periods of a client folder', () => {
  it('cuts months and marks the clipped ones partial', () => {
    const months = calendarPeriods('2024-04-10', '2024-06-30', 'month');
    expect(months.map((period) => [period.from, period.to, period.partial])).toEqual([
      ['2024-04-10', '2024-04-30', true],
      ['2024-05-01', '2024-05-31', false],
      ['2024-06-01', '2024-06-30', false],
    ]);
  });

  it('cuts ISO weeks from Monday to Sunday', () => {
    const weeks = calendarPeriods('2024-06-01', '2024-06-16', 'week');
    expect(weeks.map((period) => [period.from, period.to, period.partial])).toEqual([
      ['2024-06-01', '2024-06-02', true],
      ['2024-06-03', '2024-06-09', false],
      ['2024-06-10', '2024-06-16', false],
    ]);
  });

  it('bounds each period by Shanghai days, as --period does', () => {
    const [first] = calendarPeriods('2024-05-01', '2024-05-31', 'month');
    expect(first!.fromMs).toBe(Date.UTC(2024, 3, 30, 16));
    expect(first!.toMs).toBe(Date.UTC(2024, 4, 31, 16) - 1);
  });
});
