// The questions `checklist` asks: pick a session, pick the STAGE items the consultant can speak
// to, then each item's questions after a line on why the item matters. Everything it needs comes
// in as arguments (prompts, words, where to write, how to save), so tests drive it as a user would.
//
// A question answered before offers that answer as the default; a new one defaults to "no", so
// pressing enter through a session never claims preparation nobody confirmed.

import { stageItemRules } from '../diagnosis/stage-items/index.js';
import type { ChecklistAnswers, ItemAnswers, SessionAnswers, StageItemKey } from '../diagnosis/types.js';
import type { Translate } from '../i18n/index.js';
import { formatYuanValue } from '../report/formatters/values.js';
import { countAnswers } from './checklist-file.js';
import type { Prompts } from './prompts.js';

/** What the session list shows: date, account, GMV. */
export interface PickableSession {
  liveId: string;
  startAt: string | null;
  account: string | null;
  gmvFen: number | null;
}

export interface ChecklistIo {
  prompts: Prompts;
  t: Translate;
  write(line: string): void;
}

// Long enough to see a week of daily sessions at once.
const SESSION_PAGE_SIZE = 12;

export function sessionLabel(session: PickableSession, t: Translate): string {
  return t('checklist.sessionChoice', {
    date: session.startAt ? session.startAt.slice(0, 16).replace('T', ' ') : '—',
    account: session.account ?? '—',
    gmv: formatYuanValue(session.gmvFen === null ? null : session.gmvFen / 100),
    liveId: session.liveId,
  });
}

export async function pickSession(
  sessions: readonly PickableSession[],
  answered: ChecklistAnswers,
  io: ChecklistIo,
  previous?: string,
): Promise<string> {
  const choices = sessions.map((session) => {
    const label = sessionLabel(session, io.t);
    const existing = Object.hasOwn(answered, session.liveId) ? countAnswers(answered[session.liveId]!) : 0;
    return {
      name: existing > 0 ? io.t('checklist.sessionAnswered', { choice: label, count: existing }) : label,
      value: session.liveId,
    };
  });
  return io.prompts.select({
    message: io.t('checklist.pick'),
    choices,
    default: previous,
    pageSize: SESSION_PAGE_SIZE,
  });
}

async function pickItems(session: PickableSession, io: ChecklistIo): Promise<StageItemKey[]> {
  const choices = stageItemRules.map((rule) => ({
    name: io.t('checklist.itemChoice', { letter: rule.letter, name: io.t(rule.name) }),
    value: rule.key,
    description: io.t(rule.why),
    checked: true,
  }));
  return io.prompts.checkbox({ message: io.t('checklist.items', { session: session.liveId }), choices });
}

async function askItem(key: StageItemKey, existing: ItemAnswers | undefined, io: ChecklistIo): Promise<ItemAnswers> {
  const rule = stageItemRules.find((candidate) => candidate.key === key)!;
  io.write(io.t('checklist.itemHeading', { letter: rule.letter, name: io.t(rule.name), why: io.t(rule.why) }));
  const answers: ItemAnswers = {};
  for (const question of rule.questions) {
    const previous = existing?.[question.id];
    answers[question.id] = await io.prompts.confirm({ message: io.t(question.text), default: previous ?? false });
  }
  return answers;
}

/** One session's questions; only the items picked are asked, the others keep what they had. */
export async function askSession(
  session: PickableSession,
  existing: SessionAnswers | undefined,
  io: ChecklistIo,
): Promise<SessionAnswers> {
  const items = await pickItems(session, io);
  const answers: SessionAnswers = {};
  for (const rule of stageItemRules) {
    if (!items.includes(rule.key)) continue;
    answers[rule.key] = await askItem(rule.key, existing?.[rule.key], io);
  }
  return answers;
}

export interface ChecklistFlow {
  sessions: readonly PickableSession[];
  /** Sessions named with --live: asked in turn, without the picker. */
  liveIds: readonly string[];
  answered: ChecklistAnswers;
  io: ChecklistIo;
  /** Called after each session, so an interrupted run keeps what was answered. Returns the file's answers after saving. */
  save(liveId: string, answers: SessionAnswers): Promise<ChecklistAnswers>;
}

/** Asks session after session until the consultant stops; returns how many sessions were saved. */
export async function runChecklistFlow(flow: ChecklistFlow): Promise<number> {
  const { sessions, io } = flow;
  let answered = flow.answered;
  let saved = 0;
  const queue = [...flow.liveIds];
  let previous: string | undefined;
  for (;;) {
    const liveId = flow.liveIds.length > 0 ? queue.shift() : await pickSession(sessions, answered, io, previous);
    if (liveId === undefined) return saved;
    const session = sessions.find((candidate) => candidate.liveId === liveId) ?? {
      liveId,
      startAt: null,
      account: null,
      gmvFen: null,
    };
    const answers = await askSession(session, Object.hasOwn(answered, liveId) ? answered[liveId] : undefined, io);
    if (countAnswers(answers) > 0) {
      answered = await flow.save(liveId, answers);
      saved += 1;
    }
    previous = liveId;
    if (flow.liveIds.length > 0) continue;
    if (!(await io.prompts.confirm({ message: io.t('checklist.another'), default: false }))) return saved;
  }
}
