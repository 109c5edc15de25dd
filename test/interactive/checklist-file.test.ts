import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checklistQuestionIds } from '../../src/diagnosis/stage-items/index.js';
import { InputError } from '../../src/errors.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { render } from '../../src/i18n/index.js';
import { readChecklistFile, readFolderChecklist } from '../../src/ingest/checklist.js';
import { allYesAnswers, mergeAnswers, saveChecklistAnswers } from '../../src/interactive/checklist-file.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-checklist-file-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

async function failure(path: string): Promise<{ error: InputError; text: string }> {
  try {
    await readChecklistFile(path, checklistQuestionIds(), false);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error, text: render(allMessages, 'en', error.detail) };
  }
  throw new Error('expected an InputError');
}

describe('reading checklist.json', () => {
  it('reads the example brand’s answers, leaving out questions answered null', async () => {
    const example = await readFile(new URL('../../examples/huaxi-beauty/checklist.json', import.meta.url), 'utf8');
    const path = await write('checklist.json', example.replace('"rehearsed": false', '"rehearsed": null'));
    const file = (await readChecklistFile(path, checklistQuestionIds(), false))!;
    expect(Object.keys(file.answers)).toEqual(['c1Y9H1aIYHu', 'vdg2wKbC0Be', 'GRMcEdJmsdT']);
    expect(file.answers.c1Y9H1aIYHu!.script).toEqual({
      rhythmPlanned: true,
      scriptWritten: false,
      activitiesPaced: true,
      hostPersonaClear: true,
    });
    expect(file.answers.GRMcEdJmsdT!.traffic).toBeUndefined();
  });

  it('names the file and line of an unknown question, in the session it belongs to', async () => {
    const path = await write(
      'checklist.json',
      [
        '{"sessions": {',
        '  "L1": {"gifts": {"couponsSet": true}},',
        '  "L2": {"gifts": {',
        '    "couponsSet": true,',
        '    "couponSet": false',
        '  }}',
        '}}',
      ].join('\n'),
    );
    const { error, text } = await failure(path);
    expect(error.exitCode).toBe(2);
    expect(error.line).toBe(5);
    expect(text).toBe(
      `${path}, line 5: "gifts" of session "L2" has an unknown question "couponSet"; its questions are benefitsPrepared, couponsSet, sellingPointsClear.`,
    );
  });

  it('refuses an unknown item, a non-boolean answer, a missing "sessions" and broken JSON', async () => {
    const unknownItem = await failure(
      await write('a.json', '{"sessions": {"L1": {"warmup": {"warmupRhythm": true}}}}'),
    );
    expect(unknownItem.text).toContain(
      'unknown STAGE item "warmup"; the items are script, traffic, assortment, gifts, early-warmup',
    );
    const yesText = await failure(await write('b.json', '{"sessions": {"L1": {"script": {"rehearsed": "是"}}}}'));
    expect(yesText.text).toContain(
      '"rehearsed" ("script" of session "L1") is "是"; write true, false, or null when not known',
    );
    const flat = await failure(await write('c.json', '{"L1": {"script": {"rehearsed": true}}}'));
    expect(flat.text).toContain('"sessions" must be an object keyed by live id');
    const broken = await failure(await write('d.json', '{"sessions": {"L1": {"script": {"rehearsed": true,}}}}'));
    expect(broken.error.detail.key).toBe('ingest.json.invalid');
    expect(broken.error.file).toBe(join(folder, 'd.json'));
  });

  it('treats a missing checklist.json as no answers, and reports a checklist.yaml it does not read', async () => {
    expect(await readFolderChecklist(folder, checklistQuestionIds())).toEqual({ answers: {}, path: null, unread: [] });
    await write('checklist.yaml', 'sessions:\n  L1:\n    script:\n      rehearsed: true\n');
    const checklist = await readFolderChecklist(folder, checklistQuestionIds());
    expect(checklist.unread).toEqual([join(folder, 'checklist.yaml')]);
    expect(checklist.answers).toEqual({});
  });
});

describe('merging answers', () => {
  it('replaces only the questions answered, per session and per item', () => {
    const base = {
      L1: { script: { rhythmPlanned: false, scriptWritten: true }, gifts: { couponsSet: true } },
      L2: { traffic: { placementPlanned: true } },
    };
    const merged = mergeAnswers(base, {
      L1: { script: { rhythmPlanned: true } },
      L3: { gifts: { couponsSet: false } },
    });
    expect(merged).toEqual({
      L1: { script: { rhythmPlanned: true, scriptWritten: true }, gifts: { couponsSet: true } },
      L2: { traffic: { placementPlanned: true } },
      L3: { gifts: { couponsSet: false } },
    });
    expect(Object.keys(merged)).toEqual(['L1', 'L2', 'L3']);
  });

  it('saves into a new file, then merges into it without losing what another run saved meanwhile', async () => {
    const path = join(folder, 'checklist.json');
    await saveChecklistAnswers(path, { L1: allYesAnswers() });
    // Another run (or a hand edit) adds a session between our reads.
    const current = JSON.parse(await readFile(path, 'utf8'));
    current.sessions.L2 = { gifts: { couponsSet: false } };
    await writeFile(path, JSON.stringify(current));
    await saveChecklistAnswers(path, { L1: { script: { rehearsed: false } } });
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.sessions.L2).toEqual({ gifts: { couponsSet: false } });
    expect(saved.sessions.L1.script).toEqual({
      rhythmPlanned: true,
      scriptWritten: true,
      activitiesPaced: true,
      hostPersonaClear: true,
      rehearsed: false,
    });
    expect(Object.values(saved.sessions.L1['early-warmup'])).toEqual([true, true, true]);
  });

  it('never overwrites a checklist.json it cannot read', async () => {
    const path = await write('checklist.json', '{"sessions": {"L1": ');
    await expect(saveChecklistAnswers(path, { L2: allYesAnswers() })).rejects.toBeInstanceOf(InputError);
    expect(await readFile(path, 'utf8')).toBe('{"sessions": {"L1": ');
  });
});
