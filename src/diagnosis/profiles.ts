// Profiles: the thresholds a diagnosis is measured against, one JSON file per category.
// A category profile extends the default and lists only the thresholds that differ. A report
// names the profile and a hash of its resolved thresholds, so two reports can be compared honestly.

import { dataRecord, ownValue } from '../util/data-record.js';
import { readRegularFile } from '../util/regular-file.js';
import { createHash } from 'node:crypto';
import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
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
  return ownValue(CATEGORY_ALIASES, normalised) ?? null;
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
  const resolved = await resolveProfile(file, []);
  await requireDefaultKeys(resolved.thresholds, file);
  return {
    name: resolved.name ?? basename(file, extname(file)),
    hash: thresholdsHash(resolved.thresholds),
    origin,
    description: resolved.description,
    thresholds: resolved.thresholds,
    selection,
  };
}

interface ResolvedProfile {
  name: string | null;
  description: { en: string; zh: string };
  thresholds: Record<string, Threshold>;
}

/**
 * A profile with "extends" is its base with some thresholds replaced: each entry it lists
 * replaces the base's entry whole (value, band, source and note together), because a source
 * cites one value and must not outlive it. `chain` holds the files already being resolved.
 */
async function resolveProfile(file: string, chain: readonly string[]): Promise<ResolvedProfile> {
  const identity = await fileIdentity(file);
  if (chain.includes(identity)) {
    const loop = [...chain, identity].map((entry) => basename(entry));
    throw new UserError({ key: 'diagnosis.profile.extendsCycle', params: { file, chain: loop.join(' → ') } });
  }
  const parsed = parseProfile(await readProfileBytes(file), file);
  if (parsed.extends === null) {
    if (parsed.description === null) throw new UserError({ key: 'diagnosis.profile.badDescription', params: { file } });
    if (parsed.thresholds === null) throw new UserError({ key: 'diagnosis.profile.noThresholds', params: { file } });
    return { name: parsed.name, description: parsed.description, thresholds: parsed.thresholds };
  }
  const baseFile = await baseProfileFile(parsed.extends, file);
  const base = await resolveProfile(baseFile, [...chain, identity]);
  return {
    name: parsed.name,
    description: parsed.description ?? base.description,
    thresholds: overlay(base.thresholds, parsed.thresholds ?? dataRecord(), file, parsed.extends),
  };
}

/** The real path when the file exists, so a link and its target count as one file in a cycle. */
async function fileIdentity(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return resolve(file);
  }
}

/**
 * The file "extends" names: a shipped profile by name (or category word), or a file beside
 * the extending one. A base outside the extending file's folder is refused, so a profile
 * handed over by someone else cannot make the tool read an arbitrary file on this machine.
 */
async function baseProfileFile(base: string, file: string): Promise<string> {
  if (!looksLikePath(base)) {
    const shipped = await shippedProfileNames();
    const name = shipped.includes(base) ? base : await profileForCategory(base);
    if (name === null || !shipped.includes(name)) {
      throw new UserError({ key: 'diagnosis.profile.unknownBase', params: { file, base, shipped } });
    }
    return fileURLToPath(new URL(`${name}.json`, SHIPPED_DIR));
  }
  const folder = await fileIdentity(dirname(file));
  const candidate = await fileIdentity(resolve(dirname(file), base));
  const inside = relative(folder, candidate);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new UserError({ key: 'diagnosis.profile.extendsOutside', params: { file, base } });
  }
  return candidate;
}

function overlay(
  base: Record<string, Threshold>,
  overrides: Record<string, Threshold>,
  file: string,
  baseName: string,
): Record<string, Threshold> {
  // A key the base does not hold is a typo ("T.ROI") far more often than a new threshold, and
  // no rule would read it: saying so beats silently keeping the base value.
  const unknown = Object.keys(overrides).filter((key) => !Object.hasOwn(base, key));
  if (unknown.length > 0) {
    throw new UserError({
      key: 'diagnosis.profile.unknownOverride',
      params: { file, base: baseName, thresholds: unknown },
    });
  }
  const resolved = dataRecord<Threshold>();
  for (const key of Object.keys(base)) resolved[key] = ownValue(overrides, key) ?? base[key]!;
  return resolved;
}

/**
 * The first 16 hex digits of the sha256 of the resolved thresholds as canonical JSON (keys
 * sorted at every level): two files that resolve to the same values share a hash, however they
 * are written, and a change to a base changes the hash of every profile that extends it.
 */
function thresholdsHash(thresholds: Record<string, Threshold>): string {
  const canonical = Object.keys(thresholds)
    .sort()
    .map((key) => [key, canonicalThreshold(thresholds[key]!)]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}

function canonicalThreshold(threshold: Threshold): [string, unknown][] {
  const fields: [string, unknown][] = [];
  if (threshold.max !== undefined) fields.push(['max', threshold.max]);
  if (threshold.note !== undefined) fields.push(['note', threshold.note]);
  fields.push(['source', threshold.source], ['value', threshold.value]);
  return fields;
}

async function readProfileBytes(file: string): Promise<Buffer> {
  try {
    // A profile is a hand-written settings file: a megabyte is far beyond any real one.
    return await readRegularFile(file, 1024 * 1024);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError({ key: 'diagnosis.profile.notFound', params: { file } });
    throw new UserError({ key: 'diagnosis.profile.unreadable', params: { file, code: code ?? 'EIO' } });
  }
}

interface ParsedProfile {
  name: string | null;
  /** Null when the file leaves it to its base. */
  description: { en: string; zh: string } | null;
  extends: string | null;
  thresholds: Record<string, Threshold> | null;
}

function parseProfile(bytes: Buffer, file: string): ParsedProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError({ key: 'diagnosis.profile.notJson', params: { file } });
  }
  if (!isRecord(raw)) throw new UserError({ key: 'diagnosis.profile.notObject', params: { file } });
  const base = parseExtends(raw.extends, file);
  return {
    name: typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : null,
    extends: base,
    description: base !== null && raw.description === undefined ? null : parseDescription(raw.description, file),
    thresholds: base !== null && raw.thresholds === undefined ? null : parseThresholds(raw.thresholds, file),
  };
}

function parseExtends(raw: unknown, file: string): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new UserError({ key: 'diagnosis.profile.badExtends', params: { file } });
  }
  return raw.trim();
}

function parseDescription(raw: unknown, file: string): { en: string; zh: string } {
  if (!isRecord(raw) || typeof raw.en !== 'string' || typeof raw.zh !== 'string') {
    throw new UserError({ key: 'diagnosis.profile.badDescription', params: { file } });
  }
  return { en: raw.en, zh: raw.zh };
}

function parseThresholds(raw: unknown, file: string): Record<string, Threshold> {
  if (!isRecord(raw)) throw new UserError({ key: 'diagnosis.profile.noThresholds', params: { file } });
  const thresholds = dataRecord<Threshold>();
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
  return (await resolveProfile(file, [])).thresholds;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
