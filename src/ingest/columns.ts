// columns.json: headers the tool does not know, mapped to canonical fields per kind:
// {"orders": {"付款金额": "amount"}}. It only adds aliases; it names no files, so it cannot
// make the tool read anything.

import { join } from 'node:path';
import { InputError } from '../errors.js';
import { fieldNames, normaliseHeader, type ExtraAliases } from './fields.js';
import { isPlainObject, lineOfJsonString, readJsonFile, type JsonFile } from './json-file.js';
import { INPUT_KINDS, type InputKind } from './types.js';

export const COLUMNS_FILE_NAME = 'columns.json';

/**
 * The column map from `columnsFile` (given by the user: a missing file is an error) or else
 * from columns.json in the client folder (optional).
 */
export async function loadColumnMap(dir: string, columnsFile: string | null | undefined): Promise<ExtraAliases> {
  const path = columnsFile ?? join(dir, COLUMNS_FILE_NAME);
  const file = await readJsonFile(path, columnsFile == null);
  if (file === undefined) return {};
  return parseColumnMap(file, path);
}

function isInputKind(value: string): value is InputKind {
  return (INPUT_KINDS as readonly string[]).includes(value);
}

export function parseColumnMap(file: JsonFile, path: string): ExtraAliases {
  if (!isPlainObject(file.value)) {
    throw new InputError({ key: 'ingest.columns.notObject', params: { file: path, line: '1' } }, path, 1);
  }
  const aliases: ExtraAliases = {};
  for (const [kindName, mapping] of Object.entries(file.value)) {
    const line = lineOfJsonString(file.text, kindName);
    if (!isInputKind(kindName)) {
      const params = { file: path, line: String(line), kind: kindName, kinds: [...INPUT_KINDS] };
      throw new InputError({ key: 'ingest.columns.unknownKind', params }, path, line);
    }
    if (!isPlainObject(mapping)) {
      throw new InputError({ key: 'ingest.columns.notObject', params: { file: path, line: String(line) } }, path, line);
    }
    aliases[kindName] = parseKindMapping(kindName, mapping, file.text, path);
  }
  return aliases;
}

function parseKindMapping(
  kind: InputKind,
  mapping: Record<string, unknown>,
  text: string,
  path: string,
): Map<string, string> {
  const valid = fieldNames(kind);
  const result = new Map<string, string>();
  for (const [header, target] of Object.entries(mapping)) {
    const line = lineOfJsonString(text, header);
    const field = typeof target === 'string' ? matchFieldName(valid, target) : null;
    if (field === null) {
      const params = { file: path, line: String(line), kind, header, field: String(target), fields: valid };
      throw new InputError({ key: 'ingest.columns.unknownField', params }, path, line);
    }
    result.set(normaliseHeader(header), field);
  }
  return result;
}

/** Exact name, or the same name in another case (`Amount`): the intent is unambiguous. */
function matchFieldName(valid: readonly string[], name: string): string | null {
  const trimmed = name.trim();
  if (valid.includes(trimmed)) return trimmed;
  return valid.find((field) => field.toLowerCase() === trimmed.toLowerCase()) ?? null;
}
