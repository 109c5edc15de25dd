// `init` through the built CLI (build first: npx tsc -p .). stdin is a pipe, as in a script.

import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli, type CliRun } from './run-cli.js';

let folder: string;

/** Chinese by LANG; stdin is a pipe, so the command must not prompt. */
function cli(args: string[]): CliRun {
  return runCli(args, { cwd: folder, env: { LANG: 'zh_CN.UTF-8' } });
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/run-init.js'))) throw new Error('build first: npx tsc -p .');
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-init-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('init', () => {
  it('without a terminal and without --yes: exit 2, naming the flags, writing nothing', () => {
    const run = cli(['init', 'acme']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--yes --name 名称 --category 类目 --accounts "账号1,账号2"');
    expect(existsSync(join(folder, 'acme'))).toBe(false);
  });

  it('with --yes and flags: brand.json from the flags and CSV templates with their header row only', async () => {
    const run = cli([
      'init',
      'acme',
      '--yes',
      '--name',
      '花溪美妆',
      '--category',
      'beauty',
      '--accounts',
      '花溪美妆官方旗舰店,花溪护肤研究所',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '已在目录“acme”中写入 brand.json、orders.template.csv、live-sessions.template.csv、products.template.csv、customers.template.csv。',
    );
    expect((await readdir(join(folder, 'acme'))).sort()).toEqual([
      'brand.json',
      'customers.template.csv',
      'live-sessions.template.csv',
      'orders.template.csv',
      'products.template.csv',
    ]);
    const brand = JSON.parse(await readFile(join(folder, 'acme/brand.json'), 'utf8'));
    expect(brand).toMatchObject({
      name: '花溪美妆',
      category: 'beauty',
      ownAccounts: ['花溪美妆官方旗舰店', '花溪护肤研究所'],
    });
    const orders = await readFile(join(folder, 'acme/orders.template.csv'), 'utf8');
    expect(orders).toMatch(/^\ufeff订单号,订单创建时间,订单支付时间,.*,是否粉丝\r\n$/);
  });

  it('never replaces existing files without --force: exit 2 listing them all', async () => {
    const before = await readFile(join(folder, 'acme/brand.json'), 'utf8');
    const run = cli(['init', 'acme', '--yes', '--name', 'other', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'not replacing files that already exist in the folder "acme": brand.json, orders.template.csv, live-sessions.template.csv, products.template.csv, customers.template.csv. Pass --force to replace them.',
    );
    expect(await readFile(join(folder, 'acme/brand.json'), 'utf8')).toBe(before);
    const forced = cli(['init', 'acme', '--yes', '--name', 'other', '--headers', 'en', '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(join(folder, 'acme/brand.json'), 'utf8')).name).toBe('other');
    expect(await readFile(join(folder, 'acme/live-sessions.template.csv'), 'utf8')).toMatch(
      /^\ufefflive_id,account,start_time,/,
    );
  });

  it('refuses an unknown category with exit 2', () => {
    const run = cli(['init', 'pets', '--yes', '--category', 'pets', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown category "pets"');
  });
});

/** The exports of an example brand, copied beside whatever is in `dir`. */
async function addExports(dir: string, brand: string): Promise<void> {
  for (const name of await readdir(join(EXAMPLES, brand))) {
    if (name.endsWith('.csv')) await copyFile(join(EXAMPLES, brand, name), join(folder, dir, name));
  }
}

describe.each(['en', 'zh'] as const)('init sets no trap for validate (%s)', (lang) => {
  const dir = `fresh-${lang}`;

  it('right after init: the templates are one note each, and the only problem is the missing orders export', () => {
    expect(cli(['init', dir, '--yes', '--lang', lang]).code).toBe(0);
    const run = cli(['validate', dir, '--lang', lang]);
    expect(run.code).toBe(2);
    const note = lang === 'en' ? ': a header-only template from init, never read' : '：init 生成的表头模板，不会被读取';
    for (const name of ['orders', 'live-sessions', 'products', 'customers']) {
      expect(run.stdout).toContain(`${join(dir, `${name}.template.csv`)}${note}`);
    }
    expect(run.stdout).not.toMatch(/no data rows|没有数据行/);
    const noOrders = lang === 'en' ? `${dir}: no orders export found.` : `${dir}：没有找到订单导出文件。`;
    expect(run.stderr.startsWith(`${lang === 'en' ? 'Error: ' : '错误：'}${noOrders}`)).toBe(true);
  });

  it('with the real exports beside the templates: ready to diagnose, exit 0, and diagnose runs', async () => {
    await addExports(dir, 'jiangnan-home');
    const run = cli(['validate', dir, '--lang', lang]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(lang === 'en' ? 'Ready to diagnose.' : '可以开始诊断。');
    expect(cli(['diagnose', dir, '--json', '--lang', lang]).code).toBe(0);
  });
});

describe.each(['en', 'zh'] as const)('a header-only export says what would fill it (%s)', (lang) => {
  const hints = {
    en: {
      orders: 'Export a period with orders, or remove the file.',
      products: 'Export the product list with its products in it, or remove the file.',
      customers: 'Export the customer list with its buyers in it, or remove the file.',
      traffic: 'Export the live sessions of a period the brand went live in, or remove the file.',
    },
    zh: {
      orders: '请导出有订单的时间段，或移除该文件。',
      products: '请导出含有商品的商品列表，或移除该文件。',
      customers: '请导出含有买家的客户列表，或移除该文件。',
      traffic: '请导出有开播的时间段的直播场次数据，或移除该文件。',
    },
  }[lang];
  const headers = {
    orders: '订单号,订单创建时间,订单支付时间,实付款',
    products: '商品ID,商品名称,售价',
    customers: '买家ID,是否粉丝,首单时间,累计订单数',
    traffic: '直播ID,账号,开播时间,观看人数',
  };

  it.each(Object.keys(hints) as (keyof typeof hints)[])('%s', async (kind) => {
    const dir = `header-only-${lang}-${kind}`;
    expect(cli(['init', dir, '--yes']).code).toBe(0);
    await addExports(dir, 'jiangnan-home');
    const file = join(folder, dir, `${kind}-empty.csv`);
    await writeFile(file, `${headers[kind]}\r\n`);
    // Beside a good export of its kind the empty one is set aside, not fatal: either way it is named with its hint.
    const run = cli(['validate', dir, '--lang', lang]);
    const problem = run.stdout
      .split('\n')
      .find((line) => line.includes(`${kind}-empty.csv`) && line.includes(hints[kind]));
    expect(problem).toBeDefined();
    for (const [other, hint] of Object.entries(hints)) if (other !== kind) expect(run.stdout).not.toContain(hint);
  });
});
