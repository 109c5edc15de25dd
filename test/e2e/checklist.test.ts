// `checklist` and the sessions of `diagnose` through the built CLI (build first: npx tsc -p .).
// The tests run without a terminal (stdin is a pipe), as in CI.

import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './run-cli.js';
import { loadReportValidator } from '../../src/report/schema.js';

let folder: string;
let original: string;

function cli(args: string[]): CliRun {
  return runCli(args, { cwd: folder });
}

async function checklist(): Promise<{ sessions: Record<string, Record<string, Record<string, boolean>>> }> {
  return JSON.parse(await readFile(join(folder, 'checklist.json'), 'utf8'));
}

interface SessionJson {
  liveId: string;
  metrics: Record<string, unknown>;
  stage: Record<string, { result: string; evidence: string[]; basis: string }>;
  weakestFactor: string | null;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/run-checklist.js'))) throw new Error('build first: npx tsc -p .');
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-checklist-'));
  await cp(join(ROOT, 'examples/huaxi-beauty'), join(folder, 'huaxi'), { recursive: true });
  original = await readFile(join(folder, 'huaxi/checklist.json'), 'utf8');
  folder = join(folder, 'huaxi');
});

afterAll(async () => {
  await rm(resolve(folder, '..'), { recursive: true, force: true });
});

describe('checklist without a terminal', () => {
  it('never prompts: exit 2, saying which flags to pass', () => {
    const run = cli(['checklist', '.']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--live ID --all-yes');
    expect(run.stderr).toContain('--answers FILE');
  });

  it('says it in Chinese with --lang zh', () => {
    const run = cli(['checklist', '.', '--lang', 'zh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('错误：checklist 需要在终端中提问');
  });

  it('refuses an unknown --by before reading anything, in both languages', () => {
    const english = cli(['checklist', '.', '--by', 'question']);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('--by takes session or item, not "question".');
    const chinese = cli(['checklist', '.', '--by', 'question', '--lang', 'zh']);
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toContain('--by 只能是 session 或 item，不能是“question”。');
  });

  it('leaves checklist.json as it was', async () => {
    expect(await readFile(join(folder, 'checklist.json'), 'utf8')).toBe(original);
  });
});

describe('checklist, scripted', () => {
  it('--live ID --all-yes answers every question yes for that session and keeps the others', async () => {
    const run = cli(['checklist', '.', '--live', 'NxPSTIVoPWC', '--all-yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'Saved 19 answers for 2024-06-01 19:30 · 花溪美妆官方旗舰店 · GMV ¥8,693.40 · NxPSTIVoPWC in checklist.json.\n',
    );
    const saved = await checklist();
    const before = JSON.parse(original);
    expect(Object.keys(saved.sessions)).toEqual([...Object.keys(before.sessions), 'NxPSTIVoPWC']);
    for (const liveId of Object.keys(before.sessions)) expect(saved.sessions[liveId]).toEqual(before.sessions[liveId]);
    expect(Object.values(saved.sessions.NxPSTIVoPWC!).flatMap((item) => Object.values(item))).toEqual(
      Array(19).fill(true),
    );
  });

  it('--answers FILE with --live merges one session’s answers, question by question', async () => {
    await writeFile(join(folder, 'gifts.json'), JSON.stringify({ gifts: { couponsSet: false } }));
    const run = cli(['checklist', '.', '--live', 'NxPSTIVoPWC', '--answers', 'gifts.json']);
    expect(run.code).toBe(0);
    const saved = await checklist();
    expect(saved.sessions.NxPSTIVoPWC!.gifts).toEqual({
      benefitsPrepared: true,
      couponsSet: false,
      sellingPointsClear: true,
    });
  });

  it('refuses an answers file with a mistyped question, naming file and line, and writes nothing', async () => {
    const before = await readFile(join(folder, 'checklist.json'), 'utf8');
    await writeFile(
      join(folder, 'typo.json'),
      '{"sessions": {\n  "P9wCPe70vTj": {\n    "early-warmup": {"warmUpVideos": true}\n  }\n}}\n',
    );
    const run = cli(['checklist', '.', '--answers', 'typo.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'typo.json, line 3: "early-warmup" of session "P9wCPe70vTj" has an unknown question "warmUpVideos"',
    );
    expect(await readFile(join(folder, 'checklist.json'), 'utf8')).toBe(before);
  });
});

describe('diagnose: the sessions in the report', () => {
  let report: {
    sessions: SessionJson[];
    stageHealth: { mostFailed: string | null; items: Record<string, Record<string, number>> };
  };

  beforeAll(() => {
    const run = cli(['diagnose', '.', '--json']);
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout);
  });

  it('is valid against the shipped report schema', async () => {
    const validate = await loadReportValidator();
    expect(validate(report)).toEqual([]);
  });

  it('judges from data every session with spend or reservations, and leaves nothing unknown here', () => {
    expect(report.sessions).toHaveLength(20);
    for (const session of report.sessions) {
      if (session.metrics.adSpend !== null)
        expect(['data', 'both'], session.liveId).toContain(session.stage.traffic!.basis);
      if (session.metrics.reservations !== null)
        expect(['data', 'both'], session.liveId).toContain(session.stage['early-warmup']!.basis);
      for (const [item, verdict] of Object.entries(session.stage))
        expect(verdict.result, `${session.liveId} ${item}`).not.toBe('unknown');
    }
  });

  it('combines the saved answers with the data: coupons claimed, but not set up in advance', () => {
    const session = report.sessions.find((entry) => entry.liveId === 'NxPSTIVoPWC')!;
    expect(session.stage.gifts).toEqual({
      result: 'warn',
      basis: 'both',
      evidence: ['coupons claimed by 11.7% of viewers (550; target 5%)', 'checklist: coupons and draws not set up'],
    });
    expect(session.weakestFactor).toBe('traffic');
  });

  it('shows the sessions with their STAGE marks, and the item failing most, in the terminal', () => {
    const run = cli(['diagnose', '.', '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('│ S T A G E │ Weakest    │');
    expect(run.stdout).toMatch(/STAGE {2}S ✓\d+ !\d+ ✗\d+ \?\d+ · T /);
    expect(run.stdout).toContain(
      `fails most often, in ${report.stageHealth.items[report.stageHealth.mostFailed!]!.fail} of 20 sessions judged`,
    );
  });
});

describe('a broken checklist.json', () => {
  it('stops diagnose and checklist with exit 2, naming the file and line, and is never overwritten', async () => {
    const broken = '{"sessions": {\n  "c1Y9H1aIYHu": {"script": {"rehearsed": yes}}\n}}\n';
    await writeFile(join(folder, 'checklist.json'), broken);
    const diagnose = cli(['diagnose', '.']);
    expect(diagnose.code).toBe(2);
    expect(diagnose.stderr).toContain('checklist.json, line 2: not valid JSON');
    const mark = cli(['checklist', '.', '--live', 'c1Y9H1aIYHu', '--all-yes']);
    expect(mark.code).toBe(2);
    expect(await readFile(join(folder, 'checklist.json'), 'utf8')).toBe(broken);
  });
});
