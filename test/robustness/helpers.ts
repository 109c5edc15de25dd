// Shared by the robustness suites: a seeded random source, temp folders, the pipeline run the
// way the CLI runs it (an exit code, one message), and the built CLI under a time bound so a
// hang shows as a failure instead of a stuck suite.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { InputError, UserError } from '../../src/errors.js';
import { cliText } from '../../src/cli/text.js';
import { diagnoseFolder, type PipelineOptions } from '../../src/pipeline.js';
import { formatJson } from '../../src/report/formatters/json.js';
import { loadReportValidator, type ReportValidator } from '../../src/report/schema.js';
import type { Report } from '../../src/report/types.js';
import { runCli, type CliRun } from '../e2e/run-cli.js';

export const SEED = 42;

/** A Node stack frame, as `Error.stack` prints it: never on a user's screen. */
export const STACK_FRAME = /at .*\.js:\d+/;

/** mulberry32: a tiny seeded generator, so every mutated file is the same on every run. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test file. */
export async function tempRoot(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `steps-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Every file under `dir`, as paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

// ---------------------------------------------------------------------------------------------
// The pipeline, as the CLI would end

export type Outcome =
  | { code: 0; report: Report; json: string }
  | { code: 2; message: string; error: UserError }
  | { code: 'internal'; error: unknown }
  | { code: 'hang' };

const en = cliText('en');

/**
 * diagnoseFolder, ending the way the CLI ends: a report (exit 0), a UserError in one message
 * (exit 2), anything else an internal error (what the CLI would print as "Internal error").
 * A run that has not finished after `boundMs` is a hang.
 */
export async function diagnoseLikeCli(options: Omit<PipelineOptions, 'lang'>, boundMs = 20_000): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ code: 'hang' }), boundMs);
  });
  const run = diagnoseFolder({ ...options, lang: 'en', generatedAt: '2024-07-01T00:00:00.000Z' }).then(
    (report): Outcome => ({ code: 0, report, json: formatJson(report) }),
    (error: unknown): Outcome => {
      if (error instanceof UserError) return { code: 2, message: en(error.detail.key, error.detail.params), error };
      return { code: 'internal', error };
    },
  );
  try {
    return await Promise.race([run, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** The line an InputError names, when it names one. */
export function errorLine(error: UserError): number | null {
  return error instanceof InputError ? error.line : null;
}

let validator: Promise<ReportValidator> | null = null;

export function reportValidator(): Promise<ReportValidator> {
  validator ??= loadReportValidator();
  return validator;
}

// ---------------------------------------------------------------------------------------------
// The built CLI, bounded

export type BoundedRun = CliRun;

export interface BoundedOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Kill the run after this long: the test then fails as a hang. */
  boundMs?: number;
  /** Run as another user (root cannot be denied a read otherwise). */
  uid?: number;
}

export function runCliBounded(args: string[], options: BoundedOptions = {}): BoundedRun {
  return runCli(args, { cwd: options.cwd, env: options.env, timeoutMs: options.boundMs ?? 30_000, uid: options.uid });
}

/** Lines a person would read (no blank ones). */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
