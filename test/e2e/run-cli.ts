// Runs the built CLI as a user would: a subprocess of `node bin/steps-doctor.js`.
// npm test builds first; alone: npx tsc -p . && npx vitest run test/e2e

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { otherUserCli } from './other-user.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/steps-doctor.js');
export const EXAMPLES = join(ROOT, 'examples');

export interface CliRun {
  code: number | null;
  /** Set when the run was killed: by the time bound (a hang) or by a crash. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  /** Kill the run after this long, so a hang fails the test instead of stalling the suite. */
  timeoutMs?: number;
  /**
   * Run as another user: root cannot be denied a read or a write otherwise. That run starts the
   * copy of the CLI staged where the user can read it (other-user.ts), from that copy's folder
   * unless `cwd` says otherwise; a test first asks `otherUserCli()` whether it can work at all.
   */
  uid?: number;
}

/** English, no colour variables (an empty FORCE_COLOR still forces colour), plus what the test adds. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  return { ...env, ...extra };
}

export function runCli(args: string[], options: CliOptions = {}): CliRun {
  let bin = BIN;
  let cwd = options.cwd ?? ROOT;
  if (options.uid !== undefined) {
    const staged = otherUserCli();
    if ('skip' in staged) throw new Error(`cannot run the CLI as uid ${options.uid}: ${staged.skip}`);
    bin = staged.bin;
    cwd = options.cwd ?? staged.root;
  }
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: cliEnv(options.env),
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The unprivileged user to run as when the tests run as root, else null (chmod already denies). */
export function unprivilegedUid(): number | undefined {
  return process.getuid?.() === 0 ? 65_534 : undefined;
}
