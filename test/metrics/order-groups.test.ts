import { describe, expect, it } from 'vitest';
import {
  addOrderGroup,
  createOrderGroups,
  forEachGroupOfOrder,
  mergeOrderGroups,
  postableOrderGroups,
  someGroupOfOrder,
  type OrderGroups,
} from '../../src/metrics/order-groups.js';

function groupsOf(groups: OrderGroups, order: number): number[] {
  const seen: number[] = [];
  forEachGroupOfOrder(groups, order, (group) => seen.push(group));
  return seen;
}

describe('which groups each order has lines in', () => {
  it('keeps an order in one group, or in several in the order they came, each once', () => {
    const groups = createOrderGroups();
    expect([0, 5, 0, 7, 5, 2].map((group) => addOrderGroup(groups, 3, group))).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(addOrderGroup(groups, 1, 4)).toBe(true);
    expect(addOrderGroup(groups, 1, 4)).toBe(false);
    expect(groupsOf(groups, 3)).toEqual([0, 5, 7, 2]);
    expect(groupsOf(groups, 1)).toEqual([4]);
    expect(groupsOf(groups, 0)).toEqual([]);
    expect(groupsOf(groups, 1_000_000)).toEqual([]);
    expect(someGroupOfOrder(groups, 3, (group) => group === 7)).toBe(true);
    expect(someGroupOfOrder(groups, 3, (group) => group === 4)).toBe(false);
  });

  it('keeps thousands of spanning orders apart as their chains grow', () => {
    const groups = createOrderGroups();
    for (let order = 0; order < 5_000; order++)
      for (let group = 0; group <= order % 4; group++) addOrderGroup(groups, order, order + group);
    expect(groupsOf(groups, 4_999)).toEqual([4_999, 5_000, 5_001, 5_002]);
    expect(groupsOf(groups, 4_996)).toEqual([4_996]);
    expect(groupsOf(groups, 1_234)).toEqual([1_234, 1_235, 1_236]);
  });

  it('folds in a posted copy, hearing only the pairs that are new on this side', () => {
    const into = createOrderGroups();
    addOrderGroup(into, 0, 1);
    addOrderGroup(into, 0, 2);
    const from = createOrderGroups();
    addOrderGroup(from, 0, 0); // order 0 → 0 there, group 0 → 2 here: known
    addOrderGroup(from, 0, 1); // group 1 → 3 here: new
    addOrderGroup(from, 1, 0); // order 1 → 5 here, group 0 → 2: new
    const heard: number[] = [];
    mergeOrderGroups(into, postableOrderGroups(from, 2), Int32Array.of(0, 5), Int32Array.of(2, 3), (group) =>
      heard.push(group),
    );
    expect(heard).toEqual([3, 2]);
    expect(groupsOf(into, 0)).toEqual([1, 2, 3]);
    expect(groupsOf(into, 5)).toEqual([2]);
  });
});
