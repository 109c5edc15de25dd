// The plan of each example brand through the built CLI, in both languages: what the consultant
// would present first, sized to the brand, with the window and cold-start rules applied.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report, ReportPlanItem } from '../../src/report/types.js';
import { EXAMPLES, runCli } from './run-cli.js';

function report(brand: string, lang: 'zh' | 'en'): Report {
  const run = runCli(['diagnose', join(EXAMPLES, brand), '--json', '--lang', lang]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

function items(plan: Report['plan']): ReportPlanItem[] {
  return [...plan.priorities, ...plan.backlog];
}

const BRANDS = ['xinya-tea', 'shanye-snacks', 'huaxi-beauty', 'jiangnan-home', 'lanting-tea', 'qingshan-coffee'];

describe('the examples’ plans', () => {
  for (const brand of BRANDS) {
    it(`${brand}: at most three priorities, the same ids in zh and en, no duplicate id or target metric`, () => {
      const zh = report(brand, 'zh');
      const en = report(brand, 'en');
      expect(zh.plan.priorities.length).toBeGreaterThan(0);
      expect(zh.plan.priorities.length).toBeLessThanOrEqual(3);
      expect(items(en.plan).map((item) => item.id)).toEqual(items(zh.plan).map((item) => item.id));
      const ids = items(zh.plan).map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      const metrics = items(zh.plan).flatMap((item) => (item.target ? [item.target.metric] : []));
      expect(new Set(metrics).size).toBe(metrics.length);
      // No "S2" and no English profile name in the Chinese text of the plan.
      for (const item of items(zh.plan))
        expect(`${item.text}${item.why}`).not.toMatch(/\bS2\b|\bfood\b|\bbeauty\b|\bhome\b/);
      // Top-level next steps are the plan's stage items, in plan order.
      expect(zh.nextSteps.length).toBeGreaterThan(0);
    });
  }

  it('新芽茶饮 starts with its shop experience score, before any creator or paid-traffic step', () => {
    const plan = report('xinya-tea', 'zh').plan;
    expect(plan.priorities[0]).toMatchObject({ id: 'brand.shopExperience', kind: 'blocker', stage: null });
    expect(plan.priorities[0]!.text).toContain('店铺体验分从 3.6');
  });

  it('山野零食铺 is asked for a creator count within 3× of today', () => {
    const plan = report('shanye-snacks', 'en').plan;
    const recruit = items(plan).find((item) => item.id === 'E.recruitForGmv');
    expect(recruit?.target?.metric).toBe('creators');
    expect(recruit!.target!.goal).toBeLessThanOrEqual(3 * recruit!.target!.current);
    expect(recruit!.text).toContain('(9 → 18)');
  });

  it('花溪美妆’s repeat-buyer check says the 30-day window is too short, and is not failed', () => {
    const zh = report('huaxi-beauty', 'zh');
    const repeat = zh.stages
      .find((stage) => stage.key === 'private-domain')!
      .checks.find((check) => check.id === 'repeatBuyerRate')!;
    expect(repeat.result).toBe('unknown');
    expect(repeat.window).toEqual({ days: 90, periodDays: 30 });
    expect(items(zh.plan).map((item) => item.id)).not.toContain('P.repeat');
  });

  it('花溪美妆’s repeat-buyer row says the window is short in the terminal, Markdown and HTML, in both languages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steps-window-'));
    try {
      const cases = [
        ['zh', '复购买家占比', '窗口不足 90 天（本期 30 天），暂不判定'],
        ['en', 'Repeat-buyer rate', 'window shorter than 90 days (30 in this period): not judged'],
      ] as const;
      for (const [lang, label, note] of cases) {
        const md = join(dir, `r.${lang}.md`);
        const html = join(dir, `r.${lang}.html`);
        const run = runCli([
          'diagnose',
          join(EXAMPLES, 'huaxi-beauty'),
          '--lang',
          lang,
          '--format',
          'terminal',
          '--format',
          `markdown:${md}`,
          '--format',
          `html:${html}`,
        ]);
        expect(run.code).toBe(0);
        // The terminal wraps at its width: the row is one check line and its continuation.
        const terminalRow = run.stdout
          .replace(/\n {6}/g, ' ')
          .split('\n')
          .find((line) => line.includes(label));
        expect(terminalRow).toMatch(/^\s+\? /);
        expect(terminalRow).toContain(note);
        const markdownRow = (await readFile(md, 'utf8')).split('\n').find((line) => line.includes(label));
        expect(markdownRow).toMatch(/^- \? /);
        expect(markdownRow).toContain(note);
        const page = await readFile(html, 'utf8');
        const htmlRow = page.match(new RegExp(`<tr class="result-unknown"><td>${label}[^]*?</tr>`))?.[0];
        expect(htmlRow).toContain(note);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('江南家居’s cold start is not judged: the data does not start at the account’s first session', () => {
    const en = report('jiangnan-home', 'en');
    const self = en.stages.find((stage) => stage.key === 'self-broadcast')!;
    expect(self.checks.find((check) => check.id === 'coldStartGrowth')!.result).toBe('unknown');
    expect(self.findings.map((finding) => finding.id)).toContain('coldStartNotJudged');
  });

  it('leads the terminal report with the three priorities, right after the stage table', () => {
    const run = runCli(['diagnose', join(EXAMPLES, 'xinya-tea'), '--lang', 'zh']);
    const out = run.stdout;
    expect(out.indexOf('本月三件事')).toBeGreaterThan(out.indexOf('综合得分'));
    expect(out.indexOf('\n品牌整体')).toBeGreaterThan(0);
    expect(out.indexOf('本月三件事')).toBeLessThan(out.indexOf('\n品牌整体'));
    expect(out).toContain('1. [本周] 先把店铺体验分从 3.6 拉回 4.5 以上');
  });
});
