// Seeded test data for the benchmark and the parallel-ingest tests: a 快手小店 order export of
// any size, and a portfolio of client folders for `batch`. No Math.random and no clock: the
// same options write byte-identical files on every machine.
//
// The export looks like the real one where it matters to speed and correctness: Kuaishou's
// headers with a title line above them, a BOM, CRLF line ends, newest orders first, quoted
// product names holding commas, quotes and line breaks, ¥ amounts with thousands separators,
// multi-line orders, closed orders, refunds, re-exported lines pasted twice, repeat buyers.

import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createRandom } from '../examples/seeded-random.mjs';

/** Bump when the generated data changes, so cached benchmark data is rebuilt. */
export const GENERATOR_VERSION = 4;

export const ORDER_HEADERS = [
  '订单号',
  '订单创建时间',
  '订单支付时间',
  '商品ID',
  '商品名称',
  'SKU编码',
  '成交数量',
  '实付款',
  '订单状态',
  '售后状态',
  '订单退款(元)',
  '渠道',
  '订单载体',
  'CPS达人ID',
  'CPS达人昵称',
  '直播间ID',
  '买家ID',
];

// ---------------------------------------------------------------------------------------------
// Time: June 2024, Asia/Shanghai wall clock, written as the export writes it.

const PERIOD_START_MS = Date.UTC(2024, 5, 1);
export const PERIOD_DAYS = 30;
const pad2 = (value) => String(value).padStart(2, '0');

function formatTime(seconds) {
  const date = new Date(PERIOD_START_MS + seconds * 1000);
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  return `${day} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
}

/** Orders per day: weekends and the 618 festival sell more. */
function dayWeight(day) {
  const weekday = (day + 5) % 7; // 2024-06-01 was a Saturday
  const weekend = weekday === 0 || weekday === 6 ? 1.3 : 1;
  const festival = { 16: 1.5, 17: 1.9, 18: 3, 19: 0.85 }[day] ?? 1;
  return weekend * festival;
}

const HOURS = [0, 1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
const HOUR_WEIGHTS = [1, 0.5, 1, 1, 2, 2, 3, 2, 2, 2, 2, 2, 3, 5, 8, 8, 6, 3];

function randomSecondOfDay(random) {
  let target = random.next() * HOUR_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  let hour = HOURS[HOURS.length - 1];
  for (let i = 0; i < HOURS.length; i++) {
    target -= HOUR_WEIGHTS[i];
    if (target < 0) {
      hour = HOURS[i];
      break;
    }
  }
  return hour * 3600 + random.int(0, 3599);
}

// ---------------------------------------------------------------------------------------------
// Money: integer fen, written as the export does (¥89.10, ¥1,299.00).

function formatYuan(fen) {
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `¥${whole}.${pad2(fen % 100)}`;
}

function csvField(text) {
  if (/[",\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

// ---------------------------------------------------------------------------------------------
// The brand's catalogue, creators and own live sessions.

const BRANDS = ['山野', '新芽', '花溪', '江南', '云朵', '木子'];
const ITEMS = [
  ['冷泡乌龙茶', '三角包'],
  ['玻尿酸补水面膜', '片'],
  ['氨基酸洁面乳', 'g'],
  ['每日坚果', '袋'],
  ['手工牛轧糖', 'g'],
  ['桂花酒酿', '罐'],
  ['全棉四件套', '套'],
  ['香薰蜡烛', '只'],
  ['烟酰胺精华液', 'ml'],
  ['茉莉花茶', 'g'],
];
const TAGS = ['', '', '', ' 限时特惠', ' 618专享', ' 直播间专属', ' 官方旗舰'];

function productName(random, brand, item, unit, index) {
  const size = `${random.pick([1, 2, 3, 5, 10, 12, 30, 100, 120, 250, 500])}${unit}`;
  const tag = random.pick(TAGS);
  // Product titles are where exports carry commas, quotes and line breaks.
  if (index % 7 === 3) return `${brand} ${item}, ${size}装${tag}`;
  if (index % 23 === 5) return `${brand} ${item}\n${size}礼盒装`;
  if (index % 31 === 7) return `${brand} "网红款" ${item} ${size}`;
  return `${brand}${item} ${size}${tag}`;
}

function buildCatalogue(random, count) {
  const products = [];
  for (let index = 0; index < count; index++) {
    const [item, unit] = ITEMS[index % ITEMS.length];
    const brand = BRANDS[Math.floor(index / ITEMS.length) % BRANDS.length];
    const skuCount = random.int(1, 3);
    const skus = [];
    for (let s = 0; s < skuCount; s++) {
      skus.push({
        code: `SKU-${2000 + index}-${s + 1}`,
        priceFen: random.int(9, 399) * 100 + random.pick([0, 0, 90, 80]),
      });
    }
    products.push({
      id: `2173${random.digits(7)}${index % 10}`,
      name: productName(random, brand, item, unit, index),
      skus,
    });
  }
  return products;
}

const NICK_HEADS = ['小', '阿', '大', '老', '甜', '野', '乐', '七', '九', '木', '糖', '胖'];
const NICK_CORES = ['琳', '梅', '杰', '娜', '芳', '强', '燕', '涛', '婷', '鹏', '雪', '桃', '橙', '鱼', '豆', '米'];
const NICK_TAILS = [
  '爱分享',
  '好物推荐',
  '的生活馆',
  '严选',
  '带你逛',
  '种草记',
  '测评室',
  '吃货日记',
  '很会挑',
  '的小家',
];

function buildCreators(random, count) {
  const creators = [];
  for (let index = 0; index < count; index++) {
    const name = `${random.pick(NICK_HEADS)}${random.pick(NICK_CORES)}${random.pick(NICK_TAILS)}${index % 9 === 0 ? '👑' : ''}`;
    creators.push({ id: String(3_000_000_000 + index * 7919 + random.int(0, 7000)), name });
  }
  return creators;
}

/** The brand behind an export: everything drawn from the seed before the first order. */
function buildWorld(seed, productCount, creatorCount) {
  const random = createRandom(seed);
  const catalogue = buildCatalogue(random, productCount);
  const creators = buildCreators(random, creatorCount);
  const lives = buildLives(random);
  return { random, catalogue, creators, lives };
}

/** Two own sessions a day: 12:00 and 19:30, with ids as the live platform writes them. */
function buildLives(random) {
  const lives = [];
  for (let day = 1; day <= PERIOD_DAYS; day++) {
    for (const start of [12 * 3600, 19.5 * 3600]) {
      lives.push({ id: `1${random.digits(11)}`, day, start, end: start + (start < 15 * 3600 ? 3 : 5) * 3600 });
    }
  }
  return lives;
}

// ---------------------------------------------------------------------------------------------
// Order lines

/** Distinct 10-digit buyer ids: a multiplicative hash is a bijection on 32-bit numbers. */
function buyerIdOf(index) {
  return String(1_000_000_000 + (Math.imul(index + 1, 0x9e3779b1) >>> 0));
}

/**
 * Writes an orders export. Options: lines (data lines), seed, eol, bom, products, creators,
 * duplicateRate (a line followed by its exact copy), farDuplicates (copies of earlier lines
 * placed much later, as when two overlapping exports are pasted together), brokenEvery (every
 * so many lines, an amount or a time nobody can read, as hand-edited exports have), encode
 * (a function turning text into bytes, for GBK exports), fullColumns (快手小店's full 61-column
 * header: the same orders, with the 44 columns the diagnosis does not read filled in).
 */
export async function writeOrdersExport(path, options = {}) {
  const {
    lines = 1_000_000,
    seed = 20240618,
    eol = '\r\n',
    bom = true,
    products: productCount = 240,
    creators: creatorCount = 3000,
    duplicateRate = 0.001,
    farDuplicates = 0,
    brokenEvery = 0,
    encode = (text) => Buffer.from(text, 'utf8'),
    fullColumns = false,
  } = options;
  const { random, catalogue, creators, lives } = buildWorld(seed, productCount, creatorCount);

  const out = createWriteStream(path);
  let pending = [];
  let pendingLength = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    if (!out.write(encode(text))) await once(out, 'drain');
  };
  const emit = async (line) => {
    pending.push(line);
    pendingLength += line.length;
    if (pendingLength > 1 << 19) await flush();
  };

  const titleLine = `快手小店-订单导出,导出时间:2024-07-01 10:02:11${eol}`;
  await emit((bom ? '\ufeff' : '') + titleLine);
  const headers = fullColumns ? FULL_ORDER_HEADERS : ORDER_HEADERS;
  await emit(headers.map(csvField).join(',') + eol);
  const render = fullColumns ? renderFullLine : renderLine;

  const totalWeight = Array.from({ length: PERIOD_DAYS }, (_, i) => dayWeight(i + 1)).reduce((a, b) => a + b, 0);
  let buyers = 0;
  // Just over half the orders come from a buyer not seen before; the rest are repeat orders.
  const pickBuyer = () =>
    buyers === 0 || random.chance(0.57) ? buyerIdOf(buyers++) : buyerIdOf(random.int(0, buyers - 1));
  let written = 0;
  let orderSerial = 0;
  const half = Math.floor(lines / 2);
  const farStep = farDuplicates > 0 ? Math.floor(half / (farDuplicates + 1)) : 0;
  const farSources = [];
  let nextFarSource = farStep;
  let nextFarCopy = half + farStep;

  // Kuaishou lists the newest orders first: days from the last, each day's orders by time, descending.
  for (let day = PERIOD_DAYS; day >= 1 && written < lines; day--) {
    const quota = day === 1 ? lines - written : Math.round((lines * dayWeight(day)) / totalWeight);
    const dayLines = [];
    while (dayLines.length < quota) {
      const order = makeOrder(random, { day, catalogue, creators, lives, serial: orderSerial++, buyer: pickBuyer });
      for (const line of order) if (dayLines.length < quota) dayLines.push(line);
    }
    dayLines.sort((a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? 1 : -1));
    for (const line of dayLines) {
      if (written >= lines) break;
      const spoiled = brokenEvery > 0 && (written + 1) % brokenEvery === 0;
      const text = render(spoiled ? broken(line, written) : line, eol);
      await emit(text);
      written++;
      if (random.chance(duplicateRate) && written < lines) {
        await emit(text);
        written++;
      }
      if (farStep === 0) continue;
      // Counted lines of the first half come back in the second, as an overlapping export carries them.
      if (written >= nextFarSource && written <= half && isCounted(line) && !spoiled) {
        farSources.push(text);
        nextFarSource += farStep;
      }
      if (written >= nextFarCopy && farSources.length > 0 && written < lines) {
        await emit(farSources.shift());
        written++;
        nextFarCopy += farStep;
      }
    }
  }
  await flush();
  out.end();
  await once(out, 'finish');
  // Buyer ids handed out: the distinct buyers of the file, but for a few whose order was cut off at a day's end.
  return { lines: written, buyers };
}

function makeOrder(random, { day, catalogue, creators, lives, serial, buyer }) {
  const createdAt = (day - 1) * 86400 + randomSecondOfDay(random);
  const orderId = `24${pad2(6)}${pad2(day)}${String(serial).padStart(9, '0')}${random.digits(4)}`;
  const buyerId = buyer();
  const roll = random.next();
  const closed = roll < 0.04;
  const cancelledUnpaid = closed && random.chance(0.5);
  const paidAt = cancelledUnpaid ? null : createdAt + random.int(3, 600);
  const byCreator = random.chance(0.6);
  const creator = byCreator ? creators[random.skewed(creators.length)] : null;
  const carrier = byCreator
    ? random.pick(['直播间', '直播间', '直播间', '短视频', '短视频', '商品卡'])
    : random.pick(['直播间', '直播间', '直播间', '短视频', '商品卡', '商品卡']);
  const live = !byCreator && carrier === '直播间' ? liveAt(lives, createdAt) : null;
  const lineCount = random.next() < 0.85 ? 1 : random.chance(0.8) ? 2 : 3;
  const order = [];
  const used = new Set();
  for (let l = 0; l < lineCount; l++) {
    const product = catalogue[random.skewed(catalogue.length, 2)];
    const sku = random.pick(product.skus);
    if (used.has(sku.code)) continue;
    used.add(sku.code);
    const quantity = random.next() < 0.85 ? 1 : random.int(2, 3);
    const discount = random.pick([1, 1, 0.95, 0.9, 0.85]);
    const amountFen = Math.round((sku.priceFen * quantity * discount) / 10) * 10;
    const afterRoll = random.next();
    let afterSale = '-';
    let refund = '-';
    if (!closed && afterRoll < 0.03) {
      afterSale = '退款成功';
      refund = formatYuan(random.chance(0.7) ? amountFen : Math.round(amountFen / 2));
    } else if (!closed && afterRoll < 0.04) {
      afterSale = '退款中';
    }
    let status = '交易成功';
    if (closed) status = cancelledUnpaid ? '已取消' : '交易关闭';
    else if (day >= 27) status = random.pick(['已发货', '待发货', '交易成功']);
    else if (afterRoll > 0.9) status = '已收货';
    order.push({
      orderId,
      createdAt,
      paidAt,
      product,
      sku: sku.code,
      quantity,
      amount: formatYuan(amountFen),
      status,
      afterSale,
      refund,
      channel: byCreator ? '分销' : '自营',
      carrier,
      creator,
      live,
      buyerId,
    });
  }
  return order;
}

function isCounted(line) {
  return line.status !== '交易关闭' && line.status !== '已取消';
}

/** A line with one cell spoiled: the amount, or the payment time, by turns. */
function broken(line, index) {
  if (index % 2 === 0) return { ...line, amount: 'abc' };
  return { ...line, paidAt: null, status: '交易成功' };
}

function liveAt(lives, at) {
  for (const live of lives) {
    const start = (live.day - 1) * 86400 + live.start;
    if (at >= start && at < start + (live.end - live.start)) return live.id;
  }
  return null;
}

/** The cells of ORDER_HEADERS for one line. */
function lineCells(line) {
  return [
    line.orderId,
    formatTime(line.createdAt),
    line.paidAt === null ? '' : formatTime(line.paidAt),
    line.product.id,
    csvField(line.product.name),
    line.sku,
    String(line.quantity),
    csvField(line.amount),
    line.status,
    line.afterSale,
    csvField(line.refund),
    line.channel,
    line.carrier,
    line.creator ? line.creator.id : '-',
    line.creator ? csvField(line.creator.name) : '-',
    line.live ?? '-',
    line.buyerId,
  ];
}

function renderLine(line, eol) {
  return lineCells(line).join(',') + eol;
}

// 快手小店's full order export (DATA.md): beside the columns above, shipping, discounts,
// subsidies, the receiver. In the order the backend writes them: the ones the diagnosis reads
// are spread among the others, so a reader that skips unread cells meets them all. Promoter
// columns other than CPS达人ID stay empty, so the full export and the 17-column one with the
// same seed hold the same orders and give the same diagnosis.
const FULL_ORDER_HEADERS = [
  '订单号',
  '赠品订单号',
  '活动订单编号',
  '订单创建时间',
  '订单支付时间',
  '预售定金支付时间',
  '订单完成时间',
  '商品ID',
  '商品名称',
  'SKU编码',
  '商品规格',
  '商家编码',
  '商品单价',
  '成交数量',
  '实付款',
  '快递费',
  '店铺优惠',
  '平台补贴',
  '主播补贴',
  '支付优惠',
  '支付方式',
  '订单状态',
  '售后状态',
  '订单退款(元)',
  '渠道',
  '订单载体',
  'CPS达人ID',
  'CPS达人昵称',
  '预估推广佣金',
  '预估推广者分佣比例',
  '授权推广者ID',
  '团长ID',
  '团长昵称',
  '快赚客ID',
  '快赚客昵称',
  '直播间ID',
  '直播间标题',
  '推广位ID',
  '流量来源',
  '买家ID',
  '收货人',
  '收货人手机号',
  '省',
  '市',
  '区',
  '收货地址',
  '买家留言',
  '商家备注',
  '发货时间',
  '快递公司',
  '快递单号',
  '仓库名称',
  '国补',
  '类国补',
  '消费券',
  '是否分销',
  '结算状态',
  '订单类型',
  '下单平台',
  '商品类目',
  '发票状态',
];
/** For each column of FULL_ORDER_HEADERS, its place among ORDER_HEADERS; -1 for a column the diagnosis does not read. */
const READ_AT = FULL_ORDER_HEADERS.map((header) => ORDER_HEADERS.indexOf(header));
if (ORDER_HEADERS.some((header) => !FULL_ORDER_HEADERS.includes(header)) || new Set(FULL_ORDER_HEADERS).size !== 61) {
  throw new Error('FULL_ORDER_HEADERS must hold every order header, 61 columns in all');
}
const PROVINCES = [
  ['浙江省', '杭州市', '西湖区'],
  ['广东省', '深圳市', '南山区'],
  ['四川省', '成都市', '武侯区'],
  ['山东省', '青岛市', '市南区'],
  ['河南省', '郑州市', '金水区'],
];
const COURIERS = ['中通快递', '圆通速递', '韵达快递', '顺丰速运', '极兔速递'];
const PAYMENTS = ['微信支付', '支付宝', '快手支付'];

function renderFullLine(line, eol) {
  // Derived from the order id, not drawn from the generator's random stream: the orders stay those of the same seed.
  const spin = Number(line.orderId.slice(-6));
  const [province, city, district] = PROVINCES[spin % PROVINCES.length];
  const shipped = line.paidAt === null ? '' : formatTime(line.paidAt + 3600 * (6 + (spin % 40)));
  // The unread columns this export fills; the others stay empty.
  const unread = {
    活动订单编号: spin % 9 === 0 ? `HD${line.orderId.slice(-10)}` : '',
    订单完成时间: shipped,
    快递费: spin % 3 === 0 ? '0.00' : '6.00',
    店铺优惠: spin % 5 === 0 ? '5.00' : '0.00',
    平台补贴: spin % 7 === 0 ? '3.00' : '0.00',
    主播补贴: '0.00',
    支付优惠: spin % 4 === 0 ? '1.20' : '0.00',
    支付方式: PAYMENTS[spin % PAYMENTS.length],
    商品单价: csvField(line.amount),
    商品规格: `${1 + (spin % 3)}件装`,
    商家编码: `SJ${line.product.id.slice(-6)}`,
    预估推广佣金: line.creator ? (spin % 50).toFixed(2) : '0.00',
    预估推广者分佣比例: line.creator ? `${10 + (spin % 20)}%` : '',
    收货人: `${NICK_HEADS[spin % NICK_HEADS.length]}**`,
    收货人手机号: `1${38 + (spin % 9)}****${String(spin % 10000).padStart(4, '0')}`,
    省: province,
    市: city,
    区: district,
    收货地址: csvField(`${province}${city}${district}文一西路${spin % 900}号${spin % 30}幢${spin % 6}单元`),
    买家留言: spin % 11 === 0 ? csvField('请尽快发货，谢谢') : '',
    发货时间: shipped,
    快递公司: COURIERS[spin % COURIERS.length],
    快递单号: `7${String(spin).padStart(6, '0')}${line.orderId.slice(-6)}`,
    仓库名称: '杭州一号仓',
    国补: '0.00',
    类国补: '0.00',
    消费券: '0.00',
    是否分销: line.creator ? '是' : '否',
    结算状态: line.paidAt === null ? '' : '待结算',
    订单类型: '普通订单',
    下单平台: spin % 2 === 0 ? 'APP' : '小程序',
    流量来源: line.carrier,
    商品类目: '食品饮料',
    发票状态: '未开票',
  };
  const read = lineCells(line);
  return (
    FULL_ORDER_HEADERS.map((header, i) => (READ_AT[i] === -1 ? (unread[header] ?? '') : read[READ_AT[i]])).join(',') +
    eol
  );
}

// ---------------------------------------------------------------------------------------------
// A portfolio: client folders of realistic size, each with brand.json, an orders export and a
// live-session traffic export.

const TRAFFIC_HEADERS = [
  '直播ID',
  '账号',
  '开播时间',
  '下播时间',
  '观看人数',
  '观看次数',
  '最高在线人数',
  '平均在线人数',
  '人均观看时长',
  '新增粉丝数',
  '花费',
];
const CATEGORIES = ['food', 'beauty', 'home', 'food', 'beauty', 'home', 'food', 'beauty'];

export async function writePortfolio(dir, { clients = 8, seed = 618, lines = [40_000, 120_000] } = {}) {
  const random = createRandom(seed);
  const written = [];
  for (let index = 0; index < clients; index++) {
    const name = `client-${String(index + 1).padStart(2, '0')}`;
    const clientDir = join(dir, name);
    await mkdir(clientDir, { recursive: true });
    const clientSeed = random.int(1, 2 ** 31);
    const lineCount = random.int(lines[0], lines[1]);
    const brand = {
      name: `品牌${index + 1}`,
      category: CATEGORIES[index % CATEGORIES.length],
      period: { from: '2024-06-01', to: '2024-06-30' },
      ownAccounts: [],
    };
    await writeFile(join(clientDir, 'brand.json'), `${JSON.stringify(brand, null, 2)}\n`);
    await writeOrdersExport(join(clientDir, '订单导出_202406.csv'), {
      lines: lineCount,
      seed: clientSeed,
      creators: 800,
    });
    await writeFile(join(clientDir, '直播数据_202406.csv'), trafficExport(clientSeed));
    written.push({ client: name, lines: lineCount });
  }
  return written;
}

/** The own sessions the client's orders export points at (the same world, from the same seed). */
function trafficExport(seed) {
  const { random, lives } = buildWorld(seed, 240, 800);
  const rows = [TRAFFIC_HEADERS.join(',')];
  for (const live of lives) {
    const base = (live.day - 1) * 86400;
    const viewers = random.int(3_000, 60_000);
    rows.push(
      [
        live.id,
        '官方旗舰店',
        formatTime(base + live.start),
        formatTime(base + live.end),
        viewers,
        Math.round(viewers * (1.3 + random.next())),
        Math.round(viewers * 0.08),
        Math.round(viewers * 0.03),
        `${random.int(40, 160)}秒`,
        Math.round(viewers * 0.02),
        formatYuan(random.int(0, 8000) * 100),
      ]
        .map((cell) => csvField(String(cell)))
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
