// Small JSON side files (brand.json, columns.json): read whole, with errors that name the file
// and the line of a syntax error.

import { InputError } from '../errors.js';
import { readRegularText } from '../util/regular-file.js';

// Side files are hand-written settings; a megabyte is already far beyond any real one.
const MAX_SIDE_FILE_BYTES = 1024 * 1024;

export interface JsonFile {
  value: unknown;
  /** The text, to find the line of a value that parsed but makes no sense. */
  text: string;
}

/** Parsed JSON, or undefined when the file does not exist and `optional` is set. */
export async function readJsonFile(path: string, optional: boolean): Promise<JsonFile | undefined> {
  let text: string;
  try {
    text = await readRegularText(path, MAX_SIDE_FILE_BYTES);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') && optional) return undefined;
    if (isErrorCode(error, 'EFBIG'))
      throw new InputError({ key: 'ingest.json.tooLarge', params: { file: path } }, path);
    throw fileAccessError(error, path);
  }
  const withoutBom = text.replace(/^\ufeff/, '');
  return { value: parseJsonText(withoutBom, path), text: withoutBom };
}

/** 1-based line where `"needle"` first appears in a JSON text, or 1. */
export function lineOfJsonString(text: string, needle: string): number {
  const position = text.indexOf(JSON.stringify(needle));
  if (position < 0) return 1;
  return lineAt(text, position);
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const line = lineOfJsonError(text, detail);
    throw new InputError(
      { key: 'ingest.json.invalid', params: { file: path, line: String(line), detail } },
      path,
      line,
    );
  }
}

/**
 * V8 names the position of most JSON errors ("… in JSON at position 42") but not of an
 * unexpected token; then the shortest prefix of the text that fails for a reason other than
 * ending too soon ends at the bad character.
 */
function lineOfJsonError(text: string, detail: string): number {
  const positionMatch = /position (\d+)/.exec(detail);
  const position = positionMatch ? Number(positionMatch[1]) : firstBadCharacter(text);
  return lineAt(text, position);
}

function failsBeforeItsEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of JSON input|Unterminated string/.test(message)) return false;
    const positionMatch = /position (\d+)/.exec(message);
    return positionMatch ? Number(positionMatch[1]) < prefix.length : true;
  }
}

function firstBadCharacter(text: string): number {
  let fine = 0;
  let failing = text.length;
  while (failing - fine > 1) {
    const middle = Math.floor((fine + failing) / 2);
    if (failsBeforeItsEnd(text.slice(0, middle))) failing = middle;
    else fine = middle;
  }
  return failing - 1;
}

export function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** The InputError for a file that could not be opened or read. */
export function fileAccessError(error: unknown, path: string): InputError {
  if (isErrorCode(error, 'ENOENT'))
    return new InputError({ key: 'ingest.file.notFound', params: { file: path } }, path);
  if (isErrorCode(error, 'ENOTREG'))
    return new InputError({ key: 'ingest.file.notRegular', params: { file: path } }, path);
  if (isErrorCode(error, 'EFBIG')) return new InputError({ key: 'ingest.file.tooLarge', params: { file: path } }, path);
  if (isErrorCode(error, 'EISDIR'))
    return new InputError({ key: 'ingest.file.isDirectory', params: { file: path } }, path);
  if (isErrorCode(error, 'EACCES') || isErrorCode(error, 'EPERM')) {
    return new InputError({ key: 'ingest.file.noPermission', params: { file: path } }, path);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError({ key: 'ingest.file.unreadable', params: { file: path, detail } }, path);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
