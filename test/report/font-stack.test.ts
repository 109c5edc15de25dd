// The report's fonts: one stack for the page and its charts, Latin faces before CJK ones, and
// faces that Windows, macOS and Linux actually ship, so a client's machine finds one of each.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_FONT } from '../../src/report/charts/theme.js';

const STYLESHEET = readFileSync(new URL('../../templates/report/report.css', import.meta.url), 'utf8');

function families(stack: string): string[] {
  return stack.split(',').map((name) => name.trim().replace(/^["']|["']$/g, ''));
}

function pageStack(): string[] {
  const declaration = /--font:\s*([^;]+);/.exec(STYLESHEET);
  if (declaration === null) throw new Error('report.css declares no --font');
  return families(declaration[1]!.replace(/\s+/g, ' '));
}

const LATIN = [
  'Segoe UI',
  '-apple-system',
  'BlinkMacSystemFont',
  'Helvetica Neue',
  'Arial',
  'Liberation Sans',
  'DejaVu Sans',
];
const CJK = [
  'PingFang SC',
  'Hiragino Sans GB',
  'Microsoft YaHei',
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'WenQuanYi Micro Hei',
];

describe('the report font stack', () => {
  it('is the same list, in the same order, on the page and in its charts', () => {
    expect(families(CHART_FONT)).toEqual(pageStack());
  });

  it('names every Latin face before any CJK face, and ends on the generic sans-serif', () => {
    const stack = pageStack();
    expect(stack.slice(0, LATIN.length)).toEqual(LATIN);
    expect(stack.slice(LATIN.length, LATIN.length + CJK.length)).toEqual(CJK);
    expect(stack.at(-1)).toBe('sans-serif');
  });
});
