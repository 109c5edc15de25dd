import { describe, expect, it } from 'vitest';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { interactiveMessages } from '../../src/i18n/catalogs/interactive.js';

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe('the checklist and init catalog', () => {
  it('has the same keys and placeholders in Chinese and English', () => {
    expect(Object.keys(interactiveMessages.zh).sort()).toEqual(Object.keys(interactiveMessages.en).sort());
    for (const key of Object.keys(interactiveMessages.en)) {
      expect(placeholders(interactiveMessages.zh[key]!), key).toEqual(placeholders(interactiveMessages.en[key]!));
    }
  });

  it('keeps to its own prefixes (the prompts’ key hints included) and reaches every command through the merged catalog', () => {
    for (const key of Object.keys(interactiveMessages.en)) {
      expect(/^(checklist|init|prompt)\./.test(key), key).toBe(true);
      expect(allMessages.en[key], key).toBe(interactiveMessages.en[key]);
    }
  });
});
