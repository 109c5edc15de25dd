// `init` through the built CLI (build first: npx tsc -p .). stdin is a pipe, as in a script.

import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './run-cli.js';

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
      '已在目录“acme”中写入 brand.json、orders.csv、traffic.csv、products.csv、customers.csv。',
    );
    expect((await readdir(join(folder, 'acme'))).sort()).toEqual([
      'brand.json',
      'customers.csv',
      'orders.csv',
      'products.csv',
      'traffic.csv',
    ]);
    const brand = JSON.parse(await readFile(join(folder, 'acme/brand.json'), 'utf8'));
    expect(brand).toMatchObject({
      name: '花溪美妆',
      category: 'beauty',
      ownAccounts: ['花溪美妆官方旗舰店', '花溪护肤研究所'],
    });
    const orders = await readFile(join(folder, 'acme/orders.csv'), 'utf8');
    expect(orders).toMatch(/^\ufeff订单号,订单创建时间,订单支付时间,.*,是否粉丝\r\n$/);
  });

  it('never replaces existing files without --force: exit 2 listing them all', async () => {
    const before = await readFile(join(folder, 'acme/brand.json'), 'utf8');
    const run = cli(['init', 'acme', '--yes', '--name', 'other', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'not replacing files that already exist in the folder "acme": brand.json, orders.csv, traffic.csv, products.csv, customers.csv. Pass --force to replace them.',
    );
    expect(await readFile(join(folder, 'acme/brand.json'), 'utf8')).toBe(before);
    const forced = cli(['init', 'acme', '--yes', '--name', 'other', '--headers', 'en', '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(join(folder, 'acme/brand.json'), 'utf8')).name).toBe('other');
    expect(await readFile(join(folder, 'acme/traffic.csv'), 'utf8')).toMatch(/^\ufefflive_id,account,start_time,/);
  });

  it('refuses an unknown category with exit 2', () => {
    const run = cli(['init', 'pets', '--yes', '--category', 'pets', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown category "pets"');
  });
});
