import { checkbox, select } from '@inquirer/prompts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnosisMessages } from '../../src/diagnosis/engine.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { mergeCatalogs, translator, type Lang } from '../../src/i18n/index.js';
import {
  askSession,
  defaultAnswer,
  nextSessionToAnswer,
  pickSession,
  runChecklistFlow,
  type ChecklistIo,
  type PickableSession,
} from '../../src/interactive/checklist-flow.js';
import { saveChecklistAnswers } from '../../src/interactive/checklist-file.js';
import { rendered, scriptedPrompts, type ScriptedPrompts } from './prompts.js';

const SESSIONS: PickableSession[] = [
  { liveId: 'NxPSTIVoPWC', startAt: '2024-06-01T19:30:00+08:00', account: '花溪美妆官方旗舰店', gmvFen: 869_340 },
  { liveId: 'c1Y9H1aIYHu', startAt: '2024-06-02T19:30:00+08:00', account: '花溪美妆官方旗舰店', gmvFen: 1_153_280 },
  { liveId: 'P9wCPe70vTj', startAt: '2024-06-04T20:00:00+08:00', account: '花溪护肤研究所', gmvFen: 1_106_720 },
];

function io(prompts: ScriptedPrompts | ChecklistIo['prompts'], lines: string[], lang: Lang = 'en'): ChecklistIo {
  return {
    prompts,
    t: translator(mergeCatalogs(allMessages, diagnosisMessages), lang),
    write: (line) => lines.push(line),
  };
}

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-checklist-flow-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('picking the session (a real inquirer select)', () => {
  it('lists date, account and GMV, marks sessions already answered, and returns the one chosen', async () => {
    const screens: string[] = [];
    const prompts = scriptedPrompts({}, { select: (config) => rendered(select, config, ['down', 'enter'], screens) });
    const answered = { NxPSTIVoPWC: { script: { rhythmPlanned: true, scriptWritten: false } } };
    const chosen = await pickSession(SESSIONS, answered, io(prompts, []));
    expect(chosen).toBe('c1Y9H1aIYHu');
    expect(screens[0]).toContain('Which live session?');
    // The virtual terminal is 80 columns wide: the answered count wraps onto the next line.
    expect(screens[0]).toContain('❯ 2024-06-01 19:30 · 花溪美妆官方旗舰店 · GMV ¥8,693.40 · NxPSTIVoPWC · answered');
    expect(screens[0]).toContain('2024-06-04 20:00 · 花溪护肤研究所 · GMV ¥11,067.20 · P9wCPe70vTj');
  });

  it('speaks Chinese when asked to', async () => {
    const screens: string[] = [];
    const prompts = scriptedPrompts({}, { select: (config) => rendered(select, config, ['enter'], screens) });
    expect(await pickSession(SESSIONS, {}, io(prompts, [], 'zh'))).toBe('NxPSTIVoPWC');
    expect(screens[0]).toContain('回答哪一场直播？');
  });
});

describe('one session’s questions', () => {
  it('asks only the items kept in a real inquirer checkbox, each after its why line', async () => {
    const screens: string[] = [];
    const prompts = scriptedPrompts(
      { confirm: [true, false, true, true, true, false, true, true] },
      // Untick S, T and E: the cursor starts on S.
      {
        checkbox: (config) =>
          rendered(checkbox, config, ['space', 'down', 'space', 'down', 'down', 'down', 'space', 'enter'], screens),
      },
    );
    const lines: string[] = [];
    const answers = await askSession(SESSIONS[1]!, undefined, io(prompts, lines));
    expect(screens[0]).toContain('Which STAGE items can you answer for c1Y9H1aIYHu?');
    expect(Object.keys(answers)).toEqual(['assortment', 'gifts']);
    expect(answers.assortment).toEqual({
      productGroupsPlanned: true,
      newAndOldFanProducts: false,
      pricePlanSet: true,
      stockReady: true,
      heroItemSet: true,
    });
    expect(answers.gifts).toEqual({ benefitsPrepared: false, couponsSet: true, sellingPointsClear: true });
    expect(lines).toEqual([
      'A Goods: The lineup decides what a viewer can buy: a hero item draws them in, planned groups and prices keep them buying without fatigue.',
      'G Gifts and benefits: Benefits announced in advance give viewers a reason to stay in the room and to buy now rather than later.',
    ]);
  });

  it('offers earlier answers as defaults, and "no" for questions never answered', async () => {
    const prompts = scriptedPrompts({ checkbox: [['traffic']], confirm: [true, true, true] });
    await askSession(SESSIONS[0]!, { traffic: { gmvTargetSplit: true, placementPlanned: false } }, io(prompts, []));
    expect(prompts.asked.filter((entry) => entry.kind === 'confirm')).toEqual([
      {
        kind: 'confirm',
        message: 'Was the session’s GMV target broken down into the audience it needs (viewers × conversion)?',
        default: true,
      },
      {
        kind: 'confirm',
        message: 'Was a placement strategy (audiences, goals, bids) set before going live?',
        default: false,
      },
      { kind: 'confirm', message: 'Was the budget split across the time slots of the session?', default: false },
    ]);
  });
});

describe('the whole flow, saving into checklist.json', () => {
  it('saves each session as it is answered, merged with the answers already in the file', async () => {
    const path = join(folder, 'checklist.json');
    const before = {
      note: 'June sessions, filled in with the brand team',
      sessions: {
        vdg2wKbC0Be: { gifts: { benefitsPrepared: true, couponsSet: true, sellingPointsClear: true } },
        c1Y9H1aIYHu: { script: { rhythmPlanned: false, scriptWritten: false }, traffic: { placementPlanned: false } },
      },
    };
    await writeFile(path, JSON.stringify(before, null, 2));
    const prompts = scriptedPrompts({
      select: ['c1Y9H1aIYHu', 'P9wCPe70vTj'],
      checkbox: [['script'], ['early-warmup']],
      // c1Y9H1aIYHu's five script questions, "another?", P9wCPe70vTj's three warm-up questions, "another?".
      confirm: [true, true, true, false, false, true, true, false, true, false],
    });
    const saved = await runChecklistFlow({
      sessions: SESSIONS,
      liveIds: [],
      answered: before.sessions,
      io: io(prompts, []),
      save: (incoming) => saveChecklistAnswers(path, incoming),
    });
    expect(saved).toBe(2);
    const after = JSON.parse(await readFile(path, 'utf8'));
    expect(after.note).toBe('June sessions, filled in with the brand team');
    expect(after.sessions.vdg2wKbC0Be).toEqual(before.sessions.vdg2wKbC0Be);
    expect(after.sessions.c1Y9H1aIYHu).toEqual({
      script: {
        rhythmPlanned: true,
        scriptWritten: true,
        activitiesPaced: true,
        hostPersonaClear: false,
        rehearsed: false,
      },
      traffic: { placementPlanned: false },
    });
    expect(after.sessions.P9wCPe70vTj).toEqual({
      'early-warmup': { warmupRhythm: true, warmupVideosPosted: false, reservationsOpen: true },
    });
    // The second pick starts on the next session without answers, not on the one just answered.
    expect(prompts.asked.filter((entry) => entry.kind === 'select').map((entry) => entry.default)).toEqual([
      undefined,
      'P9wCPe70vTj',
    ]);
  });

  it('walks the sessions named with --live in turn, without the picker', async () => {
    const prompts = scriptedPrompts({
      checkbox: [['gifts'], ['gifts']],
      confirm: [true, true, true, false, false, false],
    });
    const saves: string[] = [];
    await runChecklistFlow({
      sessions: SESSIONS,
      liveIds: ['P9wCPe70vTj', 'NxPSTIVoPWC'],
      answered: {},
      io: io(prompts, []),
      save: async (incoming) => {
        for (const [liveId, answers] of Object.entries(incoming)) {
          saves.push(`${liveId}:${Object.values(answers.gifts!).join(',')}`);
        }
        return {};
      },
    });
    expect(saves).toEqual(['P9wCPe70vTj:true,true,true', 'NxPSTIVoPWC:false,false,false']);
    expect(prompts.asked.some((entry) => entry.kind === 'select')).toBe(false);
  });

  it('saves nothing for a session where no item was kept', async () => {
    const prompts = scriptedPrompts({ select: ['NxPSTIVoPWC'], checkbox: [[]], confirm: [false] });
    let saves = 0;
    const saved = await runChecklistFlow({
      sessions: SESSIONS,
      liveIds: [],
      answered: {},
      io: io(prompts, []),
      save: async () => {
        saves += 1;
        return {};
      },
    });
    expect(saved).toBe(0);
    expect(saves).toBe(0);
  });
});

describe('defaults and where the picker starts', () => {
  // Listed out of time order on purpose: defaults follow the clock, not the list.
  const listed: PickableSession[] = [SESSIONS[2]!, SESSIONS[0]!, SESSIONS[1]!];

  it('offers a question’s own earlier answer first, then the latest earlier session’s, then no', () => {
    const answered = {
      NxPSTIVoPWC: { script: { scriptWritten: true, rehearsed: false } },
      c1Y9H1aIYHu: { script: { scriptWritten: false } },
      P9wCPe70vTj: { script: { rehearsed: true } },
    };
    // 4 June: its own answer, else 2 June's, else 1 June's.
    expect(defaultAnswer(listed, answered, 'P9wCPe70vTj', 'script', 'rehearsed')).toBe(true);
    expect(defaultAnswer(listed, answered, 'P9wCPe70vTj', 'script', 'scriptWritten')).toBe(false);
    expect(defaultAnswer(listed, { NxPSTIVoPWC: answered.NxPSTIVoPWC }, 'P9wCPe70vTj', 'script', 'scriptWritten')).toBe(
      true,
    );
    // 1 June has nothing before it; a later session's answer is never a default.
    expect(
      defaultAnswer(
        listed,
        { P9wCPe70vTj: { script: { scriptWritten: true } } },
        'NxPSTIVoPWC',
        'script',
        'scriptWritten',
      ),
    ).toBe(false);
    expect(defaultAnswer(listed, {}, 'c1Y9H1aIYHu', 'gifts', 'couponsSet')).toBe(false);
  });

  it('starts on the next session without answers after the one saved, wrapping round', () => {
    const answered = { NxPSTIVoPWC: { script: { rehearsed: true } }, c1Y9H1aIYHu: { script: { rehearsed: true } } };
    expect(nextSessionToAnswer(SESSIONS, answered, 'NxPSTIVoPWC')).toBe('P9wCPe70vTj');
    expect(nextSessionToAnswer(SESSIONS, { c1Y9H1aIYHu: answered.c1Y9H1aIYHu }, 'c1Y9H1aIYHu')).toBe('P9wCPe70vTj');
    expect(nextSessionToAnswer(SESSIONS, { P9wCPe70vTj: { script: { rehearsed: true } } }, 'P9wCPe70vTj')).toBe(
      'NxPSTIVoPWC',
    );
    // Everything answered: simply the next one.
    const all = { ...answered, P9wCPe70vTj: { script: { rehearsed: true } } };
    expect(nextSessionToAnswer(SESSIONS, all, 'c1Y9H1aIYHu')).toBe('P9wCPe70vTj');
  });
});
