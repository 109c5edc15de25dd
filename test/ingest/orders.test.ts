import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/ingest/fields.js';
import { ingest } from '../../src/ingest/index.js';
import { createOrderNormaliser, resolveSeller } from '../../src/ingest/orders.js';
import { EXCLUDED, OutsidePeriod, RowFault } from '../../src/ingest/rows.js';
import type { OrderLine } from '../../src/ingest/types.js';
import {
  clientFolder,
  collectingSink,
  csvText,
  ORDER_HEADER,
  orderRow,
  ordersCsv,
  type OrderFixture,
} from './helpers.js';

function normaliseOne(
  fields: OrderFixture,
  options: { ownAccounts?: string[]; header?: string[]; cells?: string[] } = {},
) {
  const header = options.header ?? ORDER_HEADER;
  const map = mapColumns('orders', header, {});
  const normalise = createOrderNormaliser(map, new Set(options.ownAccounts ?? []), null);
  return normalise(options.cells ?? orderRow(fields), 3);
}

function line(fields: OrderFixture, options: { ownAccounts?: string[] } = {}): OrderLine {
  const outcome = normaliseOne(fields, options);
  if (typeof outcome === 'symbol' || outcome instanceof RowFault || outcome instanceof OutsidePeriod)
    throw new Error(`not an order line: ${String(outcome)}`);
  return outcome;
}

describe('order line normalisation', () => {
  it('turns a 快手小店 row into an order line with money in fen and the id as text', () => {
    const order = line({
      orderId: '2406181234567890123',
      amount: '¥1,299.90',
      quantity: '2',
      paidAt: '2024-06-18 20:16:41',
    });
    expect(order).toMatchObject({
      orderId: '2406181234567890123',
      amountFen: 129990,
      quantity: 2,
      refundFen: 0,
      productId: '22001845',
      productName: '玻尿酸补水面膜 10片装',
      sku: 'MM-10',
      seller: 'self',
      carrier: 'live',
    });
    expect(order.paidAt).toBe(Date.parse('2024-06-18T20:16:41+08:00'));
  });

  it('defaults the quantity to 1 when the export has no quantity column', () => {
    const header = ['订单号', '订单支付时间', '实付款'];
    const outcome = normaliseOne({}, { header, cells: ['2406181234567890123', '2024-06-18 20:16:41', '59.90'] });
    expect(outcome).toMatchObject({ quantity: 1, seller: 'self', carrier: 'other' });
  });

  it.each(['已关闭', '交易关闭', '已取消', '待付款', '未支付', 'closed', 'Cancelled', 'unpaid'])(
    'does not count a line whose status is %s',
    (status) => {
      expect(normaliseOne({ status, paidAt: '' })).toBe(EXCLUDED);
    },
  );

  it('counts paid lines whatever else the status says', () => {
    for (const status of ['交易成功', '已发货', '待发货', '已收货']) expect(line({ status }).amountFen).toBe(5990);
  });

  it('subtracts nothing itself but carries the refund amount', () => {
    expect(line({ amount: '199.00', refund: '50.00' }).refundFen).toBe(5000);
  });

  it('reads a line marked 退款成功 with no refund amount as a full refund', () => {
    expect(line({ amount: '199.00', afterSale: '退款成功', refund: '' }).refundFen).toBe(19900);
    expect(line({ amount: '199.00', afterSale: '已退款', refund: '0' }).refundFen).toBe(19900);
    expect(line({ amount: '199.00', afterSale: '售后关闭', refund: '' }).refundFen).toBe(0);
  });

  it('reads a negative refund as money returned, and never more than was paid', () => {
    expect(line({ amount: '199.00', refund: '-50.00' }).refundFen).toBe(5000);
    expect(line({ amount: '199.00', refund: '250.00' }).refundFen).toBe(19900);
  });

  it('skips a row with a bad amount, naming the column and value', () => {
    const outcome = normaliseOne({ amount: 'abc' });
    expect(outcome).toBeInstanceOf(RowFault);
    expect(outcome).toMatchObject({ column: '实付款', value: 'abc', code: 'ingest.row.badMoney' });
  });

  it('skips a row without a payment time or with a bad one', () => {
    expect(normaliseOne({ paidAt: '' })).toMatchObject({ column: '订单支付时间', code: 'ingest.row.missingValue' });
    expect(normaliseOne({ paidAt: '2024-02-30 10:00:00' })).toMatchObject({ code: 'ingest.row.badTime' });
  });

  it('skips a row whose order id Excel rounded', () => {
    expect(normaliseOne({ orderId: '2.40618E+18' })).toMatchObject({ column: '订单号', code: 'ingest.row.mangledId' });
  });

  it('drops lines outside the period', () => {
    const map = mapColumns('orders', ORDER_HEADER, {});
    const june = { fromMs: Date.parse('2024-06-01T00:00:00+08:00'), toMs: Date.parse('2024-06-30T23:59:59.999+08:00') };
    const normalise = createOrderNormaliser(map, new Set(), june);
    const july = normalise(orderRow({ paidAt: '2024-07-01 00:00:00' }), 3);
    expect(july).toBeInstanceOf(OutsidePeriod);
    // The time comes along, so an empty period can say which dates the data covers.
    expect((july as OutsidePeriod).at).toBe(Date.parse('2024-07-01T00:00:00+08:00'));
    expect(normalise(orderRow({ paidAt: '2024-06-30 23:59:59' }), 3)).toMatchObject({ amountFen: 5990 });
  });
});

describe('seller resolution', () => {
  it.each([
    ['分销', 'creator'],
    ['达人合作', 'creator'],
    ['超级链接', 'creator'],
    ['自营', 'self'],
  ] as const)('channel %s → %s, whatever the creator columns say', (channel, seller) => {
    expect(line({ channel, creatorId: 'kol_8841' }).seller).toBe(seller);
  });

  it('uses the account type when there is no channel', () => {
    const evidence = { channel: undefined, creatorId: 'kol_8841', creatorName: null, leaderId: null };
    expect(resolveSeller({ ...evidence, accountType: '经营号' }, new Set())).toBe('self');
    expect(resolveSeller({ ...evidence, creatorId: null, accountType: '合作达人' }, new Set())).toBe('creator');
  });

  it('reads a creator or 团长 id that is not an own account as a creator sale', () => {
    const none = { channel: '', accountType: '', creatorName: null };
    expect(resolveSeller({ ...none, creatorId: 'kol_8841', leaderId: null }, new Set())).toBe('creator');
    expect(resolveSeller({ ...none, creatorId: null, leaderId: 'tz_301' }, new Set())).toBe('creator');
    expect(resolveSeller({ ...none, creatorId: null, leaderId: null }, new Set())).toBe('self');
  });

  it('reads the brand’s own accounts (by id or name) as self', () => {
    const own = new Set(['acme_official', '阿克美官方旗舰店']);
    const none = { channel: '', accountType: '', leaderId: null };
    expect(resolveSeller({ ...none, creatorId: 'acme_official', creatorName: null }, own)).toBe('self');
    expect(resolveSeller({ ...none, creatorId: '88123', creatorName: '阿克美官方旗舰店' }, own)).toBe('self');
  });

  it('falls through an unknown channel value to the next rule', () => {
    expect(line({ channel: '其他渠道', creatorId: 'kol_8841' }).seller).toBe('creator');
  });
});

describe('carrier mapping', () => {
  it.each([
    ['直播间', 'live'],
    ['短视频', 'shortVideo'],
    ['商品卡', 'itemCard'],
    ['其他', 'other'],
    ['live', 'live'],
    ['shortVideo', 'shortVideo'],
    ['itemCard', 'itemCard'],
    ['other', 'other'],
    ['搜索', 'other'],
    ['', 'other'],
  ] as const)('%j → %s', (carrier, expected) => {
    expect(line({ carrier }).carrier).toBe(expected);
  });
});

describe('duplicate order lines', () => {
  it('counts the same order + product + SKU once, across monthly files, and says where', async () => {
    const repeated = orderRow({ orderId: '2406189900000000001', amount: '88.00' });
    const sameOrderOtherSku = [...repeated];
    sameOrderOtherSku[5] = 'MM-20';
    const dir = await clientFolder({
      '订单导出_05.csv': ordersCsv([orderRow(), repeated]),
      '订单导出_06.csv': ordersCsv([repeated, sameOrderOtherSku, orderRow()]),
    });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(sink.orders).toHaveLength(4);
    const [may, june] = result.files;
    expect(may!.duplicateRows).toBe(0);
    expect(june!.duplicateRows).toBe(1);
    expect(june!.issues[0]).toMatchObject({ line: 2, code: 'ingest.row.duplicate', value: '2406189900000000001' });
    expect(june!.skippedRows).toBe(0);
  });

  it('does not count closed lines as duplicates or sales', async () => {
    const dir = await clientFolder({
      'orders.csv': csvText(ORDER_HEADER, [
        orderRow({ status: '已关闭', paidAt: '' }),
        orderRow({ status: '待付款', paidAt: '' }),
        orderRow(),
      ]),
    });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(sink.orders).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ rows: 3, excludedRows: 2, skippedRows: 0, issueCount: 0 });
  });
});
