// Hostile strings through every output (issue 15): fast-check makes brand, product, creator and
// session names out of controls, C1, bidi overrides, lone surrogates, prototype keys, URLs,
// formula prefixes, markup and very long runs; they go into generated client folders, one batch
// writes every report format for each (JSON, Markdown, HTML, terminal text) and the summary CSV,
// `check` writes JUnit over the reports, and `validate` prints each folder's findings. Whatever
// the names hold: no raw control or bidi character reaches a terminal, the JSON round-trips and
// passes the schema, Markdown has no live autolink, HTML and XML carry no markup from the data,
// and no CSV cell starts a formula.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCliBounded, SEED, tempRoot } from './helpers.js';

/** Generated clients: moderate, the machine is shared (each is one folder in one batch). */
const RUNS = 25;

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const URLS = ['https://evil.example/phish', 'http://x.cn', 'www.x.com', 'shop@evil.example', 'javascript:alert(1)'];
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '=cmd|"/c calc"!A0', '\t=1', '\r=1'];
const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; --", '</td></tr>', '&amp;', ']]>'];
const ESCAPES = [
  '\u001b[2J',
  '\u001b]52;c;aGVsbG8=\u0007',
  '\u001b]8;;https://x.example\u001b\\link\u001b]8;;\u001b\\',
];
const BIDI = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const WORDS = ['手撕牛肉干', '每日坚果', '糖芳吃货日记', 'Ａ１２', ' ', ',', '"', '\n', '\t', '\r\n', '\\'];

const codeUnit = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((code) => String.fromCharCode(code));

/** One piece of a hostile name. NUL is left out: a NUL byte makes a CSV binary, which is refused as such. */
const fragment = fc.oneof(
  codeUnit(0x01, 0x1f),
  codeUnit(0x7f, 0x9f),
  codeUnit(0xd800, 0xdfff),
  fc.constantFrom(...BIDI),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom(...URLS),
  fc.constantFrom(...FORMULAS),
  fc.constantFrom(...MARKUP),
  fc.constantFrom(...ESCAPES),
  fc.constantFrom(...WORDS),
  // Long runs, up to a few thousand characters: a table cell is capped at a dozen lines because
  // cli-table3's cost grows with the cube of a cell's length (see src/report/formatters/table.ts).
  fc.integer({ min: 40, max: 2000 }).map((length) => '长'.repeat(length)),
  fc.string({ maxLength: 12 }),
);

const hostileName = fc.array(fragment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));

interface Names {
  brand: string;
  products: string[];
  creators: string[];
  account: string;
}

const names: fc.Arbitrary<Names> = fc.record({
  brand: hostileName,
  products: fc.array(hostileName, { minLength: 2, maxLength: 2 }),
  creators: fc.array(hostileName, { minLength: 2, maxLength: 2 }),
  account: hostileName,
});

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvText(rows: string[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A small client: six order lines over two products and two creators, two live sessions. */
async function writeClient(dir: string, given: Names): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'brand.json'), JSON.stringify({ name: given.brand, category: 'food' }));
  const orders = [
    [
      'order_id',
      'paid_at',
      'product_id',
      'product_name',
      'amount',
      'seller',
      'carrier',
      'creator_id',
      'creator_name',
      'live_id',
      'buyer_id',
    ],
  ];
  for (let line = 0; line < 6; line++) {
    const byCreator = line % 3 === 0;
    orders.push([
      String(2406010000000000000 + line * 7919),
      `2024-06-0${1 + line} 20:1${line}:00`,
      `10${line % 2}`,
      given.products[line % 2]!,
      `${59 + line}.90`,
      byCreator ? '达人分销' : '自播',
      byCreator ? 'shortVideo' : 'live',
      byCreator ? `c${line % 2}` : '',
      byCreator ? given.creators[line % 2]! : '',
      byCreator ? '' : `L${line % 2}`,
      `b${line}`,
    ]);
  }
  await writeFile(join(dir, 'orders.csv'), csvText(orders));
  const sessions = [['live_id', 'account', 'start_time', 'end_time', 'viewers', 'gmv', 'buyers', 'orders']];
  for (let session = 0; session < 2; session++) {
    sessions.push([
      'L' + session,
      given.account,
      `2024-06-0${1 + session} 20:00:00`,
      `2024-06-0${1 + session} 22:00:00`,
      '800',
      '300.00',
      '5',
      '5',
    ]);
  }
  await writeFile(join(dir, 'live_sessions.csv'), csvText(sessions));
}

/** What no terminal may be sent from data: C0 other than line feed and tab, DEL, C1, bidi controls, lone surrogates. */
const RAW_TERMINAL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What GFM would turn into a link with no brackets: a scheme, `www.` or an e-mail address. */
const LIVE_AUTOLINK = /(?<!\\)(?:https?|ftp|mailto|xmpp):|(?<![\\])www\.|[\w.+-](?<!\\)@[\w-]+\./i;
/** Markup only the data could have put there. */
const DATA_MARKUP = /<script>alert|<img src=x|<\/td><\/tr>(?!\s*<)/;
/** Characters XML 1.0 does not allow at all. */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function clientName(index: number): string {
  return `client-${String(index).padStart(2, '0')}`;
}

describe('hostile names through every output format', () => {
  it(`${RUNS} generated clients: terminal, JSON, Markdown, HTML, summary CSV, JUnit and validate hold`, async () => {
    const root = await tempRoot('hostile-names');
    const portfolio = join(root, 'portfolio');
    const samples = fc.sample(names, { numRuns: RUNS, seed: SEED });
    for (const [index, sample] of samples.entries()) await writeClient(join(portfolio, clientName(index)), sample);

    const out = join(root, 'out');
    const batch = runCliBounded(
      [
        'batch',
        portfolio,
        '--out',
        out,
        '--format',
        'markdown',
        '--format',
        'html',
        '--format',
        'terminal',
        '--lang',
        'en',
        '--concurrency',
        '2',
      ],
      { boundMs: 240_000 },
    );
    expect(batch.signal).toBeNull();
    expect([0, 1]).toContain(batch.code);
    expect(batch.stdout + batch.stderr, 'batch terminal output').not.toMatch(RAW_TERMINAL);

    const reports: string[] = [];
    for (const [index, sample] of samples.entries()) {
      const where = `${clientName(index)}: ${JSON.stringify(sample)}`;
      const folder = join(out, clientName(index));
      const json = await readFile(join(folder, 'report.json'), 'utf8');
      const report = JSON.parse(json) as { brand: { name: string } };
      expect(JSON.parse(JSON.stringify(report)), where).toEqual(report);
      expect(report.brand.name, where).toBeTypeOf('string');
      reports.push(join(folder, 'report.json'));

      const terminal = await readFile(join(folder, 'report.txt'), 'utf8');
      expect(terminal, where).not.toMatch(RAW_TERMINAL);
      const markdown = await readFile(join(folder, 'report.md'), 'utf8');
      expect(
        markdown.split('\n').filter((line) => LIVE_AUTOLINK.test(line)),
        where,
      ).toEqual([]);
      const html = await readFile(join(folder, 'report.html'), 'utf8');
      expect(html, where).not.toMatch(DATA_MARKUP);
      expect(html, where).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);

      const validate = runCliBounded(['validate', join(portfolio, clientName(index)), '--lang', 'en']);
      expect(validate.code, where).not.toBeNull();
      expect(validate.stdout + validate.stderr, where).not.toMatch(RAW_TERMINAL);
    }

    const summary = await readFile(join(out, 'summary.csv'), 'utf8');
    const cells = (parse(summary.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell))).toEqual([]);

    const junitPath = join(root, 'check.xml');
    const check = runCliBounded(['check', ...reports, '--format', `junit:${junitPath}`, '--lang', 'en'], {
      boundMs: 120_000,
    });
    expect([0, 1], check.stderr).toContain(check.code);
    expect(check.stdout + check.stderr).not.toMatch(RAW_TERMINAL);
    const junit = await readFile(junitPath, 'utf8');
    expect(junit).not.toMatch(NOT_XML);
    expect(junit).not.toMatch(DATA_MARKUP);
    // Every report is schema-valid, whatever its names: check fails none as invalid.
    expect(junit).not.toMatch(/schema problem/);
  }, 600_000);
});
