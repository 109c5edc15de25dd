// Reading and writing benchmarks.json. A file is validated against its schema before any brand
// is compared with it, and it is named by the hash of its bytes in every report that used it.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { BENCHMARKS_KIND, type BenchmarkFile } from './types.js';

export const BENCHMARKS_SCHEMA_URL = new URL('../../schema/benchmarks.schema.json', import.meta.url);

/** A hundred brands make a few hundred kilobytes; this is far beyond any real portfolio. */
const MAX_BENCHMARKS_BYTES = 32 * 1024 * 1024;

export interface LoadedBenchmarks {
  file: BenchmarkFile;
  /** sha256 of the file's bytes, first 16 hex digits (as the profile's hash). */
  hash: string;
}

export function benchmarksJson(file: BenchmarkFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function hashBytes(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_BENCHMARKS_BYTES) {
      throw new InputError({ key: 'benchmarks.tooLarge', params: { file: path } }, path);
    }
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const key =
      code === 'ENOENT' ? 'benchmarks.missing' : code === 'EISDIR' ? 'benchmarks.isFolder' : 'benchmarks.unreadable';
    throw new InputError({ key, params: { file: path, reason: code ?? String(error) } }, path);
  }
}

async function schemaProblems(value: unknown): Promise<string[]> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = JSON.parse(await readFile(BENCHMARKS_SCHEMA_URL, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: false, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error: { instancePath: string; message?: string; keyword: string }) =>
      `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  );
}

export async function loadBenchmarks(path: string): Promise<LoadedBenchmarks> {
  const bytes = await readBytes(path);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    throw new InputError({ key: 'benchmarks.notJson', params: { file: path, reason: (error as Error).message } }, path);
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind !== BENCHMARKS_KIND) {
    throw new InputError({ key: 'benchmarks.wrongKind', params: { file: path } }, path);
  }
  const problems = await schemaProblems(value);
  if (problems.length > 0) {
    throw new InputError({ key: 'benchmarks.invalid', params: { file: path, problem: problems[0]! } }, path);
  }
  return { file: value as BenchmarkFile, hash: hashBytes(bytes) };
}

/**
 * `benchmarks` in the consultant's `.stepsrc.json` (in the folder the tool runs from): a path
 * relative to that file. brand.json is not the place: it travels with one client's data, while a
 * benchmark is the consultant's own and shared by all their clients.
 */
export async function benchmarksFromConfig(cwd: string, configName: string): Promise<string | null> {
  const configPath = resolve(cwd, configName);
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new InputError(
      { key: 'benchmarks.configNotJson', params: { file: configPath, reason: (error as Error).message } },
      configPath,
    );
  }
  const entry = (value as { benchmarks?: unknown } | null)?.benchmarks;
  if (entry === undefined) return null;
  if (typeof entry !== 'string' || entry.trim() === '') {
    throw new InputError({ key: 'benchmarks.configBadPath', params: { file: configPath } }, configPath);
  }
  return resolve(dirname(configPath), entry);
}
