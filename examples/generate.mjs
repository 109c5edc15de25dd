#!/usr/bin/env node
// Writes the example client folders under examples/: one brand per point of the STEPS path.
// Every number comes from a seeded generator, so two runs write byte-identical files:
// no clock, no Math.random, and each brand has its own seed so editing one leaves the others alone.
//
//   node examples/generate.mjs

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { createRandom } from './seeded-random.mjs';

const EXAMPLES_DIR = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Time: seconds from 2024-06-01 00:00 Shanghai wall clock. Dates are built with Date.UTC and read
// back with getUTC* so the machine's time zone never leaks into the files.

const PERIOD_START_MS = Date.UTC(2024, 5, 1);
const PERIOD_DAYS = 30;
const DAY_SECONDS = 86400;

function atDay(day, hour, minute = 0, second = 0) {
  return (day - 1) * DAY_SECONDS + hour * 3600 + minute * 60 + second;
}

function dateParts(offsetSeconds) {
  const date = new Date(PERIOD_START_MS + offsetSeconds * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

const pad2 = (value) => String(value).padStart(2, '0');

/** styles: dash `2024-06-18 20:15:03`, slash `2024/6/18 20:15`, iso `2024-06-18T20:15:03+08:00`, date `2024-06-18`. */
function formatTime(offsetSeconds, style = 'dash') {
  const p = dateParts(offsetSeconds);
  const date = `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
  const clock = `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
  if (style === 'slash') return `${p.year}/${p.month}/${p.day} ${p.hour}:${pad2(p.minute)}`;
  if (style === 'iso') return `${date}T${clock}+08:00`;
  if (style === 'date') return date;
  return `${date} ${clock}`;
}

/** 0 = Sunday. 2024-06-01 was a Saturday. */
function weekdayOf(day) {
  return (day + 5) % 7;
}

// Kuaishou's mid-year festival peaks on 618; the days before it build up, the days after slump.
const FESTIVAL_LIFT = { 1: 1.2, 15: 1.3, 16: 1.5, 17: 1.9, 18: 3.0, 19: 0.85, 20: 0.85 };

function dayWeight(day) {
  const weekday = weekdayOf(day);
  const weekend = weekday === 0 || weekday === 6 ? 1.3 : 1;
  return weekend * (FESTIVAL_LIFT[day] ?? 1);
}

const DAY_ENTRIES = Array.from({ length: PERIOD_DAYS }, (_, index) => [index + 1, dayWeight(index + 1)]);

// Hours at which orders land, per carrier: creators go live in the evening (some at noon),
// short videos sell through the day, product cards around the clock.
const HOUR_WEIGHTS = {
  live: [
    [12, 1],
    [13, 1],
    [19, 3],
    [20, 5],
    [21, 5],
    [22, 3],
    [23, 1],
  ],
  shortVideo: [
    [8, 1],
    [10, 1],
    [12, 2],
    [13, 2],
    [17, 1],
    [18, 2],
    [19, 2],
    [20, 3],
    [21, 3],
    [22, 3],
    [23, 2],
  ],
  itemCard: [
    [0, 1],
    [8, 1],
    [9, 1],
    [10, 2],
    [11, 2],
    [12, 2],
    [14, 2],
    [15, 2],
    [16, 2],
    [19, 2],
    [20, 3],
    [21, 3],
    [22, 3],
    [23, 2],
  ],
};

function randomMoment(random, carrier) {
  const day = random.weighted(DAY_ENTRIES);
  const hour = random.weighted(HOUR_WEIGHTS[carrier]);
  return atDay(day, hour, random.int(0, 59), random.int(0, 59));
}

// ---------------------------------------------------------------------------------------------
// Money and number formatting. Money is integer fen until it is written.

function groupThousands(integerText) {
  return integerText.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** options: symbol ('' | '¥' | '￥'), grouping, decimals ('always' | 'auto'). */
function formatYuan(fen, { symbol = '', grouping = false, decimals = 'always' } = {}) {
  const whole = String(Math.floor(fen / 100));
  const cents = pad2(fen % 100);
  const integerText = grouping ? groupThousands(whole) : whole;
  if (decimals === 'auto' && fen % 100 === 0) return `${symbol}${integerText}`;
  return `${symbol}${integerText}.${cents}`;
}

function roundToDime(fen) {
  return Math.round(fen / 10) * 10;
}

function formatPercent(fraction) {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** styles: hm `3小时25分`, minutes `205分钟`, clock `03:25:00`, seconds `12300`. */
function formatDuration(seconds, style) {
  const minutes = Math.round(seconds / 60);
  if (style === 'minutes') return `${minutes}分钟`;
  if (style === 'seconds') return String(seconds);
  if (style === 'clock') {
    return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes}分钟`;
  return `${hours}小时${minutes % 60}分`;
}

/** styles: ms `1分23秒` (`52秒` under a minute), seconds `83`. */
function formatStay(seconds, style) {
  if (style === 'seconds') return String(seconds);
  if (seconds < 60) return `${seconds}秒`;
  return `${Math.floor(seconds / 60)}分${seconds % 60}秒`;
}

// ---------------------------------------------------------------------------------------------
// CSV writing

function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  if (/[",\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * columns: [header, (record) => value] pairs. options: eol, bom, encoding ('utf-8' | 'gb18030'),
 * titleLines (raw lines written above the header, as some exports do).
 */
function renderCsv(columns, records, { eol = '\n', bom = false, encoding = 'utf-8', titleLines = [] } = {}) {
  const lines = [...titleLines];
  lines.push(columns.map(([header]) => csvField(header)).join(','));
  for (const record of records) {
    lines.push(columns.map(([, valueOf]) => csvField(valueOf(record))).join(','));
  }
  const text = lines.join(eol) + eol;
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
}

function writeJson(path, value) {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

const CARRIER_ZH = { live: '直播间', shortVideo: '短视频', itemCard: '商品卡', other: '其他' };

// ---------------------------------------------------------------------------------------------
// Names and ids

const NICK_HEADS = ['小', '阿', '大', '老', '胖', '甜', '野', '乐', '七', '九', '木', '糖'];
const NICK_CORES = [
  '琳',
  '梅',
  '杰',
  '娜',
  '芳',
  '强',
  '燕',
  '涛',
  '婷',
  '鹏',
  '雪',
  '军',
  '桃',
  '橙',
  '鱼',
  '豆',
  '米',
  '柚',
];
const NICK_TAILS = {
  food: [
    '爱喝茶',
    '的茶话会',
    '严选好茶',
    '生活馆',
    '吃货日记',
    '带你逛',
    '好物分享',
    '的下午茶',
    '家乡特产',
    '很会挑',
  ],
  beauty: [
    '说美妆',
    '的护肤日记',
    '美妆严选',
    '爱分享',
    '变美研究所',
    '好物推荐',
    '的化妆间',
    '种草记',
    '测评室',
    '带你美',
  ],
  home: ['家居日记', '的小家', '好物分享', '生活家', '收纳达人', '严选家居', '爱布置', '的新家', '居家好物', '实测'],
};

function makeNicknames(random, category, count) {
  const names = new Set();
  while (names.size < count) {
    let name = random.pick(NICK_HEADS) + random.pick(NICK_CORES) + random.pick(NICK_TAILS[category]);
    if (random.chance(0.15)) name += random.pick(['👑', '~', '呀', '姐', '哥', '2号']);
    names.add(name);
  }
  return [...names];
}

function makeUniqueIds(random, count, length, taken = new Set()) {
  const ids = [];
  while (ids.length < count) {
    const id = random.digits(length);
    if (taken.has(id)) continue;
    taken.add(id);
    ids.push(id);
  }
  return ids;
}

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function makeLiveId(random) {
  let id = '';
  for (let index = 0; index < 11; index += 1) id += random.pick(BASE62);
  return id;
}

// ---------------------------------------------------------------------------------------------
// The simulation: products, creators, own sessions and order lines, independent of file layout.

/**
 * Builds the creator roster: one top creator holding `topShare` of creator GMV, the rest on a
 * power-law tail, each carrying the hero products and a few others.
 */
function buildCreators(random, config, products) {
  const { count, topShare, decay } = config.creators;
  const names = makeNicknames(random, config.nickCategory, count);
  const ids = makeUniqueIds(random, count, 10);
  let tailTotal = 0;
  for (let rank = 2; rank <= count; rank += 1) tailTotal += rank ** -decay;

  const heroes = products.filter((product) => product.hero);
  const others = products.filter((product) => !product.hero && !product.selfOnly);
  return names.map((name, index) => {
    const rank = index + 1;
    const weight = rank === 1 ? topShare : ((1 - topShare) * rank ** -decay) / tailTotal;
    const carried = heroes.filter(() => rank === 1 || random.chance(0.8));
    // Beyond the heroes a creator carries one or two other products, often none.
    const extraCount = random.weighted([
      [0, 4],
      [1, 4],
      [2, 2],
    ]);
    for (const product of random.shuffle(others).slice(0, extraCount)) carried.push(product);
    if (carried.length === 0) carried.push(random.pick(heroes));
    if (config.creators.exclusiveCarriers && rank <= config.creators.exclusiveCarriers) {
      for (const product of products.filter((item) => item.exclusive)) carried.push(product);
    }
    return { id: ids[index], name, weight, carried };
  });
}

function pickProduct(random, products, focusProduct = null) {
  if (focusProduct && random.chance(0.75)) return focusProduct;
  return random.weighted(products.map((product) => [product, product.popularity * (product.hero ? 3 : 1)]));
}

function pickQuantity(random, config) {
  return random.weighted(config.quantities);
}

/** Paid amount: list price × quantity, less a coupon; deeper coupons around 618. */
function paidAmount(random, product, quantity, moment) {
  const day = dateParts(moment).day;
  const festival = day >= 15 && day <= 18 ? 0.1 : 0;
  const coupon =
    random.weighted([
      [0, 5],
      [0.05, 3],
      [0.1, 2],
    ]) + festival;
  return roundToDime(product.priceFen * quantity * (1 - coupon));
}

function makeLine(random, config, fields) {
  const quantity = fields.quantity ?? pickQuantity(random, config);
  const amountFen = paidAmount(random, fields.product, quantity, fields.paidAt);
  return {
    orderId: null,
    buyerId: null,
    isFan: null,
    closed: false,
    unpaid: false,
    refundFen: 0,
    afterSale: '',
    refundBlank: false,
    creatorId: null,
    creatorName: null,
    leaderId: null,
    superLink: false,
    account: null,
    liveId: null,
    ...fields,
    quantity,
    amountFen,
    createdAt: fields.paidAt - random.int(5, 240),
  };
}

/**
 * A share of lines never completes: unpaid orders that timed out or were cancelled. They are
 * written to the export (as real ones are) but do not count towards the GMV targets.
 */
function maybeClosed(random, config, line) {
  if (!random.chance(config.closedRate)) return line;
  line.closed = true;
  line.unpaid = random.chance(0.6);
  return line;
}

function generateCreatorLines(random, config, creators) {
  const lines = [];
  let countedFen = 0;
  const creatorEntries = creators.map((creator) => [creator, creator.weight]);
  while (countedFen < config.creators.gmvTargetFen) {
    const creator = random.weighted(creatorEntries);
    const carrier = random.weighted(config.creators.carrierMix);
    const product = pickProduct(random, creator.carried);
    const line = makeLine(random, config, {
      product,
      paidAt: randomMoment(random, carrier),
      seller: 'creator',
      carrier,
      creatorId: creator.id,
      creatorName: creator.name,
      superLink: random.chance(config.creators.superLinkShare ?? 0),
      leaderId: random.chance(config.creators.leaderShare ?? 0) ? config.creators.leaderId : null,
    });
    lines.push(maybeClosed(random, config, line));
    if (!line.closed) countedFen += line.amountFen;
  }
  return lines;
}

/**
 * Own sessions: each gets a GMV target that grows from the first session to the last
 * (a cold start being passed), lifted on weekends and around 618.
 */
function planSessions(random, config) {
  const plans = config.self.sessions;
  const { from, to } = config.self.coldStart;
  const weights = plans.map((plan, index) => {
    const progress = plans.length === 1 ? 1 : index / (plans.length - 1);
    const rise = from + (to - from) * progress;
    return rise * Math.sqrt(dayWeight(plan.day)) * (plan.lift ?? 1) * random.between(0.85, 1.15);
  });
  const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
  return plans.map((plan, index) => {
    const [hour, minute] = plan.start.split(':').map(Number);
    const startAt = atDay(plan.day, hour, minute, random.int(0, 59));
    const durationSeconds = plan.minutes * 60 + random.int(0, 59);
    return {
      ...plan,
      liveId: makeLiveId(random),
      startAt,
      endAt: startAt + durationSeconds,
      durationSeconds,
      gmvTargetFen: Math.round((config.self.liveGmvTargetFen * weights[index]) / weightTotal),
    };
  });
}

function generateSessionLines(random, config, sessions, liveProducts) {
  const lines = [];
  for (const session of sessions) {
    const focusProduct = session.focusProduct ? liveProducts.find((p) => p.key === session.focusProduct) : null;
    let countedFen = 0;
    while (countedFen < session.gmvTargetFen) {
      const line = makeLine(random, config, {
        product: pickProduct(random, liveProducts, focusProduct),
        paidAt: session.startAt + random.int(300, session.durationSeconds - 60),
        seller: 'self',
        carrier: 'live',
        account: session.account,
        liveId: session.liveId,
      });
      lines.push(maybeClosed(random, config, line));
      if (!line.closed) countedFen += line.amountFen;
    }
  }
  return lines;
}

/** Self sales between sessions: the shop's product cards and the brand's own short videos. */
function generateShelfLines(random, config, products) {
  const lines = [];
  let countedFen = 0;
  while (countedFen < config.self.offLiveGmvTargetFen) {
    const carrier = random.weighted(config.self.offLiveCarrierMix);
    const line = makeLine(random, config, {
      product: pickProduct(random, products),
      paidAt: randomMoment(random, carrier),
      seller: 'self',
      carrier,
      account: carrier === 'shortVideo' ? config.self.accounts[0] : null,
    });
    lines.push(maybeClosed(random, config, line));
    if (!line.closed) countedFen += line.amountFen;
  }
  return lines;
}

/** After-sales: most refunds are whole, some partial; a few refunded lines leave the amount blank. */
function applyRefunds(random, config, lines) {
  for (const line of lines) {
    if (line.closed) continue;
    if (random.chance(config.refundRate)) {
      line.afterSale = '退款成功';
      line.refundFen = random.chance(0.7) ? line.amountFen : roundToDime(line.amountFen * random.between(0.2, 0.5));
      line.refundBlank = line.refundFen === line.amountFen && random.chance(0.25);
      continue;
    }
    if (random.chance(0.008)) line.afterSale = random.pick(['退款关闭', '售后中']);
  }
}

/** 19-digit order numbers: yymmdd of creation, then 13 digits; unique across the brand. */
function assignOrderIds(random, lines) {
  const taken = new Set();
  for (const line of lines) {
    const p = dateParts(line.createdAt);
    let id;
    do {
      id = `24${pad2(p.month)}${pad2(p.day)}${random.digits(13)}`;
    } while (taken.has(id));
    taken.add(id);
    line.orderId = id;
  }
}

/**
 * Buyers: draw how many orders each buyer places from the brand's distribution, shuffle the
 * slots and hand them out in time order, so repeat orders spread over the month.
 */
function assignBuyers(random, config, orders) {
  const { orderCounts, fanShare } = config.buyers;
  const slots = [];
  const buyers = [];
  const idsTaken = new Set();
  while (slots.length < orders.length) {
    const orderCount = random.weighted(orderCounts);
    const [id] = makeUniqueIds(random, 1, 10, idsTaken);
    const buyer = { id, isFan: random.chance(orderCount > 1 ? fanShare.repeat : fanShare.single), lines: [] };
    buyers.push(buyer);
    for (let index = 0; index < orderCount; index += 1) slots.push(buyer);
  }
  const shuffled = random.shuffle(slots).slice(0, orders.length);
  orders.forEach((order, index) => {
    const buyer = shuffled[index];
    order.buyerId = buyer.id;
    order.isFan = buyer.isFan;
    buyer.lines.push(order);
  });
  return buyers.filter((buyer) => buyer.lines.length > 0);
}

/** Some orders hold a second product: same order number, buyer and time, another line. */
function addSecondLines(random, config, lines, products) {
  const result = [];
  for (const line of lines) {
    result.push(line);
    if (!random.chance(config.multiLineRate ?? 0)) continue;
    const others = products.filter((product) => product !== line.product && !product.exclusive);
    const product = pickProduct(random, others);
    result.push({
      ...line,
      product,
      quantity: 1,
      amountFen: paidAmount(random, product, 1, line.paidAt),
      refundFen: 0,
      afterSale: '',
      refundBlank: false,
    });
  }
  return result;
}

function simulateBrand(config) {
  const random = createRandom(config.seed);
  const products = config.products.map((product, index) => ({
    ...product,
    id: product.id ?? `${config.productIdPrefix}${String(1000 + index * 37).padStart(4, '0')}${random.digits(3)}`,
  }));
  const creators = buildCreators(random, config, products);
  const sessions = planSessions(random, config);
  const liveProducts = products.filter((product) => !product.creatorOnly);
  const lines = [
    ...generateCreatorLines(random, config, creators),
    ...generateSessionLines(random, config, sessions, liveProducts),
    ...generateShelfLines(
      random,
      config,
      liveProducts.filter((product) => !product.exclusive || config.self.shelfSellsExclusives),
    ),
  ];
  lines.sort((a, b) => a.createdAt - b.createdAt);
  applyRefunds(random, config, lines);
  assignOrderIds(random, lines);
  const buyers = config.buyers ? assignBuyers(random, config, lines) : null;
  const allLines = addSecondLines(random, config, lines, products);
  for (const line of allLines) {
    if (line.unpaid) line.paidAtShown = null;
    else line.paidAtShown = line.paidAt;
  }
  return { random, products, creators, sessions, lines: allLines, buyers };
}

// ---------------------------------------------------------------------------------------------
// Session traffic, derived from the session's orders so both exports tell one story.

function summariseSessionOrders(session, lines) {
  const counted = lines.filter((line) => line.liveId === session.liveId && !line.closed);
  const orderIds = new Set(counted.map((line) => line.orderId));
  const buyerIds = new Set(counted.map((line) => line.buyerId).filter(Boolean));
  const gmvFen = counted.reduce((sum, line) => sum + line.amountFen, 0);
  return { gmvFen, orders: orderIds.size, buyers: buyerIds.size > 0 ? buyerIds.size : null };
}

/**
 * Invents the platform's view of a session around its real orders: viewers from a conversion
 * rate, online counts from stay and duration, spend from a target ROI. `session` may override
 * any knob (spend off, no warm-up, short stay, viewers coming and going).
 */
function sessionTraffic(random, session, lines, knobs) {
  const sold = summariseSessionOrders(session, lines);
  const buyers = sold.buyers ?? Math.max(1, Math.round(sold.orders * random.between(0.95, 0.99)));
  const conversion = random.between(...(session.conversion ?? knobs.conversion));
  const viewers = Math.max(buyers * 8, Math.round(buyers / conversion));
  const views = Math.round(viewers * random.between(1.4, 1.9));
  const avgStaySeconds = Math.round(random.between(...(session.stay ?? knobs.stay)));
  const avgOnline = Math.max(1, Math.round((viewers * avgStaySeconds) / session.durationSeconds));
  const peakOnline = Math.round(avgOnline * random.between(...(session.peakRatio ?? [1.4, 1.95])));
  const spends = session.spend ?? knobs.spend;
  const roi = random.between(...knobs.roi);
  const adSpendFen = spends ? roundToDime(sold.gmvFen / roi) : 0;
  const paidShare = spends ? random.between(...knobs.paidShare) : 0;
  const warmup = session.warmup ?? knobs.warmup;
  return {
    ...session,
    ...sold,
    buyers,
    exposure: Math.round(viewers * random.between(3.5, 7)),
    viewers,
    views,
    peakOnline,
    avgOnline,
    avgStaySeconds,
    newFans: Math.round(viewers * random.between(...knobs.followRate)),
    productClicks: Math.round(viewers * random.between(0.14, 0.3)),
    adSpendFen,
    paidShare,
    paidViewers: Math.round(viewers * paidShare),
    fanViewers: Math.round(viewers * random.between(0.12, 0.32)),
    shortVideoViewers: warmup ? Math.round(viewers * random.between(0.04, 0.12)) : 0,
    reservations: warmup ? Math.round(viewers * random.between(0.05, 0.1)) : null,
    warmupVideos: warmup ? random.int(3, 6) : random.int(0, 1),
    couponClaims: Math.round(viewers * random.between(0.04, 0.16)),
  };
}

// ---------------------------------------------------------------------------------------------
// Brand 1 — 新芽茶饮: a new tea brand selling through creators; the raw GBK 快手小店 export.

const XINYA = {
  slug: 'xinya-tea',
  seed: 20240601,
  nickCategory: 'food',
  productIdPrefix: '2173',
  products: [
    {
      key: 'peach-oolong',
      name: '新芽 白桃乌龙冷泡茶,30袋装',
      sku: 'XY-BTWL-30',
      spec: '30袋/盒',
      priceFen: 5990,
      popularity: 6,
      hero: true,
    },
    {
      key: 'jasmine',
      name: '新芽 茉莉花茶 特级 250g罐装',
      sku: 'XY-MLH-250',
      spec: '250g/罐',
      priceFen: 7900,
      popularity: 4,
      hero: true,
    },
    {
      key: 'duo-box',
      name: '白桃乌龙+蜜桃红茶 双拼组合装',
      sku: 'XY-SP-2H',
      spec: '2盒装',
      priceFen: 9900,
      popularity: 4,
      hero: true,
    },
    { key: 'lemon', name: '柠檬红茶冻干块 12颗', sku: 'XY-NMHC-12', spec: '12颗/盒', priceFen: 3990, popularity: 2 },
    {
      key: 'puer',
      name: '云南古树普洱 小青柑 20颗',
      sku: 'XY-XQG-20',
      spec: '20颗/罐',
      priceFen: 12900,
      popularity: 1,
    },
    {
      key: 'longjing',
      name: '明前龙井 2024新茶 100g',
      sku: 'XY-LJ-100',
      spec: '100g/罐',
      priceFen: 15900,
      popularity: 1,
    },
    {
      key: 'gift',
      name: '新芽 四季花果茶礼盒,送礼佳品,附手提袋',
      sku: 'XY-LH-4J',
      spec: '礼盒装',
      priceFen: 19900,
      popularity: 1,
    },
    {
      key: 'cold-green',
      name: '冷泡绿茶 "0糖0脂" 50袋',
      sku: 'XY-LPLC-50',
      spec: '50袋/袋',
      priceFen: 6900,
      popularity: 1.5,
    },
    {
      key: 'dahongpao',
      name: '武夷大红袍 岩茶 125g',
      sku: 'XY-DHP-125',
      spec: '125g/盒',
      priceFen: 8900,
      popularity: 0.8,
    },
    { key: 'dianhong', name: '蜜香滇红 红茶 200g', sku: 'XY-DH-200', spec: '200g/袋', priceFen: 4900, popularity: 1.2 },
    { key: 'rose', name: '玫瑰荷叶茶 30包', sku: 'XY-MGHY-30', spec: '30包/盒', priceFen: 3900, popularity: 1.2 },
    {
      key: 'osmanthus',
      name: '桂花乌龙 三角包 60包',
      sku: 'XY-GHWL-60',
      spec: '60包/盒',
      priceFen: 10900,
      popularity: 0.8,
    },
  ],
  creators: {
    count: 58,
    topShare: 0.35,
    decay: 1.05,
    gmvTargetFen: 41_800_000,
    carrierMix: [
      ['live', 74],
      ['shortVideo', 21],
      ['itemCard', 5],
    ],
    leaderShare: 0.06,
    leaderId: '3309128847',
  },
  self: {
    accounts: ['新芽茶饮官方店'],
    liveGmvTargetFen: 1_150_000,
    offLiveGmvTargetFen: 820_000,
    offLiveCarrierMix: [
      ['itemCard', 85],
      ['shortVideo', 15],
    ],
    coldStart: { from: 0.8, to: 1.2 },
    sessions: [
      { day: 8, start: '20:00', minutes: 62, account: '新芽茶饮官方店' },
      { day: 13, start: '20:30', minutes: 48, account: '新芽茶饮官方店' },
      { day: 18, start: '19:30', minutes: 85, account: '新芽茶饮官方店', lift: 1.3 },
      { day: 22, start: '20:00', minutes: 55, account: '新芽茶饮官方店' },
      { day: 29, start: '20:00', minutes: 70, account: '新芽茶饮官方店' },
    ],
  },
  quantities: [
    [1, 76],
    [2, 15],
    [3, 6],
    [6, 2],
    [10, 1],
  ],
  closedRate: 0.035,
  refundRate: 0.04,
  buyers: null,
};

const COURIERS = [
  ['中通快递', 5],
  ['圆通速递', 3],
  ['韵达快递', 2],
  ['顺丰速运', 1],
];

/** Lines from the last days of the month are still on their way when the export is taken. */
function kuaishouStatus(random, line) {
  if (line.closed) return '交易关闭';
  if (line.afterSale === '退款成功') return '交易成功';
  const day = dateParts(line.paidAt).day;
  if (day >= 27)
    return random.weighted([
      ['已发货', 5],
      ['待发货', 2],
      ['交易成功', 2],
    ]);
  return random.weighted([
    ['交易成功', 85],
    ['已收货', 10],
    ['已发货', 5],
  ]);
}

function xinyaOrderColumns(random) {
  const status = new Map();
  const statusOf = (line) => {
    if (!status.has(line)) status.set(line, kuaishouStatus(random, line));
    return status.get(line);
  };
  const couriers = new Map();
  const courierOf = (line) => {
    if (line.closed || statusOf(line) === '待发货') return '';
    if (!couriers.has(line)) couriers.set(line, random.weighted(COURIERS));
    return couriers.get(line);
  };
  const money = (fen) => formatYuan(fen, { symbol: '￥', grouping: true });
  return [
    ['订单号', (l) => l.orderId],
    ['订单创建时间', (l) => formatTime(l.createdAt)],
    ['订单支付时间', (l) => (l.paidAtShown === null ? '' : formatTime(l.paidAtShown))],
    ['商品ID', (l) => l.product.id],
    ['商品名称', (l) => l.product.name],
    ['商品规格', (l) => l.product.spec],
    ['SKU编码', (l) => l.product.sku],
    ['商品单价', (l) => money(l.product.priceFen)],
    ['成交数量', (l) => l.quantity],
    ['实付款', (l) => money(l.amountFen)],
    ['订单状态', statusOf],
    ['售后状态', (l) => l.afterSale || '-'],
    ['订单退款(元)', (l) => (l.refundFen > 0 && !l.refundBlank ? money(l.refundFen) : '-')],
    ['渠道', (l) => (l.seller === 'self' ? '自营' : '分销')],
    ['订单载体', (l) => CARRIER_ZH[l.carrier]],
    ['账号类型', (l) => (l.seller === 'self' ? '经营号' : '合作达人')],
    ['账号明细', (l) => l.account ?? '-'],
    ['CPS达人ID', (l) => l.creatorId ?? '-'],
    ['CPS达人昵称', (l) => l.creatorName ?? '-'],
    ['团长ID', (l) => l.leaderId ?? '-'],
    ['快递公司', courierOf],
  ];
}

/** The raw export repeats a line now and then (a re-export pasted twice): keep two such copies. */
function withDuplicates(random, lines, count) {
  const result = [...lines];
  for (let copy = 0; copy < count; copy += 1) {
    const index = random.int(10, result.length - 10);
    result.splice(index + 1, 0, result[index]);
  }
  return result;
}

/**
 * 新芽 and 兰亭, the two small tea shops, go live the same way: no paid traffic, no warm-up, the
 * conversion and stay of a small room; and their 直播数据 exports share these columns.
 */
const TEA_SHOP_SESSIONS = {
  conversion: [0.006, 0.01],
  stay: [38, 62],
  roi: [1, 1],
  spend: false,
  paidShare: [0, 0],
  followRate: [0.02, 0.045],
  warmup: false,
};

const TEA_SHOP_TRAFFIC_COLUMNS = [
  ['直播ID', (s) => s.liveId],
  ['账号', (s) => s.account],
  ['开播时间', (s) => formatTime(s.startAt)],
  ['下播时间', (s) => formatTime(s.endAt)],
  ['直播时长', (s) => formatDuration(s.durationSeconds, 'minutes')],
  ['观看人数', (s) => s.viewers],
  ['观看次数', (s) => s.views],
  ['最高在线人数', (s) => s.peakOnline],
  ['平均在线人数', (s) => s.avgOnline],
  ['平均观看时长', (s) => formatStay(s.avgStaySeconds, 'ms')],
  ['新增粉丝数', (s) => s.newFans],
  ['成交金额', (s) => formatYuan(s.gmvFen)],
  ['成交人数', (s) => s.buyers],
  ['成交订单数', (s) => s.orders],
];

function writeXinya(dir) {
  const world = simulateBrand(XINYA);
  const { random } = world;
  // Kuaishou lists the newest orders first.
  const newestFirst = [...world.lines].sort((a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? -1 : 1));
  const exported = withDuplicates(random, newestFirst, 2);
  writeFileSync(
    join(dir, '快手小店订单导出_20240601-20240630.csv'),
    renderCsv(xinyaOrderColumns(random), exported, {
      eol: '\r\n',
      encoding: 'gb18030',
      titleLines: ['快手小店-订单导出,导出时间:2024-07-01 10:02:11'],
    }),
  );

  const sessions = world.sessions.map((session) => sessionTraffic(random, session, world.lines, TEA_SHOP_SESSIONS));
  const trafficColumns = [
    ...TEA_SHOP_TRAFFIC_COLUMNS,
    ['花费', (s) => formatYuan(s.adSpendFen)],
    ['预约人数', (s) => s.reservations ?? random.int(0, 12)],
    ['预热视频数', (s) => s.warmupVideos],
  ];
  writeFileSync(join(dir, '直播数据_202406.csv'), renderCsv(trafficColumns, sessions));

  writeJson(join(dir, 'brand.json'), {
    name: '新芽茶饮',
    category: 'food',
    profile: 'food',
    period: { from: '2024-06-01', to: '2024-06-30' },
    ownAccounts: XINYA.self.accounts,
    // A new shop with slow shipping: 店铺体验分 under 4 limits traffic and subsidies.
    scores: { shopExperience: 3.6, creatorReputation: 4.3, product: 4.1 },
  });
  return { world, sessions };
}

// ---------------------------------------------------------------------------------------------
// Brand 2 — 花溪美妆: creators established, paid traffic working, self-broadcast developing.

const HUAXI_MAIN = '花溪美妆官方旗舰店';
const HUAXI_LAB = '花溪护肤研究所';

const HUAXI = {
  slug: 'huaxi-beauty',
  seed: 20240602,
  nickCategory: 'beauty',
  productIdPrefix: '2209',
  products: [
    {
      key: 'set',
      name: '花溪 精华水乳套装,补水保湿,送小样',
      sku: 'HX-SRTZ-01',
      spec: '水150ml+乳120ml',
      priceFen: 29900,
      popularity: 5,
      hero: true,
    },
    {
      key: 'sunscreen',
      name: '清透防晒喷雾 SPF50+ PA++++ 150ml',
      sku: 'HX-FSPW-150',
      spec: '150ml',
      priceFen: 8900,
      popularity: 6,
      hero: true,
    },
    {
      key: 'mask',
      name: '玻尿酸补水面膜 10片装',
      sku: 'HX-BNS-10',
      spec: '10片/盒',
      priceFen: 6900,
      popularity: 5,
      hero: true,
    },
    { key: 'serum', name: '烟酰胺焕亮精华液 30ml', sku: 'HX-YXA-30', spec: '30ml', priceFen: 15900, popularity: 3 },
    { key: 'cleanser', name: '氨基酸洁面乳 120g', sku: 'HX-JMR-120', spec: '120g', priceFen: 5900, popularity: 2 },
    { key: 'cream', name: '山茶花修护面霜 50g', sku: 'HX-SCH-50', spec: '50g', priceFen: 19900, popularity: 2 },
    { key: 'powder', name: '控油定妆散粉', sku: 'HX-SF-01', spec: '8g', priceFen: 7900, popularity: 1.5 },
    {
      key: 'lipstick',
      name: '丝绒雾面口红 #213 "小奶茶"色',
      sku: 'HX-KH-213',
      spec: '3.5g',
      priceFen: 9900,
      popularity: 1.5,
    },
    { key: 'eye', name: '多效修护眼霜 20g', sku: 'HX-YS-20', spec: '20g', priceFen: 22900, popularity: 1 },
    {
      key: 'gift',
      name: '618限定 护肤全套礼盒,6件套',
      sku: 'HX-618-LH',
      spec: '礼盒装',
      priceFen: 39900,
      popularity: 1,
    },
    { key: 'remover', name: '温和卸妆水 500ml', sku: 'HX-XZS-500', spec: '500ml', priceFen: 6900, popularity: 1.5 },
    { key: 'cushion', name: '水光气垫 BB霜 自然色', sku: 'HX-QD-02', spec: '15g×2', priceFen: 13900, popularity: 1.2 },
    { key: 'body', name: '烟酰胺美白身体乳 250ml', sku: 'HX-STR-250', spec: '250ml', priceFen: 8900, popularity: 1.2 },
    { key: 'duo', name: '洗面奶+爽肤水 组合装', sku: 'HX-ZH-02', spec: '2件装', priceFen: 12900, popularity: 1 },
  ],
  creators: {
    count: 96,
    topShare: 0.19,
    decay: 0.95,
    gmvTargetFen: 108_000_000,
    carrierMix: [
      ['live', 78],
      ['shortVideo', 18],
      ['itemCard', 4],
    ],
    superLinkShare: 0.03,
  },
  self: {
    accounts: [HUAXI_MAIN, HUAXI_LAB],
    liveGmvTargetFen: 40_000_000,
    offLiveGmvTargetFen: 6_200_000,
    offLiveCarrierMix: [
      ['itemCard', 70],
      ['shortVideo', 30],
    ],
    coldStart: { from: 0.45, to: 1.5 },
    sessions: [
      { day: 1, start: '19:30', minutes: 185, account: HUAXI_MAIN, warmup: false, stay: [36, 44] },
      { day: 2, start: '19:30', minutes: 190, account: HUAXI_MAIN, spend: false, warmup: false },
      { day: 4, start: '20:00', minutes: 182, account: HUAXI_LAB, peakRatio: [2.3, 2.8] },
      { day: 6, start: '19:30', minutes: 200, account: HUAXI_MAIN },
      { day: 8, start: '19:00', minutes: 215, account: HUAXI_MAIN },
      { day: 9, start: '19:00', minutes: 210, account: HUAXI_MAIN, warmup: false },
      { day: 11, start: '20:00', minutes: 185, account: HUAXI_LAB, focusProduct: 'sunscreen' },
      { day: 13, start: '19:30', minutes: 205, account: HUAXI_MAIN },
      { day: 15, start: '19:00', minutes: 225, account: HUAXI_MAIN },
      { day: 16, start: '19:00', minutes: 230, account: HUAXI_MAIN },
      { day: 17, start: '19:00', minutes: 225, account: HUAXI_LAB },
      { day: 18, start: '14:00', minutes: 195, account: HUAXI_LAB, lift: 0.8 },
      { day: 18, start: '19:00', minutes: 240, account: HUAXI_MAIN, lift: 1.3 },
      { day: 20, start: '20:00', minutes: 185, account: HUAXI_MAIN, spend: false, stay: [40, 48] },
      { day: 22, start: '19:30', minutes: 210, account: HUAXI_MAIN },
      { day: 23, start: '19:30', minutes: 205, account: HUAXI_MAIN, warmup: false },
      { day: 25, start: '20:00', minutes: 190, account: HUAXI_LAB, peakRatio: [2.2, 2.6] },
      { day: 27, start: '19:30', minutes: 215, account: HUAXI_MAIN },
      { day: 29, start: '19:00', minutes: 220, account: HUAXI_MAIN },
      { day: 30, start: '19:00', minutes: 220, account: HUAXI_MAIN },
    ],
  },
  quantities: [
    [1, 84],
    [2, 12],
    [3, 4],
  ],
  closedRate: 0.03,
  refundRate: 0.06,
  buyers: {
    orderCounts: [
      [1, 93.5],
      [2, 5.5],
      [3, 1],
    ],
    fanShare: { single: 0.2, repeat: 0.4 },
  },
};

const BUYER_NOTES = [
  '请尽快发货,谢谢',
  '送人的,不要放发票',
  '麻烦多送点小样\n谢谢主播',
  '敏感肌可以用吗?',
  '地址写错了,改到公司:\n前台代收',
];

function huaxiOrderColumns(random) {
  const notes = new Map();
  const noteOf = (line) => {
    if (!notes.has(line)) notes.set(line, random.chance(0.01) ? random.pick(BUYER_NOTES) : '');
    return notes.get(line);
  };
  return [
    ['订单编号', (l) => l.orderId],
    ['下单时间', (l) => formatTime(l.createdAt)],
    ['支付时间', (l) => (l.paidAtShown === null ? '' : formatTime(l.paidAtShown))],
    ['商品ID', (l) => l.product.id],
    ['商品名称', (l) => l.product.name],
    ['购买数量', (l) => l.quantity],
    ['实付金额', (l) => formatYuan(l.amountFen)],
    ['订单状态', (l) => (l.closed ? (l.unpaid ? '已关闭' : '已取消') : '已完成')],
    ['售后状态', (l) => l.afterSale],
    ['退款金额', (l) => (l.refundFen > 0 && !l.refundBlank ? formatYuan(l.refundFen) : '')],
    ['售卖方式', (l) => (l.seller === 'self' ? '自营' : l.superLink ? '超级链接' : '达人合作')],
    ['售卖载体', (l) => CARRIER_ZH[l.carrier]],
    ['达人ID', (l) => l.creatorId ?? ''],
    ['达人昵称', (l) => l.creatorName ?? ''],
    ['账号', (l) => l.account ?? ''],
    ['直播间ID', (l) => l.liveId ?? ''],
    ['买家ID', (l) => l.buyerId],
    ['买家留言', noteOf],
  ];
}

const HUAXI_CHECKLIST_QUESTIONS = {
  script: ['rhythmPlanned', 'scriptWritten', 'activitiesPaced', 'hostPersonaClear', 'rehearsed'],
  traffic: ['gmvTargetSplit', 'placementPlanned', 'budgetByTimeSlot'],
  assortment: ['productGroupsPlanned', 'newAndOldFanProducts', 'pricePlanSet', 'stockReady', 'heroItemSet'],
  gifts: ['benefitsPrepared', 'couponsSet', 'sellingPointsClear'],
  'early-warmup': ['warmupRhythm', 'warmupVideosPosted', 'reservationsOpen'],
};

/** Answers for three sessions: a rushed early one, a well-prepared 618, a middling one. */
function huaxiChecklist(sessions) {
  const answer = (item, noes) =>
    Object.fromEntries(HUAXI_CHECKLIST_QUESTIONS[item].map((id) => [id, !noes.includes(id)]));
  const byDay = (day, start) => sessions.find((s) => dateParts(s.startAt).day === day && s.start === start);
  const early = byDay(2, '19:30');
  const festival = byDay(18, '19:00');
  const late = byDay(23, '19:30');
  return {
    sessions: {
      [early.liveId]: {
        script: answer('script', ['scriptWritten', 'rehearsed']),
        traffic: answer('traffic', ['gmvTargetSplit', 'placementPlanned', 'budgetByTimeSlot']),
        assortment: answer('assortment', ['newAndOldFanProducts']),
        gifts: answer('gifts', ['couponsSet']),
        'early-warmup': answer('early-warmup', ['warmupRhythm', 'warmupVideosPosted', 'reservationsOpen']),
      },
      [festival.liveId]: {
        script: answer('script', []),
        traffic: answer('traffic', []),
        assortment: answer('assortment', []),
        gifts: answer('gifts', []),
        'early-warmup': answer('early-warmup', []),
      },
      [late.liveId]: {
        script: answer('script', ['rehearsed']),
        assortment: answer('assortment', ['newAndOldFanProducts']),
        gifts: answer('gifts', []),
      },
    },
  };
}

function writeHuaxi(dir) {
  const world = simulateBrand(HUAXI);
  const { random } = world;
  writeFileSync(join(dir, '订单明细_2024年6月.csv'), renderCsv(huaxiOrderColumns(random), world.lines));

  const knobs = {
    conversion: [0.007, 0.013],
    stay: [58, 115],
    roi: [2.0, 3.2],
    spend: true,
    paidShare: [0.18, 0.42],
    followRate: [0.012, 0.03],
    warmup: true,
  };
  const sessions = world.sessions.map((session) => sessionTraffic(random, session, world.lines, knobs));
  let row = 0;
  const mixedStay = (s) => formatStay(s.avgStaySeconds, row++ % 3 === 0 ? 'seconds' : 'ms');
  const trafficColumns = [
    ['直播间ID', (s) => s.liveId],
    ['主播昵称', (s) => s.account],
    ['开播时间', (s) => formatTime(s.startAt, 'slash')],
    ['下播时间', (s) => formatTime(s.endAt, 'slash')],
    ['直播时长', (s) => formatDuration(s.durationSeconds, s.durationSeconds % 2 === 0 ? 'hm' : 'minutes')],
    ['直播间曝光人数', (s) => s.exposure],
    ['观看人数', (s) => s.viewers],
    ['观看次数', (s) => s.views],
    ['最高在线人数', (s) => s.peakOnline],
    ['平均在线人数', (s) => s.avgOnline],
    ['人均观看时长', mixedStay],
    ['新增粉丝数', (s) => s.newFans],
    ['商品点击人数', (s) => s.productClicks],
    ['直播间成交金额', (s) => formatYuan(s.gmvFen, { grouping: true })],
    ['成交人数', (s) => s.buyers],
    ['成交订单数', (s) => s.orders],
    ['磁力金牛消耗', (s) => formatYuan(s.adSpendFen, { grouping: true })],
    ['付费流量观看人数', (s) => s.paidViewers],
    ['付费流量占比', (s) => formatPercent(s.paidShare)],
    ['粉丝观看人数', (s) => s.fanViewers],
    ['短视频引流人数', (s) => s.shortVideoViewers],
    ['预约人数', (s) => s.reservations ?? '-'],
    ['预热视频数', (s) => s.warmupVideos],
    ['领券人数', (s) => s.couponClaims],
  ];
  writeFileSync(join(dir, '生意通_直播场次_2024年6月.csv'), renderCsv(trafficColumns, sessions));

  writeJson(join(dir, 'brand.json'), {
    name: '花溪美妆',
    category: 'beauty',
    profile: 'beauty',
    period: { from: '2024-06-01', to: '2024-06-30' },
    ownAccounts: HUAXI.self.accounts,
    scores: { shopExperience: 4.6, creatorReputation: 4.7, product: 4.5 },
  });
  writeJson(join(dir, 'checklist.json'), huaxiChecklist(sessions));
  return { world, sessions };
}

// ---------------------------------------------------------------------------------------------
// Brand 3 — 江南家居: a mature brand with every stage running, exports from several tools.

const JN_MAIN = '江南家居官方旗舰店';
const JN_BED = '江南家居床品馆';
const JN_GOODS = '江南家居好物直播间';

const JIANGNAN = {
  slug: 'jiangnan-home',
  seed: 20240603,
  nickCategory: 'home',
  productIdPrefix: '2315',
  products: [
    {
      key: 'mat',
      name: '冰丝凉席三件套 1.8m床',
      sku: 'JN-BXLX-18',
      priceFen: 29900,
      popularity: 6,
      hero: true,
      category: '床上用品',
    },
    {
      key: 'sheets',
      name: '60支长绒棉四件套,全棉,1.8m床',
      sku: 'JN-SJT-60',
      priceFen: 59900,
      popularity: 3,
      hero: true,
      category: '床上用品',
    },
    {
      key: 'summer-quilt',
      name: '空调被 可机洗 夏凉被',
      sku: 'JN-KTB-01',
      priceFen: 19900,
      popularity: 5,
      hero: true,
      category: '床上用品',
    },
    {
      key: 'silk-quilt',
      name: '桑蚕丝夏被 200×230cm',
      sku: 'JN-SCS-230',
      priceFen: 89900,
      popularity: 1.2,
      category: '床上用品',
    },
    {
      key: 'pillow',
      name: '天然乳胶枕 一对装',
      sku: 'JN-RJZ-2',
      priceFen: 25900,
      popularity: 2.5,
      category: '床上用品',
    },
    { key: 'towel', name: '竹纤维毛巾 4条装', sku: 'JN-MJ-4', priceFen: 8900, popularity: 3, category: '洗浴用品' },
    { key: 'bath', name: '纯棉加厚浴巾', sku: 'JN-YJ-01', priceFen: 12900, popularity: 2, category: '洗浴用品' },
    {
      key: 'mattress',
      name: '记忆棉床垫 1.8m×2m',
      sku: 'JN-CD-18',
      priceFen: 129900,
      popularity: 0.5,
      category: '床上用品',
    },
    { key: 'boxes', name: '折叠收纳箱 3个装', sku: 'JN-SNX-3', priceFen: 11900, popularity: 2.5, category: '收纳整理' },
    {
      key: 'cushion',
      name: '亚麻抱枕套 2个装',
      sku: 'JN-BZT-2',
      priceFen: 9900,
      popularity: 1.5,
      category: '家饰布艺',
    },
    {
      key: 'silk-case',
      name: '真丝枕套 19姆米',
      sku: 'JN-ZSZT-19',
      priceFen: 16900,
      popularity: 1.5,
      category: '床上用品',
    },
    { key: 'fitted', name: '防螨床笠 1.8m', sku: 'JN-CL-18', priceFen: 15900, popularity: 1.5, category: '床上用品' },
    {
      key: 'fiber-pillow',
      name: '羽丝绒枕芯',
      sku: 'JN-YSR-01',
      priceFen: 13900,
      popularity: 1.2,
      category: '床上用品',
    },
    { key: 'rug', name: '硅藻泥吸水地垫', sku: 'JN-DD-01', priceFen: 8900, popularity: 1.5, category: '家饰布艺' },
    {
      key: 'curtain',
      name: '全遮光窗帘 定制尺寸',
      sku: 'JN-CL-ZG',
      priceFen: 39900,
      popularity: 0.8,
      category: '家饰布艺',
    },
    // Channel-exclusive: made for Kuaishou live, sold only in the brand's rooms and by two partners.
    {
      key: 'ex-mat',
      name: '冰丝凉席 快手专供款,1.8m床,三件套+抱枕',
      sku: 'JN-KS-BX01',
      priceFen: 69900,
      popularity: 1.2,
      exclusive: true,
      category: '床上用品',
    },
    {
      key: 'ex-silk',
      name: '桑蚕丝被 快手特供礼盒',
      sku: 'JN-KS-SC01',
      priceFen: 129900,
      popularity: 0.4,
      exclusive: true,
      category: '床上用品',
    },
    {
      key: 'ex-sheets',
      name: '长绒棉四件套 直播专享加厚款',
      sku: 'JN-KS-SJ01',
      priceFen: 89900,
      popularity: 0.6,
      exclusive: true,
      category: '床上用品',
    },
  ],
  creators: {
    count: 84,
    topShare: 0.16,
    decay: 0.9,
    gmvTargetFen: 158_000_000,
    carrierMix: [
      ['live', 75],
      ['shortVideo', 20],
      ['itemCard', 5],
    ],
    superLinkShare: 0.05,
    exclusiveCarriers: 2,
  },
  self: {
    accounts: [JN_MAIN, JN_BED, JN_GOODS],
    liveGmvTargetFen: 96_000_000,
    offLiveGmvTargetFen: 17_000_000,
    offLiveCarrierMix: [
      ['itemCard', 65],
      ['shortVideo', 35],
    ],
    shelfSellsExclusives: true,
    coldStart: { from: 0.9, to: 1.1 },
    sessions: buildJiangnanSchedule(),
  },
  quantities: [
    [1, 88],
    [2, 10],
    [3, 2],
  ],
  closedRate: 0.025,
  refundRate: 0.05,
  multiLineRate: 0.03,
  buyers: {
    orderCounts: [
      [1, 70],
      [2, 19],
      [3, 7],
      [4, 3],
      [5, 1],
    ],
    fanShare: { single: 0.32, repeat: 0.78 },
  },
};

/** An evening session six days a week over three accounts; weekends and 618 add an afternoon slot. */
function buildJiangnanSchedule() {
  const sessions = [];
  const accounts = [JN_MAIN, JN_BED, JN_GOODS];
  for (let day = 1; day <= PERIOD_DAYS; day += 1) {
    const weekday = weekdayOf(day);
    if (weekday === 1) continue;
    const evening = accounts[day % 3 === 0 ? 1 : 0];
    const minutes = 210 + ((day * 37) % 5) * 15;
    const warmup = day % 9 !== 4;
    sessions.push({ day, start: day % 2 === 0 ? '19:00' : '19:30', minutes, account: evening, warmup });
    const weekend = weekday === 0 || weekday === 6;
    if (weekend || day === 18) sessions.push({ day, start: '14:00', minutes: 180, account: JN_GOODS, lift: 0.6 });
  }
  return sessions;
}

function jiangnanAmount(fen, index) {
  if (index % 7 === 0) return formatYuan(fen, { symbol: '¥', grouping: true });
  if (index % 3 === 0) return formatYuan(fen, { grouping: true });
  return formatYuan(fen, { decimals: 'auto' });
}

function jiangnanOrderColumns() {
  const indexOf = new Map();
  const index = (line) => {
    if (!indexOf.has(line)) indexOf.set(line, indexOf.size);
    return indexOf.get(line);
  };
  return [
    ['order_id', (l) => l.orderId],
    ['paid_at', (l) => (l.paidAtShown === null ? '' : formatTime(l.paidAtShown))],
    ['商品ID', (l) => l.product.id],
    ['product_name', (l) => l.product.name],
    ['sku', (l) => l.product.sku],
    ['qty', (l) => l.quantity],
    ['amount', (l) => jiangnanAmount(l.amountFen, index(l))],
    ['status', (l) => (l.closed ? (l.unpaid ? '待付款' : '交易关闭') : '交易成功')],
    ['售后状态', (l) => l.afterSale],
    ['refund_amount', (l) => (l.refundFen > 0 && !l.refundBlank ? jiangnanAmount(l.refundFen, index(l)) : '')],
    ['seller', (l) => (l.seller === 'self' ? '自营' : l.superLink ? '超级链接' : '达人合作')],
    ['carrier', (l) => l.carrier],
    ['creator_id', (l) => l.creatorId ?? ''],
    ['creator_name', (l) => l.creatorName ?? ''],
    ['account', (l) => l.account ?? ''],
    ['live_id', (l) => l.liveId ?? ''],
    ['buyer_id', (l) => l.buyerId],
    ['is_fan', (l) => (l.isFan ? 'Y' : 'N')],
  ];
}

function writeJiangnan(dir) {
  const world = simulateBrand(JIANGNAN);
  const { random } = world;
  const crlf = { eol: '\r\n', bom: true };
  // Exported in two halves, as the backend caps one export's date range.
  const midMonth = atDay(16, 0);
  const firstHalf = world.lines.filter((line) => line.createdAt < midMonth);
  const secondHalf = world.lines.filter((line) => line.createdAt >= midMonth);
  const orderColumns = jiangnanOrderColumns();
  writeFileSync(join(dir, 'orders_2024-06-01_15.csv'), renderCsv(orderColumns, firstHalf, crlf));
  writeFileSync(join(dir, 'orders_2024-06-16_30.csv'), renderCsv(orderColumns, secondHalf, crlf));

  const knobs = {
    conversion: [0.008, 0.015],
    stay: [70, 125],
    roi: [2.6, 3.6],
    spend: true,
    paidShare: [0.2, 0.38],
    followRate: [0.015, 0.032],
    warmup: true,
  };
  const sessions = world.sessions.map((session) => sessionTraffic(random, session, world.lines, knobs));
  const trafficColumns = [
    ['live_id', (s) => s.liveId],
    ['account', (s) => s.account],
    ['start_time', (s) => formatTime(s.startAt, 'iso')],
    ['end_time', (s) => formatTime(s.endAt, 'iso')],
    ['duration', (s) => formatDuration(s.durationSeconds, 'clock')],
    ['exposure', (s) => s.exposure],
    ['viewers', (s) => s.viewers],
    ['views', (s) => s.views],
    ['peak_online', (s) => s.peakOnline],
    ['avg_online', (s) => s.avgOnline],
    ['avg_stay', (s) => s.avgStaySeconds],
    ['new_fans', (s) => s.newFans],
    ['product_clicks', (s) => s.productClicks],
    ['gmv', (s) => formatYuan(s.gmvFen)],
    ['buyers', (s) => s.buyers],
    ['orders', (s) => s.orders],
    ['ad_spend', (s) => formatYuan(s.adSpendFen)],
    ['paid_viewers', (s) => s.paidViewers],
    ['paid_share', (s) => s.paidShare.toFixed(3)],
    ['fan_viewers', (s) => s.fanViewers],
    ['short_video_viewers', (s) => s.shortVideoViewers],
    ['reservations', (s) => s.reservations ?? ''],
    ['warmup_videos', (s) => s.warmupVideos],
    ['coupon_claims', (s) => s.couponClaims],
  ];
  writeFileSync(join(dir, 'live_sessions_2024-06.csv'), renderCsv(trafficColumns, sessions, crlf));

  const productColumns = [
    ['商品ID', (p) => p.id],
    ['商品名称', (p) => p.name],
    ['售价', (p) => formatYuan(p.priceFen)],
    ['类目', (p) => p.category],
    ['渠道特供', (p) => (p.exclusive ? '是' : '否')],
    ['上架时间', (p) => p.launchedAt],
  ];
  const products = world.products.map((product, index) => ({
    ...product,
    launchedAt: product.exclusive
      ? `2024-05-${pad2(10 + index)}`
      : `2023-${pad2(3 + (index % 9))}-${pad2(1 + ((index * 7) % 27))}`,
  }));
  writeFileSync(join(dir, 'products.csv'), renderCsv(productColumns, products, crlf));

  writeFileSync(join(dir, 'customers.csv'), renderCsv(customerColumns(), jiangnanCustomers(random, world), crlf));

  writeJson(join(dir, 'brand.json'), {
    name: '江南家居',
    category: 'home',
    profile: 'home',
    period: { from: '2024-06-01', to: '2024-06-30' },
    ownAccounts: JIANGNAN.self.accounts,
    scores: { shopExperience: 4.8, creatorReputation: 4.7, product: 4.8 },
  });
  return { world, sessions };
}

/** The CRM export: every June buyer, a third of them first bought before June. */
function jiangnanCustomers(random, world) {
  const customers = world.buyers.map((buyer) => {
    const counted = new Set(buyer.lines.filter((line) => !line.closed).map((line) => line.orderId));
    const firstJune = Math.min(...buyer.lines.map((line) => line.paidAt));
    const boughtBefore = random.chance(buyer.isFan ? 0.55 : 0.2);
    const firstOrderAt = boughtBefore ? -random.int(20, 420) * DAY_SECONDS + random.int(9, 22) * 3600 : firstJune;
    const earlierOrders = boughtBefore ? random.int(1, 6) : 0;
    return { id: buyer.id, isFan: buyer.isFan, firstOrderAt, orders: counted.size + earlierOrders };
  });
  // A buyer whose only order was never paid is no customer yet.
  return customers.filter((customer) => customer.orders > 0).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function customerColumns() {
  return [
    ['买家ID', (c) => c.id],
    ['是否粉丝', (c) => (c.isFan ? '是' : '否')],
    ['首单时间', (c) => formatTime(c.firstOrderAt)],
    ['累计订单数', (c) => c.orders],
  ];
}

// ---------------------------------------------------------------------------------------------
// Brand 4 — 山野零食铺: a small snack shop whose spreadsheet has a few broken rows, one header
// the tool does not know (付款金额, mapped in columns.json) and a stray CSV that is no export.

const SHANYE = {
  slug: 'shanye-snacks',
  seed: 20240604,
  nickCategory: 'food',
  productIdPrefix: '2408',
  products: [
    { key: 'beef', name: '手撕牛肉干 250g', sku: 'SY-NRG-250', priceFen: 5990, popularity: 4, hero: true },
    { key: 'nuts', name: '每日坚果 30袋,混合装', sku: 'SY-JG-30', priceFen: 8990, popularity: 4, hero: true },
    { key: 'mushroom', name: '云南菌菇脆 100g', sku: 'SY-JGC-100', priceFen: 3990, popularity: 2 },
    { key: 'bamboo', name: '麻辣笋尖 500g', sku: 'SY-SJ-500', priceFen: 2990, popularity: 2 },
    { key: 'gift', name: '山野零食大礼包 18袋', sku: 'SY-LB-18', priceFen: 12800, popularity: 1 },
  ],
  creators: {
    count: 9,
    topShare: 0.5,
    decay: 1.2,
    gmvTargetFen: 2_100_000,
    carrierMix: [
      ['live', 70],
      ['shortVideo', 30],
    ],
  },
  self: {
    accounts: ['山野零食铺'],
    liveGmvTargetFen: 0,
    offLiveGmvTargetFen: 900_000,
    offLiveCarrierMix: [['itemCard', 100]],
    coldStart: { from: 1, to: 1 },
    sessions: [],
  },
  quantities: [
    [1, 80],
    [2, 15],
    [3, 5],
  ],
  closedRate: 0.02,
  refundRate: 0.03,
  buyers: null,
};

// Broken values planted on fixed rows: bad amounts, impossible or free-text dates, a big
// wholesale order written in 万, a zero-priced sample.
const SHANYE_DEFECTS = [
  { row: 17, field: 'amount', value: 'abc' },
  { row: 41, field: 'paidAt', value: '2024-06-31 20:11:00' },
  { row: 88, field: 'amount', value: '12..50' },
  { row: 133, field: 'paidAt', value: '昨天 21:30' },
  { row: 150, field: 'amount', value: '1.2万', quantity: 200 },
  { row: 201, field: 'amount', value: '￥0' },
  { row: 222, field: 'amount', value: '' },
  { row: 260, field: 'paidAt', value: '2024/13/02 10:00' },
];

function writeShanye(dir) {
  const world = simulateBrand(SHANYE);
  const defects = new Map(SHANYE_DEFECTS.map((defect) => [defect.row, defect]));
  const rows = world.lines.map((line, index) => ({ line, defect: defects.get(index + 1) ?? null }));
  const planted = (row, field, normal) => (row.defect?.field === field ? row.defect.value : normal);
  const columns = [
    ['订单号', (r) => r.line.orderId],
    [
      '支付时间',
      (r) => planted(r, 'paidAt', r.line.paidAtShown === null ? '' : formatTime(r.line.paidAtShown, 'slash')),
    ],
    ['商品ID', (r) => r.line.product.id],
    ['宝贝名称', (r) => r.line.product.name],
    ['购买数量', (r) => r.defect?.quantity ?? r.line.quantity],
    ['付款金额', (r) => planted(r, 'amount', formatYuan(r.line.amountFen))],
    ['订单状态', (r) => (r.line.closed ? '已取消' : '交易成功')],
    ['售卖方式', (r) => (r.line.seller === 'self' ? '自营' : '达人合作')],
    ['售卖载体', (r) => CARRIER_ZH[r.line.carrier]],
    ['达人昵称', (r) => r.line.creatorName ?? ''],
    ['备注', (r) => (r.defect ? '手工补录' : '')],
  ];
  writeFileSync(join(dir, '6月订单(手工整理).csv'), renderCsv(columns, rows));

  const freightColumns = [
    ['模板名称', (r) => r[0]],
    ['首重(kg)', (r) => r[1]],
    ['首重运费', (r) => r[2]],
    ['续重运费', (r) => r[3]],
    ['不配送地区', (r) => r[4]],
  ];
  const freight = [
    ['包邮模板', '1', '0', '0', '新疆,西藏'],
    ['偏远地区', '1', '12', '8', ''],
  ];
  writeFileSync(join(dir, '运费模板.csv'), renderCsv(freightColumns, freight));

  writeJson(join(dir, 'columns.json'), { orders: { 付款金额: 'amount', 宝贝名称: 'productName' } });
  writeJson(join(dir, 'brand.json'), {
    name: '山野零食铺',
    category: 'food',
    profile: null,
    period: { from: '2024-06-01', to: '2024-06-30' },
    ownAccounts: SHANYE.self.accounts,
    scores: { shopExperience: 4.2, creatorReputation: null, product: null },
  });
  return { world, sessions: [] };
}

// ---------------------------------------------------------------------------------------------
// Brand 5 — 兰亭茶舍: a tea shop like 新芽 (its own seed), whose consultant got the files as
// clients really send them: the order export as an Excel workbook (a title row, ids as text,
// money as numbers, times as date cells) and the sessions as Excel's "Unicode text"
// (UTF-16LE with BOM, tab-separated, .txt). Read, it must give the numbers a CSV would.

const LANTING = {
  ...XINYA,
  slug: 'lanting-tea',
  seed: 20240605,
  productIdPrefix: '2185',
  self: { ...XINYA.self, accounts: ['兰亭茶舍官方店'] },
};

// Workbooks carry their creation time and zip entry times; fixed, two runs write the same bytes.
const WORKBOOK_TIME = new Date(Date.UTC(2024, 6, 1, 2, 2, 11));

/** A date cell showing `offsetSeconds` as Shanghai wall-clock time (Excel stores no zone). */
function excelDate(offsetSeconds) {
  const { year, month, day, hour, minute, second } = dateParts(offsetSeconds);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

async function workbookBytes(sheetName, titleRow, columns, records) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '快手小店';
  workbook.created = WORKBOOK_TIME;
  workbook.modified = WORKBOOK_TIME;
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(titleRow);
  sheet.addRow(columns.map(([header]) => header));
  for (const record of records) sheet.addRow(columns.map(([, valueOf]) => valueOf(record)));
  columns.forEach(([, , numFmt], index) => {
    if (numFmt) sheet.getColumn(index + 1).numFmt = numFmt;
  });
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  zip.forEach((_, entry) => {
    entry.date = WORKBOOK_TIME;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function unicodeText(columns, records) {
  const cell = (value) => (value === null || value === undefined ? '' : String(value));
  const lines = [columns.map(([header]) => header).join('\t')];
  for (const record of records) lines.push(columns.map(([, valueOf]) => cell(valueOf(record))).join('\t'));
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]);
}

async function writeLanting(dir) {
  const world = simulateBrand(LANTING);
  const { random } = world;
  const newestFirst = [...world.lines].sort((a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? -1 : 1));
  const yuan = (fen) => Math.round(fen) / 100;
  const textColumns = new Map(xinyaOrderColumns(random));
  const orderColumns = [
    ['订单号', (l) => l.orderId],
    ['订单创建时间', (l) => excelDate(l.createdAt), 'yyyy-mm-dd hh:mm:ss'],
    ['订单支付时间', (l) => (l.paidAtShown === null ? null : excelDate(l.paidAtShown)), 'yyyy-mm-dd hh:mm:ss'],
    ['商品ID', (l) => l.product.id],
    ['商品名称', (l) => l.product.name],
    ['SKU编码', (l) => l.product.sku],
    ['成交数量', (l) => l.quantity],
    ['实付款', (l) => yuan(l.amountFen), '0.00'],
    ['订单状态', textColumns.get('订单状态')],
    ['售后状态', (l) => l.afterSale || null],
    ['订单退款(元)', (l) => (l.refundFen > 0 && !l.refundBlank ? yuan(l.refundFen) : null), '0.00'],
    ['渠道', (l) => (l.seller === 'self' ? '自营' : '分销')],
    ['订单载体', (l) => CARRIER_ZH[l.carrier]],
    ['账号明细', (l) => l.account],
    ['CPS达人ID', (l) => l.creatorId],
    ['CPS达人昵称', (l) => l.creatorName],
    ['团长ID', (l) => l.leaderId],
  ];
  writeFileSync(
    join(dir, '快手小店订单导出_202406.xlsx'),
    await workbookBytes('订单列表', ['快手小店-订单导出 导出时间:2024-07-01 10:02:11'], orderColumns, newestFirst),
  );

  const sessions = world.sessions.map((session) => sessionTraffic(random, session, world.lines, TEA_SHOP_SESSIONS));
  writeFileSync(join(dir, '直播数据_202406.txt'), unicodeText(TEA_SHOP_TRAFFIC_COLUMNS, sessions));

  writeJson(join(dir, 'brand.json'), {
    name: '兰亭茶舍',
    category: 'food',
    profile: 'food',
    period: { from: '2024-06-01', to: '2024-06-30' },
    ownAccounts: LANTING.self.accounts,
    scores: { shopExperience: 4.4, creatorReputation: 4.5, product: 4.6 },
  });
  return { world, sessions };
}

// ---------------------------------------------------------------------------------------------

const BRANDS = [
  ['xinya-tea', writeXinya],
  ['huaxi-beauty', writeHuaxi],
  ['jiangnan-home', writeJiangnan],
  ['shanye-snacks', writeShanye],
  ['lanting-tea', writeLanting],
];

async function main() {
  for (const [slug, write] of BRANDS) {
    const dir = join(EXAMPLES_DIR, slug);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await write(dir);
    process.stdout.write(`wrote examples/${slug}/\n`);
  }
}

await main();
