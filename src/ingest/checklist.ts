// checklist.json: the consultant's STAGE answers per live session,
//   {"sessions": {"<live id>": {"script": {"rhythmPlanned": true, ...}, ...}}}
// Ingest does not know the STAGE items: the caller passes the item → question ids to check the
// file against, so a typo in an id stops the run with the file and line named instead of
// silently dropping an answer. null means "not answered" and is left out.
//
// Only JSON is read. DATA.md allows checklist.yaml too, but the tool ships no YAML parser; a
// checklist.yaml (or .yml) in the folder is reported so that its answers are not lost unnoticed.

import { dataRecord } from '../util/data-record.js';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { MessageParams } from '../i18n/index.js';
import { isPlainObject, readJsonFile, type JsonFile } from './json-file.js';

export const CHECKLIST_FILE_NAME = 'checklist.json';
const UNREAD_CHECKLIST_NAMES = ['checklist.yaml', 'checklist.yml'];

/** Item key → the question ids it accepts. */
export type ChecklistQuestionIds<Item extends string> = Readonly<Record<Item, readonly string[]>>;

/** Live id → item → question id → yes/no. */
export type ChecklistFileAnswers<Item extends string> = Record<string, Partial<Record<Item, Record<string, boolean>>>>;

export interface ChecklistFile<Item extends string> {
  answers: ChecklistFileAnswers<Item>;
  /** The whole parsed object, so a writer can keep keys other than "sessions". */
  raw: Record<string, unknown>;
}

export interface FolderChecklist<Item extends string> {
  /** Empty when the folder has no checklist.json. */
  answers: ChecklistFileAnswers<Item>;
  /** The checklist.json read, or null. */
  path: string | null;
  /** Checklist files present but not read (YAML). */
  unread: string[];
}

export async function readFolderChecklist<Item extends string>(
  dir: string,
  questions: ChecklistQuestionIds<Item>,
): Promise<FolderChecklist<Item>> {
  const path = join(dir, CHECKLIST_FILE_NAME);
  const file = await readChecklistFile(path, questions, true);
  return {
    answers: file?.answers ?? {},
    path: file ? path : null,
    unread: await existingFiles(dir, UNREAD_CHECKLIST_NAMES),
  };
}

async function existingFiles(dir: string, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    try {
      await access(join(dir, name));
      found.push(join(dir, name));
    } catch {
      // Absent is the usual case.
    }
  }
  return found;
}

/** The parsed file, or undefined when it does not exist and `optional` is set. */
export async function readChecklistFile<Item extends string>(
  path: string,
  questions: ChecklistQuestionIds<Item>,
  optional: boolean,
): Promise<ChecklistFile<Item> | undefined> {
  const file = await readJsonFile(path, optional);
  if (file === undefined) return undefined;
  return parseChecklist(file, path, questions);
}

class ChecklistReader<Item extends string> {
  constructor(
    private readonly file: JsonFile,
    private readonly path: string,
    readonly questions: ChecklistQuestionIds<Item>,
  ) {}

  /** `near` is the chain of keys leading to the problem: live id, item, question. */
  fail(key: string, near: readonly string[], params: MessageParams = {}): never {
    const line = lineOfKeys(this.file.text, near);
    throw new InputError({ key, params: { file: this.path, line, ...params } }, this.path, line);
  }

  isItem(key: string): key is Item {
    return Object.hasOwn(this.questions, key);
  }
}

export function parseChecklist<Item extends string>(
  file: JsonFile,
  path: string,
  questions: ChecklistQuestionIds<Item>,
): ChecklistFile<Item> {
  const reader = new ChecklistReader(file, path, questions);
  const json = file.value;
  if (!isPlainObject(json)) return reader.fail('checklist.file.notObject', []);
  const sessions = json.sessions;
  if (!isPlainObject(sessions)) return reader.fail('checklist.file.noSessions', ['sessions']);
  const answers: ChecklistFileAnswers<Item> = dataRecord();
  for (const [liveId, session] of Object.entries(sessions)) {
    if (liveId.trim() === '') reader.fail('checklist.file.emptyLiveId', ['sessions']);
    answers[liveId] = parseSession(reader, liveId, session, ['sessions', liveId]);
  }
  return { answers, raw: json };
}

/**
 * One session's answers written on their own ({"script": {...}, ...}), as `checklist --live ID
 * --answers FILE` takes them.
 */
export function parseSessionAnswers<Item extends string>(
  file: JsonFile,
  path: string,
  questions: ChecklistQuestionIds<Item>,
  liveId: string,
): Partial<Record<Item, Record<string, boolean>>> {
  return parseSession(new ChecklistReader(file, path, questions), liveId, file.value, []);
}

/** `near` leads to the session in the file: ["sessions", liveId], or nothing for a file of one session. */
function parseSession<Item extends string>(
  reader: ChecklistReader<Item>,
  liveId: string,
  session: unknown,
  near: readonly string[],
): Partial<Record<Item, Record<string, boolean>>> {
  if (!isPlainObject(session)) return reader.fail('checklist.file.badSession', near, { liveId });
  const parsed: Partial<Record<Item, Record<string, boolean>>> = {};
  for (const [item, answers] of Object.entries(session)) {
    if (!reader.isItem(item)) {
      reader.fail('checklist.file.unknownItem', [...near, item], {
        liveId,
        item,
        items: Object.keys(reader.questions),
      });
    }
    parsed[item] = parseItem(reader, liveId, item, answers, [...near, item]);
  }
  return parsed;
}

function parseItem<Item extends string>(
  reader: ChecklistReader<Item>,
  liveId: string,
  item: Item,
  answers: unknown,
  near: readonly string[],
): Record<string, boolean> {
  if (!isPlainObject(answers)) return reader.fail('checklist.file.badItem', near, { liveId, item });
  const known = reader.questions[item];
  const parsed: Record<string, boolean> = {};
  for (const [question, answer] of Object.entries(answers)) {
    if (!known.includes(question)) {
      reader.fail('checklist.file.unknownQuestion', [...near, question], {
        liveId,
        item,
        question,
        questions: [...known],
      });
    }
    if (answer === null) continue;
    if (typeof answer !== 'boolean') {
      reader.fail('checklist.file.notBoolean', [...near, question], {
        liveId,
        item,
        question,
        value: JSON.stringify(answer),
      });
    }
    parsed[question] = answer;
  }
  return parsed;
}

/**
 * 1-based line of the last of `keys`, each searched after the one before, so that a question id
 * used in every session points at the session it belongs to. Line 1 when nothing is found.
 */
function lineOfKeys(text: string, keys: readonly string[]): number {
  let position = 0;
  let found = -1;
  for (const key of keys) {
    const next = text.indexOf(`${JSON.stringify(key)}`, position);
    if (next < 0) break;
    found = next;
    position = next + 1;
  }
  if (found < 0) return 1;
  let line = 1;
  for (let i = 0; i < found; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
