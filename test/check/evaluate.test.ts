import { describe, expect, it } from 'vitest';
import { assertionsForBrand, parseCheckConfig, type Assertion } from '../../src/check/config.js';
import { evaluateAssertion, evaluateReport } from '../../src/check/evaluate.js';
import { resultDetail } from '../../src/check/words.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator } from '../../src/i18n/index.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from '../fixtures/sample-report.js';

const en = translator(allMessages, 'en');

/** One assertion as a config would write it, resolved the way `check` resolves it. */
function assertion(key: string, value: unknown): Assertion {
  const [resolved] = assertionsForBrand(parseCheckConfig({ assertions: { [key]: value } }, 'test.json'), 'any');
  return resolved!;
}

function evaluate(report: Report, key: string, value: unknown) {
  const result = evaluateAssertion(report, assertion(key, value));
  return { ...result, text: resultDetail(result, en) };
}

describe('score assertions', () => {
  // The sample brand: overall 62, traffic 74, private-domain 31, specify-supply not measured.
  const report = sampleReport();

  it.each([
    ['error', 60, true],
    ['error', 70, false],
    ['warn', 60, true],
    ['warn', 70, false],
  ] as const)('overall at %s with minScore %d passes: %s', (level, minScore, passes) => {
    const result = evaluate(report, 'overall', [level, { minScore }]);
    expect(result).toMatchObject({ assertion: 'overall', level, passed: passes, actual: 62 });
  });

  it('says the actual score and what was expected', () => {
    expect(evaluate(report, 'overall', ['error', { minScore: 70 }]).text).toBe('62, expected ≥ 70');
    expect(evaluate(report, 'overall', ['error', { minScore: 60 }]).text).toBe('62 (expected ≥ 60)');
  });

  it('passes a score exactly at the bound', () => {
    expect(evaluate(report, 'overall', ['error', { minScore: 62 }]).passed).toBe(true);
    expect(evaluate(report, 'stage:traffic', ['error', { minScore: 74 }]).passed).toBe(true);
  });

  it('reads the stage score by key', () => {
    expect(evaluate(report, 'stage:traffic', ['error', { minScore: 75 }])).toMatchObject({
      passed: false,
      actual: 74,
      problem: 'belowMin',
    });
    expect(evaluate(report, 'stage:private-domain', ['warn', { minScore: 30 }])).toMatchObject({
      passed: true,
      actual: 31,
    });
  });

  it('fails a stage that is not measured, and says so', () => {
    const result = evaluate(report, 'stage:specify-supply', ['error', { minScore: 10 }]);
    expect(result).toMatchObject({ passed: false, actual: null, problem: 'stageNotMeasured' });
    expect(result.text).toBe('stage specify-supply is not measured (no score), expected ≥ 10');
  });

  it('fails an overall score that is not measured, even with a bound of 0', () => {
    const unmeasured = { ...sampleReport(), overallScore: null };
    const result = evaluate(unmeasured, 'overall', ['error', { minScore: 0 }]);
    expect(result).toMatchObject({ passed: false, problem: 'notMeasured' });
    expect(result.text).toContain('not measured');
  });
});

describe('metric assertions', () => {
  const report = sampleReport();

  it('reads a top-level metric: roi 2.5821', () => {
    expect(evaluate(report, 'metric:roi', ['error', { min: 1.5 }])).toMatchObject({ passed: true, actual: 2.5821 });
    expect(evaluate(report, 'metric:roi', ['error', { min: 3 }])).toMatchObject({ passed: false, problem: 'belowMin' });
    expect(evaluate(report, 'metric:roi', ['error', { max: 2.5 }])).toMatchObject({
      passed: false,
      problem: 'aboveMax',
    });
  });

  it('follows a dotted path: seller.creator.share 0.6852', () => {
    const result = evaluate(report, 'metric:seller.creator.share', ['warn', { max: 0.6 }]);
    expect(result).toMatchObject({ level: 'warn', passed: false, actual: 0.6852, problem: 'aboveMax' });
    // A share at the precision the report shows it (68.5%): three decimals of the fraction.
    expect(result.text).toBe('0.685, expected ≤ 0.6');
  });

  it('shows a value finer than the report would when its bound is written finer, so it never looks equal to it', () => {
    expect(evaluate(report, 'metric:seller.creator.share', ['warn', { max: 0.685 }]).text).toBe(
      '0.6852, expected ≤ 0.685',
    );
    expect(evaluate(report, 'metric:roi', ['error', { max: 2.582 }]).text).toBe('2.5821, expected ≤ 2.582');
  });

  it('shows ROI and other ratios with two decimals, as the report does: 2.5821 reads 2.58', () => {
    expect(evaluate(report, 'metric:roi', ['error', { min: 1.5 }]).text).toBe('2.58 (expected ≥ 1.5)');
    expect(evaluate(report, 'metric:roi', ['error', { min: 3 }]).text).toBe('2.58, expected ≥ 3');
  });

  it('checks min and max together', () => {
    expect(evaluate(report, 'metric:topCreatorShare', ['error', { min: 0.1, max: 0.3 }])).toMatchObject({
      passed: true,
      actual: 0.1812,
    });
    const outside = evaluate(report, 'metric:topCreatorShare', ['error', { min: 0.2, max: 0.3 }]);
    expect(outside.text).toBe('0.181, expected ≥ 0.2 and ≤ 0.3');
  });

  it('fails a metric that is null in the report as not measured, not as 0', () => {
    const result = evaluate(report, 'metric:fanOrderShare', ['error', { max: 1 }]);
    expect(result).toMatchObject({ passed: false, actual: null, problem: 'notMeasured' });
    expect(result.text).toBe('not measured (null in the report), expected ≤ 1');
  });

  it('fails a path that is not in the report, naming it', () => {
    const result = evaluate(report, 'metric:seller.reseller.share', ['error', { min: 0 }]);
    expect(result).toMatchObject({ passed: false, problem: 'missing' });
    expect(result.text).toBe('the report has no metric "seller.reseller.share"');
  });

  it('treats a field under a family that is null (exclusive: null) as not measured', () => {
    expect(evaluate(report, 'metric:exclusive.share', ['warn', { min: 0 }])).toMatchObject({
      passed: false,
      problem: 'notMeasured',
    });
  });

  it('fails a path that leads to an object, not a number', () => {
    expect(evaluate(report, 'metric:seller', ['error', { min: 0 }])).toMatchObject({
      passed: false,
      problem: 'notNumber',
    });
  });

  it('with no bounds, asserts only that the metric is measured', () => {
    expect(evaluate(report, 'metric:buyers', 'error')).toMatchObject({ passed: true, actual: 10412 });
    expect(evaluate(report, 'metric:buyers', 'error').text).toBe('10,412 (expected measured)');
    const unmeasured = evaluate(report, 'metric:fanOrderShare', 'warn');
    expect(unmeasured).toMatchObject({ passed: false, problem: 'notMeasured' });
    expect(unmeasured.text).toBe('not measured (null in the report)');
  });
});

describe('inputs:skippedRows', () => {
  it('sums skipped rows over every input', () => {
    const report = sampleReport();
    report.inputs[1]!.skippedRows = 3;
    expect(evaluate(report, 'inputs:skippedRows', ['warn', { max: 4 }])).toMatchObject({ passed: false, actual: 5 });
    expect(evaluate(report, 'inputs:skippedRows', ['warn', { max: 5 }])).toMatchObject({ passed: true, actual: 5 });
  });

  it('as a bare level, means no skipped rows at all', () => {
    const report = sampleReport();
    expect(evaluate(report, 'inputs:skippedRows', 'error')).toMatchObject({ passed: false, actual: 2 });
    report.inputs[0]!.skippedRows = 0;
    expect(evaluate(report, 'inputs:skippedRows', 'error')).toMatchObject({ passed: true, actual: 0 });
  });
});

describe('a whole report', () => {
  it('gives one result per assertion that is not off, in a stable order', () => {
    const config = parseCheckConfig(
      {
        assertions: {
          'metric:roi': ['error', { min: 1.5 }],
          'stage:private-domain': ['warn', { minScore: 50 }],
          'stage:traffic': 'off',
          overall: ['error', { minScore: 60 }],
        },
      },
      'x.json',
    );
    const results = evaluateReport(sampleReport(), assertionsForBrand(config, '花溪美妆'));
    expect(results.map((result) => [result.assertion, result.level, result.passed])).toEqual([
      ['overall', 'error', true],
      ['stage:private-domain', 'warn', false],
      ['metric:roi', 'error', true],
    ]);
  });
});
