// Nothing the tool writes is ever left half-written (DATA.md): write beside the target, flush it
// to disk, then rename, which replaces the file in one step on the same file system. A reader
// sees the old file or the new one, never a part; a crash or a power cut leaves the old one.

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMPORARY_SUFFIX = '.tmp';
// File names are at most 255 bytes: a long target name is shortened in its temporary's name.
const NAME_KEPT = 64;

/** `.report.json.<pid>.<random>.tmp`: hidden, and owned by the process that wrote it. */
function temporaryPath(path: string): string {
  const name = basename(path).slice(0, NAME_KEPT);
  return join(dirname(path), `.${name}.${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`);
}

/** Temporaries this thread is writing now: a signal that ends the process removes them. */
const inFlight = new Set<string>();

/** Removes the temporaries of writes still under way; for an exit that cannot wait. */
export function removeInFlightTemporariesSync(): void {
  for (const temporary of inFlight) rmSync(temporary, { force: true });
  inFlight.clear();
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  inFlight.add(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content);
      // Without the flush, a rename can reach the disk before the data: an empty file after a crash.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

/** The names temporaryPath gives for one process. */
function ownTemporaryName(pid: number): RegExp {
  return new RegExp(`^\\..+\\.${pid}\\.[0-9a-f]{8}\\${TEMPORARY_SUFFIX}$`);
}

/**
 * Removes the temporaries this process left under `folder` (its sub-folders too): a worker
 * thread stopped mid-write cannot clean up after itself. Returns how many were removed.
 */
export async function removeOwnTemporaries(folder: string, pid: number = process.pid): Promise<number> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return 0; // nothing was written there yet
  }
  const own = ownTemporaryName(pid);
  const leftovers = entries.filter((entry) => entry.isFile() && own.test(entry.name));
  await Promise.all(leftovers.map((entry) => rm(join(entry.parentPath, entry.name), { force: true })));
  return leftovers.length;
}
