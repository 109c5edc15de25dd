// The key hints under inquirer's lists, on a pseudo-terminal (util-linux `script`, as pty.ts):
// in Chinese with --lang zh. Keys are typed when the screen asks for them, never on a timer.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv } from './run-cli.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-keys-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/**
 * Runs `init` on a terminal, presses Enter at the name question, and returns the screen text once
 * the category list's key hint (the line with ↑↓) is drawn; then Ctrl-C ends it.
 */
function categoryScreen(lang: string, nameQuestion: string): Promise<string> {
  const command = `stty cols 100 rows 30; '${process.execPath}' '${BIN}' init acme-${lang} --lang ${lang}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: folder, env: cliEnv() });
  return new Promise((resolve, reject) => {
    let output = '';
    let answeredName = false;
    const bound = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no key hint on the screen:\n${output}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!answeredName && output.includes(nameQuestion)) {
        answeredName = true;
        child.stdin.write('\r');
      }
      const hint = output.split(/\r?\n|\r/).findLast((line) => line.includes('↑↓'));
      if (answeredName && hint !== undefined) {
        clearTimeout(bound);
        child.stdin.write('\x03');
        child.stdin.end();
        resolve(output);
      }
    });
    child.on('error', reject);
  });
}

/** The screen without colour and cursor codes. */
function plainText(screen: string): string {
  return screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

describe.each([
  { lang: 'zh', question: '品牌名称', hint: '↑↓ 移动 • ⏎ 选择' },
  { lang: 'en', question: 'Brand name', hint: '↑↓ navigate • ⏎ select' },
])('init in a terminal, --lang $lang', ({ lang, question, hint }) => {
  it('shows the list’s key hints in the user’s language', async () => {
    const screen = plainText(await categoryScreen(lang, question));
    const hintLine = screen.split(/\r?\n|\r/).findLast((line) => line.includes('↑↓'));
    expect(hintLine?.trim()).toBe(hint);
  });
});
