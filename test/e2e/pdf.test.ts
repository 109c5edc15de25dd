// `--format pdf:PATH` through the built CLI, read back the way a client's PDF viewer and a
// search index read it: the text (pdftotext), the pages (pdfinfo) and the fonts (pdffonts).

import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator, type Lang } from '../../src/i18n/index.js';
import type { Report } from '../../src/report/types.js';
import { machineTools, pdfFonts, pdfInfo, pdfText } from './browser-tools.js';
import { EXAMPLES, runCli } from './run-cli.js';

const tools = machineTools({ poppler: true, cjkFont: true });
/** Three priorities, every stage measured, 44 live sessions: every part of the PDF has content. */
const BRAND_DIR = join(EXAMPLES, 'qingshan-coffee');
const LANGS: Lang[] = ['en', 'zh'];

/** Words only: pdftotext breaks lines where the page did, and CJK text has no spaces to keep. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

function firstLines(pageText: string): string[] {
  return pageText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

interface Printed {
  pdf: string;
  report: Report;
  stderr: string;
}

let workDir: string;
const printed = new Map<Lang, Printed>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'steps-doctor-pdf-'));
  if (tools.missing !== null) return;
  for (const lang of LANGS) {
    const pdf = join(workDir, `report-${lang}.pdf`);
    const json = join(workDir, `report-${lang}.json`);
    const run = runCli(['diagnose', BRAND_DIR, '--lang', lang, '--format', `pdf:${pdf}`, '--format', `json:${json}`], {
      timeoutMs: 110_000,
    });
    if (run.code !== 0) throw new Error(`diagnose --format pdf (${lang}) exited ${run.code}: ${run.stderr}`);
    printed.set(lang, { pdf, report: JSON.parse(await readFile(json, 'utf8')) as Report, stderr: run.stderr });
  }
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe.each(LANGS)('diagnose --format pdf:PATH (%s)', (lang) => {
  it('says where it wrote the PDF, and the PDF holds the brand and the three priorities as text', (context) => {
    context.skip(tools.missing !== null, tools.missing ?? '');
    const { pdf, report, stderr } = printed.get(lang)!;
    expect(stderr).toContain(pdf);
    const text = squeeze(pdfText(pdf));
    expect(text).toContain(squeeze(report.brand.name));
    expect(text).toContain(squeeze(translator(allMessages, lang)('report.title').toUpperCase()));
    const priorities = report.plan?.priorities ?? [];
    expect(priorities).toHaveLength(3);
    for (const priority of priorities) expect(text).toContain(squeeze(priority.text));
  });

  it('is A4, starts each stage, the sessions and the data on a page of their own, and leaves no page empty', (context) => {
    context.skip(tools.missing !== null, tools.missing ?? '');
    const { pdf, report } = printed.get(lang)!;
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)$/);
    const pages = Number(info.Pages);
    const pageTexts = Array.from({ length: pages }, (_unused, index) => firstLines(pdfText(pdf, index + 1)));
    // The footer counts the same pages the file holds.
    const footer = lang === 'zh' ? `第 ${pages} / ${pages} 页` : `page ${pages} of ${pages}`;
    expect(squeeze(pageTexts.at(-1)!.join(''))).toContain(squeeze(footer));

    const startsWith = (heading: string) => pageTexts.findIndex((lines) => lines[0]!.startsWith(heading)) + 1;
    const t = translator(allMessages, lang);
    const section = (key: string) => t(key);
    // The masthead's eyebrow, in capitals by the stylesheet.
    expect(pageTexts[0]![0]).toBe(t('report.title').toUpperCase());

    // The detail runs focus stage first; each stage heading opens a page (the first one right
    // under the section's heading).
    const stagesPage = startsWith(section('html.section.stages'));
    expect(stagesPage).toBeGreaterThan(1);
    const byFocus = [...report.stages].sort((a, b) => Number(b.isFocus) - Number(a.isFocus) || a.order - b.order);
    const stagePages = byFocus.map((stage, index) => {
      const heading = `${stage.letter} ${stage.name}`;
      if (index === 0) {
        expect(pageTexts[stagesPage - 1]![1]).toMatch(new RegExp(`^${heading}`));
        return stagesPage;
      }
      return startsWith(heading);
    });
    for (let index = 1; index < stagePages.length; index += 1) {
      expect(stagePages[index]).toBeGreaterThan(stagePages[index - 1]!);
    }
    const sessionsPage = startsWith(section('report.sessions'));
    const dataPage = startsWith(section('html.section.data'));
    expect(sessionsPage).toBeGreaterThan(stagePages.at(-1)!);
    expect(dataPage).toBeGreaterThan(sessionsPage);
    // Summary, five stages, sessions, data: at least eight pages; a page holding only its
    // footer would be a break the print CSS did not ask for.
    expect(pages).toBeGreaterThanOrEqual(8);
    for (const lines of pageTexts) expect(lines.length).toBeGreaterThan(2);
  });

  it('embeds every font it uses, so it reads the same on a machine without them', (context) => {
    context.skip(tools.missing !== null, tools.missing ?? '');
    const fonts = pdfFonts(printed.get(lang)!.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
  });
});

describe('a PDF needs a file and a browser', () => {
  it.each(LANGS)('refuses --format pdf without a path in one line, exit 2 (%s)', (lang) => {
    const run = runCli(['diagnose', BRAND_DIR, '--lang', lang, '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--format pdf:');
    expect(lines[0]).toContain(lang === 'zh' ? 'PDF 不能输出到终端' : 'a PDF is not sent to the terminal');
  });

  it.each(LANGS)(
    'without Chromium says in one line how to get one, exits 2 and writes nothing, not even the other outputs (%s)',
    async (lang) => {
      const out = await mkdtemp(join(workDir, 'no-browser-'));
      const missing = join(out, 'no-such-chromium');
      const run = runCli(
        [
          'diagnose',
          BRAND_DIR,
          '--lang',
          lang,
          '--format',
          `html:${join(out, 'report.html')}`,
          '--format',
          `pdf:${join(out, 'report.pdf')}`,
        ],
        { env: { CHROMIUM_PATH: missing, PLAYWRIGHT_CHROMIUM: '' } },
      );
      expect(run.code).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`CHROMIUM_PATH`);
      expect(lines[0]).toContain(missing);
      expect(lines[0]).toContain('/usr/bin/chromium');
      expect(lines[0]).toMatch(lang === 'zh' ? /^错误：无法生成 PDF/ : /^Error: cannot make the PDF/);
      expect(await readdir(out)).toEqual([]);
    },
  );

  it.each(LANGS)('with no browser anywhere names the install command (%s)', async (lang) => {
    const out = await mkdtemp(join(workDir, 'no-browser-anywhere-'));
    const nowhere = await mkdtemp(join(workDir, 'empty-'));
    const run = runCli(['diagnose', BRAND_DIR, '--lang', lang, '--format', `pdf:${join(out, 'report.pdf')}`], {
      env: {
        CHROMIUM_PATH: '',
        PLAYWRIGHT_CHROMIUM: '',
        PATH: nowhere,
        PLAYWRIGHT_BROWSERS_PATH: nowhere,
      },
    });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('apt-get install chromium');
    expect(lines[0]).toContain('CHROMIUM_PATH');
    expect(lines[0]).toContain(lang === 'zh' ? '本机没有 Chromium' : 'no Chromium on this machine');
    expect(await readdir(out)).toEqual([]);
  });
});

describe('batch --format pdf', () => {
  it('writes report.pdf beside each client’s report.json', async (context) => {
    context.skip(tools.missing !== null, tools.missing ?? '');
    const portfolio = await mkdtemp(join(workDir, 'portfolio-'));
    await cp(join(EXAMPLES, 'lanting-tea'), join(portfolio, 'lanting-tea'), { recursive: true });
    const out = join(workDir, 'batch-out');
    const run = runCli(['batch', portfolio, '--out', out, '--format', 'pdf', '--lang', 'zh'], { timeoutMs: 110_000 });
    expect(run.code).toBe(0);
    expect((await readdir(join(out, 'lanting-tea'))).sort()).toEqual(['report.json', 'report.pdf']);
    const report = JSON.parse(await readFile(join(out, 'lanting-tea', 'report.json'), 'utf8')) as Report;
    expect(squeeze(pdfText(join(out, 'lanting-tea', 'report.pdf')))).toContain(squeeze(report.brand.name));
  });

  it('without Chromium stops before any client, in one line, exit 2', async () => {
    const portfolio = await mkdtemp(join(workDir, 'portfolio-no-browser-'));
    await cp(join(EXAMPLES, 'lanting-tea'), join(portfolio, 'lanting-tea'), { recursive: true });
    const out = join(workDir, 'batch-no-browser');
    const run = runCli(['batch', portfolio, '--out', out, '--format', 'pdf'], {
      env: { CHROMIUM_PATH: join(portfolio, 'no-such-chromium'), PLAYWRIGHT_CHROMIUM: '' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('CHROMIUM_PATH');
    const written = await readdir(out).catch(() => []);
    expect(written.filter((name) => !name.startsWith('.'))).toEqual([]);
  });
});
