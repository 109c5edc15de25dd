import { checkbox } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator } from '../../src/i18n/index.js';
import { keysHelpTip } from '../../src/interactive/prompts.js';

const plain = { key: (text: string) => text, dim: (text: string) => text };

describe('the key hints under a checkbox list (real inquirer)', () => {
  it.each([
    ['zh', '↑↓ 移动 • 空格 选择 • a 全选 • i 反选 • ⏎ 确认'],
    ['en', '↑↓ navigate • space select • a all • i invert • ⏎ submit'],
  ] as const)('%s', async (lang, hint) => {
    const theme = { style: { keysHelpTip: keysHelpTip(translator(allMessages, lang), plain) } };
    const { getScreen, events, answer } = await render(checkbox, {
      message: 'sessions',
      choices: [{ value: 'a' }, { value: 'b' }],
      theme,
    });
    expect(getScreen()).toContain(hint);
    events.keypress('enter');
    await answer;
  });

  it('leaves a key or action the catalog does not know as inquirer wrote it', () => {
    const tip = keysHelpTip(translator(allMessages, 'zh'), plain);
    expect(
      tip([
        ['tab', 'complete'],
        ['space', 'select'],
      ]),
    ).toBe('tab complete • 空格 选择');
  });
});
