import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliMessages } from '../../src/i18n/catalogs/cli.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { ingestMessages } from '../../src/i18n/catalogs/ingest.js';

const source = resolve(import.meta.dirname, '../../src/ingest');

/** Every 'ingest.…' key written in the ingest sources, plus the ones built from a code. */
function keysUsedInSource(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync(source).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(source, file), 'utf8');
    for (const match of text.matchAll(/'(ingest\.[a-zA-Z]+\.[a-zA-Z]+|ingest\.[a-zA-Z]+)'/g)) keys.add(match[1]!);
  }
  // Built as `ingest.file.${code}` from decode failures and CSV errors.
  for (const code of [
    'binary',
    'excel',
    'badUtf16',
    'foreignEncoding',
    'notText',
    'mixedEncoding',
    'unclosedQuote',
    'badQuote',
    'malformed',
  ]) {
    keys.add(`ingest.file.${code}`);
  }
  return [...keys].sort();
}

describe('ingest messages', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(ingestMessages.zh).sort()).toEqual(Object.keys(ingestMessages.en).sort());
    const validateKeys = (lang: 'en' | 'zh') =>
      Object.keys(cliMessages[lang]).filter((key) => key.startsWith('validate.'));
    expect(validateKeys('zh').sort()).toEqual(validateKeys('en').sort());
  });

  it('has a message for every key the ingest layer raises', () => {
    const missing = keysUsedInSource().filter(
      (key) => allMessages.en[key] === undefined || allMessages.zh[key] === undefined,
    );
    expect(missing).toEqual([]);
  });

  it('names the file, and the line where a file-level message has one, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const [key, template] of Object.entries(ingestMessages[lang])) {
        if (key.startsWith('ingest.row.')) continue;
        // A fragment nested inside ingest.file.headerOnly, which names the file and the line.
        if (key.startsWith('ingest.headerOnlyHint.')) continue;
        expect(template, key).toContain('{file}');
      }
      expect(ingestMessages[lang]['ingest.file.unclosedQuote']).toContain('{line}');
    }
  });
});
