// `diff` through the built CLI (npm test builds first; alone: npx tsc -p . && npx vitest run test/e2e).

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './run-cli.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from '../fixtures/sample-report.js';

let folder: string;

function cli(args: string[], env: Record<string, string> = {}, cwd = folder): CliRun {
  return runCli(args, { cwd, env });
}

/** July after a month of work on the live room: more self-broadcast, a fan group, ROI down a little. */
function julyReport(): Report {
  const report = sampleReport();
  report.period = { from: '2024-07-01', to: '2024-07-31' };
  report.generatedAt = '2024-08-01T02:00:00.000Z';
  report.metrics.gmv = 2_010_500;
  report.metrics.seller = { self: { gmv: 723_780, share: 0.36 }, creator: { gmv: 1_286_720, share: 0.64 } };
  report.metrics.roi = 2.31;
  report.metrics.fanOrderShare = 0.18;
  report.overallScore = 67;
  report.stages[2] = { ...report.stages[2]!, score: 72, status: 'established', isFocus: false, findings: [] };
  report.stages[3] = { ...report.stages[3]!, score: 45, status: 'developing', isFocus: true };
  report.focusStage = 'private-domain';
  report.nextSteps = [{ stage: 'private-domain', text: 'Open a fan group for the 1,187 repeat buyers.' }];
  return report;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/diff/run.js'))) throw new Error('build first: npx tsc -p .');
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-diff-'));
  await writeFile(join(folder, 'june.json'), JSON.stringify(sampleReport(), null, 2));
  await writeFile(join(folder, 'july.json'), JSON.stringify(julyReport(), null, 2));
  const otherProfile = julyReport();
  otherProfile.profile = { ...otherProfile.profile, name: 'default', hash: '9999aaaabbbbcccc' };
  await writeFile(join(folder, 'july-default.json'), JSON.stringify(otherProfile, null, 2));
  const broken = sampleReport() as unknown as { stages: unknown[] };
  broken.stages = broken.stages.slice(0, 3);
  await writeFile(join(folder, 'broken.json'), JSON.stringify(broken));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('diff', () => {
  it('prints the comparison in the terminal, exit 0', () => {
    const run = cli(['diff', 'june.json', 'july.json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Overall score: 62 → 67  ▲ +5');
    expect(run.stdout).toContain('Focus stage: S brand self-broadcast → P private-domain repurchase');
    expect(run.stdout).toMatch(/│ brand self-broadcast +│ +58 │ +72 │ +▲ \+14 │ developing → established +│/);
    expect(run.stdout).toMatch(/│ Self-sold share +│ +31\.5% │ +36\.0% │ +▲ \+4\.5 pp │ +\+14\.4% │/);
    expect(run.stdout).toMatch(/│ Fan order share +│ +not measured │ +18\.0% │ +— │ +— │/);
    expect(run.stdout).toContain(
      'Resolved findings (1)\n  − [S.warmupMissing] brand self-broadcast: Warm-up missing in 12 of 20 sessions.',
    );
    expect(run.stdout).toContain('Next steps: 3 → 1 (-2)');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('writes Markdown to a file and prints it with --format markdown', async () => {
    const toFile = cli(['diff', 'june.json', 'july.json', '--format', 'markdown:out/diff.md']);
    expect(toFile).toMatchObject({ code: 0, stdout: '', stderr: 'Wrote out/diff.md\n' });
    const markdown = await readFile(join(folder, 'out/diff.md'), 'utf8');
    expect(markdown.startsWith('# STEPS comparison · 花溪美妆\n')).toBe(true);
    expect(markdown).toContain('| S | brand self-broadcast | 58 | 72 | ▲ +14 | developing → established |');
    expect(markdown).toContain('| ROI | 2.58 | 2.31 | ▼ -0.27 | -10.5% |');
    expect(cli(['diff', 'june.json', 'july.json', '--format', 'markdown']).stdout).toBe(markdown);
  });

  it('--json prints one JSON document', () => {
    const run = cli(['diff', 'june.json', 'july.json', '--json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.warnings).toEqual([]);
    expect(document.old.period).toEqual({ from: '2024-06-01', to: '2024-06-30' });
    expect(document.focusStage).toEqual({ old: 'self-broadcast', new: 'private-domain', changed: true });
    const gmv = document.metrics.find((metric: { metric: string }) => metric.metric === 'gmv');
    expect(gmv).toMatchObject({ old: 1_852_340.5, new: 2_010_500, change: 158_159.5, relativeChange: 0.0854 });
    const share = document.metrics.find((metric: { metric: string }) => metric.metric === 'seller.self.share');
    expect(share).toMatchObject({ changePoints: 4.52 });
    expect(document.findings.resolved.map((finding: { id: string }) => finding.id)).toEqual(['S.warmupMissing']);
  });

  it('warns on stderr and in the JSON when the profiles differ', () => {
    const terminal = cli(['diff', 'june.json', 'july-default.json']);
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toBe(
      'Warning: the reports used different profiles (beauty (0123456789abcdef) → default (9999aaaabbbbcccc)); scores and statuses may move without any change in the business\n',
    );
    const json = cli(['diff', 'june.json', 'july-default.json', '--json', '--lang', 'zh']);
    expect(JSON.parse(json.stdout).warnings).toEqual([
      {
        kind: 'profile',
        old: 'beauty (0123456789abcdef)',
        new: 'default (9999aaaabbbbcccc)',
        message:
          '两份报告使用了不同的评估标准（beauty (0123456789abcdef) → default (9999aaaabbbbcccc)），得分和状态的变化可能与经营无关',
      },
    ]);
    expect(json.stderr).toContain('警告：两份报告使用了不同的评估标准');
  });

  it('2: a report that breaks the schema, naming the file', () => {
    const run = cli(['diff', 'june.json', 'broken.json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Error: broken.json is not a valid report (1 schema problem(s)): /stages: must NOT have fewer than 5 items\n',
    );
  });

  it('2: a missing report, or a missing argument', () => {
    expect(cli(['diff', 'june.json', 'august.json'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'Error: august.json: no such file\n',
    });
    expect(cli(['diff', 'june.json']).code).toBe(2);
  });
});

describe('diff of two real diagnoses', () => {
  const example = join(ROOT, 'examples/huaxi-beauty');

  it('compares the two halves of June 2024 for huaxi-beauty', async () => {
    const first = cli(
      [
        'diagnose',
        example,
        '--period',
        '2024-06-01..2024-06-15',
        '--format',
        `json:${join(folder, 'h1.json')}`,
        '--quiet',
      ],
      {},
      ROOT,
    );
    const second = cli(
      [
        'diagnose',
        example,
        '--period',
        '2024-06-16..2024-06-30',
        '--format',
        `json:${join(folder, 'h2.json')}`,
        '--quiet',
      ],
      {},
      ROOT,
    );
    expect(first.code, first.stderr).not.toBe(2);
    expect(second.code, second.stderr).not.toBe(2);
    const run = cli(['diff', 'h1.json', 'h2.json', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.old.period).toEqual({ from: '2024-06-01', to: '2024-06-15' });
    expect(document.new.period).toEqual({ from: '2024-06-16', to: '2024-06-30' });
    expect(document.warnings).toEqual([]);
    expect(document.stages).toHaveLength(5);
    const h1 = JSON.parse(await readFile(join(folder, 'h1.json'), 'utf8')) as Report;
    const h2 = JSON.parse(await readFile(join(folder, 'h2.json'), 'utf8')) as Report;
    const gmv = document.metrics.find((metric: { metric: string }) => metric.metric === 'gmv');
    expect(gmv.old).toBe(h1.metrics.gmv);
    expect(gmv.change).toBeCloseTo((h2.metrics.gmv as number) - (h1.metrics.gmv as number), 2);
  });
});
