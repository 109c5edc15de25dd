// `checklist` in a terminal, through the built CLI on a pseudo-terminal (pty-driver.ts): the
// keys a consultant presses, what the screen says back, and what lands in checklist.json.
// The folder is a copy of huaxi-beauty, whose checklist.json answers three sessions already.

import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalRun } from './pty-driver.js';
import { ROOT } from './run-cli.js';

let root: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/run-checklist.js'))) throw new Error('build first: npx tsc -p .');
  root = await mkdtemp(join(tmpdir(), 'steps-e2e-checklist-tty-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function huaxiCopy(name: string): Promise<string> {
  const folder = join(root, name);
  await cp(join(ROOT, 'examples/huaxi-beauty'), folder, { recursive: true });
  return folder;
}

type Answers = Record<string, Record<string, Record<string, boolean>>>;

async function savedAnswers(folder: string): Promise<Answers> {
  return JSON.parse(await readFile(join(folder, 'checklist.json'), 'utf8')).sessions;
}

/** In the STAGE item checkbox (all ticked, cursor on S), untick every item but `keep` (0 = S … 4 = E). */
function keepOnlyItem(run: TerminalRun, keep: number): void {
  for (let index = 0; index < 5; index += 1) {
    if (index !== keep) run.press('space');
    if (index < 4) run.press('down');
  }
  run.press('enter');
}

describe('checklist by session, in English', () => {
  let folder: string;
  let run: TerminalRun;

  beforeAll(async () => {
    folder = await huaxiCopy('by-session');
    run = new TerminalRun(['checklist', '.', '--lang', 'en'], { cwd: folder });
  });

  afterAll(() => run.stop());

  it('first asks whether to answer by session or by item', async () => {
    await run.waitFor('Answer by session or by item?');
    await run.waitFor('By item: each question once, ticking the sessions where it was done');
    run.press('enter');
  });

  it('says before the questions that the data already failed the item, and that a yes will not lift it', async () => {
    await run.waitFor('Which live session?');
    run.press('enter');
    await run.waitFor('Which STAGE items can you answer for NxPSTIVoPWC?');
    keepOnlyItem(run, 0);
    await run.waitFor('S Script and show: A session run to a planned rhythm');
    await run.waitFor(
      'The data has already judged this session: fail (average stay 43 s, below 45 s: weak; peak online 30 is 1.7× the average 18 (at most 2×); 186 minutes live (target 120)). A “yes” records what was done but does not change that verdict; a “no” adds its reason.',
    );
    // The first session of the month: no earlier answers, so every default is "no".
    for (const question of [
      'Was the rhythm',
      'Was there a written script?',
      'Were the activities',
      'Does the host',
      'Was the session rehearsed',
    ]) {
      await run.waitFor(new RegExp(`${question.replace('?', '\\?')}[^\\n]*\\(y/N\\)`));
      run.press('y', 'enter');
    }
  });

  it('after saving, sums up data against answers: the failure stands despite five yeses', async () => {
    await run.waitFor(
      'Saved 5 answers for 2024-06-01 19:30 · 花溪美妆官方旗舰店 · GMV ¥8,693.40 · NxPSTIVoPWC in checklist.json.',
    );
    await run.waitFor(
      'Data vs answers for NxPSTIVoPWC: 1 verdict(s) stay as the data set them (✗1); 1 of them a warning or a failure although every answer was “yes”.',
    );
    await run.waitFor('Answer another session?');
    run.press('y', 'enter');
  });

  it('starts the picker on the next unanswered session, not the one just answered', async () => {
    await run.waitFor('Which live session?');
    // Enter without moving: the session under the cursor is the one the picker started on.
    // c1Y9H1aIYHu (2 June) is already answered in checklist.json, so the next is P9wCPe70vTj.
    run.press('enter');
    await run.waitFor('Which STAGE items can you answer for P9wCPe70vTj?');
    keepOnlyItem(run, 0);
  });

  it('offers the answers of the previous session in time as defaults, and says the data warned', async () => {
    await run.waitFor('The data has already judged this session: warning (');
    // c1Y9H1aIYHu, on 2 June, is the latest earlier session with answers: yes, no, yes, yes, no.
    const defaults = ['(Y/n)', '(y/N)', '(Y/n)', '(Y/n)', '(y/N)'];
    const questions = [
      'Was the rhythm',
      'Was there a written script\\?',
      'Were the activities',
      'Does the host',
      'Was the session rehearsed',
    ];
    for (const [index, question] of questions.entries()) {
      const shown = await run.waitFor(new RegExp(`${question}[^\\n]*\\((Y/n|y/N)\\)`));
      expect(shown.slice(-5), question).toBe(defaults[index]);
      run.press('enter');
    }
    await run.waitFor('Data vs answers for P9wCPe70vTj: 1 verdict(s) stay as the data set them (!1).');
    await run.waitFor('Answer another session?');
    run.press('enter');
    expect(await run.exit()).toBe(0);
  });

  it('wrote both sessions into checklist.json and kept the others', async () => {
    const saved = await savedAnswers(folder);
    const before = JSON.parse(await readFile(join(ROOT, 'examples/huaxi-beauty/checklist.json'), 'utf8')).sessions;
    expect(saved.NxPSTIVoPWC).toEqual({
      script: {
        rhythmPlanned: true,
        scriptWritten: true,
        activitiesPaced: true,
        hostPersonaClear: true,
        rehearsed: true,
      },
    });
    expect(saved.P9wCPe70vTj).toEqual({ script: before.c1Y9H1aIYHu.script });
    for (const liveId of Object.keys(before)) expect(saved[liveId]).toEqual(before[liveId]);
  });
});

describe('checklist by item, in Chinese', () => {
  let folder: string;
  let run: TerminalRun;

  beforeAll(async () => {
    folder = await huaxiCopy('by-item');
    run = new TerminalRun(['checklist', '.', '--by', 'item', '--lang', 'zh'], { cwd: folder });
  });

  afterAll(() => run.stop());

  it('asks for the sessions and the items once, then each question as a checkbox of sessions', async () => {
    await run.waitFor('要回答哪些场次？');
    run.press('enter');
    await run.waitFor('这 20 场的哪些 STAGE 项目你能回答？');
    keepOnlyItem(run, 3);
    await run.waitFor('G 福利 / 赠品：');
    await run.waitFor(
      '这 20 场中有 20 场的数据已经给出判断（列表中已标出）。对这些场次，勾选只记下已做的准备，不会把“注意”或“未通过”改为通过；不勾选则会把“通过”降为“注意”。',
    );
    await run.waitFor('福利（赠品、小样、粉丝价）是否提前准备好？请勾选做到了的场次。');
    await run.waitFor('2024-06-01 19:30 · 花溪美妆官方旗舰店 · GMV ¥8,693.40 · NxPSTIVoPWC · 数据：✓ 通过');
    // Tick the first session (no earlier answers, so unticked), keep the other defaults.
    run.press('space', 'enter');
    await run.waitFor('优惠券、红包、抽奖等营销工具是否已设置？请勾选做到了的场次。');
    run.press('enter');
    await run.waitFor('福利的卖点是否向观众讲清楚了？请勾选做到了的场次。');
    run.press('enter');
  });

  it('saves the item for every session in one line, then sums up data against answers', async () => {
    await run.waitFor('已把 20 场“G 福利 / 赠品”的 60 个回答保存到 checklist.json。');
    const summary = await run.waitFor(/G 福利 \/ 赠品的数据与回答：[^\n]*。/);
    expect(summary).toMatch(/\d+ 个判断以数据为准（✓\d+/);
    expect(summary).toMatch(/\d+ 个数据判为通过，因回答“否”降为注意/);
    expect(await run.exit()).toBe(0);
  });

  it('wrote each session’s answers, defaults taken from the previous session in time', async () => {
    const saved = await savedAnswers(folder);
    expect(Object.keys(saved)).toHaveLength(20);
    expect(saved.NxPSTIVoPWC!.gifts).toEqual({ benefitsPrepared: true, couponsSet: false, sellingPointsClear: false });
    // 4 June follows 2 June (c1Y9H1aIYHu: yes, no, yes), which it took as its defaults.
    expect(saved.P9wCPe70vTj!.gifts).toEqual({ benefitsPrepared: true, couponsSet: false, sellingPointsClear: true });
    // Answers already in the file stay as they were, and its other items are untouched.
    expect(saved.c1Y9H1aIYHu!.script!.scriptWritten).toBe(false);
    expect(saved.c1Y9H1aIYHu!.gifts).toEqual({ benefitsPrepared: true, couponsSet: false, sellingPointsClear: true });
  });
});
