// Runs the built CLI on a pseudo-terminal of a given width, through util-linux `script`
// (Debian's bsdutils, always installed), for what only happens when stdout is a terminal.

import { spawnSync } from 'node:child_process';
import { BIN, cliEnv, ROOT } from './run-cli.js';

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** stdout as the terminal showed it; stderr is kept off the terminal so the progress line stays out. */
export function runOnTerminal(args: string[], columns: number, env: Record<string, string> = {}): string {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const result = spawnSync('script', ['-qec', `stty cols ${columns} rows 50; ${command} 2>/dev/null`, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: cliEnv(env),
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  if (result.status !== 0) throw new Error(`script exited ${result.status}: ${result.stderr}`);
  return result.stdout.replace(/\r\n/g, '\n');
}
