import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosisMessages } from '../../src/diagnosis/engine.js';
import { profileMessages } from '../../src/diagnosis/messages.js';
import { loadProfile, shippedProfileNames } from '../../src/diagnosis/profiles.js';
import type { Profile } from '../../src/diagnosis/types.js';
import { UserError } from '../../src/errors.js';
import { render } from '../../src/i18n/index.js';

const PROFILE_DIR = fileURLToPath(new URL('../../templates/profiles/', import.meta.url));
const SHIPPED = ['apparel', 'beauty', 'default', 'food', 'home', 'jewelry'];

async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

function value(profile: Profile, key: string): number {
  const threshold = profile.thresholds[key];
  if (!threshold) throw new Error(`no threshold ${key}`);
  return threshold.value;
}

describe('shipped profiles', () => {
  it('are the default and the five categories', async () => {
    expect(await shippedProfileNames()).toEqual(SHIPPED);
  });

  it.each(SHIPPED)(
    '%s loads, with a value and a source on every threshold and a description in both languages',
    async (name) => {
      const profile = await loadProfile(name, null);
      expect(profile.name).toBe(name);
      expect(profile.origin).toBe(name);
      expect(profile.description.en.length).toBeGreaterThan(10);
      expect(profile.description.zh.length).toBeGreaterThan(5);
      const entries = Object.entries(profile.thresholds);
      expect(entries.length).toBeGreaterThan(40);
      for (const [key, threshold] of entries) {
        expect(Number.isFinite(threshold.value), key).toBe(true);
        expect(threshold.source.trim().length, key).toBeGreaterThan(0);
        if (threshold.max !== undefined) expect(threshold.max, key).toBeGreaterThanOrEqual(threshold.value);
      }
    },
  );

  it.each(SHIPPED)('%s holds exactly the thresholds of the default profile', async (name) => {
    const profile = await loadProfile(name, null);
    const reference = await loadProfile('default', null);
    expect(Object.keys(profile.thresholds).sort()).toEqual(Object.keys(reference.thresholds).sort());
  });

  it('carries the first 16 hex digits of the sha256 of its resolved thresholds as canonical JSON', async () => {
    const profile = await loadProfile('jewelry', null);
    const canonical = Object.keys(profile.thresholds)
      .sort()
      .map((key) => {
        const { max, note, source, value: target } = profile.thresholds[key]!;
        const fields: [string, unknown][] = [];
        if (max !== undefined) fields.push(['max', max]);
        if (note !== undefined) fields.push(['note', note]);
        fields.push(['source', source], ['value', target]);
        return [key, fields];
      });
    const expected = createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
    expect(profile.hash).toBe(expected);
    expect(profile.hash).toMatch(/^[0-9a-f]{16}$/);
    expect((await loadProfile('default', null)).hash).not.toBe(expected);
  });

  it.each(SHIPPED.filter((name) => name !== 'default'))(
    '%s extends the default and lists only thresholds whose value differs from it',
    async (name) => {
      const file = JSON.parse(await readFile(join(PROFILE_DIR, `${name}.json`), 'utf8'));
      const reference = await loadProfile('default', null);
      expect(file.extends).toBe('default');
      const listed = Object.keys(file.thresholds);
      expect(listed.length).toBeGreaterThan(5);
      expect(listed.length).toBeLessThan(20);
      for (const key of listed) {
        const entry = file.thresholds[key];
        const base = reference.thresholds[key]!;
        expect(entry.value !== base.value || entry.max !== base.max, `${name} ${key}`).toBe(true);
      }
    },
  );

  it('cites the public figures and marks everything else as an assumption', async () => {
    const profile = await loadProfile('default', null);
    const cited = (key: string) => profile.thresholds[key]!.source;
    expect(value(profile, 'E.creatorGmvYuan')).toBe(1_000_000);
    expect(cited('E.creatorGmvYuan')).toContain('100w+');
    expect(value(profile, 'S.avgStaySeconds')).toBe(60);
    expect(cited('S.avgStaySeconds')).not.toBe('assumption');
    expect(value(profile, 'stage.script.avgStayWeakSeconds')).toBe(45);
    expect(cited('stage.script.avgStayWeakSeconds')).toContain('45 s');
    expect(value(profile, 'P.platformRepurchase2020')).toBe(0.65);
    expect(cited('P.platformRepurchase2020')).toContain('2020');
    expect(value(profile, 'P.platformRepurchase2021')).toBe(0.7);
    expect(cited('P.platformRepurchase2021')).toContain('2021');
    expect(cited('E.creatorsWithSales')).toBe('assumption');
    expect(cited('T.roi')).toBe('assumption');
  });

  it('holds the levels, the STAGE item thresholds and platform score minimums on the 0-5 scale', async () => {
    const profile = await loadProfile('default', null);
    expect(value(profile, 'level.established')).toBe(70);
    expect(value(profile, 'level.emerging')).toBeLessThan(value(profile, 'level.developing'));
    expect(value(profile, 'level.developing')).toBeLessThan(value(profile, 'level.established'));
    expect(value(profile, 'level.established')).toBeLessThan(value(profile, 'level.strong'));
    expect(value(profile, 'stage.script.avgStaySeconds')).toBe(60);
    expect(value(profile, 'stage.script.peakToAvgOnlineMax')).toBe(2);
    expect(value(profile, 'stage.script.durationMinutes')).toBe(120);
    expect(value(profile, 'stage.assortment.distinctProducts')).toBe(5);
    expect(value(profile, 'stage.assortment.topProductShareMax')).toBe(0.6);
    expect(value(profile, 'stage.earlyWarmup.reservationRate')).toBe(0.05);
    expect(value(profile, 'stage.earlyWarmup.warmupVideos')).toBe(3);
    expect(profile.thresholds['T.paidShare']!.max).toBeGreaterThan(value(profile, 'T.paidShare'));
    for (const key of ['trust.shopExperience', 'trust.creatorReputation', 'trust.product', 'trust.critical']) {
      expect(value(profile, key)).toBeGreaterThan(0);
      expect(value(profile, key)).toBeLessThanOrEqual(5);
    }
    expect(value(profile, 'trust.critical')).toBeLessThan(value(profile, 'trust.shopExperience'));
  });

  it('differ by category the way a consultant expects, each difference marked as an assumption', async () => {
    const reference = await loadProfile('default', null);
    const [apparel, beauty, food, home, jewelry] = await Promise.all(
      ['apparel', 'beauty', 'food', 'home', 'jewelry'].map((name) => loadProfile(name, null)),
    );
    const base = (key: string) => value(reference, key);

    expect(value(jewelry!, 'S.uvValueYuan')).toBeGreaterThan(base('S.uvValueYuan'));
    expect(value(jewelry!, 'S.conversion')).toBeLessThan(base('S.conversion'));
    expect(value(food!, 'P.repeatBuyerRate')).toBeGreaterThan(base('P.repeatBuyerRate'));
    expect(value(apparel!, 'E.creatorsWithSales')).toBeGreaterThan(base('E.creatorsWithSales'));
    expect(value(apparel!, 'brand.refundRateMax')).toBeGreaterThan(base('brand.refundRateMax'));
    expect(value(beauty!, 'P.repeatBuyerRate')).toBeGreaterThan(base('P.repeatBuyerRate'));
    expect(value(beauty!, 'programme.shortVideoGmvShare')).toBeGreaterThan(base('programme.shortVideoGmvShare'));
    expect(value(home!, 'S.uvValueYuan')).toBeGreaterThan(base('S.uvValueYuan'));

    for (const profile of [apparel!, beauty!, food!, home!, jewelry!]) {
      for (const [key, threshold] of Object.entries(profile.thresholds)) {
        if (threshold.value !== base(key)) expect(threshold.source, `${profile.name} ${key}`).toBe('assumption');
      }
    }
  });
});

describe('choosing a profile', () => {
  it('takes --profile over brand.json, and brand.json profile over its category', async () => {
    const fromOption = await loadProfile('jewelry', 'food', 'beauty');
    expect(fromOption.name).toBe('jewelry');
    expect(fromOption.selection).toEqual({ by: 'option', unmatchedCategory: null });

    const fromBrand = await loadProfile(null, 'food', 'beauty');
    expect(fromBrand.name).toBe('food');
    expect(fromBrand.selection?.by).toBe('brand-profile');
  });

  it('picks the profile from the category in brand.json, in English or Chinese', async () => {
    expect((await loadProfile(null, null, '美妆')).name).toBe('beauty');
    expect((await loadProfile(null, null, 'Jewelry')).name).toBe('jewelry');
    expect((await loadProfile(null, null, '服饰')).name).toBe('apparel');
    const byCategory = await loadProfile(null, null, '食品饮料');
    expect(byCategory.name).toBe('food');
    expect(byCategory.selection).toEqual({ by: 'brand-category', unmatchedCategory: null });
  });

  it('accepts a category word as a profile name too', async () => {
    const profile = await loadProfile('美妆', null);
    expect(profile.name).toBe('beauty');
    expect(profile.origin).toBe('beauty');
    expect((await loadProfile(null, '珠宝')).name).toBe('jewelry');
  });

  it('falls back to the default profile for an unknown category, and remembers the category', async () => {
    const profile = await loadProfile(null, null, '宠物用品');
    expect(profile.name).toBe('default');
    expect(profile.selection).toEqual({ by: 'default', unmatchedCategory: '宠物用品' });
  });

  it('uses the default profile when nothing names one', async () => {
    const profile = await loadProfile(null, null);
    expect(profile.name).toBe('default');
    expect(profile.selection).toEqual({ by: 'default', unmatchedCategory: null });
  });

  it('rejects an unknown name, listing the shipped profiles in both languages', async () => {
    const error = await userErrorOf(loadProfile('luxury', null));
    expect(error.exitCode).toBe(2);
    expect(error.detail.key).toBe('diagnosis.profile.unknown');
    expect(error.detail.params?.shipped).toEqual(SHIPPED);
    expect(render(diagnosisMessages, 'en', error.detail)).toBe(
      'unknown profile "luxury": the shipped profiles are apparel, beauty, default, food, home, jewelry (or give the path of a profile file)',
    );
    expect(render(diagnosisMessages, 'zh', error.detail)).toContain('apparel、beauty、default、food、home、jewelry');
  });
});

describe('profile files', () => {
  let dir: string;
  let defaultJson: { name?: string; description: unknown; thresholds: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'steps-profiles-'));
    defaultJson = JSON.parse(await readFile(join(PROFILE_DIR, 'default.json'), 'utf8'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeProfile(fileName: string, content: unknown): Promise<string> {
    const file = join(dir, fileName);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  }

  function copyOfDefault(): typeof defaultJson {
    return JSON.parse(JSON.stringify(defaultJson));
  }

  it('loads a profile from a path, with its own name and hash', async () => {
    const custom = copyOfDefault();
    custom.name = 'acme-2024';
    custom.thresholds['T.roi'] = { value: 3.2, source: 'client contract, 2024' };
    const file = await writeProfile('acme.json', custom);
    const profile = await loadProfile(file, null);
    expect(profile.name).toBe('acme-2024');
    expect(profile.origin).toBe(file);
    expect(profile.thresholds['T.roi']).toEqual({ value: 3.2, source: 'client contract, 2024' });
    expect(profile.hash).not.toBe((await loadProfile('default', null)).hash);
  });

  it('names a profile without a name after its file', async () => {
    const custom = copyOfDefault();
    delete custom.name;
    const file = await writeProfile('strict-gate.json', custom);
    expect((await loadProfile(null, file)).name).toBe('strict-gate');
  });

  it('rejects a file that is not JSON, naming the file', async () => {
    const file = await writeProfile('broken.json', '{"name": "broken", ');
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({ key: 'diagnosis.profile.notJson', params: { file } });
    expect(render(diagnosisMessages, 'en', error.detail)).toContain(file);
  });

  it('rejects a threshold without a source, naming it', async () => {
    const custom = copyOfDefault();
    custom.thresholds['T.roi'] = { value: 3 };
    const file = await writeProfile('no-source.json', custom);
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({ key: 'diagnosis.profile.missingSource', params: { file, threshold: 'T.roi' } });
  });

  it('rejects a threshold without a numeric value, naming it', async () => {
    const custom = copyOfDefault();
    custom.thresholds['S.conversion'] = { value: '2%', source: 'assumption' };
    const file = await writeProfile('text-value.json', custom);
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({
      key: 'diagnosis.profile.missingValue',
      params: { file, threshold: 'S.conversion' },
    });
  });

  it('rejects a profile that lacks thresholds the rules read, listing them', async () => {
    const custom = copyOfDefault();
    delete custom.thresholds['E.heroProducts'];
    delete custom.thresholds['P.followRate'];
    const file = await writeProfile('partial.json', custom);
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail.key).toBe('diagnosis.profile.missingThresholds');
    expect(error.detail.params?.thresholds).toEqual(['E.heroProducts', 'P.followRate']);
  });

  it('rejects a band without its max', async () => {
    const custom = copyOfDefault();
    custom.thresholds['T.paidShare'] = { value: 0.2, source: 'assumption' };
    const file = await writeProfile('no-band.json', custom);
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({
      key: 'diagnosis.profile.missingMax',
      params: { file, thresholds: ['T.paidShare'] },
    });
  });

  it('raises only errors the CLI can render from profileMessages alone, in both languages', async () => {
    const custom = copyOfDefault();
    custom.thresholds['T.paidShare'] = { value: 0.5, max: 0.2, source: 'assumption' };
    const cases: (() => Promise<unknown>)[] = [
      () => loadProfile('luxury', null),
      () => loadProfile(join(dir, 'absent.json'), null),
      async () => loadProfile(await writeProfile('array.json', '[1, 2]'), null),
      async () => loadProfile(await writeProfile('no-description.json', { thresholds: {} }), null),
      async () => loadProfile(await writeProfile('no-thresholds.json', { description: { en: 'x', zh: 'x' } }), null),
      async () => loadProfile(await writeProfile('bad-max.json', custom), null),
    ];
    const keys: string[] = [];
    for (const attempt of cases) {
      const error = await userErrorOf(attempt());
      keys.push(error.detail.key);
      for (const lang of ['en', 'zh'] as const) {
        expect(render(profileMessages, lang, error.detail)).not.toMatch(/\{\w+\}/);
      }
    }
    expect(keys).toEqual([
      'diagnosis.profile.unknown',
      'diagnosis.profile.notFound',
      'diagnosis.profile.notObject',
      'diagnosis.profile.badDescription',
      'diagnosis.profile.noThresholds',
      'diagnosis.profile.badMax',
    ]);
  });

  it('extends the default with one override: the default values plus that one', async () => {
    const file = await writeProfile('one-override.json', {
      name: 'acme',
      extends: 'default',
      thresholds: { 'T.roi': { value: 3.2, source: 'client contract, 2024' } },
    });
    const profile = await loadProfile(file, null);
    const reference = await loadProfile('default', null);
    expect(profile.name).toBe('acme');
    expect(profile.description).toEqual(reference.description);
    expect(profile.thresholds['T.roi']).toEqual({ value: 3.2, source: 'client contract, 2024' });
    const { 'T.roi': changed, ...rest } = profile.thresholds;
    const { 'T.roi': original, ...referenceRest } = reference.thresholds;
    expect(changed).not.toEqual(original);
    expect(rest).toEqual(referenceRest);
    expect(Object.keys(profile.thresholds)).toEqual(Object.keys(reference.thresholds));
  });

  it('gives two files that resolve to the same values the same hash', async () => {
    const override = { 'S.conversion': { value: 0.05, source: 'assumption' } };
    const extending = await writeProfile('short.json', { extends: 'default', thresholds: override });
    const full = copyOfDefault();
    full.name = 'long';
    full.thresholds['S.conversion'] = override['S.conversion'];
    const written = await writeProfile('long.json', full);
    const [short, long] = await Promise.all([loadProfile(extending, null), loadProfile(written, null)]);
    expect(short.thresholds).toEqual(long.thresholds);
    expect(short.hash).toBe(long.hash);
    expect(short.hash).not.toBe((await loadProfile('default', null)).hash);
    const plain = await writeProfile('plain.json', { extends: 'default' });
    expect((await loadProfile(plain, null)).hash).toBe((await loadProfile('default', null)).hash);
  });

  it('extends a category profile or a file beside it, overrides applied in order', async () => {
    const base = await writeProfile('team-base.json', {
      extends: 'beauty',
      thresholds: { 'T.roi': { value: 2.5, source: 'team target' } },
    });
    const file = await writeProfile('team-client.json', {
      extends: './team-base.json',
      thresholds: { 'S.conversion': { value: 0.04, source: 'client brief' } },
    });
    const profile = await loadProfile(file, null);
    const beauty = await loadProfile('beauty', null);
    expect(base).toContain('team-base.json');
    expect(value(profile, 'T.roi')).toBe(2.5);
    expect(value(profile, 'S.conversion')).toBe(0.04);
    expect(value(profile, 'P.repeatBuyerRate')).toBe(value(beauty, 'P.repeatBuyerRate'));
    expect(profile.description).toEqual(beauty.description);
  });

  it('refuses a loop of extends, naming the files in it', async () => {
    await writeProfile('loop-a.json', { extends: './loop-b.json', thresholds: {} });
    const b = await writeProfile('loop-b.json', { extends: './loop-a.json', thresholds: {} });
    const error = await userErrorOf(loadProfile(b, null));
    expect(error.exitCode).toBe(2);
    expect(error.detail.key).toBe('diagnosis.profile.extendsCycle');
    expect(render(diagnosisMessages, 'en', error.detail)).toBe(
      `the profile file ${b} extends itself in a loop: loop-b.json → loop-a.json → loop-b.json`,
    );
    expect(render(diagnosisMessages, 'zh', error.detail)).toContain('循环');
  });

  it('refuses an unknown base, listing the shipped profiles', async () => {
    const file = await writeProfile('luxury-based.json', { extends: 'luxury', thresholds: {} });
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({
      key: 'diagnosis.profile.unknownBase',
      params: { file, base: 'luxury', shipped: SHIPPED },
    });
    expect(render(diagnosisMessages, 'en', error.detail)).toContain('apparel, beauty, default, food, home, jewelry');
  });

  it('refuses a base outside the profile folder, and reads nothing there', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'steps-outside-'));
    try {
      await writeFile(join(outside, 'base.json'), JSON.stringify(copyOfDefault()));
      for (const base of ['../base.json', join(outside, 'base.json'), '/etc/passwd.json']) {
        const file = await writeProfile('escape.json', { extends: base, thresholds: {} });
        const error = await userErrorOf(loadProfile(file, null));
        expect(error.detail, base).toEqual({ key: 'diagnosis.profile.extendsOutside', params: { file, base } });
      }
      const sub = join(dir, 'nested');
      await rm(sub, { recursive: true, force: true });
      await mkdir(sub);
      await symlink(join(outside, 'base.json'), join(sub, 'link.json'));
      const file = join(sub, 'linked.json');
      await writeFile(file, JSON.stringify({ extends: './link.json', thresholds: {} }));
      const error = await userErrorOf(loadProfile(file, null));
      expect(error.detail.key).toBe('diagnosis.profile.extendsOutside');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses an override of a threshold the base does not hold, naming it', async () => {
    const file = await writeProfile('typo.json', {
      extends: 'default',
      thresholds: { 'T.ROI': { value: 3, source: 'assumption' } },
    });
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({
      key: 'diagnosis.profile.unknownOverride',
      params: { file, base: 'default', thresholds: ['T.ROI'] },
    });
  });

  it('refuses an extends that is not a name', async () => {
    const file = await writeProfile('number-base.json', { extends: 3, thresholds: {} });
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({ key: 'diagnosis.profile.badExtends', params: { file } });
  });

  it('says when the file does not exist', async () => {
    const file = join(dir, 'missing.json');
    const error = await userErrorOf(loadProfile(file, null));
    expect(error.detail).toEqual({ key: 'diagnosis.profile.notFound', params: { file } });
    expect(render(diagnosisMessages, 'zh', error.detail)).toBe(`找不到配置文件：${file}`);
  });
});
