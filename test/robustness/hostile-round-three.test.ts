// Hostile and odd inputs, round three (issue 15, the classes round two left): every case
// through the built CLI, judged by the exit code, the one line on stderr and the files on disk.

import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../e2e/run-cli.js';
import { linesOf, runCliBounded, tempRoot } from './helpers.js';

const ORDERS = '6月订单(手工整理).csv';

async function brandCopy(prefix: string): Promise<{ root: string; dir: string }> {
  const root = await tempRoot(prefix);
  const dir = join(root, 'shanye');
  await cp(join(EXAMPLES, 'shanye-snacks'), dir, { recursive: true });
  return { root, dir };
}

/** Rewrites the orders export of a brand copy, cell text for cell text. */
async function renameInOrders(dir: string, renames: Record<string, string>): Promise<void> {
  const path = join(dir, ORDERS);
  let text = await readFile(path, 'utf8');
  for (const [from, to] of Object.entries(renames)) text = text.split(from).join(to);
  await writeFile(path, text);
}

/** What GFM would turn into a link with no brackets: a scheme, `www.` or an e-mail address. */
const LIVE_AUTOLINK = /(?<!\\)(?:https?|ftp|mailto|xmpp):|(?<![\\])www\.|[\w.+-](?<!\\)@[\w-]+\./i;

describe('Markdown links from data (class 5)', () => {
  it('creator names that are URLs, www. names or e-mail addresses stay text in the Markdown report', async () => {
    const { root, dir } = await brandCopy('autolink');
    await renameInOrders(dir, {
      糖芳吃货日记: 'https://evil.example/phish',
      七鹏家乡特产: 'www.x.com',
      阿柚生活馆: 'shop@evil.example',
    });
    const report = join(root, 'report.md');
    const run = runCliBounded(['diagnose', dir, '--format', `markdown:${report}`, '--quiet', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const markdown = await readFile(report, 'utf8');
    // The names are still there for the consultant to read, escaped where a renderer would link.
    expect(markdown).toContain('https\\://evil.example/phish');
    expect(markdown).toContain('www\\.x.com');
    expect(markdown).toContain('shop\\@evil.example');
    const live = markdown.split('\n').filter((line) => LIVE_AUTOLINK.test(line));
    expect(live).toEqual([]);
  });
});

describe('batch folder names (class 11)', () => {
  it('a client folder named summary.json does not stop the batch; skipped folders are named on stderr', async () => {
    const root = await tempRoot('batch-names');
    const portfolio = join(root, 'portfolio');
    await mkdir(portfolio);
    await cp(join(EXAMPLES, 'shanye-snacks'), join(portfolio, 'shanye'), { recursive: true });
    await cp(join(EXAMPLES, 'shanye-snacks'), join(portfolio, 'summary.json'), { recursive: true });
    await cp(join(EXAMPLES, 'shanye-snacks'), join(portfolio, '.hidden'), { recursive: true });
    await symlink(join(EXAMPLES, 'shanye-snacks'), join(portfolio, 'linked'));
    const out = join(root, 'out');
    const run = runCliBounded(['batch', portfolio, '--out', out, '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as unknown;
    expect(JSON.stringify(summary)).toContain('shanye');
    for (const name of ['summary.json', '.hidden', 'linked']) {
      expect(linesOf(run.stderr).filter((line) => line.startsWith(`Skipped ${name}:`))).toHaveLength(1);
    }
  });
});

describe('one batch at a time on one --out (class 11)', () => {
  it('a second batch on a locked --out is refused with one line and exit 2; a stale lock is taken over and removed', async () => {
    const root = await tempRoot('batch-lock');
    const out = join(root, 'out');
    await mkdir(out);
    const lock = join(out, '.steps-doctor-batch.lock');
    // This test's own process stands for a batch still running.
    await writeFile(lock, `${process.pid}\n`);
    const refused = runCliBounded(['batch', EXAMPLES, '--out', out, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(linesOf(refused.stderr)).toHaveLength(1);
    expect(refused.stderr).toContain(lock);
    expect(await readdir(out)).toEqual(['.steps-doctor-batch.lock']);
    expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);

    // A run that was killed outright leaves its lock behind: its pid is gone, so the next run goes on.
    const gone = spawnSync('true').pid;
    await writeFile(lock, `${gone}\n`);
    const taken = runCliBounded(['batch', EXAMPLES, '--out', out, '--lang', 'en', '--quiet']);
    expect(taken.code, taken.stderr).toBe(0);
    const left = await readdir(out);
    expect(left).toContain('summary.json');
    expect(left).not.toContain('.steps-doctor-batch.lock');
  });
});
