#!/usr/bin/env node
// A service provider's portfolio for peer benchmarks: 24 client folders in three categories and
// several GMV bands, June 2024, from one fixed seed (two runs write byte-identical files).
//
//   node examples/generate-portfolio.mjs <folder>      (default: examples/.portfolio, git-ignored)
//
// The folders are small (a few hundred orders each) so a whole batch runs in seconds; they are
// written on demand rather than committed, because the benchmark only needs their reports.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './seeded-random.mjs';

const SEED = 20240630;

// Each brand: name, category, orders in the month, typical order value (yuan), creator share of
// orders, own sessions in the month, and paid traffic per session (yuan, 0 = none).
const BRANDS = [
  ['果然鲜', 'food', 260, 45, 0.7, 4, 0],
  ['麦香坊', 'food', 420, 38, 0.6, 8, 300],
  ['一口酥', 'food', 380, 52, 0.8, 2, 0],
  ['茶语山房', 'food', 900, 88, 0.5, 12, 900],
  ['谷物说', 'food', 650, 66, 0.55, 10, 600],
  ['蜜思果', 'food', 1200, 79, 0.45, 18, 1500],
  ['辣小妹', 'food', 1500, 69, 0.5, 20, 2000],
  ['山里红', 'food', 700, 58, 0.65, 6, 200],
  ['鲜稻记', 'food', 1100, 95, 0.4, 22, 1800],
  ['小胖墩零食', 'food', 320, 35, 0.75, 3, 0],
  ['玉肌坊', 'beauty', 500, 160, 0.6, 10, 1200],
  ['青柠研究所', 'beauty', 800, 189, 0.5, 16, 2500],
  ['素颜日记', 'beauty', 300, 129, 0.7, 5, 400],
  ['花漾', 'beauty', 1300, 219, 0.45, 24, 4000],
  ['水光肌', 'beauty', 650, 149, 0.55, 12, 1500],
  ['芸萃', 'beauty', 950, 199, 0.5, 18, 3000],
  ['柔肤记', 'beauty', 420, 139, 0.65, 8, 600],
  ['初妍', 'beauty', 1100, 259, 0.4, 20, 3500],
  ['暖居', 'home', 380, 329, 0.6, 6, 800],
  ['简木生活', 'home', 520, 399, 0.5, 10, 1500],
  ['棉麻记', 'home', 260, 259, 0.7, 4, 0],
  ['净立方', 'home', 700, 459, 0.45, 14, 2500],
  ['竹语家纺', 'home', 450, 299, 0.55, 8, 1000],
  ['小院子', 'home', 600, 359, 0.5, 12, 2000],
];

const JUNE_START = Date.UTC(2024, 5, 1) - 8 * 3600_000; // 2024-06-01 00:00 in UTC+8
const DAY = 86_400_000;

function shanghaiTime(ms) {
  const local = new Date(ms + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

function csv(columns, rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[columns, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

function yuan(fen) {
  return (fen / 100).toFixed(2);
}

function brandFolder(root, index, spec) {
  const [name, category, orderCount, orderValue, creatorShare, sessionCount, spendPerSession] = spec;
  const random = createRandom(SEED + index * 7919);
  const account = `${name}官方旗舰店`;
  const creators = Array.from({ length: Math.max(3, Math.round(orderCount / 40)) }, (_, i) => ({
    id: String(3_000_000_000 + index * 10_000 + i),
    name: `${name}好物推荐${i + 1}`,
    weight: 1 / (i + 1),
  }));
  const creatorWeight = creators.reduce((sum, creator) => sum + creator.weight, 0);
  const pickCreator = () => {
    let roll = random.next() * creatorWeight;
    for (const creator of creators) {
      roll -= creator.weight;
      if (roll <= 0) return creator;
    }
    return creators[creators.length - 1];
  };
  const sessions = Array.from({ length: sessionCount }, (_, i) => {
    const day = Math.floor(((i + 0.5) * 30) / Math.max(1, sessionCount));
    const start = JUNE_START + day * DAY + 19 * 3600_000 + random.int(0, 1800) * 1000;
    return { id: `L${index}x${i}`, start, end: start + random.int(90, 240) * 60_000, gmvFen: 0, buyers: new Set() };
  });
  const buyers = Array.from({ length: Math.round(orderCount * 0.8) }, (_, i) =>
    String(7_000_000_000 + index * 100_000 + i),
  );
  const products = Array.from({ length: random.int(4, 14) }, (_, i) => ({
    id: String(20_000_000 + index * 100 + i),
    name: `${name} 单品${i + 1}`,
  }));

  const orderRows = [];
  for (let i = 0; i < orderCount; i++) {
    const fromCreator = random.chance(creatorShare);
    const session = !fromCreator && sessions.length > 0 && random.chance(0.7) ? random.pick(sessions) : null;
    const paidAt = session
      ? session.start + random.int(60, 5400) * 1000
      : JUNE_START + random.int(0, 30 * 86_399) * 1000;
    const amountFen = Math.round(orderValue * random.between(0.6, 1.5) * 100);
    const buyer = random.pick(buyers);
    if (session) {
      session.gmvFen += amountFen;
      session.buyers.add(buyer);
    }
    const creator = fromCreator ? pickCreator() : null;
    const product = random.pick(products);
    orderRows.push([
      String(2406_0000_0000_0000 + index * 1_000_000 + i),
      shanghaiTime(paidAt),
      product.id,
      product.name,
      1,
      yuan(amountFen),
      '交易成功',
      fromCreator ? '分销' : '自营',
      session ? 'live' : fromCreator ? random.pick(['live', 'shortVideo']) : 'itemCard',
      creator?.id ?? '',
      creator?.name ?? '',
      session ? account : '',
      session?.id ?? '',
      buyer,
      random.chance(0.4) ? 'Y' : 'N',
    ]);
  }
  const trafficRows = sessions.map((session) => {
    const viewers = Math.max(200, Math.round((session.gmvFen / 100 / orderValue) * random.between(40, 90)));
    const spendFen = spendPerSession > 0 ? Math.round(spendPerSession * random.between(0.7, 1.3) * 100) : 0;
    return [
      session.id,
      account,
      shanghaiTime(session.start),
      shanghaiTime(session.end),
      viewers,
      Math.round(viewers * random.between(0.01, 0.04)),
      yuan(session.gmvFen),
      session.buyers.size,
      session.buyers.size,
      yuan(spendFen),
      spendFen > 0 ? Math.round(viewers * random.between(0.15, 0.45)) : 0,
      random.int(35, 120),
    ];
  });

  const folder = join(root, `client-${String(index + 1).padStart(2, '0')}`);
  mkdirSync(folder, { recursive: true });
  const brand = {
    name,
    category,
    period: { from: '2024-06-01', to: '2024-06-30' },
    ownAccounts: [account],
    scores: {
      shopExperience: Number(random.between(4.2, 4.9).toFixed(1)),
      creatorReputation: Number(random.between(4.4, 4.9).toFixed(1)),
      product: Number(random.between(4.4, 4.9).toFixed(1)),
    },
  };
  writeFileSync(join(folder, 'brand.json'), `${JSON.stringify(brand, null, 2)}\n`);
  const orderColumns = [
    'order_id',
    'paid_at',
    'product_id',
    'product_name',
    'quantity',
    'amount',
    'status',
    'seller',
    'carrier',
    'creator_id',
    'creator_name',
    'account',
    'live_id',
    'buyer_id',
    'is_fan',
  ];
  writeFileSync(join(folder, 'orders.csv'), csv(orderColumns, orderRows));
  const trafficColumns = [
    'live_id',
    'account',
    'start_time',
    'end_time',
    'viewers',
    'new_fans',
    'gmv',
    'buyers',
    'orders',
    'ad_spend',
    'paid_viewers',
    'avg_stay',
  ];
  if (trafficRows.length > 0) writeFileSync(join(folder, 'traffic.csv'), csv(trafficColumns, trafficRows));
}

export function generatePortfolio(root) {
  rmSync(root, { recursive: true, force: true });
  BRANDS.forEach((spec, index) => brandFolder(root, index, spec));
  return BRANDS.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '.portfolio'));
  const count = generatePortfolio(root);
  process.stdout.write(`${count} client folders in ${root}\n`);
}
