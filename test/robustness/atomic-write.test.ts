// Nothing lost, nothing half-written: every file the tool writes goes through writeFileAtomic
// (a temporary beside the target, flushed, renamed into place). These tests hold it to that: a
// reader never sees a part of a file, a process killed mid-write leaves the old file, a failed
// write leaves no debris, and no code in src/ writes a file any other way.

import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeOwnTemporaries, writeFileAtomic } from '../../src/util/atomic-write.js';
import { EXAMPLES, ROOT } from '../e2e/run-cli.js';
import { runCliBounded, tempRoot } from './helpers.js';

/** A version of a file that is easy to tell from any mix of two versions: one byte repeated. */
function version(byte: string, size: number): Buffer {
  return Buffer.alloc(size, byte);
}

describe('writeFileAtomic', () => {
  it('never lets a reader see part of a file, however the reads and writes interleave', async () => {
    const dir = await tempRoot('atomic');
    const path = join(dir, 'report.json');
    const size = 4 * 1024 * 1024;
    const versions = ['a', 'b', 'c'].map((byte) => version(byte, size));
    await writeFileAtomic(path, versions[0]!);
    let writing = true;
    const writes = (async () => {
      for (let round = 0; round < 12; round++) await writeFileAtomic(path, versions[round % 3]!);
      writing = false;
    })();
    const seen = new Set<string>();
    while (writing) {
      const content = await readFile(path);
      const whole = versions.findIndex((each) => each.equals(content));
      expect(whole, `a read of ${content.length} bytes matched no whole version`).toBeGreaterThanOrEqual(0);
      seen.add(String(whole));
    }
    await writes;
    expect(seen.size).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('leaves the old file when the process is killed in the middle of a write', async () => {
    const dir = await tempRoot('atomic-kill');
    const path = join(dir, 'summary.json');
    const old = version('o', 1024);
    await writeFile(path, old);
    // A separate process writing 64 MB versions in a loop, killed without warning.
    const moduleUrl = pathToFileURL(join(ROOT, 'dist/util/atomic-write.js')).href;
    const script = `
      const { writeFileAtomic } = await import(${JSON.stringify(moduleUrl)});
      const content = Buffer.alloc(64 * 1024 * 1024, 'n');
      process.stdout.write('ready\\n');
      for (;;) await writeFileAtomic(${JSON.stringify(path)}, content);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const ended = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await ended;

    const content = await readFile(path);
    const whole = content.equals(old) || content.equals(version('n', 64 * 1024 * 1024));
    expect(whole, `${content.length} bytes, neither the old file nor a whole new one`).toBe(true);
  });

  it('leaves the target as it was, and no temporary, when the write fails', async () => {
    const dir = await tempRoot('atomic-fail');
    const target = join(dir, 'report.md');
    await mkdir(join(target, 'in-the-way'), { recursive: true });
    await expect(writeFileAtomic(target, '# report\n')).rejects.toThrow();
    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('creates the folders on the way and replaces an existing file whole', async () => {
    const dir = await tempRoot('atomic-folders');
    const path = join(dir, 'out', 'acme', 'report.json');
    await writeFileAtomic(path, 'first, longer content\n');
    await writeFileAtomic(path, 'second\n');
    expect(await readFile(path, 'utf8')).toBe('second\n');
    expect(await readdir(join(dir, 'out', 'acme'))).toEqual(['report.json']);
  });

  it('removes only its own process’s leftover temporaries', async () => {
    const dir = await tempRoot('atomic-sweep');
    await mkdir(join(dir, 'acme'));
    const mine = join(dir, 'acme', `.report.json.${process.pid}.0badf00d.tmp`);
    const another = join(dir, 'acme', `.report.json.${process.pid + 1}.0badf00d.tmp`);
    const report = join(dir, 'acme', 'report.json');
    const lookalike = join(dir, 'acme', 'notes.tmp');
    for (const path of [mine, another, report, lookalike]) await writeFile(path, 'x');
    expect(await removeOwnTemporaries(dir)).toBe(1);
    expect((await readdir(join(dir, 'acme'))).sort()).toEqual([
      `.report.json.${process.pid + 1}.0badf00d.tmp`,
      'notes.tmp',
      'report.json',
    ]);
    expect(await removeOwnTemporaries(join(dir, 'no-such-folder'))).toBe(0);
  });
});

// Writing files any other way would bypass the guarantee. Reading is fine; so is mkdir.
const DIRECT_WRITE =
  /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|copyFile|copyFileSync|truncate|ftruncate)\s*\(|\bopen(Sync)?\s*\([^)]*['"](w|a|r\+)/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('every file the tool writes', () => {
  it('goes through writeFileAtomic: no other code in src/ writes a file', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(ROOT, 'src'))) {
      if (file.endsWith(join('util', 'atomic-write.ts'))) continue;
      // batch's lock on --out must be created exclusively (open 'wx'), which is the point of a
      // lock and what an atomic rename cannot do; it holds a pid, never a result.
      if (file.endsWith(join('cli', 'out-lock.ts'))) continue;
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (DIRECT_WRITE.test(line) && !line.trim().startsWith('//'))
          offenders.push(`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

describe('checklist never loses answers already saved', () => {
  it('keeps answers of sessions not in this month’s data, and the consultant’s own keys', async () => {
    const root = await tempRoot('checklist');
    const dir = join(root, 'huaxi');
    await cp(join(EXAMPLES, 'huaxi-beauty'), dir, { recursive: true });
    const path = join(dir, 'checklist.json');
    const saved = JSON.parse(await readFile(path, 'utf8')) as { sessions: Record<string, unknown> };
    const earlier = { script: { rehearsed: true }, gifts: { couponsSet: false } };
    const document = { note: '5月的场次也在这里', sessions: { ...saved.sessions, MAY0000001: earlier } };
    await writeFile(path, JSON.stringify(document, null, 2));

    const run = runCliBounded(['checklist', dir, '--live', 'NxPSTIVoPWC', '--all-yes', '--lang', 'en']);
    expect(run.code).toBe(0);
    const after = JSON.parse(await readFile(path, 'utf8')) as { note: string; sessions: Record<string, unknown> };
    expect(after.note).toBe(document.note);
    expect(after.sessions.MAY0000001).toEqual(earlier);
    for (const [liveId, answers] of Object.entries(saved.sessions))
      expect(after.sessions[liveId], liveId).toEqual(answers);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });
});
