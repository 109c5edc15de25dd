// Coverage through the built CLI (PLAN.md section 2): the JSON field, the line beside the
// overall score, and `check` asserting on it.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportValidator } from '../../src/report/schema.js';
import type { Report } from '../../src/report/types.js';
import { EXAMPLES, runCli } from './run-cli.js';

let folder: string;
let report: Report;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-coverage-'));
  // 新芽茶饮: orders without buyer ids and no products export, so P and the channel supply are unmeasured.
  const run = runCli(['diagnose', join(EXAMPLES, 'xinya-tea'), '--json']);
  expect(run.code).toBe(0);
  await writeFile(join(folder, 'xinya.json'), run.stdout);
  report = JSON.parse(run.stdout) as Report;
  await writeFile(
    join(folder, 'four.json'),
    JSON.stringify({ assertions: { 'coverage:measuredStages': ['error', { min: 4 }] } }),
  );
  await writeFile(
    join(folder, 'three.json'),
    JSON.stringify({ assertions: { 'coverage:measuredStages': ['error', { min: 3 }] } }),
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('coverage on an example brand', () => {
  it('is in the JSON report, which the schema accepts', async () => {
    expect(report.schemaVersion).toBe('1.2.0');
    expect(report.coverage).toEqual({ measuredStages: 3, stages: 5 });
    const validate = await loadReportValidator();
    expect(validate(report)).toEqual([]);
  });

  it('sits beside the overall score in the terminal, in both languages', () => {
    const en = runCli(['diagnose', join(EXAMPLES, 'xinya-tea')]);
    expect(en.stdout).toMatch(/^Overall score: \d+\/100 · 3 of 5 stages measured · Focus stage: E /m);
    const zh = runCli(['diagnose', join(EXAMPLES, 'xinya-tea'), '--lang', 'zh']);
    expect(zh.stdout).toMatch(/^综合得分：\d+\/100 · 已测量 3\/5 个阶段 · 当前重点阶段：E /m);
  });

  it('can be asserted by check: coverage:measuredStages with min', () => {
    const short = runCli(['check', 'xinya.json', '--config', 'four.json'], { cwd: folder });
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/^✗ xinya\.json +coverage:measuredStages +3, expected ≥ 4 +\[error\]$/m);
    const enough = runCli(['check', 'xinya.json', '--config', 'three.json'], { cwd: folder });
    expect(enough.code).toBe(0);
  });
});
