// The permission cases from a checkout only its owner can enter: a clone in a `mktemp -d`
// folder or in root's home. They once failed there (nobody could not reach dist/ to start), and
// passed in a world-readable checkout; this runs them from such a clone so that cannot come back.
// The clone is the working tree as git sees it (tracked and new files, uncommitted edits
// included), with the built dist/ and node_modules/ hard-linked in, as `npm install` and
// `npm test` would have left them.

import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IS_ROOT, otherUserCli } from './other-user.js';
import { ROOT } from './run-cli.js';

const PERMISSION_CASES = [
  'a file it has no permission to read',
  'exits 2 with one line naming the file when the report cannot be written there',
  'ends the same way through the built CLI',
];
const PERMISSION_FILES = ['test/e2e/validate.test.ts', 'test/e2e/diagnose.test.ts', 'test/robustness/mutation.test.ts'];

let privateFolder: string | undefined;

afterAll(async () => {
  if (privateFolder !== undefined) await rm(privateFolder, { recursive: true, force: true });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('a clone in a folder only its owner can enter', () => {
  it('passes the permission cases that run the CLI as nobody', { timeout: 420_000 }, async (context) => {
    if (!IS_ROOT)
      return context.skip(
        'not root: the permission cases chmod their own files and never switch user, so where the clone sits cannot matter',
      );
    const staged = otherUserCli();
    if ('skip' in staged) return context.skip(staged.skip);
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (listed.status !== 0) return context.skip(`not a git checkout, nothing to clone: ${listed.stderr.trim()}`);

    privateFolder = await mkdtemp(join(tmpdir(), 'steps-private-'));
    await chmod(privateFolder, 0o700);
    const clone = join(privateFolder, 'p');
    for (const file of listed.stdout.split('\0').filter((name) => name !== '')) {
      if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree, not yet committed
      await mkdir(dirname(join(clone, file)), { recursive: true });
      await copyFile(join(ROOT, file), join(clone, file));
    }
    for (const built of ['dist', 'node_modules']) {
      const linked = spawnSync('cp', ['-al', join(ROOT, built), join(clone, built)]);
      if (linked.status !== 0) spawnSync('cp', ['-a', join(ROOT, built), join(clone, built)]);
    }

    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
    const run = spawnSync(
      process.execPath,
      [
        join(clone, 'node_modules/vitest/vitest.mjs'),
        'run',
        ...PERMISSION_FILES,
        '-t',
        PERMISSION_CASES.map(escapeRegExp).join('|'),
      ],
      { cwd: clone, env, encoding: 'utf8', timeout: 400_000, killSignal: 'SIGKILL' },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    // All three ran (none skipped for want of a user who can start node) and passed.
    expect(output).toMatch(/Tests\s+3 passed/);
  });
});
