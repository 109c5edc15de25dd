// The generator of exports as clients really send them, for the end-to-end tests: workbooks,
// locked workbooks, Excel's Unicode text, semicolon CSVs, the 61-column 快手小店 order export
// with every way a row can be credited, and the settlement export. Every figure the tests
// check is written here by hand, so the expected numbers can be read off the rows.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import officeCrypto from 'officecrypto-tool';

export type Cell = string | number | Date | null;

export function clientDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'steps-exports-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A workbook with the given sheets, each a list of rows (title rows included). */
export async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function locked(bytes: Buffer, password: string): Buffer {
  return officeCrypto.encrypt(bytes, { password });
}

export function delimited(rows: Cell[][], delimiter: string): string {
  return `${rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join(delimiter)).join('\r\n')}\r\n`;
}

/** Excel's "Unicode text": UTF-16LE with a BOM, tab-separated. */
export function unicodeText(rows: Cell[][]): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(delimited(rows, '\t'), 'utf16le')]);
}

export function utf16be(rows: Cell[][]): Buffer {
  return iconv.encode(delimited(rows, '\t'), 'utf16-be');
}

export function encoded(text: string, encoding: string): Buffer {
  return iconv.encode(text, encoding);
}

// ---------------------------------------------------------------------------------------------
// A small orders export: 3 lines, ¥59.90 + ¥120.00 + ¥10.10 = ¥190.00, 18-digit ids.

export const SMALL_ORDERS_HEADER = ['订单号', '订单支付时间', '实付款', '商品名称', 'CPS达人ID'];
export const SMALL_ORDERS: Cell[][] = [
  ['240618000000000001', '2024-06-18 20:15:03', 59.9, '手撕牛肉', 'kol_1'],
  ['240618000000000002', '2024-06-18 21:00:00', 120, '白桃乌龙', ''],
  ['240618000000000003', '2024-06-19 10:00:00', 10.1, '茉莉花茶', 'kol_2'],
];

// ---------------------------------------------------------------------------------------------
// The 61-column 快手小店 order export, as it comes: every header of the real export, filled for
// the columns the tool reads. Rows by case:
//   A  CPS达人ID kol_a                                      ¥100  creator kol_a
//   B  CPS达人ID 0, 授权推广者ID promo_b                      ¥80   creator promo_b
//   C  only 快赚客ID qz_c                                    ¥60   creator qz_c
//   D  only 团长ID t_1                                       ¥50   creator t_1
//   E  only 团长ID t_2                                       ¥40   creator t_2 (its own creator)
//   F  no one credited, 渠道 自营                            ¥30   self
//   G  gift line of order A (赠品订单号 set, ¥0)             not an order
//   H  交易关闭 + 退款成功 with a payment time               ¥70   in GMV and refunds
//   I  交易关闭 without a payment time                       not counted
// GMV ¥430, refunds ¥70, net ¥360, 7 orders; creator GMV ¥400 (H is kol_a's) over 5 creators.

export const FULL_EXPORT_HEADER = [
  '订单号',
  '赠品订单号',
  '活动订单编号',
  '订单创建时间',
  '订单支付时间',
  '预售定金支付时间',
  '商品ID',
  '商品名称',
  'SKU编码',
  '商品规格',
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
  '账号类型',
  '账号明细',
  'CPS达人ID',
  'CPS达人昵称',
  '预估推广佣金',
  '预估推广者分佣比例',
  '授权推广者ID',
  '授权推广者昵称',
  '团长ID',
  '团长昵称',
  '快赚客ID',
  '快赚客昵称',
  '收货人',
  '收货人手机号',
  '收货省份',
  '收货城市',
  '收货区县',
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
  '是否预售',
  '预计发货时间',
  '确认收货时间',
  '结算时间',
  '商品类目',
  '商品编码',
  '达人类型',
  '推广类型',
  '流量来源',
  '订单来源',
] as const;

interface FullRow {
  orderId: string;
  gift?: string;
  paidAt: string;
  amount: string;
  status?: string;
  afterSale?: string;
  channel: string;
  cps?: string;
  cpsName?: string;
  promoter?: string;
  promoterName?: string;
  leader?: string;
  leaderName?: string;
  quickEarner?: string;
  quickEarnerName?: string;
}

export const FULL_EXPORT_ROWS: FullRow[] = [
  {
    orderId: '2406180000000000011',
    paidAt: '2024-06-18 20:00:00',
    amount: '100.00',
    channel: '分销',
    cps: 'kol_a',
    cpsName: '阿甲',
  },
  {
    orderId: '2406180000000000012',
    paidAt: '2024-06-18 20:05:00',
    amount: '80.00',
    channel: '分销',
    cps: '0',
    promoter: 'promo_b',
    promoterName: '授权乙',
  },
  {
    orderId: '2406180000000000013',
    paidAt: '2024-06-18 20:10:00',
    amount: '60.00',
    channel: '分销',
    quickEarner: 'qz_c',
    quickEarnerName: '快赚丙',
  },
  {
    orderId: '2406180000000000014',
    paidAt: '2024-06-18 20:15:00',
    amount: '50.00',
    channel: '分销',
    leader: 't_1',
    leaderName: '团长一',
  },
  {
    orderId: '2406180000000000015',
    paidAt: '2024-06-18 20:20:00',
    amount: '40.00',
    channel: '分销',
    leader: 't_2',
    leaderName: '团长二',
  },
  { orderId: '2406180000000000016', paidAt: '2024-06-18 20:25:00', amount: '30.00', channel: '自营' },
  {
    orderId: '2406180000000000017',
    gift: '2406180000000000011',
    paidAt: '2024-06-18 20:00:00',
    amount: '0.00',
    channel: '分销',
    cps: 'kol_a',
  },
  {
    orderId: '2406180000000000018',
    paidAt: '2024-06-18 20:30:00',
    amount: '70.00',
    status: '交易关闭',
    afterSale: '退款成功',
    channel: '分销',
    cps: 'kol_a',
    cpsName: '阿甲',
  },
  { orderId: '2406180000000000019', paidAt: '', amount: '25.00', status: '交易关闭', channel: '自营' },
];

function fullExportCells(row: FullRow): string[] {
  const values: Record<string, string> = {
    订单号: row.orderId,
    赠品订单号: row.gift ?? '',
    订单创建时间: row.paidAt || '2024-06-18 19:00:00',
    订单支付时间: row.paidAt,
    商品ID: '21730001',
    商品名称: '白桃乌龙冷泡茶',
    成交数量: '1',
    实付款: row.amount,
    订单状态: row.status ?? '已完成',
    售后状态: row.afterSale ?? '-',
    渠道: row.channel,
    订单载体: '直播间',
    CPS达人ID: row.cps ?? '0',
    CPS达人昵称: row.cpsName ?? '',
    授权推广者ID: row.promoter ?? '0',
    授权推广者昵称: row.promoterName ?? '',
    团长ID: row.leader ?? '0',
    团长昵称: row.leaderName ?? '',
    快赚客ID: row.quickEarner ?? '0',
    快赚客昵称: row.quickEarnerName ?? '',
    收货人: '王**',
    快递公司: '中通快递',
  };
  return FULL_EXPORT_HEADER.map((header) => values[header] ?? '');
}

export function fullOrderExport(): string {
  return delimited([[...FULL_EXPORT_HEADER], ...FULL_EXPORT_ROWS.map(fullExportCells)], ',');
}

// ---------------------------------------------------------------------------------------------
// The settlement export for orders A, B and one order the order export does not have.
//   A  ¥100, refund 0, 达人佣金 ¥20
//   B  ¥80, refund ¥30 (the order export recorded none), 达人佣金 ¥8 + 团长佣金 ¥2
//   Z  ¥45, 达人 kol_z ¥5: no order line beside an orders export

export const SETTLEMENT_HEADER = [
  '订单号',
  '订单创建时间',
  '订单实付(元)',
  '订单退款(元)',
  '达人ID',
  '达人佣金(元)',
  '团长id',
  '团长佣金(元)',
  '快赚客ID',
  '技术服务费(元)',
  '实际结算金额(元)',
  '实际结算时间',
];

export function settlementExport(): string {
  return delimited(
    [
      SETTLEMENT_HEADER,
      [
        '2406180000000000011',
        '2024-06-18 19:59:00',
        '100.00',
        '0',
        'kol_a',
        '20.00',
        '0',
        '0',
        '0',
        '1.00',
        '79.00',
        '2024-07-01 00:00:00',
      ],
      [
        '2406180000000000012',
        '2024-06-18 20:04:00',
        '80.00',
        '30.00',
        'promo_b',
        '8.00',
        't_9',
        '2.00',
        '0',
        '0.80',
        '39.20',
        '2024-07-01 00:00:00',
      ],
      [
        '2406180000000000099',
        '2024-06-19 09:00:00',
        '45.00',
        '0',
        'kol_z',
        '5.00',
        '0',
        '0',
        '0',
        '0.45',
        '39.55',
        '2024-07-01 00:00:00',
      ],
    ],
    ',',
  );
}
