import { describe, expect, it } from 'vitest';
import { ensureIndex, grown, trimmed } from '../../src/metrics/grow.js';

describe('growing dense arrays', () => {
  it('keeps every value and fills new slots, growing one array in place once it is resizable', () => {
    let paidAt = new Float64Array(0);
    const arrays = new Set<Float64Array>();
    for (let order = 0; order < 200_000; order++) {
      paidAt = ensureIndex(paidAt, order, Infinity);
      expect(paidAt[order]).toBe(Infinity);
      paidAt[order] = order * 1000;
      arrays.add(paidAt);
    }
    // The first growth copies the empty array onto a resizable buffer; every later one is in place.
    expect(arrays.size).toBe(1);
    expect(paidAt.buffer.resizable).toBe(true);
    for (let order = 0; order < 200_000; order += 997) expect(paidAt[order]).toBe(order * 1000);
    expect(paidAt.length).toBeLessThan(200_000 * 1.15);
  });

  it('copies a view that does not follow its buffer (a slice of a posted state, say)', () => {
    const buffer = new ArrayBuffer(64, { maxByteLength: 1024 });
    const view = new Int32Array(buffer, 4, 8);
    view[7] = 42;
    const result = ensureIndex(view, 20, -1);
    expect(result).not.toBe(view);
    expect(buffer.byteLength).toBe(64);
    expect(result[7]).toBe(42);
    expect(result[8]).toBe(-1);
    expect(result[20]).toBe(-1);
  });

  it('copies when the reservation is outgrown', () => {
    const buffer = new ArrayBuffer(16, { maxByteLength: 32 });
    const bytes = new Uint8Array(buffer);
    bytes.set([1, 2, 3]);
    const result = grown(bytes, 100);
    expect(result).not.toBe(bytes);
    expect(result.length).toBeGreaterThanOrEqual(100);
    expect([...result.subarray(0, 4)]).toEqual([1, 2, 3, 0]);
  });

  it('trims to a plain copy that posting does not pad with the room to grow', () => {
    const starts = ensureIndex(new Uint32Array(0), 9, 0);
    starts.set([5, 6, 7]);
    const copy = trimmed(starts, 3);
    expect([...copy]).toEqual([5, 6, 7]);
    expect(copy.buffer.resizable).toBe(false);
    expect(copy.buffer.byteLength).toBe(12);
  });
});
