// `check` gates on the plan: "plan:blockers" counts trust and data blockers, a bare level means none.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from './run-cli.js';

let folder: string;
let blockers: number;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-plan-gate-'));
  for (const brand of ['xinya-tea', 'jiangnan-home']) {
    const run = runCli(['diagnose', join(EXAMPLES, brand), '--json']);
    expect(run.code).toBe(0);
    await writeFile(join(folder, `${brand}.json`), run.stdout);
  }
  await writeFile(join(folder, 'none.json'), JSON.stringify({ assertions: { 'plan:blockers': 'error' } }));
  const xinya = JSON.parse(await readFile(join(folder, 'xinya-tea.json'), 'utf8')) as {
    plan: { priorities: { kind: string }[]; backlog: { kind: string }[] };
  };
  blockers = [...xinya.plan.priorities, ...xinya.plan.backlog].filter((item) => item.kind === 'blocker').length;
  await writeFile(
    join(folder, 'enough.json'),
    JSON.stringify({ assertions: { 'plan:blockers': ['error', { max: blockers }] } }),
  );
  await writeFile(
    join(folder, 'fewer.json'),
    JSON.stringify({ assertions: { 'plan:blockers': ['error', { max: blockers - 1 }] } }),
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('check plan:blockers', () => {
  it('fails a brand whose plan starts with a trust blocker, and passes one without', () => {
    // 新芽茶饮: shop experience score 3.6, below the floor: its plan's rank 1 is a blocker.
    const blocked = runCli(['check', 'xinya-tea.json', '--config', 'none.json'], { cwd: folder });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('plan:blockers');
    const clear = runCli(['check', 'jiangnan-home.json', '--config', 'none.json'], { cwd: folder });
    expect(clear.code).toBe(0);
  });

  it('takes a max, and is named in the unknown-assertion message', async () => {
    expect(blockers).toBeGreaterThan(0);
    expect(runCli(['check', 'xinya-tea.json', '--config', 'enough.json'], { cwd: folder }).code).toBe(0);
    expect(runCli(['check', 'xinya-tea.json', '--config', 'fewer.json'], { cwd: folder }).code).toBe(1);
    await writeFile(join(folder, 'typo.json'), JSON.stringify({ assertions: { 'plan:blocker': 'error' } }));
    const typo = runCli(['check', 'xinya-tea.json', '--config', 'typo.json', '--lang', 'en'], { cwd: folder });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('plan:blockers');
  });
});
