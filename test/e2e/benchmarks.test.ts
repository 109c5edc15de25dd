// Peer benchmarks through the built CLI: a seeded 24-brand portfolio in three categories, batch
// writing benchmarks.json, quantiles recomputed here from the per-client reports, the privacy
// rule, `benchmark` over the same reports, and `diagnose --benchmarks` in every format.

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { EXAMPLES, runCli } from './run-cli.js';

interface Stats {
  n: number;
  p25: number;
  median: number;
  p75: number;
  direction: string;
  values: number[];
}
interface Group {
  level: string;
  category: string | null;
  band: string | null;
  brands: number;
  metrics: Record<string, Stats>;
}
interface BenchmarkFile {
  minGroupSize: number;
  groups: Group[];
  withheld: { level: string; category: string | null; band: string | null; brands: number }[];
}
interface ReportLike {
  brand: { name: string; category: string };
  metrics: { gmv: number; periodDays: number };
  overallScore: number | null;
  benchmark: { group: { level: string; category: string | null; band: string | null }; brands: number } | null;
  stages: { checks: { id: string; value: number | null; comparison: string; peer: Record<string, number> | null }[] }[];
}

let root: string;
let portfolio: string;
let out: string;
let file: BenchmarkFile;
let reports: ReportLike[];
const folders: string[] = [];

/** Type-7 quantile written again here, so the test does not trust the code under test. */
function expectedQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function bandOf(report: ReportLike): string {
  const perMonth = (report.metrics.gmv * 30) / report.metrics.periodDays;
  if (perMonth < 100_000) return '<100k';
  if (perMonth < 1_000_000) return '100k-1m';
  if (perMonth < 10_000_000) return '1m-10m';
  return '>=10m';
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'steps-benchmarks-'));
  portfolio = join(root, 'portfolio');
  out = join(root, 'out');
  const generated = spawnSync(process.execPath, [join(EXAMPLES, 'generate-portfolio.mjs'), portfolio], {
    encoding: 'utf8',
  });
  expect(generated.stdout).toMatch(/^24 client folders/);
  folders.push(...(await readdir(portfolio)));
  const run = runCli(['batch', portfolio, '--out', out, '--lang', 'en']);
  expect(run.stderr).toContain('24 clients');
  expect(run.code).toBe(0);
  file = JSON.parse(await readFile(join(out, 'benchmarks.json'), 'utf8')) as BenchmarkFile;
  reports = await Promise.all(
    folders.map(async (folder) => JSON.parse(await readFile(join(out, folder, 'report.json'), 'utf8')) as ReportLike),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('batch writes the portfolio benchmark', () => {
  it('has groups in three categories and withholds groups of fewer than 5 brands', () => {
    const categories = new Set(file.groups.map((group) => group.category).filter(Boolean));
    expect([...categories].sort()).toEqual(['beauty', 'food', 'home']);
    expect(file.withheld.length).toBeGreaterThan(0);
    for (const group of file.withheld) expect(group.brands).toBeLessThan(5);
    for (const group of file.groups) expect(group.brands).toBeGreaterThanOrEqual(5);
  });

  it('holds quantiles that the per-client reports give when recomputed independently', () => {
    let compared = 0;
    for (const group of file.groups) {
      const members = reports.filter(
        (report) =>
          group.level === 'all' ||
          (report.brand.category === group.category && (group.level === 'category' || bandOf(report) === group.band)),
      );
      expect(members.length).toBe(group.brands);
      const roi = members
        .map((report) => report.stages.flatMap((stage) => stage.checks).find((check) => check.id === 'roi')?.value)
        .filter((value): value is number => typeof value === 'number');
      if (roi.length < 5) {
        expect(group.metrics.roi).toBeUndefined();
        continue;
      }
      const stats = group.metrics.roi!;
      expect(stats.n).toBe(roi.length);
      expect(stats.median).toBeCloseTo(expectedQuantile(roi, 0.5), 4);
      expect(stats.p25).toBeCloseTo(expectedQuantile(roi, 0.25), 4);
      expect(stats.p75).toBeCloseTo(expectedQuantile(roi, 0.75), 4);
      const scores = members.map((report) => report.overallScore).filter((v): v is number => v !== null);
      expect(group.metrics.overallScore!.median).toBeCloseTo(expectedQuantile(scores, 0.5), 4);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });

  it('names no brand, client folder or id', async () => {
    const text = await readFile(join(out, 'benchmarks.json'), 'utf8');
    for (const report of reports) expect(text).not.toContain(report.brand.name);
    for (const folder of folders) expect(text).not.toContain(folder);
    expect(text).not.toMatch(/\d{10,}/);
  });

  it('puts each client’s percentile on the overall score and its focus metric in the summary', async () => {
    const csv = await readFile(join(out, 'summary.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('overallPercentile,focusMetric,focusMetricPercentile');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      clients: { peers: { overallPercentile: number | null; focusMetric: string | null } | null; sample?: unknown }[];
    };
    expect(summary.clients.every((client) => client.peers !== null && client.sample === undefined)).toBe(true);
    expect(summary.clients.some((client) => client.peers!.focusMetric === 'creatorGmv')).toBe(true);
  });
});

describe('benchmark', () => {
  it('builds the same groups from the reports, and from a folder of them', async () => {
    const target = join(root, 'rebuilt.json');
    const run = runCli(['benchmark', out, '--out', target, '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/已写入 .*24 个品牌/);
    const rebuilt = JSON.parse(await readFile(target, 'utf8')) as BenchmarkFile;
    expect(rebuilt.groups).toEqual(file.groups);
    expect(rebuilt.withheld).toEqual(file.withheld);
  });

  it('publishes smaller groups with --min-group and refuses a group of one', async () => {
    const target = join(root, 'min3.json');
    expect(runCli(['benchmark', out, '--out', target, '--min-group', '3']).code).toBe(0);
    const small = JSON.parse(await readFile(target, 'utf8')) as BenchmarkFile;
    expect(small.groups.length).toBeGreaterThan(file.groups.length);
    const one = runCli(['benchmark', out, '--out', target, '--min-group', '1']);
    expect(one.code).toBe(2);
  });

  it('refuses a file that is not a report, naming it, with one line and exit 2', async () => {
    const bad = join(root, 'not-a-report.json');
    await writeFile(bad, '{"hello": 1}\n');
    const run = runCli(['benchmark', bad, '--out', join(root, 'x.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not-a-report.json');
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(6);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('diagnose --benchmarks', () => {
  const brand = join(EXAMPLES, 'xinya-tea');

  it('puts peer figures on the checks of the JSON report and names the group', () => {
    const run = runCli(['diagnose', brand, '--json', '--benchmarks', join(out, 'benchmarks.json')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ReportLike;
    // 新芽茶饮 (food, ¥438k a month): too few food brands of that size, so all food brands.
    expect(report.benchmark!.group).toEqual({ level: 'category', category: 'food', band: null });
    const checks = report.stages.flatMap((stage) => stage.checks);
    const creatorGmv = checks.find((check) => check.id === 'creatorGmv')!;
    const group = file.groups.find((g) => g.level === 'category' && g.category === 'food')!;
    expect(creatorGmv.peer!.median).toBe(group.metrics.creatorGmv!.median);
    expect(creatorGmv.peer!.excellent).toBe(group.metrics.creatorGmv!.p75);
    const values = group.metrics.creatorGmv!.values;
    const worse = values.filter((value) => value < creatorGmv.value!).length;
    const equal = values.filter((value) => value === creatorGmv.value).length;
    expect(creatorGmv.peer!.percentile).toBeCloseTo((100 * (worse + equal / 2)) / values.length, 4);
    // A band check (paid share 20–50%) has no better direction, so no percentile.
    expect(checks.find((check) => check.id === 'paidShare')!.peer).toBeNull();
  });

  it('shows them in the terminal, Markdown and HTML, in both languages', async () => {
    const benchmarks = join(out, 'benchmarks.json');
    const en = runCli(['diagnose', brand, '--lang', 'en', '--benchmarks', benchmarks]);
    expect(en.stdout).toMatch(/Creator GMV.*· P\d+ · \d+ food brands · median ¥/);
    expect(en.stdout).toMatch(/Peers: 10 food brands, benchmarks [0-9a-f]{8} \(too few brands/);
    const md = join(root, 'r.md');
    const html = join(root, 'r.html');
    const zh = runCli([
      'diagnose',
      brand,
      '--lang',
      'zh',
      '--benchmarks',
      benchmarks,
      '--format',
      `markdown:${md}`,
      '--format',
      `html:${html}`,
      '--format',
      'terminal',
    ]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/· P\d+ · \d+ 个食品品牌 · 中位值 ¥/);
    expect(zh.stdout).toContain('同行对比：10 个食品品牌');
    expect(await readFile(md, 'utf8')).toMatch(/· P\d+ · \d+ 个食品品牌 · 中位值 ¥/);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<th>同行</th>');
    expect(page).toMatch(/<svg class="peer-band"[^]*?class="peer-dot"/);
    expect(page).toMatch(/P\d+ · 中位值 ¥[\d,.]+ · 优秀值 ¥/);
  });

  it('sizes the recruiting goal against the peers and says so in the why, in both languages', () => {
    // 新芽茶饮 sells ¥418,005 through creators: past the top quarter of the generated food brands,
    // so this month's goal stays the doubling milestone, and the why says the peers are behind.
    const benchmarks = join(out, 'benchmarks.json');
    for (const [lang, phrase] of [
      [
        'en',
        /already past the top-quarter value of 10 food brands \(¥[\d,]+\), so the goal is the milestone within reach, ¥836,011\./,
      ],
      ['zh', /已超过 10 个食品品牌的优秀值 ¥[\d,]+，先按可达的阶段目标 ¥836,011 推进。/],
    ] as const) {
      const run = runCli(['diagnose', brand, '--json', '--lang', lang, '--benchmarks', benchmarks]);
      const report = JSON.parse(run.stdout) as { plan: { priorities: { id: string; why: string; target: unknown }[] } };
      const recruit = report.plan.priorities.find((item) => item.id === 'E.recruitForGmv')!;
      expect(recruit.why).toMatch(phrase);
      expect(recruit.target).toEqual({ metric: 'creators', unit: 'count', current: 58, goal: 117 });
    }
  });

  it('aims at the peers’ median when the profile target is out of reach this month', async () => {
    // Five food brands with creator GMV ¥300k–¥900k: median ¥600,000, within 兰亭茶舍's doubling
    // (¥418,001 → ¥836,001) while the ¥1,000,000 level is not.
    const values = [300_000, 450_000, 600_000, 700_000, 900_000];
    const handMade = join(root, 'median-peers.json');
    await writeFile(
      handMade,
      JSON.stringify({
        schemaVersion: '1.0.0',
        kind: 'steps-doctor-benchmarks',
        generatedAt: '2024-07-01T00:00:00.000Z',
        minGroupSize: 5,
        groups: [
          {
            level: 'category',
            category: 'food',
            band: null,
            brands: 5,
            metrics: { creatorGmv: { n: 5, p25: 450_000, median: 600_000, p75: 700_000, direction: 'higher', values } },
          },
        ],
        withheld: [],
      }),
    );
    const lanting = join(EXAMPLES, 'lanting-tea');
    const en = JSON.parse(runCli(['diagnose', lanting, '--json', '--lang', 'en', '--benchmarks', handMade]).stdout) as {
      plan: { priorities: { id: string; text: string; why: string; target: { goal: number } | null }[] };
    };
    const recruit = en.plan.priorities.find((item) => item.id === 'E.recruitForGmv')!;
    // (¥600,000 − ¥418,001) ÷ ¥7,207 a creator: 26 more creators, 58 → 84.
    expect(recruit.target?.goal).toBe(84);
    expect(recruit.text).toContain('Aim for ¥600,000 this month');
    expect(recruit.why).toContain('so the goal is ¥600,000, the median of 5 food brands.');
    const zh = runCli(['diagnose', lanting, '--lang', 'zh', '--benchmarks', handMade]);
    expect(zh.code).toBe(0);
    // The terminal wraps long lines: read it as one paragraph.
    expect(zh.stdout.replace(/\n\s+/g, '')).toMatch(/先对标同类品牌中位值\s*¥600,000（5 个食品品牌）/);
  });

  it('says nothing of peers without a benchmark file', () => {
    const run = runCli(['diagnose', brand, '--json']);
    const report = JSON.parse(run.stdout) as ReportLike;
    expect(report.benchmark).toBeNull();
    expect(report.stages.every((stage) => stage.checks.every((check) => check.peer === null))).toBe(true);
  });

  it('reads benchmarks from .stepsrc.json in the working folder', async () => {
    const cwd = join(root, 'consultant');
    await rm(cwd, { recursive: true, force: true });
    await import('node:fs/promises').then(({ mkdir }) => mkdir(cwd));
    await writeFile(join(cwd, '.stepsrc.json'), JSON.stringify({ benchmarks: '../out/benchmarks.json' }));
    const run = runCli(['diagnose', brand, '--json'], { cwd });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ReportLike).benchmark?.brands).toBe(10);
  });

  it('stops with one line naming the file when the benchmarks file is missing or not one', async () => {
    const missing = runCli(['diagnose', brand, '--benchmarks', join(root, 'nope.json'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/nope\.json: benchmarks file not found\.$/);
    const report = join(out, folders[0]!, 'report.json');
    const wrong = runCli(['diagnose', brand, '--benchmarks', report, '--lang', 'zh']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('不是基准文件');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
  });
});
