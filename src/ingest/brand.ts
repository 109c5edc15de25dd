// brand.json: optional facts about the brand. A missing file gives defaults (the folder name as
// the brand name); a broken one is an error naming the file, because silently diagnosing with
// the wrong own accounts or period would be worse than stopping.

import { realpathSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { MessageParams } from '../i18n/index.js';
import { isPlainObject, lineOfJsonString, readJsonFile, type JsonFile } from './json-file.js';
import type { BrandConfig } from './types.js';
import { parseDayBounds } from './values.js';

export const BRAND_FILE_NAME = 'brand.json';

export function defaultBrand(dir: string): BrandConfig {
  return {
    name: basename(resolve(dir)) || null,
    category: null,
    profile: null,
    period: null,
    ownAccounts: [],
    scores: { shopExperience: null, creatorReputation: null, product: null },
  };
}

export async function loadBrand(dir: string): Promise<BrandConfig> {
  const path = join(dir, BRAND_FILE_NAME);
  const file = await readJsonFile(path, true);
  if (file === undefined) return defaultBrand(dir);
  return parseBrand(file, path, dir);
}

class BrandReader {
  constructor(
    private readonly file: JsonFile,
    private readonly path: string,
  ) {}

  fail(key: string, params: MessageParams = {}): never {
    const line = typeof params.field === 'string' ? lineOfJsonString(this.file.text, params.field) : 1;
    throw new InputError({ key, params: { file: this.path, line: String(line), ...params } }, this.path, line);
  }

  optionalString(object: Record<string, unknown>, field: string): string | null {
    const value = object[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') this.fail('ingest.brand.notText', { field });
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  optionalScore(object: Record<string, unknown>, field: string): number | null {
    const value = object[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
      this.fail('ingest.brand.badScore', { field, value: JSON.stringify(value) });
    }
    return value;
  }
}

export function parseBrand(file: JsonFile, path: string, dir: string): BrandConfig {
  const reader = new BrandReader(file, path);
  const json = file.value;
  if (!isPlainObject(json)) return reader.fail('ingest.brand.notObject');
  const defaults = defaultBrand(dir);
  return {
    name: reader.optionalString(json, 'name') ?? defaults.name,
    category: reader.optionalString(json, 'category'),
    profile: readProfile(reader, json, dir),
    period: readPeriod(reader, json.period),
    ownAccounts: readOwnAccounts(reader, json.ownAccounts),
    selfBroadcastSince: reader.optionalString(json, 'selfBroadcastSince'),
    exportPassword: reader.optionalString(json, 'exportPassword'),
    scores: readScores(reader, json.scores),
  };
}

/**
 * A profile is a built-in name or a file. brand.json may travel with a client's data, so a
 * file must stay inside the client folder: it is returned as an absolute path after checking.
 */
function readProfile(reader: BrandReader, json: Record<string, unknown>, dir: string): string | null {
  const profile = reader.optionalString(json, 'profile');
  if (profile === null) return null;
  const looksLikePath = /[\\/]/.test(profile) || /\.json$/i.test(profile) || profile.startsWith('.');
  if (!looksLikePath) return profile;
  const root = resolve(dir);
  const target = resolve(root, profile);
  const fromRoot = relative(root, target);
  if (isAbsolute(profile) || fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    reader.fail('ingest.brand.profileOutside', { field: 'profile', value: profile });
  }
  // The text stays inside, but a symbolic link inside the folder may still lead out of it.
  if (!isInside(realPathOrNull(root), realPathOrNull(target))) {
    reader.fail('ingest.brand.profileOutside', { field: 'profile', value: profile });
  }
  return target;
}

/** null when the file is not there: loading the profile then reports it missing. */
function realPathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function isInside(root: string | null, target: string | null): boolean {
  if (root === null || target === null) return true;
  const fromRoot = relative(root, target);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
}

function readPeriod(reader: BrandReader, value: unknown): BrandConfig['period'] {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value) || typeof value.from !== 'string' || typeof value.to !== 'string') {
    return reader.fail('ingest.brand.badPeriod', { field: 'period', value: JSON.stringify(value) });
  }
  const from = parseDayBounds(value.from);
  const to = parseDayBounds(value.to);
  if (!from || !to || to.endMs < from.startMs) {
    reader.fail('ingest.brand.badPeriod', { field: 'period', value: `${value.from}..${value.to}` });
  }
  return { from: value.from.trim(), to: value.to.trim() };
}

/** Ids as text. A JSON number beyond 2^53 has already lost digits, so it is refused. */
function readOwnAccounts(reader: BrandReader, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return reader.fail('ingest.brand.badOwnAccounts', { field: 'ownAccounts' });
  return value.map((item) => {
    if (typeof item === 'string' && item.trim() !== '') return item.trim();
    if (typeof item === 'number' && Number.isSafeInteger(item)) return String(item);
    if (typeof item === 'number')
      reader.fail('ingest.brand.unsafeAccountId', { field: 'ownAccounts', value: String(item) });
    return reader.fail('ingest.brand.badOwnAccounts', { field: 'ownAccounts' });
  });
}

function readScores(reader: BrandReader, value: unknown): BrandConfig['scores'] {
  if (value === undefined || value === null) return defaultBrand('.').scores;
  if (!isPlainObject(value)) return reader.fail('ingest.brand.badScores', { field: 'scores' });
  return {
    shopExperience: reader.optionalScore(value, 'shopExperience'),
    creatorReputation: reader.optionalScore(value, 'creatorReputation'),
    product: reader.optionalScore(value, 'product'),
  };
}

/** brand.json's period as epoch-ms bounds (both days inclusive), or null. */
export function brandPeriodBounds(brand: BrandConfig): { fromMs: number; toMs: number } | null {
  if (!brand.period) return null;
  const from = parseDayBounds(brand.period.from);
  const to = parseDayBounds(brand.period.to);
  if (!from || !to) return null;
  return { fromMs: from.startMs, toMs: to.endMs };
}
