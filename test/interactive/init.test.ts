import { input, select } from '@inquirer/prompts';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInit, type InitEnv } from '../../src/cli/run-init.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import { UserError } from '../../src/errors.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { render, translator } from '../../src/i18n/index.js';
import { loadBrand } from '../../src/ingest/brand.js';
import { askInit, parseAccounts } from '../../src/interactive/init-flow.js';
import { rendered, scriptedPrompts, type Script, type ScriptedPrompts } from './prompts.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steps-init-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Captured extends InitEnv {
  lines: string[];
  scripted: ScriptedPrompts;
}

function env(isTerminal: boolean, script: Script = {}): Captured {
  const lines: string[] = [];
  const scripted = scriptedPrompts(script);
  return { isTerminal, prompts: async () => scripted, out: (line) => lines.push(line), lines, scripted };
}

async function refusal(run: Promise<void>): Promise<{ error: UserError; text: string }> {
  try {
    await run;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { error, text: render(allMessages, 'en', error.detail) };
  }
  throw new Error('expected a UserError');
}

const CATEGORIES = [
  { name: 'default', label: 'general', description: 'any category' },
  { name: 'apparel', label: 'apparel (服饰)', description: 'clothing' },
  { name: 'beauty', label: 'beauty and personal care (美妆个护)', description: 'high repurchase' },
];

describe('the init questions (real inquirer input and select)', () => {
  it('takes a typed name, a category picked from the list, and comma-separated accounts', async () => {
    const screens: string[] = [];
    const prompts = scriptedPrompts(
      { input: ['花溪美妆官方旗舰店，花溪护肤研究所, 花溪美妆官方旗舰店'] },
      {
        select: (config) => rendered(select, config, ['down', 'down', 'enter'], screens),
      },
    );
    // The first input (the name) goes through a real prompt, the second (accounts) is scripted.
    let firstInput = true;
    const scriptedInput = prompts.input;
    prompts.input = (config) => {
      if (!firstInput) return scriptedInput(config);
      firstInput = false;
      return rendered(input, config, [{ type: '花溪美妆' }, 'enter'], screens);
    };
    const answers = await askInit({ name: 'huaxi', category: 'default', ownAccounts: [] }, CATEGORIES, {
      prompts,
      t: translator(allMessages, 'en'),
    });
    expect(answers).toEqual({
      name: '花溪美妆',
      category: 'beauty',
      ownAccounts: ['花溪美妆官方旗舰店', '花溪护肤研究所'],
    });
    expect(screens[0]).toContain('Brand name');
    expect(screens[1]).toContain('Category (it picks the threshold profile)');
    expect(screens[1]).toContain('beauty · beauty and personal care (美妆个护)');
  });

  it('reads accounts separated by either comma or 、, without blanks or repeats', () => {
    expect(parseAccounts(' 店铺A，店铺B、店铺C,, 店铺A ')).toEqual(['店铺A', '店铺B', '店铺C']);
    expect(parseAccounts('')).toEqual([]);
  });
});

describe('init without a terminal', () => {
  it('never prompts: exit 2 naming the flags, and writes nothing', async () => {
    const { error, text } = await refusal(runInit(folder, { lang: 'en' }, env(false)));
    expect(error.exitCode).toBe(2);
    expect(text).toContain('--yes --name NAME --category CATEGORY --accounts "account 1,account 2"');
    expect(await readdir(folder)).toEqual([]);
  });

  it('writes brand.json and header-only CSV templates with --yes and flags', async () => {
    const quiet = env(false);
    await runInit(
      folder,
      { lang: 'zh', yes: true, name: '花溪美妆', category: '美妆', accounts: '花溪美妆官方旗舰店,花溪护肤研究所' },
      quiet,
    );
    expect((await readdir(folder)).sort()).toEqual([
      'brand.json',
      'customers.template.csv',
      'live-sessions.template.csv',
      'orders.template.csv',
      'products.template.csv',
    ]);
    const brand = await loadBrand(folder);
    expect(brand).toMatchObject({
      name: '花溪美妆',
      category: 'beauty',
      ownAccounts: ['花溪美妆官方旗舰店', '花溪护肤研究所'],
    });
    expect((await loadProfile(null, brand.profile, brand.category)).name).toBe('beauty');
    const traffic = await readFile(join(folder, 'live-sessions.template.csv'), 'utf8');
    expect(traffic.startsWith('\ufeff直播ID,账号,开播时间')).toBe(true);
    expect(traffic.endsWith('领券人数\r\n')).toBe(true);
    expect(traffic.split('\r\n')).toHaveLength(2);
    expect(quiet.lines[0]).toBe(
      `已在目录“${folder}”中写入 brand.json、orders.template.csv、live-sessions.template.csv、products.template.csv、customers.template.csv。`,
    );
  });

  it('writes English headers with --headers en, and takes the folder name and the default profile when flags are left out', async () => {
    await runInit(folder, { lang: 'zh', yes: true, headers: 'en' }, env(false));
    const orders = await readFile(join(folder, 'orders.template.csv'), 'utf8');
    expect(orders).toMatch(/^\ufefforder_id,order_time,paid_at,.*,is_fan\r\n$/);
    const brand = JSON.parse(await readFile(join(folder, 'brand.json'), 'utf8'));
    expect(brand.name).toMatch(/^steps-init-/);
    expect(brand.category).toBe('default');
    expect(brand.ownAccounts).toEqual([]);
  });

  it('refuses an unknown category, listing the profiles', async () => {
    const { text } = await refusal(runInit(folder, { lang: 'en', yes: true, category: 'pets' }, env(false)));
    expect(text).toBe('unknown category "pets": use one of apparel, beauty, default, food, home, jewelry.');
  });

  it('replaces nothing without --force, and names every file already there', async () => {
    await writeFile(join(folder, 'brand.json'), '{"name": "kept"}');
    await writeFile(join(folder, 'live-sessions.template.csv'), 'live_id,viewers\r\n');
    const { text } = await refusal(runInit(folder, { lang: 'en', yes: true, name: 'new' }, env(false)));
    expect(text).toBe(
      `not replacing files that already exist in the folder "${folder}": brand.json, live-sessions.template.csv. Pass --force to replace them.`,
    );
    expect(await readFile(join(folder, 'brand.json'), 'utf8')).toBe('{"name": "kept"}');
    expect((await readdir(folder)).sort()).toEqual(['brand.json', 'live-sessions.template.csv']);
    await runInit(folder, { lang: 'en', yes: true, name: 'new', force: true }, env(false));
    expect(JSON.parse(await readFile(join(folder, 'brand.json'), 'utf8')).name).toBe('new');
  });
});

describe('init in a terminal', () => {
  it('asks, with the flags given as defaults, and writes what was answered', async () => {
    const terminal = env(true, { input: ['山野零食', '山野零食旗舰店'], select: ['food'] });
    await runInit(folder, { lang: 'en', name: 'shanye', category: 'home' }, terminal);
    expect(terminal.scripted.asked).toEqual([
      { kind: 'input', message: 'Brand name', default: 'shanye' },
      {
        kind: 'select',
        message: 'Category (it picks the threshold profile)',
        default: 'home',
        choices: [
          'default · general',
          'apparel · apparel (服饰)',
          'beauty · beauty and personal care (美妆个护)',
          'food · food and drink (食品饮料)',
          'home · home and household (家居日用)',
          'jewelry · jewelry (珠宝饰品)',
        ],
      },
      {
        kind: 'input',
        message: 'Own live accounts, comma-separated, as the exports name them (leave empty if unsure)',
        default: '',
      },
    ]);
    const brand = JSON.parse(await readFile(join(folder, 'brand.json'), 'utf8'));
    expect(brand).toEqual({
      name: '山野零食',
      category: 'food',
      ownAccounts: ['山野零食旗舰店'],
      scores: { shopExperience: null, creatorReputation: null, product: null },
    });
    expect(terminal.lines[1]).toContain('Then run: steps-doctor validate');
  });
});
