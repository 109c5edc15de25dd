// Reading an exported report: a missing file or text that is not JSON cannot be checked or
// compared, and the message names the file. Shared by `check`, `diff` and `trend`.
//
// JSON.parse takes more than any report holds: "gmv": 1e400 parses to Infinity (which diff would
// print as ¥Infinity), and 31 MB of `{},` is ten million objects (3.45 GB once parsed and
// schema-checked). So the text is counted before it is parsed, and the parsed value is searched
// for numbers that are not finite before anyone reads it.

import type { Message } from '../i18n/index.js';
import { readRegularText } from '../util/regular-file.js';

// A report of a year of sessions is a few MB (the largest example is 177 KB); far past that is not a report.
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/**
 * Objects and arrays a report may hold: the largest example holds about 1,500, a year of daily
 * sessions some 60,000. Past this, parsing would cost memory out of all proportion to a report.
 */
export const MAX_REPORT_CONTAINERS = 250_000;

export type JsonFile = { ok: true; value: unknown } | { ok: false; error: Message };

/** `{` and `[` outside strings: what JSON.parse would make objects and arrays of. */
function containersIn(text: string, limit: number): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      count++;
      if (count > limit) return count;
    }
  }
  return count;
}

function pathStep(key: string | number): string {
  return `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** The JSON Pointer of the first number that is not finite (1e400 → Infinity), or null. Iterative: no stack limit. */
export function firstNonFinitePath(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return path || '/';
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: path + pathStep(i) });
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: (current as Record<string, unknown>)[key], path: path + pathStep(key) });
      }
    }
  }
  return null;
}

export async function readJsonFile(file: string): Promise<JsonFile> {
  let text: string;
  try {
    text = await readRegularText(file, MAX_REPORT_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: { key: 'check.file.missing', params: { file } } };
    if (code === 'EISDIR') return { ok: false, error: { key: 'check.file.isFolder', params: { file } } };
    if (code === 'EFBIG')
      return { ok: false, error: { key: 'check.file.tooLarge', params: { file, limit: MAX_REPORT_BYTES >> 20 } } };
    if (code === 'ENOTREG') return { ok: false, error: { key: 'check.file.notRegular', params: { file } } };
    return { ok: false, error: { key: 'check.file.unreadable', params: { file, reason: code ?? String(error) } } };
  }
  const containers = containersIn(text, MAX_REPORT_CONTAINERS);
  if (containers > MAX_REPORT_CONTAINERS) {
    return { ok: false, error: { key: 'check.file.tooManyValues', params: { file, limit: MAX_REPORT_CONTAINERS } } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: { key: 'check.file.notJson', params: { file, reason: (error as Error).message } } };
  }
  const nonFinite = firstNonFinitePath(value);
  if (nonFinite !== null)
    return { ok: false, error: { key: 'check.file.notFinite', params: { file, path: nonFinite } } };
  return { ok: true, value };
}
