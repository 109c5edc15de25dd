import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/diff/compare.js';
import { diffJson } from '../../src/diff/format-json.js';
import { formatDiffMarkdown } from '../../src/diff/format-markdown.js';
import { formatDiffTerminal } from '../../src/diff/format-terminal.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator } from '../../src/i18n/index.js';
import { createStyle, plainStyle } from '../../src/report/formatters/style.js';
import { displayWidth } from '../../src/report/formatters/text.js';
import { sampleReport } from '../fixtures/sample-report.js';

const en = translator(allMessages, 'en');
const zh = translator(allMessages, 'zh');

function twoPeriods() {
  const june = sampleReport();
  const july = sampleReport();
  july.period = { from: '2024-07-01', to: '2024-07-31' };
  july.metrics.gmv = 1_500_000;
  july.metrics.seller = { self: { gmv: 600_000, share: 0.4 }, creator: { gmv: 900_000, share: 0.6 } };
  july.metrics.buyers = null;
  july.stages[1] = { ...july.stages[1]!, score: 61, status: 'developing' };
  july.overallScore = 59;
  july.stages[1]!.findings = [{ id: 'T.roiLow', severity: 'error', text: 'ROI 1.4 | below <target> 2 & falling' }];
  return diffReports(june, july, { old: 'reports/june.json', new: 'reports/july.json' });
}

function lineWith(text: string, needle: string): string {
  const line = text.split('\n').find((candidate) => candidate.includes(needle));
  if (!line) throw new Error(`no line with ${needle}`);
  return line;
}

describe('diff in the terminal', () => {
  const text = formatDiffTerminal(twoPeriods(), en, plainStyle);

  it('shows stage scores with deltas and arrows, and status changes', () => {
    expect(lineWith(text, 'public-domain traffic')).toMatch(/│ +74 │ +61 │ +▼ -13 │ established → developing/);
    expect(lineWith(text, 'Overall score: ')).toBe('Overall score: 62 → 59  ▼ -3');
  });

  it('shows metric changes in their unit, percentage points for shares', () => {
    expect(lineWith(text, '│ GMV ')).toMatch(/¥1,852,340\.50 │ +¥1,500,000\.00 │ +▼ -¥352,340\.50 │ +-19\.0% │/);
    expect(lineWith(text, 'Self-sold share')).toMatch(/31\.5% │ +40\.0% │ +▲ \+8\.5 pp │ +\+27\.1% │/);
  });

  it('says "not measured" where a side has no value, with no change', () => {
    expect(lineWith(text, 'Buyers')).toMatch(/10,412 │ +not measured │ +— │ +— │/);
  });

  it('lists findings that appeared and were resolved', () => {
    expect(text).toContain(
      'New findings (1)\n  + [T.roiLow] public-domain traffic: ROI 1.4 | below <target> 2 & falling',
    );
    expect(text).toContain('Resolved findings (0)\n  none');
    expect(text).toContain('Next steps: 3 → 3 (0)');
  });

  it('fits 100 columns', () => {
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });

  it('colours only when given a colour style', () => {
    expect(text).not.toContain('\u001b[');
    expect(formatDiffTerminal(twoPeriods(), en, createStyle(1))).toContain('\u001b[31m▼ -13');
  });

  it('speaks Chinese', () => {
    const chinese = formatDiffTerminal(twoPeriods(), zh, plainStyle);
    expect(lineWith(chinese, '自营销售占比')).toContain('▲ +8.5 个百分点');
    expect(lineWith(chinese, '买家数')).toContain('未测量');
    expect(chinese).toContain('已建立 → 发展中');
  });
});

describe('diff in Markdown', () => {
  const markdown = formatDiffMarkdown(twoPeriods(), en);

  it('has the stage and metric tables', () => {
    expect(markdown).toContain('| T | public-domain traffic | 74 | 61 | ▼ -13 | established → developing |');
    expect(markdown).toContain('| Self-sold share | 31.5% | 40.0% | ▲ +8.5 pp | +27.1% |');
    expect(markdown).toContain('| Buyers | 10,412 | not measured | — | — |');
  });

  it('escapes text from the data so it cannot break a table or inject HTML', () => {
    expect(markdown).toContain('ROI 1.4 \\| below \\<target\\> 2 \\& falling');
    expect(markdown).not.toContain('<target>');
  });
});

describe('diff as JSON', () => {
  it('carries the warnings in words next to their data', () => {
    const june = sampleReport();
    const july = sampleReport();
    july.profile = { ...july.profile, name: 'default', hash: 'aaaaaaaaaaaaaaaa' };
    const document = JSON.parse(JSON.stringify(diffJson(diffReports(june, july), en)));
    expect(Object.keys(document).slice(0, 4)).toEqual(['tool', 'old', 'new', 'warnings']);
    expect(document.warnings).toEqual([
      {
        kind: 'profile',
        old: 'beauty (0123456789abcdef)',
        new: 'default (aaaaaaaaaaaaaaaa)',
        message:
          'the reports used different profiles (beauty (0123456789abcdef) → default (aaaaaaaaaaaaaaaa)); scores and statuses may move without any change in the business',
      },
    ]);
  });
});
