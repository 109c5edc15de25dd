// Folders in a portfolio that are not diagnosed as clients, each with the reason, so the batch
// can say so instead of leaving a client out without a word.

import { readdir } from 'node:fs/promises';
import { escapedName, utf8Name } from '../util/file-names.js';

/** Files the batch writes at the top of --out: a client folder by one of these names would collide. */
export const BATCH_OWN_FILES: ReadonlySet<string> = new Set(['summary.json', 'summary.csv', 'benchmarks.json']);

export type SkipReason = 'hidden' | 'symlink' | 'reserved' | 'undecodable';

export interface SkippedFolder {
  name: string;
  reason: SkipReason;
}

/** Entries of dir that look like client folders but are left out, sorted by name. */
export async function skippedClientFolders(dir: string): Promise<SkippedFolder[]> {
  // Buffer names: a name that is not valid UTF-8 would come back with U+FFFD in it (file-names.ts).
  const entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' }).catch(() => []);
  const skipped: SkippedFolder[] = [];
  for (const entry of entries) {
    const text = utf8Name(entry.name);
    const name = text ?? escapedName(entry.name);
    if (entry.isSymbolicLink()) skipped.push({ name, reason: 'symlink' });
    else if (!entry.isDirectory()) continue;
    else if (text === null) skipped.push({ name, reason: 'undecodable' });
    else if (BATCH_OWN_FILES.has(name)) skipped.push({ name, reason: 'reserved' });
    else if (name.startsWith('.')) skipped.push({ name, reason: 'hidden' });
  }
  return skipped.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
