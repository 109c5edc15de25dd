import type { RecordSink } from '../types.js';

/**
 * Passes records on and counts the orders among them: a range re-read in one pass skips the
 * orders the parallel attempt already sent, so both sides must count them the same way.
 */
export function countingOrders(sink: RecordSink, count: () => void): RecordSink {
  return {
    order: (line) => {
      count();
      sink.order(line);
    },
    session: (row) => sink.session(row),
    product: (row) => sink.product(row),
    customer: (row) => sink.customer(row),
  };
}
