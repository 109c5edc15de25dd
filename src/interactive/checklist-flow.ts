// The questions `checklist` asks, in one of two orders:
// - by session: pick a session, pick the STAGE items the consultant can speak to, then each
//   item's questions (yes/no) after a line on why the item matters;
// - by item: pick the sessions and the items, then each question once, as a checkbox of the
//   sessions where it was done (what a consultant does with the brand team's notes in front of
//   them: "the script was written for all of these but the 12th").
// Everything it needs comes in as arguments (prompts, words, where to write, how to save, how
// the data judges an item), so tests drive it as a user would.
//
// Defaults: a question answered before offers that answer; a new one offers the answer of the
// latest earlier session that answered it (a team prepares one session much like the last),
// and "no" when none did, so pressing enter never claims preparation nobody confirmed.
//
// Data and answers (src/diagnosis/stage-items/judge.ts): where the session's own figures judge
// an item, they decide. A "yes" is recorded but cannot lift a warn or fail the figures show; a
// "no" lowers a pass to a warning. Each question says so before it is answered, and a summary
// line after saving says which verdicts came from where.

import { stageItemRules } from '../diagnosis/stage-items/index.js';
import type {
  ChecklistAnswers,
  CheckResult,
  ItemAnswers,
  SessionAnswers,
  StageItemKey,
  StageItemRule,
} from '../diagnosis/types.js';
import type { Translate } from '../i18n/index.js';
import { formatYuanValue } from '../report/formatters/values.js';
import { countAnswers } from './checklist-file.js';
import type { Prompts } from './prompts.js';
import type { ItemJudge } from './sessions.js';

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

export type AnswerOrder = 'session' | 'item';

// Long enough to see a week of daily sessions at once.
const SESSION_PAGE_SIZE = 12;

const RESULT_MARK: Record<CheckResult, string> = { pass: '✓', warn: '!', fail: '✗', unknown: '?' };

export function sessionLabel(session: PickableSession, t: Translate): string {
  return t('checklist.sessionChoice', {
    date: session.startAt ? session.startAt.slice(0, 16).replace('T', ' ') : '—',
    account: session.account ?? '—',
    gmv: formatYuanValue(session.gmvFen === null ? null : session.gmvFen / 100),
    liveId: session.liveId,
  });
}

function answersOf(answered: ChecklistAnswers, liveId: string): SessionAnswers | undefined {
  return Object.hasOwn(answered, liveId) ? answered[liveId] : undefined;
}

function answeredCount(answered: ChecklistAnswers, liveId: string): number {
  const answers = answersOf(answered, liveId);
  return answers === undefined ? 0 : countAnswers(answers);
}

export async function pickSession(
  sessions: readonly PickableSession[],
  answered: ChecklistAnswers,
  io: ChecklistIo,
  start?: string,
): Promise<string> {
  const choices = sessions.map((session) => {
    const label = sessionLabel(session, io.t);
    const existing = answeredCount(answered, session.liveId);
    return {
      name: existing > 0 ? io.t('checklist.sessionAnswered', { choice: label, count: existing }) : label,
      value: session.liveId,
    };
  });
  return io.prompts.select({
    message: io.t('checklist.pick'),
    choices,
    default: start,
    pageSize: SESSION_PAGE_SIZE,
  });
}

/**
 * Where the picker starts after `liveId` was answered: the next session in the list without
 * answers (wrapping round), else simply the next one. Starting on the session just answered
 * made the consultant answer it twice by pressing enter.
 */
export function nextSessionToAnswer(
  sessions: readonly PickableSession[],
  answered: ChecklistAnswers,
  liveId: string,
): string | undefined {
  const index = sessions.findIndex((session) => session.liveId === liveId);
  const after = [...sessions.slice(index + 1), ...sessions.slice(0, index + 1)];
  const unanswered = after.find((session) => answeredCount(answered, session.liveId) === 0);
  return (unanswered ?? after[0])?.liveId;
}

export async function pickOrder(io: ChecklistIo): Promise<AnswerOrder> {
  return io.prompts.select<AnswerOrder>({
    message: io.t('checklist.order'),
    choices: [
      { name: io.t('checklist.order.session'), value: 'session', description: io.t('checklist.order.session.why') },
      { name: io.t('checklist.order.item'), value: 'item', description: io.t('checklist.order.item.why') },
    ],
    default: 'session',
  });
}

/** Sessions in the order they went live; sessions without a start time keep their list place at the end. */
function inTimeOrder(sessions: readonly PickableSession[]): PickableSession[] {
  return [...sessions].sort((a, b) => {
    if (a.startAt === b.startAt) return 0;
    if (a.startAt === null) return 1;
    if (b.startAt === null) return -1;
    return a.startAt < b.startAt ? -1 : 1;
  });
}

/**
 * The default a question offers for a session: its own earlier answer, else the answer of the
 * latest earlier session (in time) that answered the question, else no.
 */
export function defaultAnswer(
  sessions: readonly PickableSession[],
  answered: ChecklistAnswers,
  liveId: string,
  item: StageItemKey,
  questionId: string,
): boolean {
  const own = answersOf(answered, liveId)?.[item]?.[questionId];
  if (typeof own === 'boolean') return own;
  const ordered = inTimeOrder(sessions);
  const index = ordered.findIndex((session) => session.liveId === liveId);
  for (let earlier = index - 1; earlier >= 0; earlier -= 1) {
    const previous = answersOf(answered, ordered[earlier]!.liveId)?.[item]?.[questionId];
    if (typeof previous === 'boolean') return previous;
  }
  return false;
}

function resultWord(result: CheckResult, t: Translate): string {
  return t(`checklist.result.${result}`);
}

/** What the figures alone say about an item for a session; null when they do not judge it. */
function dataVerdict(judge: ItemJudge | undefined, liveId: string, item: StageItemKey) {
  const verdict = judge?.(liveId, item, null) ?? null;
  return verdict !== null && verdict.basis === 'data' ? verdict : null;
}

async function pickItems(message: string, io: ChecklistIo): Promise<StageItemKey[]> {
  const choices = stageItemRules.map((rule) => ({
    name: io.t('checklist.itemChoice', { letter: rule.letter, name: io.t(rule.name) }),
    value: rule.key,
    description: io.t(rule.why),
    checked: true,
  }));
  return io.prompts.checkbox({ message, choices });
}

function writeItemHeading(rule: StageItemRule, io: ChecklistIo): void {
  io.write(io.t('checklist.itemHeading', { letter: rule.letter, name: io.t(rule.name), why: io.t(rule.why) }));
}

/** Before one session's questions on an item: what its figures already decided, and what an answer can change. */
function writeDataNote(rule: StageItemRule, liveId: string, context: AskContext, io: ChecklistIo): void {
  if (context.judge === undefined) return;
  const verdict = dataVerdict(context.judge, liveId, rule.key);
  if (verdict === null) {
    io.write(io.t('checklist.data.none'));
    return;
  }
  const evidence = verdict.evidence
    .map((message) => io.t(message.key, message.params))
    .join(io.t('checklist.listJoin'));
  const key = verdict.result === 'pass' ? 'checklist.data.passed' : 'checklist.data.held';
  io.write(io.t(key, { result: resultWord(verdict.result, io.t), evidence }));
}

/** What askSession and the by-item questions need beyond the prompts. */
export interface AskContext {
  sessions: readonly PickableSession[];
  answered: ChecklistAnswers;
  judge?: ItemJudge;
}

async function askItem(
  rule: StageItemRule,
  liveId: string,
  context: AskContext,
  io: ChecklistIo,
): Promise<ItemAnswers> {
  writeItemHeading(rule, io);
  writeDataNote(rule, liveId, context, io);
  const answers: ItemAnswers = {};
  for (const question of rule.questions) {
    const fallback = defaultAnswer(context.sessions, context.answered, liveId, rule.key, question.id);
    answers[question.id] = await io.prompts.confirm({ message: io.t(question.text), default: fallback });
  }
  return answers;
}

/** One session's questions; only the items picked are asked, the others keep what they had. */
export async function askSession(
  session: PickableSession,
  existing: SessionAnswers | undefined,
  io: ChecklistIo,
  context?: AskContext,
): Promise<SessionAnswers> {
  const known: AskContext = context ?? {
    sessions: [session],
    answered: existing === undefined ? {} : { [session.liveId]: existing },
  };
  const items = await pickItems(io.t('checklist.items', { session: session.liveId }), io);
  const answers: SessionAnswers = {};
  for (const rule of stageItemRules) {
    if (!items.includes(rule.key)) continue;
    answers[rule.key] = await askItem(rule, session.liveId, known, io);
  }
  return answers;
}

// ---------------------------------------------------------------------------------------------
// Data versus answers, after saving

interface VerdictTally {
  /** The figures judged the item and their verdict stands, by result. */
  data: Record<'pass' | 'warn' | 'fail', number>;
  /** Of those, warn or fail although every answer was yes: the yes was recorded, not counted. */
  heldDespiteYes: number;
  /** Passed by the figures, lowered to a warning by a "no". */
  lowered: number;
  /** The figures say nothing: the answers decide, by result. */
  answers: Record<'pass' | 'warn' | 'fail', number>;
}

function emptyTally(): VerdictTally {
  return { data: { pass: 0, warn: 0, fail: 0 }, heldDespiteYes: 0, lowered: 0, answers: { pass: 0, warn: 0, fail: 0 } };
}

function tallyItem(tally: VerdictTally, judge: ItemJudge, liveId: string, item: StageItemKey, answers: ItemAnswers) {
  const data = judge(liveId, item, null);
  const combined = judge(liveId, item, answers);
  if (data === null || combined === null || combined.result === 'unknown') return;
  if (data.result === 'unknown') {
    tally.answers[combined.result] += 1;
    return;
  }
  if (data.result === 'pass' && combined.result !== 'pass') {
    tally.lowered += 1;
    return;
  }
  tally.data[combined.result] += 1;
  const allYes = Object.values(answers).every((answer) => answer === true);
  if (combined.result !== 'pass' && allYes) tally.heldDespiteYes += 1;
}

function resultCounts(counts: Record<'pass' | 'warn' | 'fail', number>, t: Translate): string {
  const parts = (['pass', 'warn', 'fail'] as const)
    .filter((result) => counts[result] > 0)
    .map((result) => `${RESULT_MARK[result]}${counts[result]}`);
  return parts.join(t('checklist.listJoin'));
}

function total(counts: Record<'pass' | 'warn' | 'fail', number>): number {
  return counts.pass + counts.warn + counts.fail;
}

/** "the data decides 3 (✓1, ✗2; 2 of them despite all yes), a “no” lowered 1 from pass to warn, your answers decide 1 (✓1)". */
function tallyText(tally: VerdictTally, t: Translate): string | null {
  const parts: string[] = [];
  if (total(tally.data) > 0) {
    parts.push(t('checklist.summary.data', { count: total(tally.data), results: resultCounts(tally.data, t) }));
    if (tally.heldDespiteYes > 0) parts.push(t('checklist.summary.held', { count: tally.heldDespiteYes }));
  }
  if (tally.lowered > 0) parts.push(t('checklist.summary.lowered', { count: tally.lowered }));
  if (total(tally.answers) > 0) {
    parts.push(
      t('checklist.summary.answers', { count: total(tally.answers), results: resultCounts(tally.answers, t) }),
    );
  }
  return parts.length === 0 ? null : parts.join(t('checklist.summary.join'));
}

function writeSessionSummary(session: PickableSession, answers: SessionAnswers, judge: ItemJudge, io: ChecklistIo) {
  const tally = emptyTally();
  for (const rule of stageItemRules) {
    const itemAnswers = answers[rule.key];
    if (itemAnswers !== undefined) tallyItem(tally, judge, session.liveId, rule.key, itemAnswers);
  }
  const text = tallyText(tally, io.t);
  if (text !== null) io.write(io.t('checklist.summary.session', { session: session.liveId, summary: text }));
}

function writeItemSummary(rule: StageItemRule, answers: ChecklistAnswers, judge: ItemJudge, io: ChecklistIo) {
  const tally = emptyTally();
  for (const [liveId, sessionAnswers] of Object.entries(answers)) {
    const itemAnswers = sessionAnswers[rule.key];
    if (itemAnswers !== undefined) tallyItem(tally, judge, liveId, rule.key, itemAnswers);
  }
  const text = tallyText(tally, io.t);
  if (text !== null)
    io.write(io.t('checklist.summary.item', { letter: rule.letter, name: io.t(rule.name), summary: text }));
}

// ---------------------------------------------------------------------------------------------
// The flows

export interface ChecklistFlow {
  sessions: readonly PickableSession[];
  /** Sessions named with --live: asked in turn (by session) or the only ones listed (by item), without the picker. */
  liveIds: readonly string[];
  answered: ChecklistAnswers;
  io: ChecklistIo;
  /** The diagnosis's own verdicts; without it nothing is said about the data. */
  judge?: ItemJudge;
  /**
   * Called after each session (by session) or each item (by item), so an interrupted run keeps
   * what was answered. Returns the file's answers after saving.
   */
  save(answers: ChecklistAnswers): Promise<ChecklistAnswers>;
}

function unknownSession(liveId: string): PickableSession {
  return { liveId, startAt: null, account: null, gmvFen: null };
}

/** Asks session after session until the consultant stops; returns how many sessions were saved. */
export async function runChecklistFlow(flow: ChecklistFlow): Promise<number> {
  const { sessions, io } = flow;
  let answered = flow.answered;
  let saved = 0;
  const queue = [...flow.liveIds];
  let start: string | undefined;
  for (;;) {
    const liveId = flow.liveIds.length > 0 ? queue.shift() : await pickSession(sessions, answered, io, start);
    if (liveId === undefined) return saved;
    const session = sessions.find((candidate) => candidate.liveId === liveId) ?? unknownSession(liveId);
    const context: AskContext = { sessions, answered, judge: flow.judge };
    const answers = await askSession(session, answersOf(answered, liveId), io, context);
    if (countAnswers(answers) > 0) {
      answered = await flow.save({ [liveId]: answers });
      saved += 1;
      if (flow.judge) writeSessionSummary(session, answers, flow.judge, io);
    }
    start = nextSessionToAnswer(sessions, answered, liveId);
    if (flow.liveIds.length > 0) continue;
    if (!(await io.prompts.confirm({ message: io.t('checklist.another'), default: false }))) return saved;
  }
}

function sessionChoiceName(session: PickableSession, item: StageItemKey, judge: ItemJudge | undefined, t: Translate) {
  const label = sessionLabel(session, t);
  const verdict = dataVerdict(judge, session.liveId, item);
  if (verdict === null) return label;
  return t('checklist.sessionJudged', {
    choice: label,
    mark: RESULT_MARK[verdict.result],
    result: resultWord(verdict.result, t),
  });
}

async function pickSessions(sessions: readonly PickableSession[], io: ChecklistIo): Promise<PickableSession[]> {
  const chosen = await io.prompts.checkbox({
    message: io.t('checklist.pickSessions'),
    choices: sessions.map((session) => ({ name: sessionLabel(session, io.t), value: session.liveId, checked: true })),
    pageSize: SESSION_PAGE_SIZE,
  });
  return sessions.filter((session) => chosen.includes(session.liveId));
}

/** Before an item's questions across sessions: how many of them the figures already judged. */
function writeDataNoteAcross(
  rule: StageItemRule,
  sessions: readonly PickableSession[],
  judge: ItemJudge | undefined,
  io: ChecklistIo,
) {
  if (judge === undefined) return;
  const judged = sessions.filter((session) => dataVerdict(judge, session.liveId, rule.key) !== null).length;
  if (judged === 0) {
    io.write(io.t('checklist.data.noneAcross'));
    return;
  }
  io.write(io.t('checklist.data.across', { judged, sessions: sessions.length }));
}

/**
 * By item: each question once, as a checkbox of the sessions where it was done. A session left
 * unticked is answered "no": the list is the consultant's statement about every session in it.
 * Returns how many sessions got answers.
 */
export async function runItemFlow(flow: ChecklistFlow): Promise<number> {
  const { io } = flow;
  const listed =
    flow.liveIds.length > 0
      ? flow.liveIds.map(
          (liveId) => flow.sessions.find((session) => session.liveId === liveId) ?? unknownSession(liveId),
        )
      : await pickSessions(flow.sessions, io);
  if (listed.length === 0) return 0;
  const items = await pickItems(io.t('checklist.itemsAcross', { count: listed.length }), io);
  let answered = flow.answered;
  const touched = new Set<string>();
  for (const rule of stageItemRules) {
    if (!items.includes(rule.key)) continue;
    writeItemHeading(rule, io);
    writeDataNoteAcross(rule, listed, flow.judge, io);
    const incoming: ChecklistAnswers = {};
    for (const session of listed) incoming[session.liveId] = { [rule.key]: {} };
    for (const question of rule.questions) {
      const done = await io.prompts.checkbox({
        message: io.t('checklist.questionAcross', { question: io.t(question.text) }),
        choices: listed.map((session) => ({
          name: sessionChoiceName(session, rule.key, flow.judge, io.t),
          value: session.liveId,
          checked: defaultAnswer(flow.sessions, answered, session.liveId, rule.key, question.id),
        })),
        pageSize: SESSION_PAGE_SIZE,
      });
      for (const session of listed) incoming[session.liveId]![rule.key]![question.id] = done.includes(session.liveId);
    }
    answered = await flow.save(incoming);
    for (const session of listed) touched.add(session.liveId);
    if (flow.judge) writeItemSummary(rule, incoming, flow.judge, io);
  }
  return touched.size;
}
