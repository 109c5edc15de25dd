// What the browser and PDF tests need from the machine: a Chromium (found the way the CLI finds
// it), poppler's pdftotext/pdfinfo/pdffonts, and a CJK font. .ci/run installs all three from
// Debian. On a developer's machine a missing one skips those tests with the reason; in CI
// (CI set) it fails them, so a green run always means they ran.

import { spawnSync } from 'node:child_process';
import { UserError } from '../../src/errors.js';
import { locateChromium } from '../../src/report/pdf/chromium.js';

const INSTALL = 'apt-get install chromium poppler-utils fonts-noto-cjk (what .ci/run does)';

function chromiumPath(): string | null {
  try {
    return locateChromium();
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
}

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error === undefined && result.status === 0;
}

function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

export interface MachineTools {
  chromium: string | null;
  /** Why the tests that need these tools cannot run here, or null when they can. */
  missing: string | null;
}

/** Throws in CI when a tool is missing: there the tests must run, not skip. */
export function machineTools(need: { poppler?: boolean; cjkFont?: boolean } = {}): MachineTools {
  const chromium = chromiumPath();
  const lacking: string[] = [];
  if (chromium === null) lacking.push('no Chromium');
  if (need.poppler && !runs('pdfinfo', ['-v'])) lacking.push('no pdfinfo/pdftotext (poppler-utils)');
  if (need.cjkFont && !hasCjkFont()) lacking.push('no CJK font (fc-list :lang=zh is empty)');
  const missing = lacking.length === 0 ? null : `${lacking.join(', ')}: ${INSTALL}`;
  if (missing !== null && process.env.CI) throw new Error(`CI must run the browser tests, but ${missing}`);
  return { chromium, missing };
}

/** pdftotext in content order (-raw), so a sentence that spans lines and fonts stays whole. */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, path, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext ${path}: ${result.stderr}`);
  return result.stdout;
}

export function pdfInfo(path: string): Record<string, string> {
  const result = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdfinfo ${path}: ${result.stderr}`);
  const info: Record<string, string> = {};
  for (const line of result.stdout.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) info[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return info;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: name, type, encoding, then emb/sub/uni as yes/no and the object id. */
export function pdfFonts(path: string): PdfFont[] {
  const result = spawnSync('pdffonts', [path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdffonts ${path}: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      // The flags are the last five fields: emb sub uni, object number, generation.
      const embedded = fields.at(-5) === 'yes';
      return { name: fields[0]!, type: fields.slice(1, -6).join(' '), embedded };
    });
}
