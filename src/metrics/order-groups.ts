// Which creators, products or sessions each order has lines in. Counting an order once per
// group needs the (order, group) pairs; nearly every order sits in a single group, so one
// Int32 slot per order holds that group, and only an order that spans several groups points
// instead into `chains`, where its groups follow one another as (group, next) pairs.
//
// The chains are typed arrays rather than a Map of arrays: on the bench's million lines one
// order in seven has several products, and as a Map of arrays those 121,000 orders held about
// 16 MB of heap that the collector walked at every full collection (heap snapshot at finish),
// and that a worker thread posted by structured clone, object by object. As pairs they are
// 8 bytes a group, posted as one buffer.

import { PagedInt32 } from './paged.js';

/** In `first`: the order has no group yet. A value below it is a chain: -2 - its first pair. */
const NONE = -1;
/** In a pair's `next`: the last group of the chain. */
const END = -1;

export interface OrderGroups {
  /** Per order index: its group, NONE before any, or -2 - the first pair of its chain. */
  first: PagedInt32;
  /** Pairs of (group, next pair or END), two entries a pair; grown by half again as needed. */
  chains: Int32Array;
  /** Pairs in use. */
  pairs: number;
}

/** The same with `first` flat and both cut to what is used: what a worker posts. */
export interface PostedOrderGroups {
  first: Int32Array;
  chains: Int32Array;
}

export function createOrderGroups(): OrderGroups {
  return { first: new PagedInt32(NONE), chains: new Int32Array(256), pairs: 0 };
}

/** A new pair holding `group`, the last of its chain; returns its number. */
function addPair(groups: OrderGroups, group: number): number {
  const pair = groups.pairs++;
  if (2 * groups.pairs > groups.chains.length) {
    const grown = new Int32Array(Math.ceil(groups.chains.length * 1.5) + 2);
    grown.set(groups.chains);
    groups.chains = grown;
  }
  groups.chains[2 * pair] = group;
  groups.chains[2 * pair + 1] = END;
  return pair;
}

/** Records that the order has a line in the group; true when the pair is new. */
export function addOrderGroup(groups: OrderGroups, order: number, group: number): boolean {
  groups.first.ensure(order);
  const first = groups.first.get(order);
  if (first === group) return false;
  if (first === NONE) {
    groups.first.set(order, group);
    return true;
  }
  if (first >= 0) {
    const head = addPair(groups, first);
    const second = addPair(groups, group);
    groups.chains[2 * head + 1] = second;
    groups.first.set(order, -2 - head);
    return true;
  }
  let pair = -2 - first;
  for (;;) {
    if (groups.chains[2 * pair] === group) return false;
    const next = groups.chains[2 * pair + 1]!;
    if (next === END) break;
    pair = next;
  }
  const added = addPair(groups, group);
  groups.chains[2 * pair + 1] = added;
  return true;
}

/** The groups of an order whose `first` entry is `first`, live or posted alike, in the order they came. */
function visitGroups(first: number, chains: Int32Array, visit: (group: number) => void): void {
  if (first === NONE) return;
  if (first >= 0) {
    visit(first);
    return;
  }
  for (let pair = -2 - first; pair !== END; pair = chains[2 * pair + 1]!) visit(chains[2 * pair]!);
}

export function forEachGroupOfOrder(groups: OrderGroups, order: number, visit: (group: number) => void): void {
  if (order >= groups.first.length) return;
  visitGroups(groups.first.get(order), groups.chains, visit);
}

export function someGroupOfOrder(groups: OrderGroups, order: number, test: (group: number) => boolean): boolean {
  if (order >= groups.first.length) return false;
  const first = groups.first.get(order);
  if (first === NONE) return false;
  if (first >= 0) return test(first);
  const { chains } = groups;
  for (let pair = -2 - first; pair !== END; pair = chains[2 * pair + 1]!) if (test(chains[2 * pair]!)) return true;
  return false;
}

/**
 * Adds another accumulator's pairs, translated to this one's indexes; `onNew` hears each
 * pair this side did not have yet, so per-group order counts stay exact across threads.
 */
export function mergeOrderGroups(
  into: OrderGroups,
  from: PostedOrderGroups,
  orderRemap: Int32Array,
  groupRemap: Int32Array,
  onNew: (group: number) => void,
): void {
  const orders = Math.min(from.first.length, orderRemap.length);
  for (let order = 0; order < orders; order++) {
    visitGroups(from.first[order]!, from.chains, (group) => {
      const target = groupRemap[group]!;
      if (addOrderGroup(into, orderRemap[order]!, target)) onNew(target);
    });
  }
}

/** The groups of the first `orders` orders as a copy to post. */
export function postableOrderGroups(groups: OrderGroups, orders: number): PostedOrderGroups {
  return { first: groups.first.toFlat(orders), chains: groups.chains.slice(0, 2 * groups.pairs) };
}
