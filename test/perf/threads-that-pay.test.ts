// When a big export is read on threads: only with a core free for each worker. A worker on a
// busy core slows both threads below one pass, so the decision follows the idle cores seen.

import { describe, expect, it } from 'vitest';
import { threadsThatPay } from '../../src/ingest/parallel/index.js';

describe('threads for one big export', () => {
  it('reads on two threads when both cores of two are idle', () => {
    expect(threadsThatPay(2, 2)).toBe(2);
    expect(threadsThatPay(2, 1.8)).toBe(2);
  });

  it('reads in one pass when another program keeps a core busy', () => {
    expect(threadsThatPay(2, 1)).toBe(1);
    expect(threadsThatPay(2, 1.5)).toBe(1);
    expect(threadsThatPay(8, 0.2)).toBe(1);
  });

  it('never takes more threads than asked, nor fewer than one', () => {
    expect(threadsThatPay(2, 16)).toBe(2);
    expect(threadsThatPay(1, 16)).toBe(1);
    expect(threadsThatPay(4, 0)).toBe(1);
  });
});
