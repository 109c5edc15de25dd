// Hostile and odd inputs, round two (issue 15): every case through the built CLI, judged the
// way a consultant would see it: the exit code, the one line on stderr, the files left on disk.
// Plus fast-check strings (controls, bidi, surrogates, prototype keys, URLs, formula prefixes)
// through the sanitiser every terminal line goes through.

import { spawnSync } from 'node:child_process';
import { cp, lstat, mkdir, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalOutput, visibleText } from '../../src/util/terminal-text.js';
import { BIN, cliEnv, EXAMPLES } from '../e2e/run-cli.js';
import { linesOf, runCliBounded, SEED, STACK_FRAME, tempRoot } from './helpers.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ORDERS = '6月订单(手工整理).csv';

async function brandCopy(prefix: string): Promise<{ root: string; dir: string }> {
  const root = await tempRoot(prefix);
  const dir = join(root, 'shanye');
  await cp(join(EXAMPLES, 'shanye-snacks'), dir, { recursive: true });
  return { root, dir };
}

function expectOneLine(run: { code: number | null; stderr: string }, ...parts: string[]): void {
  expect(run.code).toBe(2);
  const lines = linesOf(run.stderr);
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]!.startsWith('Error: ')).toBe(true);
  for (const part of parts) expect(lines[0]).toContain(part);
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

/** No escape sequence, no control other than line feed, no bidi override. */
function expectNothingObeyed(text: string): void {
  expect(text).not.toMatch(/\u001b|\u0007|\u009b|\u009d/);
  expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
}

describe('special files and devices (class 2)', () => {
  const specials: [string, (path: string) => Promise<void>][] = [
    ['a named pipe', async (path) => void spawnSync('mkfifo', [path])],
    ['a link to /dev/zero', (path) => symlink('/dev/zero', path)],
    ['a link to /dev/urandom', (path) => symlink('/dev/urandom', path)],
  ];
  it.each(specials)(
    'brand.json, columns.json and a profile that are %s: one line, exit 2, no hang',
    async (_, make) => {
      for (const side of ['brand.json', 'columns.json', 'profile.json']) {
        const { dir } = await brandCopy('special');
        await rm(join(dir, side), { force: true });
        await make(join(dir, side));
        const args = [
          'diagnose',
          dir,
          '--lang',
          'en',
          ...(side === 'profile.json' ? ['--profile', join(dir, side)] : []),
        ];
        const run = runCliBounded(args, { boundMs: 15_000 });
        expect(run.signal, `${side}: killed, a hang`).toBeNull();
        expectOneLine(run, join(dir, side));
      }
    },
  );

  it('check refuses a device as a report instead of reading it', () => {
    const run = runCliBounded(['check', '/dev/zero', '--lang', 'en'], { boundMs: 15_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('/dev/zero');
  });
});

describe('writing over what is not ours (class 3)', () => {
  it('refuses the client’s own export as a report path and leaves it byte for byte', async () => {
    const { dir } = await brandCopy('output-input');
    const orders = join(dir, ORDERS);
    const before = await readFile(orders);
    const run = runCliBounded(['diagnose', dir, '--format', `json:${orders}`, '--quiet', '--lang', 'en']);
    expectOneLine(run, orders, 'one of the files this run reads');
    expect(await readFile(orders)).toEqual(before);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a device and a folder instead of replacing them', async () => {
    const { root, dir } = await brandCopy('output-device');
    const device = runCliBounded(['diagnose', dir, '--format', 'json:/dev/full', '--quiet', '--lang', 'en']);
    expectOneLine(device, '/dev/full', 'not a regular file');
    expect((await lstat('/dev/full')).isCharacterDevice()).toBe(true);
    const folder = join(root, 'a-folder');
    await mkdir(folder);
    expectOneLine(
      runCliBounded(['diagnose', dir, '--format', `json:${folder}`, '--quiet', '--lang', 'en']),
      'not a regular file',
    );
    expect((await lstat(folder)).isDirectory()).toBe(true);
  });

  it('writes through a symbolic link to its target and keeps the link a link', async () => {
    const { root, dir } = await brandCopy('output-link');
    const target = join(root, 'real.json');
    await writeFile(target, '{}');
    const link = join(root, 'report.json');
    await symlink(target, link);
    const run = runCliBounded(['diagnose', dir, '--format', `json:${link}`, '--quiet', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(JSON.parse(await readFile(target, 'utf8')).brand).toBeDefined();
    const dangling = join(root, 'nowhere.json');
    await symlink(join(root, 'gone', 'x.json'), dangling);
    expectOneLine(
      runCliBounded(['diagnose', dir, '--format', `json:${dangling}`, '--quiet', '--lang', 'en']),
      'symbolic link to nothing',
    );
  });
});

describe('forged and escaping terminal text (class 4)', () => {
  it('an unknown option full of escapes is shown, not obeyed', () => {
    const run = runCliBounded(['diagnose', '.', `--x${ESC}]52;c;aGk=${BEL}${ESC}[2J\u202e`]);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toHaveLength(1);
    expectNothingObeyed(run.stderr);
  });

  it('a product name with a line feed, a tab and OSC 52 cannot forge a line in validate', async () => {
    const { dir } = await brandCopy('forged-line');
    const orders = join(dir, ORDERS);
    const text = await readFile(orders, 'utf8');
    const lines = text.split('\n');
    // A cell the amount parser refuses, so validate quotes it back.
    const header = lines[0]!.split(',');
    const amountColumn = header.findIndex((cell) => /实付|金额/.test(cell));
    const cells = lines[1]!.split(',');
    cells[amountColumn] = `"12${ESC}]52;c;aGk=${BEL}\n\t✓ Creator GMV ¥999"`;
    lines[1] = cells.join(',');
    await writeFile(orders, lines.join('\n'));
    const run = runCliBounded(['validate', dir, '--lang', 'en']);
    expectNothingObeyed(run.stdout);
    expectNothingObeyed(run.stderr);
    for (const line of run.stdout.split('\n')) expect(line.trimStart().startsWith('✓ Creator GMV')).toBe(false);
  });
});

describe('prototype keys (class 6)', () => {
  it('--profile __proto__ and a category "constructor" end in words, not a stack trace', async () => {
    const { dir } = await brandCopy('proto');
    expectOneLine(
      runCliBounded(['diagnose', dir, '--profile', '__proto__', '--lang', 'en']),
      'unknown profile "__proto__"',
    );
    const brandPath = join(dir, 'brand.json');
    const brand = JSON.parse(await readFile(brandPath, 'utf8'));
    await writeFile(brandPath, JSON.stringify({ ...brand, category: 'constructor' }));
    const run = runCliBounded(['diagnose', dir, '--json', '--lang', 'en']);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect([0, 2]).toContain(run.code);
  });

  it('a live session named __proto__ is saved under that name and survives the next save', async () => {
    const root = await tempRoot('proto-live');
    const dir = join(root, 'huaxi');
    await cp(join(EXAMPLES, 'huaxi-beauty'), dir, { recursive: true });
    const sessionsFile = join(dir, '生意通_直播场次_2024年6月.csv');
    const text = await readFile(sessionsFile, 'utf8');
    const firstId = text.split('\n')[1]!.split(',')[0]!;
    await writeFile(sessionsFile, text.split(firstId).join('__proto__'));
    const other = text.split('\n')[2]!.split(',')[0]!;
    const checklistPath = join(dir, 'checklist.json');
    const before = Object.keys(JSON.parse(await readFile(checklistPath, 'utf8')).sessions);
    const saved = runCliBounded(['checklist', dir, '--live', '__proto__', '--all-yes', '--lang', 'en']);
    expect(saved.code, saved.stderr).toBe(0);
    const first = JSON.parse(await readFile(checklistPath, 'utf8'));
    expect(Object.hasOwn(first.sessions, '__proto__')).toBe(true);
    expect(Object.keys(first.sessions)).toEqual(expect.arrayContaining(before));
    expect(runCliBounded(['checklist', dir, '--live', other, '--all-yes', '--lang', 'en']).code).toBe(0);
    const second = JSON.parse(await readFile(checklistPath, 'utf8'));
    expect(Object.keys(second.sessions)).toEqual(expect.arrayContaining([...before, '__proto__', other]));
  });
});

describe('gates that switch off (class 12)', () => {
  it.each([[''], ['101'], ['-1'], ['abc'], ['1e2']])(
    '--fail-under=%j is refused on diagnose and batch',
    async (value) => {
      const { root, dir } = await brandCopy('gate');
      const diagnose = runCliBounded(['diagnose', dir, `--fail-under=${value}`, '--lang', 'en']);
      expectOneLine(diagnose, '--fail-under');
      const batch = runCliBounded(['batch', root, '--out', join(root, 'out'), `--fail-under=${value}`, '--lang', 'en']);
      expectOneLine(batch, '--fail-under');
      await expect(lstat(join(root, 'out'))).rejects.toThrow();
    },
  );

  it('check --min-score reads the same way', async () => {
    const { dir } = await brandCopy('gate-check');
    const report = join(dir, '..', 'report.json');
    expect(runCliBounded(['diagnose', dir, '--format', `json:${report}`, '--quiet']).code).toBe(0);
    for (const value of ['', '101'])
      expectOneLine(runCliBounded(['check', report, `--min-score=${value}`, '--lang', 'en']), '--min-score');
  });
});

describe('exit codes under failure (class 10)', () => {
  it('stdout on a full disk: one line, exit 2, not a stack trace or the gate-failed exit 1', async () => {
    const { dir } = await brandCopy('full-disk');
    const run = spawnSync(`"${process.execPath}" "${BIN}" diagnose "${dir}" --lang en > /dev/full`, {
      shell: '/bin/sh',
      encoding: 'utf8',
      env: cliEnv(),
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(linesOf(run.stderr)).toEqual([
      'Error: cannot write to standard output (ENOSPC): check the disk has room or where the output is redirected.',
    ]);
  });
});

describe('bounded workers (class 9)', () => {
  it('--concurrency 1000 runs at most one worker a core, and says so', async () => {
    const { root } = await brandCopy('workers');
    const out = join(root, '..', `${root.split('/').pop()}-out`);
    const run = runCliBounded(['batch', root, '--out', out, '--concurrency', '1000', '--lang', 'en'], {
      boundMs: 120_000,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`--concurrency 1000: this machine has ${availableParallelism()} cores`);
    expect(runCliBounded(['batch', root, '--out', out, '--concurrency', '0', '--lang', 'en']).code).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated hostile strings through the one sanitiser

const hostilePiece = fc.oneof(
  fc.constantFrom(
    ESC,
    BEL,
    '\u009b',
    '\u009d',
    '\u202e',
    '\u2066',
    '\u200f',
    '\n',
    '\r',
    '\t',
    '\ud800',
    '\udfff',
    '__proto__',
    'constructor',
    'https://evil.example/phish',
    '=cmd|',
    '+1',
    '-1',
    '@SUM(A1)',
    `${ESC}]52;c;aGk=${BEL}`,
    `${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\`,
    `${ESC}[2J`,
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ maxLength: 6 }),
);
const hostileString = fc.array(hostilePiece, { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('generated hostile strings (fast-check)', () => {
  it('visibleText leaves no control, escape, bidi control, line break or lone surrogate', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const shown = visibleText(text);
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(shown).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(shown.isWellFormed()).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('the stream guard keeps only colour and erase-line sequences', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const shown = terminalOutput(`${ESC}[31m${text}${ESC}[0m\r${ESC}[K`);
        for (const match of shown.matchAll(/\u001b(\[[0-9;]*.)?/g)) expect(match[0]).toMatch(/^\u001b\[[0-9;]*[mK]$/);
        expect(shown).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/);
        expect(shown.isWellFormed()).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
