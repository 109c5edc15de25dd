import { describe, expect, it } from 'vitest';
import { assertionsForBrand, parseCheckConfig } from '../../src/check/config.js';
import { evaluateReport } from '../../src/check/evaluate.js';
import { escapeXml, formatJunit } from '../../src/check/junit.js';
import { exitCodeOf, summarize, type CheckRun, type ReportOutcome } from '../../src/check/result.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator } from '../../src/i18n/index.js';
import { sampleReport } from '../fixtures/sample-report.js';

const en = translator(allMessages, 'en');

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`);
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITY[name]!);
}

/**
 * Just enough of an XML parser to prove the JUnit file is well-formed: one root, every tag closed
 * in order, attributes quoted, no bare < or & in text or values, nothing after the root.
 */
function parseXml(xml: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/;
  if (!declaration.test(xml)) throw new Error('no XML declaration');
  let rest = xml.replace(declaration, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const tag = /^<(\/?)([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w-]*="[^"<]*")*)\s*(\/?)>/;
  while (rest.length > 0) {
    const textEnd = rest.indexOf('<');
    const text = textEnd === -1 ? rest : rest.slice(0, textEnd);
    if (text.length > 0) {
      stack.at(-1)!.text += unescape(text);
      rest = rest.slice(text.length);
      continue;
    }
    const match = tag.exec(rest);
    if (!match) throw new Error(`malformed markup at ${JSON.stringify(rest.slice(0, 40))}`);
    const [whole, closing, name, attributeText, selfClosing] = match;
    rest = rest.slice(whole.length);
    if (closing) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(/([A-Za-z][\w-]*)="([^"]*)"/g)) {
      if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
      attributes[key!] = unescape(value!);
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> never closed`);
  const elements = root.children;
  if (elements.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  return elements[0]!;
}

function runFor(outcomes: ReportOutcome[]): CheckRun {
  const summary = summarize(outcomes);
  return { outcomes, summary, exitCode: exitCodeOf(summary) };
}

const config = parseCheckConfig(
  {
    assertions: {
      overall: ['error', { minScore: 70 }],
      'stage:traffic': ['error', { minScore: 60 }],
      'stage:private-domain': ['warn', { minScore: 50 }],
    },
  },
  'x.json',
);

function checked(file: string, brand: string): ReportOutcome {
  const report = sampleReport();
  report.brand.name = brand;
  return { file, status: 'checked', brand, results: evaluateReport(report, assertionsForBrand(config, brand)) };
}

describe('JUnit XML', () => {
  const hostile = "Evil <&\"> 'Brand' ]]> \u0001";
  const run = runFor([
    checked('reports/huaxi.json', '花溪美妆'),
    checked('reports/<evil>&.json', hostile),
    {
      file: 'reports/missing.json',
      status: 'unreadable',
      brand: null,
      error: { key: 'check.file.missing', params: { file: 'reports/missing.json' } },
    },
    {
      file: 'reports/broken.json',
      status: 'invalid',
      brand: null,
      problems: [
        { path: '/metrics/gmv', message: 'must be number' },
        { path: '/stages/0/score', message: 'must be <= 100' },
      ],
    },
  ]);
  const xml = formatJunit(run, en);
  const document = parseXml(xml);

  it('is well-formed, with one testsuite per report file', () => {
    expect(document.name).toBe('testsuites');
    expect(document.children.map((suite) => suite.name)).toEqual(['testsuite', 'testsuite', 'testsuite', 'testsuite']);
    expect(document.attributes).toMatchObject({ tests: '10', failures: '3', errors: '1' });
  });

  it('has one testcase per assertion, after the schema testcase', () => {
    const suite = document.children[0]!;
    expect(suite.attributes).toMatchObject({
      name: '花溪美妆 (reports/huaxi.json)',
      tests: '4',
      failures: '1',
      errors: '0',
    });
    expect(suite.children.map((testcase) => testcase.attributes.name)).toEqual([
      'schema',
      'overall',
      'stage:traffic',
      'stage:private-domain',
    ]);
  });

  it('reports an error-level failure as <failure> with the actual and expected values', () => {
    const overall = document.children[0]!.children[1]!;
    expect(overall.children).toHaveLength(1);
    expect(overall.children[0]!.name).toBe('failure');
    expect(overall.children[0]!.attributes.message).toBe('62, expected ≥ 70');
    expect(document.children[0]!.children[2]!.children).toEqual([]);
  });

  it('keeps a warn-level failure passing, with the warning in <system-out>', () => {
    const privateDomain = document.children[0]!.children[3]!;
    expect(privateDomain.children.map((child) => child.name)).toEqual(['system-out']);
    expect(privateDomain.children[0]!.text).toBe('warn: 31, expected ≥ 50');
  });

  it('escapes a hostile brand name and file name so they read back exactly', () => {
    const suite = document.children[1]!;
    expect(suite.attributes.name).toBe("Evil <&\"> 'Brand' ]]> \ufffd (reports/<evil>&.json)");
    expect(suite.children[0]!.attributes.classname).toBe('reports/<evil>&.json');
    expect(xml).not.toContain('<evil>');
    expect(xml).not.toContain('\u0001');
  });

  it('reports an unreadable file as <error> and a schema failure as <failure> listing the paths', () => {
    const missing = document.children[2]!;
    expect(missing.attributes).toMatchObject({ name: 'reports/missing.json', errors: '1' });
    expect(missing.children[0]!.children[0]).toMatchObject({
      name: 'error',
      attributes: { message: 'reports/missing.json: no such file' },
    });
    const broken = document.children[3]!.children[0]!;
    expect(broken.attributes.name).toBe('schema');
    expect(broken.children[0]!.text).toBe('/metrics/gmv: must be number\n/stages/0/score: must be <= 100');
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters and replaces characters XML cannot hold', () => {
    expect(escapeXml('<&">\'')).toBe('&lt;&amp;&quot;&gt;&apos;');
    expect(escapeXml('a\u0000b\u001fc\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(escapeXml('lone \ud800 surrogate, pair 😀')).toBe('lone \ufffd surrogate, pair 😀');
  });
});
