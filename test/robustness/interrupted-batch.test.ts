// Ctrl-C (SIGINT) or SIGTERM during `batch`: the run stops, says so, exits non-zero, and leaves
// only whole files: every report present is complete and valid, no temporary file is left,
// and no summary is half-written.

import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, cliEnv } from '../e2e/run-cli.js';
import { filesUnder, reportValidator, tempRoot } from './helpers.js';

const CLIENTS: Array<[string, string]> = [
  ['huaxi-beauty', 'huaxi-beauty'],
  ['jiangnan-home', 'jiangnan-home'],
  ['shanye-snacks', 'shanye-snacks'],
  ['xinya-tea', 'xinya-tea'],
  ['huaxi-beauty-2', 'huaxi-beauty'],
  ['jiangnan-home-2', 'jiangnan-home'],
];

/** Six client folders, copies of the examples. */
async function portfolio(): Promise<{ dir: string; out: string }> {
  const root = await tempRoot('interrupt');
  const dir = join(root, 'portfolio');
  for (const [client, example] of CLIENTS) await cp(join(EXAMPLES, example), join(dir, client), { recursive: true });
  return { dir, out: join(root, 'out') };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function finishedClients(out: string): Promise<string[]> {
  const clients = await readdir(out).catch(() => [] as string[]);
  const finished: string[] = [];
  for (const client of clients) if (await exists(join(out, client, 'report.json'))) finished.push(client);
  return finished;
}

interface StoppedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Clients whose report.json existed when the signal was sent. */
  finishedAtSignal: number;
}

/** Starts batch, sends `signal` once the first client's report.json appears, and waits for the end. */
async function interruptBatch(dir: string, out: string, signal: NodeJS.Signals): Promise<StoppedRun> {
  const args = [
    BIN,
    'batch',
    dir,
    '--out',
    out,
    '--format',
    'markdown',
    '--format',
    'html',
    '--concurrency',
    '2',
    '--lang',
    'en',
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.resume();
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }));
  });
  // What a worker thread stopped in the middle of a write leaves: its temporary, named for the
  // process. Planted here because the real window is a millisecond; the stopped run must clear it.
  const halfWritten = join(out, CLIENTS[5]![0], `.report.html.${child.pid}.0badf00d.tmp`);
  await mkdir(join(out, CLIENTS[5]![0]), { recursive: true });
  await writeFile(halfWritten, '<!DOCTYPE html>\n<html lang="en">\n<head>');

  // Bounded: a run that never produces a report, or never ends after the signal, fails the test.
  const deadline = Date.now() + 30_000;
  let finishedAtSignal = 0;
  while (Date.now() < deadline && child.exitCode === null) {
    finishedAtSignal = (await finishedClients(out)).length;
    if (finishedAtSignal > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), Math.max(1000, deadline - Date.now()));
  const end = await ended;
  clearTimeout(killer);
  return { ...end, stderr, finishedAtSignal };
}

async function expectOnlyWholeFiles(out: string): Promise<void> {
  const validate = await reportValidator();
  const files = await filesUnder(out);
  expect(
    files.filter((file) => file.endsWith('.tmp')),
    'temporary files left behind',
  ).toEqual([]);
  for (const file of files) {
    const text = await readFile(join(out, file), 'utf8');
    if (file.endsWith('report.json')) expect(validate(JSON.parse(text)), file).toEqual([]);
    if (file.endsWith('report.md')) expect(text, file).toMatch(/steps-doctor[^\n]*_\n$/);
    if (file.endsWith('report.html')) expect(text, file).toMatch(/<\/html>\n$/);
    if (file === 'summary.json') expect(() => JSON.parse(text)).not.toThrow();
  }
}

describe('batch stopped by a signal', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const)(
    '%s: stops cleanly, exits non-zero, and leaves only whole reports',
    async (signal) => {
      const { dir, out } = await portfolio();
      const run = await interruptBatch(dir, out, signal);

      expect(run.signal, 'the process ended itself instead of being killed').toBeNull();
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Stopped: reports of the clients finished so far are complete');
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
      // The signal came while clients were still being diagnosed: the run was really cut short.
      expect(run.finishedAtSignal).toBeGreaterThan(0);
      expect((await finishedClients(out)).length).toBeLessThan(CLIENTS.length);
      expect(await exists(join(out, 'summary.csv'))).toBe(false);
      await expectOnlyWholeFiles(out);
    },
  );
});
