// Writing checklist.json. Answers are merged per session, per item, per question: what is
// written replaces only the questions it answers, so the answers of other sessions (and other
// questions) survive. The file is read again just before writing, so answers saved meanwhile by
// another run are merged too, and it is replaced in one step (writeFileAtomic).

import { dataRecord } from '../util/data-record.js';
import { checklistQuestionIds } from '../diagnosis/stage-items/index.js';
import { STAGE_ITEM_KEYS, type ChecklistAnswers, type SessionAnswers } from '../diagnosis/types.js';
import { readChecklistFile } from '../ingest/checklist.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export function mergeSessionAnswers(base: SessionAnswers | undefined, incoming: SessionAnswers): SessionAnswers {
  const merged: SessionAnswers = dataRecord(base);
  for (const item of STAGE_ITEM_KEYS) {
    const answers = incoming[item];
    if (answers === undefined || Object.keys(answers).length === 0) continue;
    merged[item] = { ...merged[item], ...answers };
  }
  return merged;
}

/** `incoming` laid over `base`; sessions keep their order, new ones come last. */
export function mergeAnswers(base: ChecklistAnswers, incoming: ChecklistAnswers): ChecklistAnswers {
  const merged: ChecklistAnswers = dataRecord(base);
  for (const [liveId, answers] of Object.entries(incoming)) {
    merged[liveId] = mergeSessionAnswers(Object.hasOwn(base, liveId) ? base[liveId] : undefined, answers);
  }
  return merged;
}

export function countAnswers(answers: SessionAnswers): number {
  return STAGE_ITEM_KEYS.reduce((total, item) => total + Object.keys(answers[item] ?? {}).length, 0);
}

/** Every question of every item answered yes. */
export function allYesAnswers(): SessionAnswers {
  const answers: SessionAnswers = dataRecord();
  for (const [item, ids] of Object.entries(checklistQuestionIds()) as [keyof SessionAnswers, string[]][]) {
    answers[item] = Object.fromEntries(ids.map((id) => [id, true]));
  }
  return answers;
}

export async function readChecklistAnswers(path: string): Promise<ChecklistAnswers> {
  const file = await readChecklistFile(path, checklistQuestionIds(), true);
  return file?.answers ?? {};
}

/** Merges `incoming` into the checklist file at `path` (created when missing) and returns what it now holds. */
export async function saveChecklistAnswers(path: string, incoming: ChecklistAnswers): Promise<ChecklistAnswers> {
  const current = await readChecklistFile(path, checklistQuestionIds(), true);
  const sessions = mergeAnswers(current?.answers ?? {}, incoming);
  // Keys other than "sessions" (a note, a $schema) are the consultant's: keep them where they were.
  const document = { ...(current?.raw ?? {}), sessions };
  await writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`);
  return sessions;
}
