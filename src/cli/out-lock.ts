// One batch at a time per --out: two runs writing one folder would each leave whole files, but
// summary.json would describe only the last. The lock holds the owner's pid so a lock left by a
// killed run (SIGKILL cannot be caught) is taken over instead of blocking the folder forever.

import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';

export const LOCK_NAME = '.steps-doctor-batch.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createLock(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock on outDir or refuses; the returned function releases it. */
export async function lockOutFolder(outDir: string): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, LOCK_NAME);
  if (!(await createLock(path))) {
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && isRunning(owner))
      throw new UserError({ key: 'batch.outLocked', params: { outDir, pid: String(owner), lock: path } });
    await rm(path, { force: true });
    if (!(await createLock(path)))
      throw new UserError({ key: 'batch.outLocked', params: { outDir, pid: '?', lock: path } });
  }
  return () => rm(path, { force: true });
}
