// Which creators, products or sessions each order has lines in. Counting an order once per
// group needs the (order, group) pairs; nearly every order sits in a single group, so one
// Int32 slot per order holds its first group and only the rare order that spans several
// groups keeps the others in `extra`. Memory: 4 bytes per order plus the rare spans.

import { PagedInt32 } from './paged.js';

export interface OrderGroups {
  /** Per order index: its first group, -1 before any. */
  first: PagedInt32;
  /** Order index → its other groups. */
  extra: Map<number, number[]>;
}

/** The same pairs with `first` flat and cut to the orders there are: what a worker posts. */
export interface PostedOrderGroups {
  first: Int32Array;
  extra: Map<number, number[]>;
}

export function createOrderGroups(): OrderGroups {
  return { first: new PagedInt32(-1), extra: new Map() };
}

/** Records that the order has a line in the group; true when the pair is new. */
export function addOrderGroup(groups: OrderGroups, order: number, group: number): boolean {
  groups.first.ensure(order);
  const first = groups.first.get(order);
  if (first === group) return false;
  if (first === -1) {
    groups.first.set(order, group);
    return true;
  }
  const others = groups.extra.get(order);
  if (others === undefined) {
    groups.extra.set(order, [group]);
    return true;
  }
  if (others.includes(group)) return false;
  others.push(group);
  return true;
}

/** The groups of an order whose first group is `first`, live or posted alike. */
function visitGroups(first: number, extra: Map<number, number[]>, order: number, visit: (group: number) => void): void {
  if (first === -1) return;
  visit(first);
  const others = extra.get(order);
  if (others === undefined) return;
  for (const group of others) visit(group);
}

export function forEachGroupOfOrder(groups: OrderGroups, order: number, visit: (group: number) => void): void {
  if (order >= groups.first.length) return;
  visitGroups(groups.first.get(order), groups.extra, order, visit);
}

export function someGroupOfOrder(groups: OrderGroups, order: number, test: (group: number) => boolean): boolean {
  if (order >= groups.first.length) return false;
  const first = groups.first.get(order);
  if (first === -1) return false;
  if (test(first)) return true;
  return groups.extra.get(order)?.some(test) ?? false;
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
    visitGroups(from.first[order]!, from.extra, order, (group) => {
      const target = groupRemap[group]!;
      if (addOrderGroup(into, orderRemap[order]!, target)) onNew(target);
    });
  }
}

/** The groups of the first `orders` orders as a copy to post (the rare spans are shared). */
export function postableOrderGroups(groups: OrderGroups, orders: number): PostedOrderGroups {
  return { first: groups.first.toFlat(orders), extra: groups.extra };
}
