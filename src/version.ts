import { readFileSync } from 'node:fs';

export const TOOL_NAME = 'steps-doctor';

let cachedVersion: string | null = null;

/** The version in package.json: one source of truth for `--version` and every report. */
export function toolVersion(): string {
  if (cachedVersion === null) {
    const url = new URL('../package.json', import.meta.url);
    cachedVersion = (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  }
  return cachedVersion;
}
