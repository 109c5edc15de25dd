import { describe, expect, it } from 'vitest';
import { diffReports, metricDelta, statusDirection, type MetricDelta } from '../../src/diff/compare.js';
import type { Report } from '../../src/report/types.js';
import { SCHEMA_VERSION } from '../../src/report/types.js';
import { sampleReport } from '../fixtures/sample-report.js';

/** July: the brand moved its focus from self-broadcast to private domain and sells more itself. */
function julyReport(): Report {
  const report = sampleReport();
  report.period = { from: '2024-07-01', to: '2024-07-31' };
  report.metrics.gmv = 2_103_000.25;
  report.metrics.orders = 13_500;
  report.metrics.buyers = null;
  report.metrics.repeatBuyerRate = 0.139;
  report.metrics.seller = { self: { gmv: 841_200.1, share: 0.4 }, creator: { gmv: 1_261_800.15, share: 0.6 } };
  report.metrics.roi = 2.1;
  report.metrics.fanOrderShare = 0.22;
  report.overallScore = 71;
  const stages = report.stages;
  stages[2] = { ...stages[2]!, score: 76, status: 'established', isFocus: false, findings: [] };
  stages[3] = {
    ...stages[3]!,
    score: 44,
    status: 'developing',
    isFocus: true,
    findings: [{ id: 'P.noFanGroup', severity: 'warn', text: 'No fan group: 1,402 repeat buyers are not reachable.' }],
  };
  report.focusStage = 'private-domain';
  report.nextSteps = [{ stage: 'private-domain', text: 'Open a fan group for the 1,402 repeat buyers.' }];
  return report;
}

function metric(deltas: MetricDelta[], name: string): MetricDelta {
  const found = deltas.find((delta) => delta.metric === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe('metric deltas', () => {
  const diff = diffReports(sampleReport(), julyReport(), { old: 'june.json', new: 'july.json' });

  it('gives money changes in yuan, rounded to the fen, and the relative change', () => {
    expect(metric(diff.metrics, 'gmv')).toMatchObject({
      old: 1_852_340.5,
      new: 2_103_000.25,
      change: 250_659.75,
      relativeChange: 0.1353,
    });
  });

  it('gives counts as whole numbers', () => {
    expect(metric(diff.metrics, 'orders')).toMatchObject({ change: 627, relativeChange: 0.0487 });
  });

  it('gives share changes in percentage points as well as fractions', () => {
    expect(metric(diff.metrics, 'repeatBuyerRate')).toMatchObject({
      old: 0.114,
      new: 0.139,
      change: 0.025,
      changePoints: 2.5,
      relativeChange: 0.2193,
    });
    expect(metric(diff.metrics, 'seller.self.share')).toMatchObject({ change: 0.0852, changePoints: 8.52 });
    expect(metric(diff.metrics, 'seller.creator.share')).toMatchObject({ change: -0.0852, changePoints: -8.52 });
  });

  it('keeps a value not measured on either side as null, never as a change from 0', () => {
    expect(metric(diff.metrics, 'buyers')).toEqual(
      expect.objectContaining({ old: 10_412, new: null, change: null, relativeChange: null }),
    );
    expect(metric(diff.metrics, 'fanOrderShare')).toEqual(
      expect.objectContaining({ old: null, new: 0.22, change: null, changePoints: null }),
    );
    expect(metric(diff.metrics, 'exclusive.share')).toEqual(
      expect.objectContaining({ old: null, new: null, change: null }),
    );
  });

  it('has no relative change from a zero', () => {
    expect(metricDelta({ metric: 'adSpend', kind: 'money', rise: 'neutral' }, 0, 5_000)).toMatchObject({
      change: 5_000,
      relativeChange: null,
    });
  });

  it('covers every metric of the brief, overall score last', () => {
    expect(diff.metrics.map((delta) => delta.metric)).toEqual([
      'gmv',
      'netGmv',
      'orders',
      'buyers',
      'aov',
      'repeatBuyerRate',
      'fanOrderShare',
      'seller.self.share',
      'seller.creator.share',
      'carrier.live.share',
      'carrier.shortVideo.share',
      'carrier.itemCard.share',
      'carrier.other.share',
      'creators',
      'topCreatorShare',
      'exclusive.share',
      'sessions',
      'adSpend',
      'roi',
      'viewers',
      'uvValue',
      'followRate',
      'overallScore',
    ]);
    expect(diff.overallScore).toMatchObject({ old: 62, new: 71, change: 9 });
    expect(metric(diff.metrics, 'roi')).toMatchObject({ change: -0.4821 });
  });
});

describe('stages, focus and findings', () => {
  const diff = diffReports(sampleReport(), julyReport());

  it('gives stage score changes and status direction in adoption order', () => {
    expect(diff.stages.map((stage) => [stage.key, stage.scoreChange, stage.statusDirection])).toEqual([
      ['elite-distribution', 0, 'same'],
      ['traffic', 0, 'same'],
      ['self-broadcast', 18, 'up'],
      ['private-domain', 13, 'up'],
      ['specify-supply', null, 'same'],
    ]);
  });

  it('reports the focus stage moving on', () => {
    expect(diff.focusStage).toEqual({ old: 'self-broadcast', new: 'private-domain', changed: true });
  });

  it('lists findings that appeared and were resolved by id, across stages and brand findings', () => {
    expect(diff.findings.appeared).toEqual([
      {
        id: 'P.noFanGroup',
        severity: 'warn',
        text: 'No fan group: 1,402 repeat buyers are not reachable.',
        stage: 'private-domain',
      },
    ]);
    expect(diff.findings.resolved.map((finding) => finding.id)).toEqual(['S.warmupMissing']);
    // The brand-wide finding is in both reports: neither appeared nor resolved.
    expect(diff.findings.resolved.some((finding) => finding.id === 'trust.shopExperience')).toBe(false);
  });

  it('matches a finding by id even when its text changed with the numbers', () => {
    const later = sampleReport();
    later.stages[2]!.findings = [
      { id: 'S.warmupMissing', severity: 'warn', text: 'Warm-up missing in 3 of 20 sessions.' },
    ];
    const sameIds = diffReports(sampleReport(), later);
    expect(sameIds.findings).toEqual({ appeared: [], resolved: [] });
  });

  it('counts next steps', () => {
    expect(diff.nextSteps).toEqual({ old: 3, new: 1, change: -2 });
  });

  it('reads the status ladder, and cannot rank a stage that became not measured', () => {
    expect(statusDirection('emerging', 'strong')).toBe('up');
    expect(statusDirection('established', 'developing')).toBe('down');
    expect(statusDirection('developing', 'not-measured')).toBe('changed');
  });
});

describe('warnings', () => {
  it('has none for the same brand, profile and schema', () => {
    expect(diffReports(sampleReport(), julyReport()).warnings).toEqual([]);
  });

  it('warns when the profile name or hash differs, the schema version differs, or the brand differs', () => {
    const other = julyReport();
    other.profile = { ...other.profile, hash: 'fedcba9876543210' };
    other.schemaVersion = '9.0.0';
    other.brand = { name: '新雅茶饮', category: 'food' };
    expect(diffReports(sampleReport(), other).warnings).toEqual([
      { kind: 'brand', old: '花溪美妆', new: '新雅茶饮' },
      { kind: 'profile', old: 'beauty (0123456789abcdef)', new: 'beauty (fedcba9876543210)' },
      { kind: 'schemaVersion', old: SCHEMA_VERSION, new: '9.0.0' },
    ]);
    const renamed = julyReport();
    renamed.profile = { ...renamed.profile, name: 'default' };
    expect(diffReports(sampleReport(), renamed).warnings.map((warning) => warning.kind)).toEqual(['profile']);
  });
});
