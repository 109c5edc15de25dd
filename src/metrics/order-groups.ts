// Which creators, products or sessions each order has lines in. Counting an order once per
// group needs the (order, group) pairs; nearly every order sits in a single group, so one
// Int32 slot per order holds its first group and only the rare order that spans several
// groups keeps the others in `extra`. Memory: 4 bytes per order plus the rare spans.

import { ensureIndex, trimmed } from './grow.js';

export interface OrderGroups {
  /** Per order index: its first group, -1 before any. */
  first: Int32Array;
  /** Order index → its other groups. */
  extra: Map<number, number[]>;
}

export function createOrderGroups(): OrderGroups {
  return { first: new Int32Array(0), extra: new Map() };
}

/** Records that the order has a line in the group; true when the pair is new. */
export function addOrderGroup(groups: OrderGroups, order: number, group: number): boolean {
  groups.first = ensureIndex(groups.first, order, -1);
  const first = groups.first[order]!;
  if (first === group) return false;
  if (first === -1) {
    groups.first[order] = group;
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

export function forEachGroupOfOrder(groups: OrderGroups, order: number, visit: (group: number) => void): void {
  if (order >= groups.first.length) return;
  const first = groups.first[order]!;
  if (first === -1) return;
  visit(first);
  const others = groups.extra.get(order);
  if (others === undefined) return;
  for (const group of others) visit(group);
}

export function someGroupOfOrder(groups: OrderGroups, order: number, test: (group: number) => boolean): boolean {
  if (order >= groups.first.length) return false;
  const first = groups.first[order]!;
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
  from: OrderGroups,
  orderRemap: Int32Array,
  groupRemap: Int32Array,
  onNew: (group: number) => void,
): void {
  const orders = Math.min(from.first.length, orderRemap.length);
  for (let order = 0; order < orders; order++) {
    forEachGroupOfOrder(from, order, (group) => {
      const target = groupRemap[group]!;
      if (addOrderGroup(into, orderRemap[order]!, target)) onNew(target);
    });
  }
}

/** The groups of the first `orders` orders as a copy to post (the rare spans are shared). */
export function postableOrderGroups(groups: OrderGroups, orders: number): OrderGroups {
  return { first: trimmed(groups.first, orders), extra: groups.extra };
}
