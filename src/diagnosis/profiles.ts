// Profiles: the thresholds a diagnosis is measured against, one JSON file per category.
// A report names the profile and the hash of its bytes, so two reports can be compared honestly.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { Profile, ProfileSelection, Threshold } from './types.js';

// Compiled, this file is dist/diagnosis/profiles.js; in tests it is src/diagnosis/profiles.ts.
// Both sit two levels below the package root.
const SHIPPED_DIR = new URL('../../templates/profiles/', import.meta.url);

export const DEFAULT_PROFILE = 'default';

/** brand.json categories as consultants write them, mapped to shipped profile names. */
const CATEGORY_ALIASES: Record<string, string> = {
  apparel: 'apparel',
  clothing: 'apparel',
  fashion: 'apparel',
  服饰: 'apparel',
  服装: 'apparel',
  女装: 'apparel',
  男装: 'apparel',
  童装: 'apparel',
  鞋服: 'apparel',
  beauty: 'beauty',
  cosmetics: 'beauty',
  美妆: 'beauty',
  美妆个护: 'beauty',
  化妆品: 'beauty',
  护肤: 'beauty',
  个护: 'beauty',
  food: 'food',
  食品: 'food',
  食品饮料: 'food',
  零食: 'food',
  生鲜: 'food',
  酒水: 'food',
  home: 'home',
  household: 'home',
  家居: 'home',
  家居日用: 'home',
  家纺: 'home',
  日用百货: 'home',
  jewelry: 'jewelry',
  jewellery: 'jewelry',
  珠宝: 'jewelry',
  珠宝饰品: 'jewelry',
  饰品: 'jewelry',
  黄金: 'jewelry',
  翡翠: 'jewelry',
  文玩: 'jewelry',
};

/**
 * The category a brand is grouped under when brands are compared: 零食, 食品 and food are one
 * category. Unknown categories keep their own (trimmed, lower-cased) name.
 */
export function canonicalCategory(category: string): string {
  const normalised = category.trim().toLowerCase();
  return Object.hasOwn(CATEGORY_ALIASES, normalised) ? CATEGORY_ALIASES[normalised]! : normalised;
}

export async function shippedProfileNames(): Promise<string[]> {
  const entries = await readdir(SHIPPED_DIR);
  return entries
    .filter((entry) => entry.endsWith('.json'))
    .map((entry) => entry.slice(0, -'.json'.length))
    .sort();
}

/**
 * Picks and reads the profile: the --profile option first, then brand.json's profile, then
 * brand.json's category, then the default. A value with a path separator or a .json ending is
 * a file (relative to the working directory); anything else is a shipped name.
 */
export async function loadProfile(
  nameOrPath: string | null,
  brandProfile: string | null,
  brandCategory: string | null = null,
): Promise<Profile> {
  if (nameOrPath) return loadNamedOrFile(nameOrPath, { by: 'option', unmatchedCategory: null });
  if (brandProfile) return loadNamedOrFile(brandProfile, { by: 'brand-profile', unmatchedCategory: null });
  if (brandCategory) {
    const matched = await profileForCategory(brandCategory);
    if (matched) return loadShipped(matched, { by: 'brand-category', unmatchedCategory: null });
    return loadShipped(DEFAULT_PROFILE, { by: 'default', unmatchedCategory: brandCategory });
  }
  return loadShipped(DEFAULT_PROFILE, { by: 'default', unmatchedCategory: null });
}

/** A shipped profile name for a category or name as people write it ("Jewelry", "美妆"), or null. */
export async function profileForCategory(category: string): Promise<string | null> {
  const normalised = category.trim().toLowerCase();
  const shipped = await shippedProfileNames();
  if (shipped.includes(normalised)) return normalised;
  return CATEGORY_ALIASES[normalised] ?? null;
}

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.toLowerCase().endsWith('.json');
}

async function loadNamedOrFile(value: string, selection: ProfileSelection): Promise<Profile> {
  if (looksLikePath(value)) return loadFile(value, value, selection);
  // A category word works as a name too (--profile 美妆), so brand.json may hold either.
  const shippedName = await profileForCategory(value);
  return loadShipped(shippedName ?? value, selection);
}

async function loadShipped(name: string, selection: ProfileSelection): Promise<Profile> {
  const shipped = await shippedProfileNames();
  if (!shipped.includes(name)) {
    throw new UserError({ key: 'diagnosis.profile.unknown', params: { name, shipped } });
  }
  const file = fileURLToPath(new URL(`${name}.json`, SHIPPED_DIR));
  return loadFile(file, name, selection);
}

async function loadFile(file: string, origin: string, selection: ProfileSelection): Promise<Profile> {
  const bytes = await readProfileBytes(file);
  const parsed = parseProfile(bytes, file);
  await requireDefaultKeys(parsed.thresholds, file);
  return {
    name: parsed.name ?? basename(file, extname(file)),
    hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    origin,
    description: parsed.description,
    thresholds: parsed.thresholds,
    selection,
  };
}

async function readProfileBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError({ key: 'diagnosis.profile.notFound', params: { file } });
    throw new UserError({ key: 'diagnosis.profile.unreadable', params: { file, code: code ?? 'EIO' } });
  }
}

interface ParsedProfile {
  name: string | null;
  description: { en: string; zh: string };
  thresholds: Record<string, Threshold>;
}

function parseProfile(bytes: Buffer, file: string): ParsedProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError({ key: 'diagnosis.profile.notJson', params: { file } });
  }
  if (!isRecord(raw)) throw new UserError({ key: 'diagnosis.profile.notObject', params: { file } });
  return {
    name: typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : null,
    description: parseDescription(raw.description, file),
    thresholds: parseThresholds(raw.thresholds, file),
  };
}

function parseDescription(raw: unknown, file: string): { en: string; zh: string } {
  if (!isRecord(raw) || typeof raw.en !== 'string' || typeof raw.zh !== 'string') {
    throw new UserError({ key: 'diagnosis.profile.badDescription', params: { file } });
  }
  return { en: raw.en, zh: raw.zh };
}

function parseThresholds(raw: unknown, file: string): Record<string, Threshold> {
  if (!isRecord(raw)) throw new UserError({ key: 'diagnosis.profile.noThresholds', params: { file } });
  const thresholds: Record<string, Threshold> = {};
  for (const [key, entry] of Object.entries(raw)) {
    thresholds[key] = parseThreshold(entry, key, file);
  }
  return thresholds;
}

function parseThreshold(raw: unknown, key: string, file: string): Threshold {
  if (!isRecord(raw) || typeof raw.value !== 'number' || !Number.isFinite(raw.value)) {
    throw new UserError({ key: 'diagnosis.profile.missingValue', params: { file, threshold: key } });
  }
  if (typeof raw.source !== 'string' || raw.source.trim() === '') {
    throw new UserError({ key: 'diagnosis.profile.missingSource', params: { file, threshold: key } });
  }
  const threshold: Threshold = { value: raw.value, source: raw.source };
  if (raw.max !== undefined) {
    if (typeof raw.max !== 'number' || !Number.isFinite(raw.max) || raw.max < raw.value) {
      throw new UserError({ key: 'diagnosis.profile.badMax', params: { file, threshold: key } });
    }
    threshold.max = raw.max;
  }
  if (typeof raw.note === 'string') threshold.note = raw.note;
  return threshold;
}

/**
 * Every rule reads its thresholds by key, so a profile must hold every key the default profile
 * holds (and a band wherever the default has one). Failing here names the file; failing later
 * would be a crash in the middle of a diagnosis.
 */
async function requireDefaultKeys(thresholds: Record<string, Threshold>, file: string): Promise<void> {
  const reference = await defaultThresholds();
  const missing = Object.keys(reference).filter((key) => thresholds[key] === undefined);
  if (missing.length > 0) {
    throw new UserError({ key: 'diagnosis.profile.missingThresholds', params: { file, thresholds: missing } });
  }
  const bandless = Object.keys(reference).filter(
    (key) => reference[key]!.max !== undefined && thresholds[key]!.max === undefined,
  );
  if (bandless.length > 0) {
    throw new UserError({ key: 'diagnosis.profile.missingMax', params: { file, thresholds: bandless } });
  }
}

let defaultThresholdsCache: Promise<Record<string, Threshold>> | null = null;

function defaultThresholds(): Promise<Record<string, Threshold>> {
  defaultThresholdsCache ??= readDefaultThresholds();
  return defaultThresholdsCache;
}

async function readDefaultThresholds(): Promise<Record<string, Threshold>> {
  const file = fileURLToPath(new URL(`${DEFAULT_PROFILE}.json`, SHIPPED_DIR));
  return parseProfile(await readProfileBytes(file), file).thresholds;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
