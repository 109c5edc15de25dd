// Folders in a portfolio that are not diagnosed as clients, each with the reason, so the batch
// can say so instead of leaving a client out without a word.

import { readdir } from 'node:fs/promises';

/** Files the batch writes at the top of --out: a client folder by one of these names would collide. */
export const BATCH_OWN_FILES: ReadonlySet<string> = new Set(['summary.json', 'summary.csv', 'benchmarks.json']);

export type SkipReason = 'hidden' | 'symlink' | 'reserved';

export interface SkippedFolder {
  name: string;
  reason: SkipReason;
}

/** Entries of dir that look like client folders but are left out, sorted by name. */
export async function skippedClientFolders(dir: string): Promise<SkippedFolder[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const skipped: SkippedFolder[] = [];
  for (const entry of entries) {
    if (entry.isSymbolicLink()) skipped.push({ name: entry.name, reason: 'symlink' });
    else if (!entry.isDirectory()) continue;
    else if (BATCH_OWN_FILES.has(entry.name)) skipped.push({ name: entry.name, reason: 'reserved' });
    else if (entry.name.startsWith('.')) skipped.push({ name: entry.name, reason: 'hidden' });
  }
  return skipped.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
