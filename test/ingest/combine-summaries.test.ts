// A big export read in ranges on several threads must report the same counts as one pass: every
// count a range keeps is summed (gift lines and paid-then-refunded lines were once taken from the
// first range only, so validate and the report under-counted them on files over 32 MB).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, loadBrand } from '../../src/ingest/index.js';
import { combineSummaries } from '../../src/ingest/parallel/combine.js';
import { createMetricsAccumulator } from '../../src/metrics/index.js';
import { EXAMPLES } from '../e2e/run-cli.js';

async function ordersSummary() {
  const dir = join(EXAMPLES, 'xinya-tea');
  const brand = await loadBrand(dir);
  const result = await ingest({ dir }, createMetricsAccumulator(brand, null));
  return result.files.find((file) => file.kind === 'orders')!;
}

describe('combineSummaries', () => {
  it('sums every count the ranges kept, gift and paid-then-refunded lines included', async () => {
    const whole = await ordersSummary();
    const first = { ...whole, giftLines: 2, paidThenRefundedLines: 1, normalisedIds: 1 };
    const second = { ...whole, giftLines: 3, paidThenRefundedLines: 4, normalisedIds: 0 };
    const combined = combineSummaries([first, second]);
    expect(combined.giftLines).toBe(5);
    expect(combined.paidThenRefundedLines).toBe(5);
    expect(combined.normalisedIds).toBe(1);
    expect(combined.rows).toBe(whole.rows * 2);
    expect(combined.duplicateRows).toBe(whole.duplicateRows * 2);
    expect(combined.excludedRows).toBe(whole.excludedRows * 2);
  });
});
