// Drives the built CLI on a pseudo-terminal as a person would: wait until a question is on the
// screen, press keys, wait for the next. util-linux `script` (always installed on Debian)
// provides the terminal; what the test writes to its stdin arrives as typed keys.
//
// Waiting is on what the screen shows, never on the clock: each wait has a bound only so that a
// prompt that never comes fails the test instead of stalling the suite.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, cliEnv, ROOT } from './run-cli.js';

const KEYS = {
  enter: '\r',
  space: ' ',
  down: '\u001b[B',
  up: '\u001b[A',
} as const;

/** A named key, or text typed as it is ("y"). */
export type Key = keyof typeof KEYS | (string & {});

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Escape sequences (colours, cursor moves, erasing) and carriage returns out: the text a person reads. */
export function screenText(raw: string): string {
  return raw
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/g, '')
    .replace(/\u001b[()][0-9A-Za-z]/g, '')
    .replace(/\r/g, '');
}

export interface TerminalOptions {
  cwd?: string;
  env?: Record<string, string>;
  columns?: number;
}

export class TerminalRun {
  private raw = '';
  /** Where the last wait matched: the next wait looks only at what came after. */
  private seen = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<number | null>;
  private listeners: (() => void)[] = [];

  constructor(args: string[], options: TerminalOptions = {}) {
    const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
    const columns = options.columns ?? 100;
    this.child = spawn('script', ['-qfec', `stty cols ${columns} rows 50; ${command}`, '/dev/null'], {
      cwd: options.cwd ?? ROOT,
      env: cliEnv(options.env),
    });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.raw += chunk;
      for (const listener of this.listeners) listener();
    });
    this.child.stderr.on('data', () => {});
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Everything shown so far, as text. */
  get screen(): string {
    return screenText(this.raw);
  }

  /** Resolves once `text` appears after the previous match; rejects, showing the screen, if it never does. */
  waitFor(text: string | RegExp, boundMs = 30_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const rest = screenText(this.raw).slice(this.seen);
        const index = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
        if (index < 0) return false;
        const matched = typeof text === 'string' ? text.length : (rest.slice(index).match(text)?.[0].length ?? 0);
        this.seen += index + matched;
        resolve(rest.slice(0, index + matched));
        return true;
      };
      if (check()) return;
      const listener = () => {
        if (check()) done();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`never saw ${String(text)} on the terminal:\n${screenText(this.raw).slice(this.seen)}`));
      }, boundMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((entry) => entry !== listener);
      };
      this.listeners.push(listener);
    });
  }

  press(...keys: Key[]): void {
    for (const key of keys) this.child.stdin.write(Object.hasOwn(KEYS, key) ? KEYS[key as keyof typeof KEYS] : key);
  }

  /** Ends a run a failed test left waiting for a key. */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** Waits for the CLI to end; the exit code is the CLI's (script -e passes it on). */
  async exit(boundMs = 60_000): Promise<number | null> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), boundMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
      this.child.stdin.end();
    }
  }
}
