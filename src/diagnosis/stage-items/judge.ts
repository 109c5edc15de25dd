// How a STAGE item reaches its verdict from two sources: the session's data signals and the
// consultant's answers (METHOD.md, "STAGE").
//
// Decisions where METHOD.md is silent:
// - Data: an item is as good as its weakest known signal. A session with a 43 s average stay
//   fails "script" even if it ran three hours: the evidence lists every signal with its numbers,
//   so the consultant sees which one decided.
// - Answers: all yes → pass; at least half yes → warn; fewer → fail. Unanswered questions are
//   left out.
// - Both: the data decides where it speaks. Answers cannot lift a warn or fail the numbers show,
//   but a "no" on an item whose data passes makes it warn: the numbers were fine this time, the
//   preparation was not.
// - Neither: unknown, with a line naming the columns that would judge it.

import type { Message } from '../../i18n/index.js';
import { grade, threshold } from '../checks.js';
import type {
  Check,
  CheckResult,
  ItemAnswers,
  Profile,
  StageItemQuestion,
  StageItemVerdict,
  VerdictBasis,
} from '../types.js';

export type KnownResult = Exclude<CheckResult, 'unknown'>;

/** One thing the session's data says about an item, with the numbers that say it. */
export interface Signal {
  result: KnownResult;
  evidence: Message;
}

const RANK: Record<KnownResult, number> = { pass: 2, warn: 1, fail: 0 };

export function worstOf(results: readonly KnownResult[]): KnownResult | null {
  if (results.length === 0) return null;
  return results.reduce((worst, result) => (RANK[result] < RANK[worst] ? result : worst));
}

interface AnswerVerdict {
  result: KnownResult;
  evidence: Message[];
}

/** Shared words of every item's answer evidence. */
export const ALL_DONE_KEY = 'stage.common.allDone';

function answerVerdict(answers: ItemAnswers | null, questions: readonly StageItemQuestion[]): AnswerVerdict | null {
  if (answers === null) return null;
  const answered = questions.filter((question) => typeof answers[question.id] === 'boolean');
  if (answered.length === 0) return null;
  const notDone = answered.filter((question) => answers[question.id] === false);
  if (notDone.length === 0) {
    return { result: 'pass', evidence: [{ key: ALL_DONE_KEY, params: { count: answered.length } }] };
  }
  const doneShare = (answered.length - notDone.length) / answered.length;
  return {
    result: doneShare >= 0.5 ? 'warn' : 'fail',
    evidence: notDone.map((question) => ({ key: question.notDone })),
  };
}

function combined(data: KnownResult, answers: KnownResult): KnownResult {
  if (data !== 'pass') return data;
  return answers === 'pass' ? 'pass' : 'warn';
}

export interface JudgeInput {
  signals: readonly Signal[];
  answers: ItemAnswers | null;
  questions: readonly StageItemQuestion[];
  /** Catalog key of the evidence when neither data nor answers speak. */
  unknown: string;
}

export function judge({ signals, answers, questions, unknown }: JudgeInput): StageItemVerdict {
  const data = worstOf(signals.map((signal) => signal.result));
  const answered = answerVerdict(answers, questions);
  const dataEvidence = signals.map((signal) => signal.evidence);
  if (data === null && answered === null) return { result: 'unknown', evidence: [{ key: unknown }], basis: 'none' };
  if (answered === null) return verdict(data as KnownResult, dataEvidence, 'data');
  if (data === null) return verdict(answered.result, answered.evidence, 'answers');
  return verdict(combined(data, answered.result), [...dataEvidence, ...answered.evidence], 'both');
}

function verdict(result: KnownResult, evidence: Message[], basis: VerdictBasis): StageItemVerdict {
  return { result, evidence, basis };
}

/** A value graded against a profile threshold the way stage checks are (checks.ts). */
export function gradeAgainst(
  profile: Profile,
  thresholdKey: string,
  comparison: Check['comparison'],
  value: number,
): KnownResult {
  const target = threshold(profile, thresholdKey);
  return grade(profile, value, comparison, target.value, target.max).result;
}

/** Question ids become catalog keys by one convention: stage.<namespace>.q.<id> and its ".no" line. */
export function questionsOf(namespace: string, ids: readonly string[]): StageItemQuestion[] {
  return ids.map((id) => ({ id, text: `stage.${namespace}.q.${id}`, notDone: `stage.${namespace}.q.${id}.no` }));
}

/** Catalog key of an item's "not judged" line, written from its `requires` (stage-items/index.ts). */
export function unknownKey(namespace: string): string {
  return `stage.${namespace}.unknown`;
}
