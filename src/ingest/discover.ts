// Which files to read: the CSV files directly inside the client folder (not its sub-folders),
// plus the files given with --orders/--traffic/--products/--customers, which replace
// discovery for their kind. Classification happens while reading (read-file.ts).

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
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

/** Editor lock files (~$x.csv), macOS resource forks (._x.csv) and other hidden files are not exports. */
function isExportName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$')) return false;
  return name.toLowerCase().endsWith('.csv');
}

/** CSV files directly in `dir`, sorted by name so monthly exports are read in order. */
export async function listCsvFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new InputError({ key: 'ingest.dir.unreadable', params: { file: dir } }, dir);
  }
  return entries
    .filter((entry) => !entry.isDirectory() && isExportName(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name));
}

/**
 * The files to read, in order: the explicitly given ones (kind fixed), then the discovered
 * ones (kind decided by their header). A file given explicitly is not discovered again.
 */
export async function planInputs(dir: string, overrides: Overrides = {}): Promise<FilePlan[]> {
  const explicit: FilePlan[] = [];
  for (const kind of INPUT_KINDS) {
    for (const path of overrides[kind] ?? []) explicit.push({ path, kind });
  }
  const explicitPaths = new Set(explicit.map((plan) => resolve(plan.path)));
  const discovered = (await listCsvFiles(dir))
    .filter((path) => !explicitPaths.has(resolve(path)))
    .map((path): FilePlan => ({ path, kind: null }));
  return [...explicit, ...discovered];
}

export function overriddenKinds(overrides: Overrides = {}): Set<InputKind> {
  return new Set(INPUT_KINDS.filter((kind) => (overrides[kind]?.length ?? 0) > 0));
}
