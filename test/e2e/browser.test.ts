// The HTML report as a client opens it: a local file in a real browser, with no network, no
// script errors and nothing from the data turned into markup; Chinese drawn in a CJK face and
// Latin punctuation in a Latin one; chart labels that do not collide; a funnel drawn to scale.

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator, type Lang } from '../../src/i18n/index.js';
import { formatHtml } from '../../src/report/formatters/html.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { machineTools } from './browser-tools.js';
import { EXAMPLES, runCli } from './run-cli.js';

const tools = machineTools({ cjkFont: true });
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

function hostileReport(lang: Lang): Report {
  const report = sampleReport();
  report.lang = lang;
  report.brand.name = `${HOSTILE_NAME}花溪美妆`;
  report.sessions[0]!.account = HOSTILE_NAME;
  report.stages[2]!.nextSteps = [`Move ${HOSTILE_NAME} to the first 30 minutes of every session.`];
  return report;
}

interface PageVisit {
  problems: string[];
  outsideRequests: string[];
  dialogs: string[];
  svgBoxes: { width: number; height: number }[];
  images: number;
  htmlLang: string;
  screenshotBytes: number;
  headings: string[];
}

let browser: Browser;
let workDir: string;

async function visit(lang: Lang): Promise<PageVisit> {
  const htmlPath = join(workDir, `report-${lang}.html`);
  writeFileSync(htmlPath, formatHtml(hostileReport(lang)));
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const visit: PageVisit = {
    problems: [],
    outsideRequests: [],
    dialogs: [],
    svgBoxes: [],
    images: 0,
    htmlLang: '',
    screenshotBytes: 0,
    headings: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') visit.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => visit.problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file:') && !url.startsWith('data:')) visit.outsideRequests.push(url);
  });
  page.on('dialog', (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
  visit.svgBoxes = await page.$$eval('svg', (elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { width: box.width, height: box.height };
    }),
  );
  visit.images = await page.locator('img').count();
  visit.htmlLang = await page.evaluate(() => document.documentElement.lang);
  visit.headings = await page.locator('h2').allTextContents();
  const screenshot = join(workDir, `report-${lang}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  visit.screenshotBytes = existsSync(screenshot) ? statSync(screenshot).size : 0;
  await page.close();
  return visit;
}

beforeEach((context) => {
  context.skip(tools.missing !== null, tools.missing ?? '');
});

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'steps-doctor-html-'));
  if (tools.chromium === null) return;
  browser = await chromium.launch({
    executablePath: tools.chromium,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('HTML report in headless Chromium', () => {
  it('opens offline with its charts drawn and the hostile name shown as text (en)', async () => {
    const page = await visit('en');
    expect(page.problems).toEqual([]);
    expect(page.outsideRequests).toEqual([]);
    expect(page.dialogs).toEqual([]);
    expect(page.images).toBe(0);
    expect(page.htmlLang).toBe('en');
    expect(page.svgBoxes).toHaveLength(6);
    for (const box of page.svgBoxes) {
      expect(box.width).toBeGreaterThan(100);
      expect(box.height).toBeGreaterThan(50);
    }
    expect(page.headings).toContain('Stages and next steps');
    expect(page.screenshotBytes).toBeGreaterThan(50_000);
  });

  it('opens offline with its charts drawn in Chinese (zh)', async () => {
    const page = await visit('zh');
    expect(page.problems).toEqual([]);
    expect(page.outsideRequests).toEqual([]);
    expect(page.dialogs).toEqual([]);
    expect(page.images).toBe(0);
    expect(page.htmlLang).toBe('zh-CN');
    expect(page.svgBoxes).toHaveLength(6);
    for (const box of page.svgBoxes) {
      expect(box.width).toBeGreaterThan(100);
      expect(box.height).toBeGreaterThan(50);
    }
    expect(page.headings).toContain('各阶段与下一步');
    expect(page.screenshotBytes).toBeGreaterThan(50_000);
  });

  it('shows the hostile brand name as text in the page heading', async () => {
    const page = await browser.newPage();
    const htmlPath = join(workDir, 'heading.html');
    writeFileSync(htmlPath, formatHtml(hostileReport('en')));
    await page.goto(pathToFileURL(htmlPath).href);
    expect(await page.locator('h1').textContent()).toBe(`${HOSTILE_NAME}花溪美妆`);
    expect(await page.title()).toBe(`STEPS diagnosis · ${HOSTILE_NAME}花溪美妆`);
    await page.close();
  });
});

/** Faces that carry Chinese on Windows, macOS and Linux; the fallback box comes from none of them. */
const CJK_FACE = /CJK|PingFang|Hiragino|YaHei|Source Han|WenQuanYi|Heiti|SimHei|DengXian/i;
const HAN = /\p{Script=Han}/gu;

interface Built {
  page: Page;
  report: Report;
}

const built = new Map<Lang, Promise<Built>>();

/** The jiangnan-home report as the CLI writes it, open in the browser; made once per language. */
function openBuilt(lang: Lang): Promise<Built> {
  let opened = built.get(lang);
  if (opened === undefined) {
    opened = (async () => {
      const html = join(workDir, `jiangnan-home-${lang}.html`);
      const json = join(workDir, `jiangnan-home-${lang}.json`);
      const run = runCli([
        'diagnose',
        join(EXAMPLES, 'jiangnan-home'),
        '--lang',
        lang,
        '--format',
        `html:${html}`,
        '--format',
        `json:${json}`,
      ]);
      if (run.code !== 0) throw new Error(`diagnose exited ${run.code}: ${run.stderr}`);
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      return { page, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
    })();
    built.set(lang, opened);
  }
  return opened;
}

interface FontUse {
  text: string;
  cjkGlyphs: number;
  faces: string[];
}

/** Which faces Chromium drew each matching element's own text with (DevTools' "Rendered fonts"). */
async function fontsUsed(page: Page, selector: string): Promise<FontUse[]> {
  const texts = await page.$$eval(selector, (elements) =>
    elements.map((element) =>
      Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join(''),
    ),
  );
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('DOM.enable');
  await devtools.send('CSS.enable');
  const { root } = await devtools.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await devtools.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const uses: FontUse[] = [];
  for (const [index, nodeId] of nodeIds.entries()) {
    const { fonts } = await devtools.send('CSS.getPlatformFontsForNode', { nodeId });
    uses.push({
      text: texts[index] ?? '',
      cjkGlyphs: fonts.filter((font) => CJK_FACE.test(font.familyName)).reduce((sum, font) => sum + font.glyphCount, 0),
      faces: fonts.map((font) => font.familyName),
    });
  }
  await devtools.detach();
  return uses;
}

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The stage-score chart's x-axis labels: every text drawn below the bars. */
async function stageAxisLabels(page: Page): Promise<Box[]> {
  return page.$eval('[data-chart="stageScores"] svg', (svg) => {
    const painted = (element: Element) => !['none', 'transparent', null].includes(element.getAttribute('fill'));
    const bars = Array.from(svg.querySelectorAll('path')).filter(painted);
    const plotBottom = Math.max(...bars.map((bar) => bar.getBoundingClientRect().bottom));
    return Array.from(svg.querySelectorAll('text'))
      .map((text) => {
        const box = text.getBoundingClientRect();
        return { text: text.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      })
      .filter((box) => box.top >= plotBottom - 1);
  });
}

interface FunnelDrawing {
  bars: { left: number; width: number; top: number }[];
  names: string[];
}

async function funnelDrawing(page: Page): Promise<FunnelDrawing> {
  return page.$eval('[data-chart="sessionFunnel"] svg', (svg) => {
    const painted = (element: Element) => !['none', 'transparent', null].includes(element.getAttribute('fill'));
    const bars = Array.from(svg.querySelectorAll('path'))
      .filter(painted)
      .map((bar) => bar.getBoundingClientRect())
      .sort((a, b) => a.top - b.top)
      .map((box) => ({ left: box.left, width: box.width, top: box.top }));
    const leftmost = Math.min(...bars.map((bar) => bar.left));
    // The step names sit left of every bar, the counts right of them.
    const names = Array.from(svg.querySelectorAll('text'))
      .filter((text) => text.getBoundingClientRect().right <= leftmost)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((text) => text.textContent ?? '');
    return { bars, names };
  });
}

describe('the report the CLI writes, as a client opens it (jiangnan-home)', () => {
  afterAll(async () => {
    for (const opened of built.values()) await (await opened).page.close();
  });

  it.each(['zh', 'en'] as Lang[])('draws every Chinese character in a CJK face, never as a box (%s)', async (lang) => {
    const { page } = await openBuilt(lang);
    const selectors = ['h1', 'table.stages .stage-name', '.priorities .step', '[data-chart] text'];
    const uses = (await Promise.all(selectors.map((selector) => fontsUsed(page, selector)))).flat();
    const chinese = uses.filter((use) => use.text.match(HAN) !== null);
    // The brand name at least; in Chinese, the stage names, the priorities and the chart labels.
    expect(chinese.length).toBeGreaterThanOrEqual(lang === 'zh' ? 20 : 1);
    for (const use of chinese) {
      expect({ text: use.text, cjkGlyphs: use.cjkGlyphs >= (use.text.match(HAN) ?? []).length }).toEqual({
        text: use.text,
        cjkGlyphs: true,
      });
    }
  });

  it.each(['en', 'zh'] as Lang[])(
    'draws Latin punctuation half-width: curly apostrophes and middle dots are Latin glyphs (%s)',
    async (lang) => {
      const { page } = await openBuilt(lang);
      const widths = await page.evaluate(
        (marks) => {
          const found: { mark: string; em: number; near: string }[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (const mark of marks) {
              const at = text.indexOf(mark);
              if (at < 0 || node.parentElement === null) continue;
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + 1);
              const width = range.getBoundingClientRect().width;
              const fontSize = parseFloat(getComputedStyle(node.parentElement).fontSize);
              if (width > 0)
                found.push({ mark, em: width / fontSize, near: text.slice(Math.max(0, at - 12), at + 12) });
            }
          }
          return found;
        },
        ['\u2019', '\u00b7'],
      );
      const marks = new Set(widths.map((width) => width.mark));
      expect(marks).toContain('\u00b7');
      if (lang === 'en') expect(marks).toContain('\u2019');
      // A CJK face draws both a full em wide; Latin faces well under half.
      expect(widths.filter((width) => width.em >= 0.5)).toEqual([]);
    },
  );

  it.each(['en', 'zh'] as Lang[])(
    'keeps the stage names on the score chart apart, each whole in its own column (%s)',
    async (lang) => {
      const { page, report } = await openBuilt(lang);
      const labels = await stageAxisLabels(page);
      expect(labels.length).toBeGreaterThanOrEqual(report.stages.length * 2);
      for (const [index, a] of labels.entries()) {
        for (const b of labels.slice(index + 1)) {
          const sameRow = a.top < b.bottom && b.top < a.bottom;
          if (!sameRow) continue;
          // A word space at this size is about 4 px: less than two of them reads as one phrase.
          const apart = a.right + 8 <= b.left || b.right + 8 <= a.left;
          expect({ a: a.text, b: b.text, apart }).toEqual({ a: a.text, b: b.text, apart: true });
        }
      }
      const drawn = labels.map((label) => label.text.replace(/\s+/g, '')).join('');
      for (const stage of report.stages) expect(drawn).toContain(stage.name.replace(/\s+/g, ''));
    },
  );

  it.each(['en', 'zh'] as Lang[])(
    'draws the funnel viewers → orders → buyers, centred, each bar as wide as its count (%s)',
    async (lang) => {
      const { page, report } = await openBuilt(lang);
      const funnel = report.sessionFunnel!;
      expect(funnel.orders).toBeGreaterThanOrEqual(funnel.buyers!);
      const t = translator(allMessages, lang);
      const drawing = await funnelDrawing(page);
      expect(drawing.names).toEqual([t('html.funnel.viewers'), t('html.funnel.orders'), t('html.funnel.buyers')]);
      const values = [funnel.viewers, funnel.orders!, funnel.buyers!];
      expect(drawing.bars).toHaveLength(3);
      const full = drawing.bars[0]!.width;
      const centre = drawing.bars[0]!.left + full / 2;
      drawing.bars.forEach((bar, index) => {
        expect(bar.width).toBeCloseTo((full * values[index]!) / values[0]!, 0);
        expect(Math.abs(bar.left + bar.width / 2 - centre)).toBeLessThan(1);
      });
      for (let index = 1; index < drawing.bars.length; index += 1) {
        expect(drawing.bars[index]!.top).toBeGreaterThan(drawing.bars[index - 1]!.top);
        expect(drawing.bars[index]!.width).toBeLessThanOrEqual(drawing.bars[index - 1]!.width);
      }
    },
  );
});
