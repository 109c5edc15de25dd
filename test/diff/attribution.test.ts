import { describe, expect, it } from 'vitest';
import { attributeGmvChange, liveFunnelOf, toFen } from '../../src/diff/attribution.js';
import { movementsBetween } from '../../src/diff/movement.js';
import { attributionHeadline, attributionNotes, wholeYuanFactors } from '../../src/diff/attribution-words.js';
import { diffReports } from '../../src/diff/compare.js';
import { formatDiffMarkdown } from '../../src/diff/format-markdown.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator } from '../../src/i18n/index.js';
import type { Report } from '../../src/report/types.js';
import type { ReportCreatorStat } from '../../src/report/metrics.js';
import { sampleReport } from '../fixtures/sample-report.js';

const en = translator(allMessages, 'en');
const zh = translator(allMessages, 'zh');

function withFunnel(
  report: Report,
  viewers: number,
  buyers: number,
  gmv: number,
  basis: 'buyers' | 'orders' = 'buyers',
): Report {
  report.metrics.liveFunnel = { sessions: 20, viewers, buyers, gmv, basis };
  return report;
}

function fenSum(parts: Record<string, number>): number {
  return Object.values(parts).reduce((total, part) => total + toFen(part), 0);
}

function creators(...entries: [string, number][]): ReportCreatorStat[] {
  return entries.map(([id, gmv]) => ({
    creatorId: id,
    creatorName: `达人${id}`,
    gmv,
    orders: 10,
    share: 0,
    commission: null,
    gmvPerCommission: null,
  }));
}

describe('attribution between two reports', () => {
  const june = withFunnel(sampleReport(), 400_000, 4_000, 519_000);
  const july = withFunnel(sampleReport(), 520_000, 4_680, 561_600.55);
  july.metrics.gmv = (june.metrics.gmv as number) + 98_765.43;
  july.metrics.seller = {
    self: { gmv: 700_000.1, share: 0.3 },
    creator: { gmv: (july.metrics.gmv as number) - 700_000.1, share: 0.7 },
  };

  it('splits live GMV into parts that add up to the change to the fen', () => {
    const attribution = attributeGmvChange(june, july);
    expect(attribution.split).toBe('lmdi');
    expect(attribution.gmvChange).toBe(42_600.55);
    expect(fenSum(attribution.factors!)).toBe(toFen(42_600.55));
    expect(attribution.factors!.traffic).toBeGreaterThan(0);
    expect(attribution.factors!.conversion).toBeLessThan(0);
  });

  it('splits total GMV by seller and by carrier, each adding up to the total change', () => {
    const attribution = attributeGmvChange(june, july);
    expect(attribution.totalGmvChange).toBe(98_765.43);
    expect(fenSum(attribution.bySeller)).toBe(toFen(98_765.43));
  });

  it('reads the headline in whole yuan whose parts add up to the live change shown', () => {
    const attribution = attributeGmvChange(june, july);
    const parts = wholeYuanFactors(attribution)!;
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(42_601);
    const line = attributionHeadline(attribution, en);
    expect(line).toMatch(
      /^GMV \+¥98,765; live sessions \+¥42,601 = traffic \+¥[\d,]+, conversion −¥[\d,]+, AOV [+−]¥[\d,]+$/,
    );
    expect(attributionHeadline(attribution, zh)).toMatch(
      /^GMV 环比 \+¥98,765；直播间 GMV \+¥42,601，其中流量贡献 \+¥[\d,]+、转化贡献 −¥/,
    );
  });

  it('says the live change cannot be split when a period has no traffic export', () => {
    const noTraffic = sampleReport();
    noTraffic.metrics.liveFunnel = null;
    const attribution = attributeGmvChange(noTraffic, july);
    expect(attribution.split).toBe('notMeasured');
    expect(attribution.notMeasured).toEqual(['old']);
    expect(attribution.factors).toBeNull();
    expect(attributionHeadline(attribution, en)).toContain('live sessions not measured');
  });

  it('sums the funnel from the sessions of a report older than 1.2.0, orders standing in for buyers', () => {
    const old = sampleReport();
    // A 1.1.0 report read from disk has no funnel at all.
    delete (old.metrics as Partial<Report['metrics']>).liveFunnel;
    const funnel = liveFunnelOf(old)!;
    const sessions = old.sessions;
    expect(funnel.basis).toBe('orders');
    expect(funnel.sessions).toBe(sessions.length);
    expect(funnel.viewers).toBe(sessions.reduce((sum, session) => sum + (session.metrics.viewers as number), 0));
    expect(attributeGmvChange(old, july).basis).toBe('mixed');
  });
});

describe('what the split rests on, in words', () => {
  it('says when only some sessions could be split', () => {
    const june = withFunnel(sampleReport(), 400_000, 4_000, 519_000);
    const july = withFunnel(sampleReport(), 420_000, 4_100, 530_000);
    (july.metrics.liveFunnel as { sessions: number }).sessions = 15;
    const notes = attributionNotes(attributeGmvChange(june, july), en);
    expect(notes).toContain(
      'After: 15 of 20 sessions report viewers, buyers and GMV; the split covers those, the rest of live GMV is in the total only.',
    );
  });

  it('puts the headline and the splits in the Markdown diff', () => {
    const june = withFunnel(sampleReport(), 400_000, 4_000, 519_000);
    const july = withFunnel(sampleReport(), 400_000, 4_400, 570_900);
    const markdown = formatDiffMarkdown(diffReports(june, july, { old: 'june.json', new: 'july.json' }), zh);
    expect(markdown).toContain(
      '**GMV 环比 ¥0；直播间 GMV +¥51,900，其中流量贡献 ¥0、转化贡献 +¥51,900、客单价贡献 ¥0**',
    );
    expect(markdown).toContain('## GMV 变化归因');
    expect(markdown).toContain('- 按经营主体：品牌自营 ¥0，达人分销 ¥0');
  });
});

describe('creators and products over time', () => {
  it('names new, retained and lost creators with their GMV', () => {
    const june = sampleReport();
    const july = sampleReport();
    june.metrics.creatorsByGmv = creators(['A', 5_000], ['B', 3_000], ['C', 1_000]);
    june.metrics.creators = 3;
    july.metrics.creatorsByGmv = creators(['B', 4_500], ['D', 2_000], ['A', 1_000]);
    july.metrics.creators = 3;
    const { creators: movement } = movementsBetween(june, july);
    expect(movement!.new).toMatchObject({ count: 1, gmv: 2_000 });
    expect(movement!.new.top[0]!.id).toBe('D');
    expect(movement!.lost).toMatchObject({ count: 1, gmv: 1_000 });
    expect(movement!.retained).toMatchObject({ count: 2, oldGmv: 8_000, newGmv: 5_500, gmv: -2_500 });
    expect(movement!.complete).toBe(true);
  });

  it('does not guess from reports that list only their top ten creators', () => {
    const { creators: movement } = movementsBetween(sampleReport(), sampleReport());
    expect(movement).toBeNull();
  });
});
