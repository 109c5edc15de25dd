import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertionsForBrand, parseCheckConfig, type CheckConfig } from '../../src/check/config.js';
import { formatCheckJson } from '../../src/check/format-json.js';
import { formatCheckText } from '../../src/check/format-text.js';
import { checkFiles } from '../../src/check/result.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator } from '../../src/i18n/index.js';
import { plainStyle } from '../../src/report/formatters/style.js';
import { loadReportValidator, type ReportValidator } from '../../src/report/schema.js';
import { sampleReport } from '../fixtures/sample-report.js';

const en = translator(allMessages, 'en');
const zh = translator(allMessages, 'zh');

let folder: string;
let validate: ReportValidator;
const files: Record<string, string> = {};

const config: CheckConfig = parseCheckConfig(
  {
    assertions: {
      overall: ['error', { minScore: 60 }],
      'stage:private-domain': ['warn', { minScore: 50 }],
      'metric:roi': ['error', { min: 1.5 }],
    },
    overrides: [{ brands: ['acme-*'], assertions: { overall: ['error', { minScore: 80 }] } }],
  },
  'test.json',
);

function run(names: string[]) {
  return checkFiles(
    names.map((name) => files[name] ?? join(folder, name)),
    validate,
    (brand) => assertionsForBrand(config, brand),
  );
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-check-result-'));
  validate = await loadReportValidator();
  const write = async (name: string, content: string) => {
    files[name] = join(folder, name);
    await writeFile(files[name]!, content);
  };
  await write('huaxi.json', JSON.stringify(sampleReport(), null, 2));
  const acme = sampleReport();
  acme.brand.name = 'acme-tea';
  await write('acme.json', JSON.stringify(acme));
  const broken = sampleReport() as unknown as { metrics: Record<string, unknown>; stages: { score: unknown }[] };
  broken.metrics.gmv = '1,852,340.50';
  broken.stages[0]!.score = 186;
  await write('broken.json', JSON.stringify(broken));
  await write('truncated.json', JSON.stringify(sampleReport()).slice(0, 500));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('checking report files', () => {
  it('passes a good report with a warning, exit 0: warn never fails', async () => {
    const result = await run(['huaxi.json']);
    expect(result.exitCode).toBe(0);
    expect(result.summary).toMatchObject({
      reports: 1,
      passedReports: 1,
      assertions: 3,
      passedAssertions: 2,
      warnings: 1,
      errors: 0,
    });
  });

  it('applies the brand override: acme-tea needs 80 and scores 62, exit 1', async () => {
    const result = await run(['acme.json']);
    expect(result.exitCode).toBe(1);
    const outcome = result.outcomes[0]!;
    expect(outcome.status).toBe('checked');
    if (outcome.status !== 'checked') return;
    expect(outcome.results[0]).toMatchObject({
      assertion: 'overall',
      passed: false,
      actual: 62,
      bounds: { minScore: 80 },
    });
  });

  it('fails a JSON file that breaks the schema, with the JSON paths, and applies no assertion to it', async () => {
    const result = await run(['broken.json']);
    expect(result.exitCode).toBe(1);
    const outcome = result.outcomes[0]!;
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.brand).toBe('花溪美妆');
    const paths = outcome.problems.map((problem) => problem.path);
    expect(paths).toContain('/metrics/gmv');
    expect(paths.some((path) => path.startsWith('/stages/0/score'))).toBe(true);
  });

  it('cannot check a missing file or one that is not JSON (exit 2), and still checks the others', async () => {
    const result = await run(['huaxi.json', 'missing.json', 'truncated.json', 'acme.json']);
    expect(result.exitCode).toBe(2);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual([
      'checked',
      'unreadable',
      'unreadable',
      'checked',
    ]);
    const [, missing, truncated] = result.outcomes;
    if (missing!.status !== 'unreadable' || truncated!.status !== 'unreadable') throw new Error('expected unreadable');
    expect(en(missing!.error.key, missing!.error.params)).toBe(`${join(folder, 'missing.json')}: no such file`);
    expect(en(truncated!.error.key, truncated!.error.params)).toContain(`${files['truncated.json']} is not JSON`);
    expect(result.summary).toMatchObject({ passedReports: 1, failedReports: 1, unreadableReports: 2 });
  });
});

describe('check output for people', () => {
  it('prints one line per assertion with mark, file, assertion, actual vs expected and level', async () => {
    const text = formatCheckText(await run(['huaxi.json', 'broken.json']), en, plainStyle);
    const lines = text.split('\n');
    const file = files['huaxi.json']!;
    expect(lines.find((line) => line.includes(file) && line.includes(' overall '))).toMatch(
      /^✓ .* overall +62 \(expected ≥ 60\)$/,
    );
    expect(lines.find((line) => line.includes('stage:private-domain'))).toMatch(/^! .*31, expected ≥ 50 +\[warn\]$/);
    expect(lines.find((line) => line.includes(files['broken.json']!))).toMatch(
      /^✗ .* schema +not a valid report: \d+ schema problem\(s\)/,
    );
    expect(text).toContain('    /metrics/gmv: must be number');
    expect(lines.at(-2)).toBe(
      'Reports: 1 passed, 0 failed, 1 invalid, 0 unreadable. Assertions: 2 passed, 1 warned, 0 failed.',
    );
  });

  it('speaks Chinese', async () => {
    const text = formatCheckText(await run(['acme.json']), zh, plainStyle);
    expect(text).toContain('62，要求 ≥ 80');
    expect(text).toContain('[错误]');
    expect(text).toContain('报告：0 份通过，1 份未通过');
  });
});

describe('check --json', () => {
  it('is one document with per-report, per-assertion results', async () => {
    const document = JSON.parse(formatCheckJson(await run(['huaxi.json', 'missing.json', 'broken.json']), en));
    expect(document.exitCode).toBe(2);
    expect(document.reports.map((report: { status: string }) => report.status)).toEqual([
      'passed',
      'unreadable',
      'invalid',
    ]);
    expect(document.reports[0].brand).toBe('花溪美妆');
    expect(document.reports[0].results[1]).toEqual({
      assertion: 'stage:private-domain',
      level: 'warn',
      passed: false,
      actual: 31,
      expected: { minScore: 50 },
      problem: 'belowMin',
      message: '31, expected ≥ 50',
    });
    expect(document.reports[1].error).toContain('no such file');
    expect(document.reports[2].schemaProblems).toContainEqual({ path: '/metrics/gmv', message: 'must be number' });
    expect(document.summary).toMatchObject({ reports: 3, warnings: 1, invalidReports: 1, unreadableReports: 1 });
  });
});
