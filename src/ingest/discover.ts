// Which files to read: the exports directly inside the client folder (not its sub-folders):
// CSV, .txt/.tsv text and .xlsx workbooks, plus the files given with --orders and friends,
// which replace discovery for their kind. Every other file is listed with what to do about it,
// never skipped without a word. Classification happens while reading (read-file.ts).

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Message } from '../i18n/index.js';
import { isErrorCode } from './json-file.js';
import type { FilePlan } from './read-file.js';
import { INPUT_KINDS, type InputKind } from './types.js';

export type Overrides = Partial<Record<InputKind, string[]>>;

export async function assertClientFolder(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new InputError({ key: 'ingest.dir.notDirectory', params: { file: dir } }, dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (isErrorCode(error, 'ENOENT')) throw new InputError({ key: 'ingest.dir.notFound', params: { file: dir } }, dir);
    throw new InputError({ key: 'ingest.dir.unreadable', params: { file: dir } }, dir);
  }
}

/** Text exports and workbooks: the files the tool reads (classified by content, not name). */
const READ_EXTENSIONS = new Set(['.csv', '.txt', '.tsv', '.xlsx', '.xlsm']);

/** Files of the tool itself in a client folder: read elsewhere, never an export. */
const TOOL_FILES = new Set(['brand.json', 'columns.json', 'checklist.json', 'checklist.yaml', 'checklist.yml']);

/** What to tell the consultant about a file the tool does not read, by extension. */
const NOT_READ_REASONS: Readonly<Record<string, string>> = {
  '.xls': 'ingest.file.legacyXls',
  '.et': 'ingest.file.legacyXls',
  '.xlsb': 'ingest.file.xlsb',
  '.numbers': 'ingest.file.numbers',
  '.zip': 'ingest.file.archive',
  '.rar': 'ingest.file.archive',
  '.7z': 'ingest.file.archive',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * A folder with no exports of its own but client folders inside is a portfolio: the user meant
 * `batch`, and "no orders export found" would send them looking for a file that is not missing.
 */
export async function rejectPortfolioFolder(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((entry) => !entry.isDirectory() && isExportName(entry.name))) return;
  const clients: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const inside = await readdir(join(dir, entry.name)).catch(() => []);
    if (inside.some((name) => isExportName(name) || name === 'brand.json')) clients.push(entry.name);
  }
  if (clients.length === 0) return;
  throw new InputError(
    { key: 'ingest.dir.portfolio', params: { file: dir, count: clients.length, examples: clients.slice(0, 3) } },
    dir,
  );
}

/** The checks before anything in the folder is read: a folder, and not a portfolio of them. */
export async function assertDiagnosableFolder(dir: string, overrides: Overrides = {}): Promise<void> {
  await assertClientFolder(dir);
  if (Object.keys(overrides).length === 0) await rejectPortfolioFolder(dir);
}

/**
 * `orders.template.csv` and friends: the header-only templates `init` writes beside the real
 * exports. Reading one would stop the diagnosis ("a header row but no data rows"), so they are
 * listed with a note and never read; the consultant fills a copy under another name.
 */
export const TEMPLATE_SUFFIX = '.template.csv';

function isTemplateName(name: string): boolean {
  return name.toLowerCase().endsWith(TEMPLATE_SUFFIX);
}

/** Editor lock files (~$x.csv), macOS resource forks (._x.csv) and other hidden files are not exports. */
function isExportName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$')) return false;
  return READ_EXTENSIONS.has(extensionOf(name));
}

/**
 * Why a file in the folder is not read, or null when it is read (or is the tool's own file, or
 * hidden: macOS resource forks ._x.csv and .DS_Store are invisible to the consultant too).
 */
function notReadReason(name: string, path: string): Message | null {
  if (name.startsWith('.') || TOOL_FILES.has(name.toLowerCase())) return null;
  // Excel keeps ~$name.xlsx beside a workbook while it is open.
  if (name.startsWith('~$')) return { key: 'ingest.file.lockFile', params: { file: path } };
  if (isTemplateName(name)) return { key: 'ingest.file.template', params: { file: path } };
  const extension = extensionOf(name);
  if (READ_EXTENSIONS.has(extension)) return null;
  return { key: NOT_READ_REASONS[extension] ?? 'ingest.file.notAnExport', params: { file: path } };
}

export interface FolderListing {
  /** Files to read, sorted by name so monthly exports are read in order. */
  read: string[];
  /** Every other file, with what to do about it. */
  notRead: { path: string; reason: Message }[];
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The files directly in `dir` (not its sub-folders): those read, and the others with why not. */
export async function listFolderFiles(dir: string): Promise<FolderListing> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new InputError({ key: 'ingest.dir.unreadable', params: { file: dir } }, dir);
  }
  const listing: FolderListing = { read: [], notRead: [] };
  for (const name of entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => entry.name)
    .sort(byName)) {
    const path = join(dir, name);
    const reason = notReadReason(name, path);
    if (reason !== null) listing.notRead.push({ path, reason });
    else if (!name.startsWith('.') && !TOOL_FILES.has(name.toLowerCase())) listing.read.push(path);
  }
  return listing;
}

export interface InputPlan {
  plans: FilePlan[];
  notRead: FolderListing['notRead'];
}

/**
 * The files to read, in order: the explicitly given ones (kind fixed), then the discovered
 * ones (kind decided by their content). A file given explicitly is not discovered again.
 */
export async function planInputs(dir: string, overrides: Overrides = {}): Promise<InputPlan> {
  const explicit: FilePlan[] = [];
  for (const kind of INPUT_KINDS) {
    for (const path of overrides[kind] ?? []) explicit.push({ path, kind });
  }
  const explicitPaths = new Set(explicit.map((plan) => resolve(plan.path)));
  const listing = await listFolderFiles(dir);
  const discovered = listing.read
    .filter((path) => !explicitPaths.has(resolve(path)))
    .map((path): FilePlan => ({ path, kind: null }));
  const notRead = listing.notRead.filter((entry) => !explicitPaths.has(resolve(entry.path)));
  return { plans: [...explicit, ...discovered], notRead };
}

export function overriddenKinds(overrides: Overrides = {}): Set<InputKind> {
  return new Set(INPUT_KINDS.filter((kind) => (overrides[kind]?.length ?? 0) > 0));
}
