// A name from the data thousands of characters long reaches the terminal's tables as a dozen lines
// ending in "…", and the run ends: before the cap, one 1,800-character session account held
// `diagnose` for minutes, because cli-table3 re-measures a whole cell for every line it draws.

import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_LINES } from '../../src/report/formatters/table.js';
import { EXAMPLES } from '../e2e/run-cli.js';
import { runCliBounded, tempRoot } from './helpers.js';

const SESSIONS = '直播数据_202406.csv';

async function clientWithAccount(account: string): Promise<string> {
  const dir = join(await tempRoot('long-cells'), 'client');
  await cp(join(EXAMPLES, 'xinya-tea'), dir, { recursive: true });
  const lines = (await readFile(join(dir, SESSIONS), 'utf8')).split('\n');
  const cells = lines[1]!.split(',');
  cells[1] = account;
  lines[1] = cells.join(',');
  await writeFile(join(dir, SESSIONS), lines.join('\n'));
  return dir;
}

describe('a very long name in a terminal table', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`is cut to ${MAX_CELL_LINES} lines ending in "…" and the report is printed (${lang})`, async () => {
      const account = `x_~n34${'\u200f\u0082长'.repeat(600)}`;
      const dir = await clientWithAccount(account);
      const run = runCliBounded(['diagnose', dir, '--lang', lang, '--quiet', '--format', 'terminal'], {
        boundMs: 120_000,
      });
      expect(run.code, run.stderr).toBe(0);
      const rows = run.stdout.split('\n');
      const first = rows.findIndex((row) => row.includes('x_~n34'));
      expect(first).toBeGreaterThan(-1);
      // The account column's lines: the row that starts it and the continuation rows below it.
      const cellRows = rows.slice(first, first + MAX_CELL_LINES + 1);
      const ends = cellRows.findIndex((row) => row.includes('…'));
      expect(ends).toBe(MAX_CELL_LINES - 1);
      expect(cellRows[MAX_CELL_LINES]).toMatch(/^[├└]/);
      // The JSON keeps the account whole.
      const json = runCliBounded(['diagnose', dir, '--lang', lang, '--json'], { boundMs: 120_000 });
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as { sessions: { account: string }[] };
      expect(report.sessions.map((session) => session.account)).toContain(account);
    });
  }
});
