// The duplicate check a file read on several threads shares: each key is tagged with the range
// it was first read in, and the threads read their ranges in file order, so a key met again in
// the same or a later range is a duplicate, and one met first in a later range means that
// range's reader took for new a line one pass counts as a duplicate.

import { describe, expect, it } from 'vitest';
import {
  createSharedKeysTable,
  OrderLineKeys,
  SharedOrderLineKeys,
  sharedKeysAsSet,
  sharedKeysUnsure,
} from '../../src/ingest/dedupe.js';

describe('the order-line keys the threads share', () => {
  it('counts a line again in the same or a later range as a duplicate', () => {
    const table = createSharedKeysTable(100);
    const first = new SharedOrderLineKeys(table, 0, null);
    const later = new SharedOrderLineKeys(table, 3, null);
    expect(first.add('2406180001', 'P1', 'S1')).toBe(true);
    expect(first.add('2406180001', 'P1', 'S1')).toBe(false);
    expect(later.add('2406180001', 'P1', 'S1')).toBe(false);
    // Another product of the same order is another line.
    expect(later.add('2406180001', 'P2', 'S1')).toBe(true);
    expect(sharedKeysUnsure(table)).toBe(false);
  });

  it('says one pass must decide when an earlier range meets a key a later range read first', () => {
    const table = createSharedKeysTable(100);
    expect(new SharedOrderLineKeys(table, 5, null).add('2406180002', 'P1', null)).toBe(true);
    // The earlier copy is the first in the file: new here, and range 5 was wrong to take it for new.
    expect(new SharedOrderLineKeys(table, 2, null).add('2406180002', 'P1', null)).toBe(true);
    expect(sharedKeysUnsure(table)).toBe(true);
  });

  it("counts a line of the earlier files as a duplicate, and hands on the file's keys", () => {
    const earlier = new OrderLineKeys();
    earlier.add('2405310009', 'P1', null);
    const table = createSharedKeysTable(100);
    const keys = new SharedOrderLineKeys(table, 0, earlier);
    expect(keys.add('2405310009', 'P1', null)).toBe(false);
    expect(keys.add('2406180003', 'P1', null)).toBe(true);
    const seen = sharedKeysAsSet(table);
    expect(seen.size).toBe(1);
    expect(seen.add('2406180003', 'P1', null)).toBe(false);
    expect(seen.add('2406180004', 'P1', null)).toBe(true);
  });

  it('still counts its own duplicates once the table is full, and says one pass must decide', () => {
    const table = createSharedKeysTable(10);
    const keys = new SharedOrderLineKeys(table, 0, null);
    const ids = Array.from({ length: 3000 }, (_, i) => `24061800${String(i).padStart(5, '0')}`);
    for (const id of ids) expect(keys.add(id, 'P1', null)).toBe(true);
    expect(sharedKeysUnsure(table)).toBe(true);
    for (const id of ids) expect(keys.add(id, 'P1', null)).toBe(false);
  });

  it('goes on in a set of its own when one thread reads the file, holding every key', () => {
    const table = createSharedKeysTable(10);
    const keys = new SharedOrderLineKeys(table, 0, null);
    const ids = Array.from({ length: 3000 }, (_, i) => `24061900${String(i).padStart(5, '0')}`);
    // Past the table's room: the later keys wait aside until the thread is alone.
    for (const id of ids.slice(0, 2000)) expect(keys.add(id, 'P1', null)).toBe(true);
    const own = keys.alone();
    expect(own.size).toBe(2000);
    for (const id of ids) expect(keys.add(id, 'P1', null)).toBe(ids.indexOf(id) >= 2000);
    expect(own.size).toBe(3000);
  });

  it('shares the keys it met on its own once a worker is started', () => {
    const first = new SharedOrderLineKeys(null, 0, null);
    expect(first.add('2406200001', 'P1', null)).toBe(true);
    const table = createSharedKeysTable(100);
    first.share(table);
    // A worker's later range meets the first range's line: a duplicate.
    expect(new SharedOrderLineKeys(table, 1, null).add('2406200001', 'P1', null)).toBe(false);
    expect(first.add('2406200002', 'P1', null)).toBe(true);
    expect(new SharedOrderLineKeys(table, 1, null).add('2406200002', 'P1', null)).toBe(false);
    expect(sharedKeysUnsure(table)).toBe(false);
    expect(sharedKeysAsSet(table).size).toBe(2);
  });
});
