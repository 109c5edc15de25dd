// Hostile and odd inputs, round three (issue 15, the classes round two left): every case
// through the built CLI, judged by the exit code, the one line on stderr and the files on disk.

import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../e2e/run-cli.js';
import { runCliBounded, tempRoot } from './helpers.js';

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
