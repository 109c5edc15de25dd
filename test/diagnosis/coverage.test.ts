// Coverage and the focus rule for unmeasured stages (PLAN.md section 2), on hand-made metrics,
// through the diagnosis and on into the report a consultant reads.

import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnosis/engine.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import type { Diagnosis, Profile } from '../../src/diagnosis/types.js';
import type { Lang } from '../../src/i18n/index.js';
import type { Metrics } from '../../src/metrics/types.js';
import { buildReport } from '../../src/report/build.js';
import { formatHtml } from '../../src/report/formatters/html.js';
import { formatMarkdown } from '../../src/report/formatters/markdown.js';
import { formatTerminal } from '../../src/report/formatters/terminal.js';
import { loadReportValidator } from '../../src/report/schema.js';
import type { Report } from '../../src/report/types.js';
import { brandFixture, metricsFixture, ordersOnlyFixture } from './fixtures.js';
import { strongBrand } from './scenarios.js';

let profile: Profile;

beforeAll(async () => {
  profile = await loadProfile('default', null);
});

function reportOf(metrics: Metrics, lang: Lang): { diagnosis: Diagnosis; report: Report } {
  const brand = brandFixture();
  const diagnosis = diagnose(metrics, brand, profile);
  const report = buildReport({
    ingest: { brand, files: [], unrecognised: [], kinds: ['orders'], elapsedMs: 0 },
    metrics,
    diagnosis,
    lang,
    tool: { name: 'steps-doctor', version: '0.0.0-test' },
    generatedAt: '2024-07-01T09:00:00+08:00',
    relativePath: (path) => path,
  });
  return { diagnosis, report };
}

function noColour(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

describe('coverage and the focus rule', () => {
  it('makes the first unmeasured stage the focus when the one measured stage is strong', () => {
    // Orders only: E is strong (93); T, S, P and the channel supply cannot be judged.
    const diagnosis = diagnose(ordersOnlyFixture(), brandFixture(), profile);
    expect(diagnosis.stages.map((stage) => stage.status)).toEqual([
      'strong',
      'not-measured',
      'not-measured',
      'not-measured',
      'not-measured',
    ]);
    expect(diagnosis.coverage).toEqual({
      measuredStages: 1,
      stages: 5,
      notMeasured: ['traffic', 'self-broadcast', 'private-domain', 'specify-supply'],
    });
    expect(diagnosis.focusStage).toBe('traffic');
    expect(diagnosis.focusReason).toBe('notMeasured');
    expect(diagnosis.stages.filter((stage) => stage.isFocus).map((stage) => stage.key)).toEqual(['traffic']);
    // What the planner turns into its first priority: the export that measures the focus.
    expect(diagnosis.stages[1]!.evidence).toEqual({ key: 'T.missingExport' });
    const severities = diagnosis.brandFindings
      .filter((finding) => finding.id.startsWith('notMeasured.'))
      .map((finding) => [finding.id, finding.severity]);
    expect(severities).toEqual([
      ['notMeasured.traffic', 'warn'],
      ['notMeasured.self-broadcast', 'info'],
      ['notMeasured.private-domain', 'info'],
      ['notMeasured.specify-supply', 'info'],
    ]);
  });

  it('keeps a weak measured stage as the focus even when an earlier stage is unmeasured', () => {
    // Traffic cannot be judged; the channel supply is measured and only developing.
    const metrics = metricsFixture({ adSpendFen: null, roi: null, paidShare: null, costPerNewFanFen: null });
    const diagnosis = diagnose(metrics, brandFixture(), profile);
    expect(diagnosis.coverage.measuredStages).toBe(4);
    expect(diagnosis.focusStage).toBe('specify-supply');
    expect(diagnosis.focusReason).toBe('weak');
  });

  it('picks the last stage when it is the only one unmeasured behind four established ones', () => {
    const diagnosis = diagnose({ ...strongBrand(), exclusive: null }, brandFixture(), profile);
    expect(diagnosis.coverage).toEqual({ measuredStages: 4, stages: 5, notMeasured: ['specify-supply'] });
    expect(diagnosis.focusStage).toBe('specify-supply');
    expect(diagnosis.focusReason).toBe('notMeasured');
  });

  it('has no focus only when all five stages are measured and established', () => {
    const diagnosis = diagnose(strongBrand(), brandFixture(), profile);
    expect(diagnosis.coverage).toEqual({ measuredStages: 5, stages: 5, notMeasured: [] });
    expect(diagnosis.focusStage).toBeNull();
    expect(diagnosis.focusReason).toBeNull();
  });
});

describe('coverage in the report', () => {
  it('carries {measuredStages, stages} in the JSON, which the schema accepts', async () => {
    const { report } = reportOf(ordersOnlyFixture(), 'en');
    expect(report.coverage).toEqual({ measuredStages: 1, stages: 5 });
    expect(report.schemaVersion).toBe('1.2.0');
    expect(report.focusStage).toBe('traffic');
    const validate = await loadReportValidator();
    expect(validate(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(validate({ ...report, coverage: { measuredStages: 6, stages: 5 } })).not.toEqual([]);
  });

  it('says beside the overall score how many stages it covers, and that the focus is still to be measured', () => {
    const en = reportOf(ordersOnlyFixture(), 'en').report;
    // The terminal wraps a long line at its width (100 here); read the words across the break.
    const terminal = noColour(formatTerminal(en)).replace(/\n(?=\S)/g, ' ');
    // At 100 columns the focus goes to its own line.
    expect(terminal).toContain('Overall score: 93/100 · 1 of 5 stages measured');
    expect(terminal).toContain('Focus stage: T Public-domain traffic (not measured yet: get its data first)');
    expect(terminal).not.toMatch(/Focus stage: none/);
    expect(formatMarkdown(en)).toContain('93/100 · 1 of 5 stages measured');
    expect(formatHtml(en)).toContain('out of 100 · 1 of 5 stages measured');

    const zh = reportOf(ordersOnlyFixture(), 'zh').report;
    expect(noColour(formatTerminal(zh))).toContain(
      '综合得分：93/100 · 已测量 1/5 个阶段 · 当前重点阶段：T 公域流量加持（尚未测量，先补齐这部分数据）',
    );
    expect(formatMarkdown(zh)).toContain('93/100 · 已测量 1/5 个阶段');
    expect(formatHtml(zh)).toContain('满分 100 · 已测量 1/5 个阶段');
  });

  it('reads "none" for the focus only with five of five measured', () => {
    const en = reportOf(strongBrand(), 'en').report;
    const terminal = noColour(formatTerminal(en)).replace(/\n(?=\S)/g, ' ');
    expect(terminal).toMatch(
      /Overall score: \d+\/100 · 5 of 5 stages measured( ·)? Focus stage: none: all five stages/,
    );
  });
});
