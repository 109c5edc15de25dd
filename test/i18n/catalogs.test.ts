import { describe, expect, it } from 'vitest';
import { diagnosisMessages } from '../../src/diagnosis/engine.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { detectLang, translator, type Catalog } from '../../src/i18n/index.js';

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

function expectParity(catalog: Catalog): void {
  expect(Object.keys(catalog.zh).sort()).toEqual(Object.keys(catalog.en).sort());
  for (const key of Object.keys(catalog.en)) {
    expect(placeholders(catalog.zh[key]!), key).toEqual(placeholders(catalog.en[key]!));
    expect(catalog.en[key]!.trim(), key).not.toBe('');
    expect(catalog.zh[key]!.trim(), key).not.toBe('');
  }
}

describe('catalogs', () => {
  it('have the same keys and placeholders in Chinese and English', () => {
    expectParity(allMessages);
    expectParity(diagnosisMessages);
  });

  it('put a Message given as a parameter into words in the same language', () => {
    const catalog: Catalog = {
      en: { outer: 'Held: “{check}” at {reached}', label: 'Creator GMV' },
      zh: { outer: '保持：“{check}”达到 {reached}', label: '达人分销 GMV' },
    };
    expect(translator(catalog, 'en')('outer', { check: { key: 'label' }, reached: '41.8%' })).toBe(
      'Held: “Creator GMV” at 41.8%',
    );
    expect(translator(catalog, 'zh')('outer', { check: { key: 'label' }, reached: '41.8%' })).toBe(
      '保持：“达人分销 GMV”达到 41.8%',
    );
  });

  it('joins lists with the separator of the language', () => {
    const catalog: Catalog = { en: { list: 'Top: {names}' }, zh: { list: '头部：{names}' } };
    expect(translator(catalog, 'en')('list', { names: ['小鹿', '糖米'] })).toBe('Top: 小鹿, 糖米');
    expect(translator(catalog, 'zh')('list', { names: ['小鹿', '糖米'] })).toBe('头部：小鹿、糖米');
  });

  it('pick Chinese from LANG or LC_ALL starting with zh, English otherwise', () => {
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' })).toBe('zh');
    expect(detectLang({ LANG: 'C.UTF-8' })).toBe('en');
    expect(detectLang({})).toBe('en');
  });
});
