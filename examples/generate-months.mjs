#!/usr/bin/env node
// Writes examples/qingshan-coffee: one client over three months (2024-04 … 2024-06), for `trend`
// and month-over-month `diff`. Each month moves one thing a consultant can name: in May paid
// traffic brings more viewers at the same conversion and AOV; in June better scripts lift
// conversion, a 618 gift box lifts AOV a little, and a new hero product arrives with new creators.
// Seeded (examples/seeded-random.mjs), so two runs write byte-identical files on any machine.
//
//   node examples/generate-months.mjs

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './seeded-random.mjs';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'qingshan-coffee');
const SEED = 20240401;

const random = createRandom(SEED);

const OWN_ACCOUNT = '青山咖啡官方旗舰店';

/** price in fen; heroFrom: the month (0-based) creators start selling it. */
const PRODUCTS = [
  { id: '30718800011', name: '挂耳咖啡 10片装 中深烘', priceFen: 3990, heroFrom: 0 },
  { id: '30718800012', name: '冷萃咖啡液 12颗', priceFen: 5990, heroFrom: 0 },
  { id: '30718800013', name: '冻干速溶咖啡 24颗', priceFen: 6990, heroFrom: 0 },
  { id: '30718800014', name: '云南保山 咖啡豆 454g', priceFen: 8990, heroFrom: null },
  { id: '30718800015', name: '耶加雪菲 咖啡豆 227g', priceFen: 9900, heroFrom: null },
  { id: '30718800016', name: '手冲入门套装 滤杯+分享壶', priceFen: 15900, heroFrom: null },
  { id: '30718800017', name: '618 咖啡礼盒 冷萃+挂耳+马克杯', priceFen: 19900, heroFrom: 2 },
];

const CREATOR_NAMES = [
  '阿南爱咖啡',
  '小鹿的早餐桌',
  '老K咖啡馆',
  '糖糖的办公室',
  '木子好物',
  '七七手冲日记',
  '九月生活馆',
  '大刘测评',
  '甜豆豆严选',
  '野生咖啡师',
  '胖虎吃喝',
  '乐乐的下午茶',
  '小周好物推荐',
  '阿杰宿舍零食',
  '晴天咖啡日常',
  '木木家的餐桌',
  '七喜好物',
  '大白测评君',
  '糖果妈妈',
  '老王的早餐店',
  '小雨生活记',
  '阿花带货',
  '九九吃货',
  '甜橙好物',
  '胖丁严选',
  '乐活咖啡',
  '小葵的冰箱',
  '阿泽开箱',
  '木槿生活',
  '七彩好物社',
  '大鹏说咖啡',
  '糖心小屋',
  '老陈咖啡豆',
  '小满严选',
  '阿朵的日常',
  '九号咖啡馆',
  '甜甜圈好物',
  '胖胖熊吃喝',
  '乐享生活家',
  '小鱼推荐官',
  '阿宝开箱记',
  '木头咖啡',
  '七月严选',
  '大橘测评',
  '糖炒栗子',
  '老李好物',
  '小蓝的杯子',
  '阿鑫宝藏店',
];
const CREATORS = CREATOR_NAMES.map((name, index) => ({ id: String(5120000300 + index * 37), name }));

/**
 * The months and what moves in each. viewers: mean per session; conversion: buyers ÷ viewers;
 * creators: which creators sell that month (indexes into CREATORS).
 */
const MONTHS = [
  {
    year: 2024,
    month: 4,
    days: 30,
    sessions: 12,
    viewers: 6000,
    conversion: 0.012,
    spendPerViewer: 0.55,
    creators: [0, 30],
  },
  {
    year: 2024,
    month: 5,
    days: 31,
    sessions: 16,
    viewers: 7800,
    conversion: 0.012,
    spendPerViewer: 0.8,
    creators: [6, 38],
  },
  {
    year: 2024,
    month: 6,
    days: 30,
    sessions: 16,
    viewers: 7800,
    conversion: 0.0165,
    spendPerViewer: 0.8,
    creators: [10, 48],
  },
];

const pad2 = (value) => String(value).padStart(2, '0');

function timestamp(year, month, day, secondsOfDay) {
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  const seconds = secondsOfDay % 60;
  return `${year}-${pad2(month)}-${pad2(day)} ${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
}

function yuan(fen) {
  return (fen / 100).toFixed(2);
}

function csv(columns, rows) {
  const field = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [columns.join(','), ...rows.map((row) => columns.map((column) => field(row[column])).join(','))].join('\n') + '\n'
  );
}

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function liveId() {
  let id = '';
  for (let index = 0; index < 11; index++) id += random.pick(BASE62.split(''));
  return id;
}

let orderSerial = 0;
function orderId(year, month, day) {
  orderSerial += 1;
  return `${String(year).slice(2)}${pad2(month)}${pad2(day)}${String(7300000000000 + orderSerial * 7919).padStart(13, '0')}`;
}

const buyers = [];
/** A returning buyer more often each month, as the fan group grows. */
function buyerFor(monthIndex) {
  if (buyers.length > 50 && random.chance(0.12 + monthIndex * 0.06)) return random.pick(buyers);
  const id = String(8800000000 + buyers.length * 13 + random.int(0, 12));
  buyers.push(id);
  return id;
}

/** Session AOV stays put month to month except June's gift box: the mix is what moves it. */
function sessionProduct(monthIndex) {
  const weights = monthIndex === 2 ? [22, 22, 18, 12, 8, 6, 12] : [25, 25, 20, 14, 9, 7, 0];
  let target = random.next() * weights.reduce((total, weight) => total + weight, 0);
  for (let index = 0; index < weights.length; index++) {
    target -= weights[index];
    if (target < 0) return PRODUCTS[index];
  }
  return PRODUCTS[0];
}

function heroFor(monthIndex) {
  const heroes = PRODUCTS.filter((product) => product.heroFrom !== null && product.heroFrom <= monthIndex);
  return random.pick(heroes);
}

function line(fields) {
  return {
    order_id: fields.orderId,
    paid_at: fields.paidAt,
    商品ID: fields.product.id,
    product_name: fields.product.name,
    qty: fields.quantity,
    amount: yuan(fields.amountFen),
    status: '交易成功',
    seller: fields.seller,
    carrier: fields.carrier,
    creator_id: fields.creator?.id ?? '',
    creator_name: fields.creator?.name ?? '',
    account: fields.account ?? '',
    live_id: fields.liveId ?? '',
    buyer_id: fields.buyer,
    is_fan: fields.fan ? 'Y' : 'N',
  };
}

function generateMonth(config, monthIndex) {
  const orders = [];
  const sessions = [];
  const sessionDays = Array.from({ length: config.sessions }, (_, index) =>
    Math.min(config.days, 1 + Math.floor((index * config.days) / config.sessions) + random.int(0, 1)),
  );
  for (const day of sessionDays) {
    const id = liveId();
    const startSeconds = 19 * 3600 + 30 * 60 + random.int(0, 300);
    const durationSeconds = random.int(170, 200) * 60;
    const viewers = Math.round(config.viewers * random.between(0.85, 1.15));
    const buyerCount = Math.max(1, Math.round(viewers * config.conversion * random.between(0.93, 1.07)));
    const sessionBuyers = new Set();
    let gmvFen = 0;
    for (let index = 0; index < buyerCount; index++) {
      const product = sessionProduct(monthIndex);
      const buyer = buyerFor(monthIndex);
      sessionBuyers.add(buyer);
      const amountFen = product.priceFen;
      gmvFen += amountFen;
      orders.push(
        line({
          orderId: orderId(config.year, config.month, day),
          paidAt: timestamp(config.year, config.month, day, startSeconds + random.int(60, durationSeconds - 60)),
          product,
          quantity: 1,
          amountFen,
          seller: '自营',
          carrier: 'live',
          account: OWN_ACCOUNT,
          liveId: id,
          buyer,
          fan: random.chance(0.5 + monthIndex * 0.05),
        }),
      );
    }
    const adSpendFen = Math.round(viewers * config.spendPerViewer * random.between(0.9, 1.1) * 100);
    sessions.push({
      live_id: id,
      account: OWN_ACCOUNT,
      start_time: `${timestamp(config.year, config.month, day, startSeconds).replace(' ', 'T')}+08:00`,
      duration: `${Math.round(durationSeconds / 60)}分钟`,
      viewers,
      views: Math.round(viewers * random.between(1.5, 1.8)),
      peak_online: Math.round(viewers / 70),
      avg_online: Math.round(viewers / 120),
      avg_stay: random.int(62, 95),
      new_fans: Math.round(viewers * random.between(0.018, 0.026)),
      gmv: yuan(gmvFen),
      buyers: sessionBuyers.size,
      orders: buyerCount,
      ad_spend: yuan(adSpendFen),
      paid_share: (0.22 + monthIndex * 0.06 + random.between(-0.02, 0.02)).toFixed(3),
      short_video_viewers: Math.round(viewers * 0.07),
      reservations: Math.round(viewers * random.between(0.05, 0.08)),
      warmup_videos: random.int(3, 5),
      coupon_claims: Math.round(viewers * random.between(0.05, 0.07)),
    });
  }

  const [firstCreator, lastCreator] = config.creators;
  for (let index = firstCreator; index < lastCreator; index++) {
    const creator = CREATORS[index];
    const orderCount = Math.round(random.between(6, 60) * (index % 7 === 0 ? 3 : 1));
    for (let count = 0; count < orderCount; count++) {
      const day = random.int(1, config.days);
      const product = random.chance(0.8) ? heroFor(monthIndex) : random.pick(PRODUCTS.slice(0, 6));
      orders.push(
        line({
          orderId: orderId(config.year, config.month, day),
          paidAt: timestamp(config.year, config.month, day, random.int(9 * 3600, 23 * 3600)),
          product,
          quantity: 1,
          amountFen: Math.round(product.priceFen * 0.9),
          seller: '达人合作',
          carrier: random.chance(0.7) ? 'live' : 'shortVideo',
          creator,
          buyer: buyerFor(monthIndex),
          fan: false,
        }),
      );
    }
  }

  const shelfOrders = random.int(90, 130);
  for (let count = 0; count < shelfOrders; count++) {
    const day = random.int(1, config.days);
    const product = random.pick(PRODUCTS.slice(0, 6));
    orders.push(
      line({
        orderId: orderId(config.year, config.month, day),
        paidAt: timestamp(config.year, config.month, day, random.int(7 * 3600, 23 * 3600)),
        product,
        quantity: 1,
        amountFen: product.priceFen,
        seller: '自营',
        carrier: 'itemCard',
        buyer: buyerFor(monthIndex),
        fan: random.chance(0.4),
      }),
    );
  }
  orders.sort((a, b) => (a.paid_at < b.paid_at ? -1 : a.paid_at > b.paid_at ? 1 : 0));
  return { orders, sessions };
}

const ORDER_COLUMNS = [
  'order_id',
  'paid_at',
  '商品ID',
  'product_name',
  'qty',
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
const SESSION_COLUMNS = [
  'live_id',
  'account',
  'start_time',
  'duration',
  'viewers',
  'views',
  'peak_online',
  'avg_online',
  'avg_stay',
  'new_fans',
  'gmv',
  'buyers',
  'orders',
  'ad_spend',
  'paid_share',
  'short_video_viewers',
  'reservations',
  'warmup_videos',
  'coupon_claims',
];

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
writeFileSync(
  join(DIR, 'brand.json'),
  `${JSON.stringify({ name: '青山咖啡', category: 'food', profile: 'food', ownAccounts: [OWN_ACCOUNT] }, null, 2)}\n`,
);
MONTHS.forEach((config, monthIndex) => {
  const { orders, sessions } = generateMonth(config, monthIndex);
  const stamp = `${config.year}-${pad2(config.month)}`;
  writeFileSync(join(DIR, `orders_${stamp}.csv`), csv(ORDER_COLUMNS, orders));
  writeFileSync(join(DIR, `live_sessions_${stamp}.csv`), csv(SESSION_COLUMNS, sessions));
});
writeFileSync(
  join(DIR, 'products.csv'),
  csv(
    ['商品ID', '商品名称', '售价', '渠道特供'],
    PRODUCTS.map((product) => ({
      商品ID: product.id,
      商品名称: product.name,
      售价: yuan(product.priceFen),
      渠道特供: product.heroFrom === 2 ? '是' : '否',
    })),
  ),
);
process.stdout.write(`wrote ${DIR}\n`);
