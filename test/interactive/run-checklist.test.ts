import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecklist, type ChecklistEnv } from '../../src/cli/run-checklist.js';
import { UserError } from '../../src/errors.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { render, type Lang } from '../../src/i18n/index.js';
import { scriptedPrompts, type Script } from './prompts.js';

const EXAMPLE = new URL('../../examples/huaxi-beauty/', import.meta.url);
let folder: string;
let original: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-run-checklist-'));
  await cp(EXAMPLE, folder, { recursive: true });
  original = await readFile(join(folder, 'checklist.json'), 'utf8');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Captured extends ChecklistEnv {
  lines: string[];
}

function env(isTerminal: boolean, script: Script = {}): Captured {
  const lines: string[] = [];
  return { isTerminal, prompts: async () => scriptedPrompts(script), out: (line) => lines.push(line), lines };
}

async function refusal(run: Promise<void>, lang: Lang = 'en'): Promise<{ error: UserError; text: string }> {
  try {
    await run;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { error, text: render(allMessages, lang, error.detail) };
  }
  throw new Error('expected a UserError');
}

describe('checklist without a terminal', () => {
  it('never prompts: exit 2, naming the flags to pass, and the file is untouched', async () => {
    const noTty = env(false);
    noTty.prompts = async () => {
      throw new Error('prompted without a terminal');
    };
    const { error, text } = await refusal(runChecklist(folder, { lang: 'en' }, noTty));
    expect(error.exitCode).toBe(2);
    expect(text).toContain('stdin is not one');
    expect(text).toContain('--live ID --all-yes');
    expect(text).toContain('--answers FILE');
    expect(await readFile(join(folder, 'checklist.json'), 'utf8')).toBe(original);
  });

  it('says the same in Chinese', async () => {
    const { text } = await refusal(runChecklist(folder, { lang: 'zh' }, env(false)), 'zh');
    expect(text).toContain('标准输入不是终端');
    expect(text).toContain('--live ID --all-yes');
  });

  it('asks for --live when --all-yes has no session to mark, and refuses --all-yes with --answers', async () => {
    expect((await refusal(runChecklist(folder, { lang: 'en', allYes: true }, env(false)))).text).toContain(
      '--all-yes needs --live ID',
    );
    const both = await refusal(
      runChecklist(folder, { lang: 'en', allYes: true, answers: 'x.json', live: ['c1Y9H1aIYHu'] }, env(false)),
    );
    expect(both.error.detail.key).toBe('checklist.allYesAndAnswers');
  });

  it('refuses a live id the traffic data does not have, showing ids that exist', async () => {
    const { text } = await refusal(
      runChecklist(folder, { lang: 'en', allYes: true, live: ['c1Y9H1aIYHU'] }, env(false)),
    );
    expect(text).toContain('no live session "c1Y9H1aIYHU"');
    expect(text).toContain('NxPSTIVoPWC, c1Y9H1aIYHu');
  });
});

describe('checklist in a terminal', () => {
  it('asks for a session and its items, saves, and keeps every other session’s answers', async () => {
    const terminal = env(true, {
      select: ['session', 'NxPSTIVoPWC'],
      checkbox: [['traffic']],
      confirm: [true, false, true, false],
    });
    await runChecklist(folder, { lang: 'en' }, terminal);
    expect(terminal.lines).toEqual([
      'T Paid traffic: Paid traffic pays back when it is planned: the GMV target turned into the audience it needs, and the budget spread over the session.',
      'The data already passes this session (spend ¥3,338; ROI 2.6 (target 2); paid viewers 36.9% of viewers (band 20%–50%)). All “yes” keeps the pass; any “no” lowers it to a warning.',
      `Saved 3 answers for 2024-06-01 19:30 · 花溪美妆官方旗舰店 · GMV ¥8,693.40 · NxPSTIVoPWC in ${join(folder, 'checklist.json')}.`,
      'Data vs answers for NxPSTIVoPWC: 1 passed by the data, lowered to a warning by a “no”.',
    ]);
    const saved = JSON.parse(await readFile(join(folder, 'checklist.json'), 'utf8'));
    expect(saved.sessions.NxPSTIVoPWC).toEqual({
      traffic: { gmvTargetSplit: true, placementPlanned: false, budgetByTimeSlot: true },
    });
    const before = JSON.parse(original);
    for (const liveId of Object.keys(before.sessions)) expect(saved.sessions[liveId]).toEqual(before.sessions[liveId]);
  });
});

describe('checklist by item, where the exports cannot judge the item', () => {
  let tea: string;

  beforeAll(async () => {
    tea = await mkdtemp(join(tmpdir(), 'steps-run-checklist-tea-'));
    await cp(new URL('../../examples/lanting-tea/', import.meta.url), tea, { recursive: true });
  });

  afterAll(async () => {
    await rm(tea, { recursive: true, force: true });
  });

  it('says the answers decide, saves one line for the item, and sums up the verdicts the answers set', async () => {
    const live = ['vmDDRK7nCl8', 'Bf1MmGMF5Ca'];
    const terminal = env(true, {
      // Gifts only; then its three questions: done in both, in the first only, in neither.
      checkbox: [['gifts'], live, ['vmDDRK7nCl8'], []],
    });
    await runChecklist(tea, { lang: 'en', by: 'item', live }, terminal);
    expect(terminal.lines).toEqual([
      'G Gifts and benefits: Benefits announced in advance give viewers a reason to stay in the room and to buy now rather than later.',
      'No figure in the exports judges this item for these sessions: your answers decide it.',
      `Saved 6 answers on G Gifts and benefits for 2 session(s) in ${join(tea, 'checklist.json')}.`,
      'Data vs answers on G Gifts and benefits: 2 set by your answers alone, the data having no figure for them (!1; ✗1).',
    ]);
    const saved = JSON.parse(await readFile(join(tea, 'checklist.json'), 'utf8'));
    expect(saved.sessions).toEqual({
      vmDDRK7nCl8: { gifts: { benefitsPrepared: true, couponsSet: true, sellingPointsClear: false } },
      Bf1MmGMF5Ca: { gifts: { benefitsPrepared: true, couponsSet: false, sellingPointsClear: false } },
    });
  });

  it('in Chinese too', async () => {
    const terminal = env(true, { select: ['item'], checkbox: [['vmDDRK7nCl8'], ['gifts'], [], [], []] });
    await runChecklist(tea, { lang: 'zh' }, terminal);
    expect(terminal.lines).toContain('导出数据中没有能判断这些场次这一项的指标：以你的回答为准。');
    expect(terminal.lines).toContain('G 福利 / 赠品的数据与回答：1 个没有数据可判断，按回答判定（✗1）。');
  });
});
