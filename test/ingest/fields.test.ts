import { describe, expect, it } from 'vitest';
import { classifyHeaderRow, mapColumns, normaliseHeader, type ExtraAliases } from '../../src/ingest/fields.js';
import { INPUT_KINDS } from '../../src/ingest/types.js';
import { ORDER_HEADER } from './helpers.js';

const none: ExtraAliases = {};

describe('normaliseHeader', () => {
  it('ignores case, whitespace and full/half-width brackets', () => {
    expect(normaliseHeader('订单实付（元）')).toBe(normaliseHeader('订单实付(元)'));
    expect(normaliseHeader(' Order ID ')).toBe(normaliseHeader('order_id'));
    expect(normaliseHeader('\ufeff订单号')).toBe(normaliseHeader('订单号'));
    expect(normaliseHeader('ＳＫＵ编码')).toBe(normaliseHeader('SKU编码'));
  });
});

describe('classifyHeaderRow', () => {
  it('recognises the 快手小店 order export', () => {
    expect(classifyHeaderRow(ORDER_HEADER, none, INPUT_KINDS)).toBe('orders');
  });

  it('recognises an English orders header', () => {
    expect(classifyHeaderRow(['order_id', 'paid_at', 'amount', 'qty'], none, INPUT_KINDS)).toBe('orders');
  });

  it('tells traffic from orders although both have 成交金额 and a live id', () => {
    const traffic = ['直播ID', '账号', '开播时间', '下播时间', '观看人数', '成交金额', '成交订单数'];
    expect(classifyHeaderRow(traffic, none, INPUT_KINDS)).toBe('traffic');
    // Equal numbers of matches: the kind whose required column is present wins.
    expect(classifyHeaderRow(['直播间ID', '账号', '成交金额'], none, INPUT_KINDS)).toBe('traffic');
  });

  it('tells products and customers from orders', () => {
    expect(classifyHeaderRow(['商品ID', '商品名称', '售价', '类目', '是否特供'], none, INPUT_KINDS)).toBe('products');
    expect(classifyHeaderRow(['买家ID', '是否粉丝', '首单时间', '累计订单数'], none, INPUT_KINDS)).toBe('customers');
  });

  it('does not take a title line for a header', () => {
    expect(classifyHeaderRow(['快手小店订单导出', '导出时间2024-07-01'], none, INPUT_KINDS)).toBeNull();
    expect(classifyHeaderRow(['2406181234567890123', '2024-06-18 20:15:03', '59.90'], none, INPUT_KINDS)).toBeNull();
  });

  it('classifies an orders file that lacks a required column as orders, so it can be rejected as such', () => {
    const header = ['订单号', '订单支付时间', '商品ID', '商品名称', '订单状态'];
    expect(classifyHeaderRow(header, none, INPUT_KINDS)).toBe('orders');
    expect(mapColumns('orders', header, none).missing.map((field) => field.name)).toEqual(['amount']);
  });

  it('uses columns.json aliases', () => {
    const extra: ExtraAliases = { orders: new Map([[normaliseHeader('付款金额'), 'amount']]) };
    const header = ['订单号', '付款时间', '付款金额'];
    expect(classifyHeaderRow(header, none, INPUT_KINDS)).toBeNull();
    expect(classifyHeaderRow(header, extra, INPUT_KINDS)).toBe('orders');
  });
});

describe('mapColumns', () => {
  it('maps the order export and lists the columns it ignores', () => {
    const map = mapColumns('orders', ORDER_HEADER, none);
    expect(map.columns).toMatchObject({
      orderId: '订单号',
      paidAt: '订单支付时间',
      amount: '实付款',
      refund: '订单退款(元)',
    });
    expect(map.ignored).toEqual(['订单创建时间', '收货地址']);
    expect(map.missing).toEqual([]);
  });

  it('prefers the payment time over the creation time, whatever the column order', () => {
    const map = mapColumns('orders', ['订单号', '订单支付时间', '订单创建时间', '实付款'], none);
    expect(map.columns.paidAt).toBe('订单支付时间');
    const reversed = mapColumns('orders', ['订单号', '订单创建时间', '订单支付时间', '实付款'], none);
    expect(reversed.index.paidAt).toBe(2);
  });

  it('falls back to the creation time when there is no payment time', () => {
    expect(mapColumns('orders', ['订单号', '订单创建时间', '实付款'], none).columns.paidAt).toBe('订单创建时间');
  });

  it('matches a header with a unit added in brackets', () => {
    const map = mapColumns('orders', ['订单号', '支付时间', '实付款（元）', '退款金额(元)'], none);
    expect(map.columns.amount).toBe('实付款（元）');
    expect(map.columns.refund).toBe('退款金额(元)');
  });

  it('lets a columns.json mapping win over a built-in alias', () => {
    const extra: ExtraAliases = { orders: new Map([[normaliseHeader('应付金额'), 'amount']]) };
    const map = mapColumns('orders', ['订单号', '支付时间', '实付款', '应付金额'], extra);
    expect(map.columns.amount).toBe('应付金额');
    expect(map.ignored).toContain('实付款');
  });
});
