// The HTML report as a client opens it: a local file in a real browser, with no network, no
// script errors and nothing from the data turned into markup.

import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.js';
import { formatHtml } from '../../src/report/formatters/html.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from '../fixtures/sample-report.js';

const CHROMIUM = '/usr/bin/chromium';
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

describe('HTML report in headless Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: .ci/run installs it (Debian's chromium package). Install it the same way to run this test.`,
      );
    }
    workDir = mkdtempSync(join(tmpdir(), 'steps-doctor-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
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
