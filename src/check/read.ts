// Reading an exported report: a missing file or text that is not JSON cannot be checked or
// compared, and the message names the file. Shared by `check` and `diff`.

import { readRegularText } from '../util/regular-file.js';

const MAX_REPORT_BYTES = 64 * 1024 * 1024;
import type { Message } from '../i18n/index.js';

export type JsonFile = { ok: true; value: unknown } | { ok: false; error: Message };

export async function readJsonFile(file: string): Promise<JsonFile> {
  let text: string;
  try {
    // A report of a year of sessions is a few MB; far past that is not a report.
    text = await readRegularText(file, MAX_REPORT_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: { key: 'check.file.missing', params: { file } } };
    if (code === 'EISDIR') return { ok: false, error: { key: 'check.file.isFolder', params: { file } } };
    return { ok: false, error: { key: 'check.file.unreadable', params: { file, reason: code ?? String(error) } } };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: { key: 'check.file.notJson', params: { file, reason: (error as Error).message } } };
  }
}
