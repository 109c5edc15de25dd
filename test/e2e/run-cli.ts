// Runs the built CLI as a user would: a subprocess of `node bin/steps-doctor.js`.
// npm test builds first; alone: npx tsc -p . && npx vitest run test/e2e

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/steps-doctor.js');
export const EXAMPLES = join(ROOT, 'examples');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** English, no colour variables (an empty FORCE_COLOR still forces colour), plus what the test adds. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  return { ...env, ...extra };
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: cliEnv(options.env),
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
