// What `checklist` does once commander has parsed the options: import answers (--answers),
// mark sessions all yes (--all-yes), or ask in the terminal. Without a terminal it never asks:
// it stops with exit 2 and says which flags to pass.

import { dataRecord } from '../util/data-record.js';
import { join } from 'node:path';
import { diagnosisMessages } from '../diagnosis/engine.js';
import { checklistQuestionIds } from '../diagnosis/stage-items/index.js';
import type { ChecklistAnswers, SessionAnswers } from '../diagnosis/types.js';
import { UserError } from '../errors.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { mergeCatalogs, translator, type Translate } from '../i18n/index.js';
import { CHECKLIST_FILE_NAME, parseChecklist, parseSessionAnswers } from '../ingest/checklist.js';
import { isPlainObject, readJsonFile } from '../ingest/json-file.js';
import {
  allYesAnswers,
  countAnswers,
  readChecklistAnswers,
  saveChecklistAnswers,
} from '../interactive/checklist-file.js';
import {
  pickOrder,
  pickSession,
  runChecklistFlow,
  runItemFlow,
  sessionLabel,
  type AnswerOrder,
  type ChecklistFlow,
  type PickableSession,
} from '../interactive/checklist-flow.js';
import { inquirerPrompts, isPromptCancel, stdinIsTerminal, type Prompts } from '../interactive/prompts.js';
import { readFolderSessions, sessionJudge, type ItemJudge } from '../interactive/sessions.js';
import { readOptions, type ExportSettings } from './export-settings.js';
import { stageItemRule } from '../diagnosis/stage-items/index.js';
import type { Lang } from '../i18n/index.js';

/** What `checklist` runs with, mapped from the command line by commands/checklist.ts. */
export interface ChecklistSettings {
  lang: Lang;
  quiet?: boolean;
  /** --live: the sessions to answer for. */
  live?: string[];
  allYes?: boolean;
  /** --answers: a file of answers to import. */
  answers?: string;
  /** --by; asked in the terminal when absent (by session when --live names sessions). */
  by?: AnswerOrder;
  /** --profile: the thresholds the data verdicts use; brand.json's otherwise, as diagnose. */
  profile?: string | null;
  /** Which exports to read the sessions from; discovery's defaults when absent. */
  exports?: ExportSettings;
}

/** What the command needs from the outside world; tests pass their own. */
export interface ChecklistEnv {
  isTerminal: boolean;
  prompts(t: Translate): Promise<Prompts>;
  /** One line for the user: prompts' context and what was saved. */
  out(line: string): void;
}

export function processChecklistEnv(): ChecklistEnv {
  return {
    isTerminal: stdinIsTerminal(),
    prompts: inquirerPrompts,
    out: (line) => process.stdout.write(`${line}\n`),
  };
}

interface Run {
  dir: string;
  path: string;
  t: Translate;
  options: ChecklistSettings;
  env: ChecklistEnv;
}

interface ReadSessions {
  sessions: PickableSession[];
  judge: ItemJudge;
}

export async function runChecklist(
  dir: string,
  options: ChecklistSettings,
  env: ChecklistEnv = processChecklistEnv(),
): Promise<void> {
  const run: Run = {
    dir,
    path: join(dir, CHECKLIST_FILE_NAME),
    t: translator(mergeCatalogs(allMessages, diagnosisMessages), options.lang),
    options,
    env,
  };
  const liveIds = [...new Set(options.live ?? [])];
  if (options.allYes && options.answers) throw new UserError({ key: 'checklist.allYesAndAnswers' });
  // A broken checklist.json stops everything before a question is asked: it is never overwritten.
  const answered = await readChecklistAnswers(run.path);

  if (options.answers) return importAnswers(run, options.answers, liveIds);
  if (options.allYes && liveIds.length > 0) return markAllYes(run, liveIds);
  if (!env.isTerminal) throw new UserError({ key: options.allYes ? 'checklist.allYesNeedsLive' : 'checklist.noTty' });
  return askInTerminal(run, liveIds, answered);
}

async function readSessions(run: Run): Promise<ReadSessions> {
  const { exports, profile } = run.options;
  const reading = exports === undefined ? {} : readOptions(exports);
  const folder = await readFolderSessions({ ...reading, profile: profile ?? null, dir: run.dir });
  if (folder.sessions.length === 0) throw new UserError({ key: 'checklist.noSessions', params: { dir: run.dir } });
  return {
    sessions: folder.sessions.map(({ liveId, startAt, account, gmvFen }) => ({ liveId, startAt, account, gmvFen })),
    judge: sessionJudge(folder),
  };
}

async function sessionsOf(run: Run): Promise<PickableSession[]> {
  return (await readSessions(run)).sessions;
}

// A handful of ids is enough to show what the ids look like.
const KNOWN_IDS_SHOWN = 5;

function requireKnown(run: Run, sessions: readonly PickableSession[], liveIds: readonly string[]): void {
  for (const liveId of liveIds) {
    if (sessions.some((session) => session.liveId === liveId)) continue;
    const known = sessions.slice(0, KNOWN_IDS_SHOWN).map((session) => session.liveId);
    throw new UserError({ key: 'checklist.unknownLive', params: { liveId, dir: run.dir, known } });
  }
}

function sessionText(run: Run, sessions: readonly PickableSession[], liveId: string): string {
  const session = sessions.find((candidate) => candidate.liveId === liveId);
  return session ? sessionLabel(session, run.t) : liveId;
}

async function save(
  run: Run,
  sessions: readonly PickableSession[],
  incoming: ChecklistAnswers,
): Promise<ChecklistAnswers> {
  const merged = await saveChecklistAnswers(run.path, incoming);
  if (!run.options.quiet) {
    for (const [liveId, answers] of Object.entries(incoming)) {
      run.env.out(
        run.t('checklist.saved', {
          count: countAnswers(answers),
          session: sessionText(run, sessions, liveId),
          file: run.path,
        }),
      );
    }
  }
  return merged;
}

async function importAnswers(run: Run, file: string, liveIds: readonly string[]): Promise<void> {
  const incoming = await readAnswersFile(file, liveIds);
  const sessions = liveIds.length > 0 ? await sessionsOf(run) : [];
  requireKnown(run, sessions, liveIds);
  const nonEmpty = Object.fromEntries(Object.entries(incoming).filter(([, answers]) => countAnswers(answers) > 0));
  if (Object.keys(nonEmpty).length === 0) {
    if (!run.options.quiet) run.env.out(run.t('checklist.nothingSaved', { file: run.path }));
    return;
  }
  await save(run, sessions, nonEmpty);
}

/**
 * --answers FILE: checklist.json's shape (only the --live sessions taken from it when named), or
 * one session's answers applied to each --live session.
 */
async function readAnswersFile(path: string, liveIds: readonly string[]): Promise<ChecklistAnswers> {
  const file = (await readJsonFile(path, false))!;
  const questions = checklistQuestionIds();
  if (isPlainObject(file.value) && Object.hasOwn(file.value, 'sessions')) {
    const all = parseChecklist(file, path, questions).answers;
    if (liveIds.length === 0) return all;
    return Object.fromEntries(
      liveIds.filter((liveId) => Object.hasOwn(all, liveId)).map((liveId) => [liveId, all[liveId]!]),
    );
  }
  if (liveIds.length === 0) throw new UserError({ key: 'checklist.answersNeedLive', params: { file: path } });
  const answers: ChecklistAnswers = dataRecord();
  for (const liveId of liveIds) answers[liveId] = parseSessionAnswers(file, path, questions, liveId);
  return answers;
}

async function markAllYes(run: Run, liveIds: readonly string[]): Promise<void> {
  const sessions = await sessionsOf(run);
  requireKnown(run, sessions, liveIds);
  await save(run, sessions, Object.fromEntries(liveIds.map((liveId) => [liveId, allYesAnswers()])));
}

/** By item, one line per item saved rather than one per session: the list may be long. */
async function saveItem(run: Run, incoming: ChecklistAnswers): Promise<ChecklistAnswers> {
  const merged = await saveChecklistAnswers(run.path, incoming);
  const entries = Object.values(incoming);
  const item = entries.flatMap((answers) => Object.keys(answers))[0];
  if (!run.options.quiet && item !== undefined) {
    const rule = stageItemRule(item as keyof SessionAnswers);
    run.env.out(
      run.t('checklist.savedItem', {
        count: entries.reduce((sum, answers) => sum + countAnswers(answers), 0),
        letter: rule.letter,
        name: run.t(rule.name),
        sessions: entries.length,
        file: run.path,
      }),
    );
  }
  return merged;
}

async function askInTerminal(run: Run, liveIds: readonly string[], answered: ChecklistAnswers): Promise<void> {
  const { sessions, judge } = await readSessions(run);
  requireKnown(run, sessions, liveIds);
  const io = { prompts: await run.env.prompts(run.t), t: run.t, write: run.env.out };
  try {
    if (run.options.allYes) {
      const liveId = await pickSession(sessions, answered, io);
      await save(run, sessions, { [liveId]: allYesAnswers() });
      return;
    }
    const order = run.options.by ?? (liveIds.length > 0 ? 'session' : await pickOrder(io));
    const flow: ChecklistFlow = {
      sessions,
      liveIds,
      answered,
      io,
      judge,
      save: (incoming) => (order === 'item' ? saveItem(run, incoming) : save(run, sessions, incoming)),
    };
    const saved = order === 'item' ? await runItemFlow(flow) : await runChecklistFlow(flow);
    if (saved === 0 && !run.options.quiet) run.env.out(run.t('checklist.nothingSaved', { file: run.path }));
  } catch (error) {
    if (isPromptCancel(error)) throw new UserError({ key: 'checklist.cancelled' });
    throw error;
  }
}
