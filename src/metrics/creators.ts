// Creator distribution (E): creators with sales, dependence on the top creator, top creators.

import type { OrderLine } from '../ingest/types.js';
import { ensureIndex } from './grow.js';
import {
  addOrderGroup,
  createOrderGroups,
  mergeOrderGroups,
  type OrderGroups,
  type PostedOrderGroups,
} from './order-groups.js';
import { createNames, keepLatestName, mergeNames, nameOf, type NamesState } from './names.js';
import { keyText } from './keys.js';
import { ratio } from './ratios.js';
import { creatorIdOfKey, type LineKeys, type Registry, type Remaps } from './registry.js';
import type { CreatorStat, Metrics } from './types.js';

export interface CreatorsState {
  /** Per creator index. */
  gmvFen: Float64Array;
  orders: Int32Array;
  names: NamesState;
  orderCreators: OrderGroups;
}

export type CreatorsMetrics = Pick<Metrics, 'creators' | 'topCreatorShare' | 'topCreators' | 'creatorsByGmv'>;

const TOP_CREATORS = 10;
/** Enough for every creator of all but the biggest brands, while keeping the report small; the tail past it sells little. */
export const CREATOR_LIST_LIMIT = 200;

export function createCreators(): CreatorsState {
  return {
    gmvFen: new Float64Array(0),
    orders: new Int32Array(0),
    names: createNames(),
    orderCreators: createOrderGroups(),
  };
}

function ensureCreator(state: CreatorsState, creator: number): void {
  state.gmvFen = ensureIndex(state.gmvFen, creator, 0);
  state.orders = ensureIndex(state.orders, creator, 0);
}

export function addCreatorsLine(state: CreatorsState, line: OrderLine, keys: LineKeys): void {
  const creator = keys.creator;
  if (creator === -1) return;
  ensureCreator(state, creator);
  state.gmvFen[creator]! += line.amountFen;
  if (addOrderGroup(state.orderCreators, keys.order, creator)) state.orders[creator]! += 1;
  keepLatestName(state.names, creator, line.creatorName, line.paidAt);
}

/** The state as a worker posts it: which creators each order has, flat. */
export type PostedCreators = Omit<CreatorsState, 'orderCreators'> & { orderCreators: PostedOrderGroups };

export function mergeCreators(into: CreatorsState, from: PostedCreators, remaps: Remaps): void {
  const creators = Math.min(from.gmvFen.length, remaps.creators.length);
  for (let source = 0; source < creators; source++) {
    const creator = remaps.creators[source]!;
    ensureCreator(into, creator);
    into.gmvFen[creator]! += from.gmvFen[source]!;
  }
  mergeOrderGroups(into.orderCreators, from.orderCreators, remaps.orders, remaps.creators, (creator) => {
    into.orders[creator]! += 1;
  });
  mergeNames(into.names, from.names, remaps.creators);
}

interface RankedCreator {
  key: string;
  stat: CreatorStat;
}

/** GMV first; then the shown id, and the internal key so that no two creators ever tie. */
function compareCreators(a: RankedCreator, b: RankedCreator): number {
  if (a.stat.gmvFen !== b.stat.gmvFen) return b.stat.gmvFen - a.stat.gmvFen;
  if (a.stat.creatorId !== b.stat.creatorId) return a.stat.creatorId < b.stat.creatorId ? -1 : 1;
  return a.key < b.key ? -1 : 1;
}

export function finishCreators(state: CreatorsState, registry: Registry): CreatorsMetrics {
  const count = registry.creators.count;
  let creatorGmvFen = 0;
  for (let creator = 0; creator < count; creator++) creatorGmvFen += state.gmvFen[creator]!;

  const ranked: RankedCreator[] = [];
  for (let creator = 0; creator < count; creator++) {
    const key = keyText(registry.creators, creator);
    const gmvFen = state.gmvFen[creator]!;
    const stat: CreatorStat = {
      creatorId: creatorIdOfKey(key),
      creatorName: nameOf(state.names, creator),
      gmvFen,
      orders: state.orders[creator]!,
      // CreatorStat.share is a number: with no creator GMV at all every creator's share is 0.
      share: ratio(gmvFen, creatorGmvFen) ?? 0,
      commissionFen: null,
      gmvPerCommission: null,
    };
    ranked.push({ key, stat });
  }
  ranked.sort(compareCreators);
  const top = ranked[0];
  return {
    creators: count,
    topCreatorShare: top === undefined ? null : ratio(top.stat.gmvFen, creatorGmvFen),
    topCreators: ranked.slice(0, TOP_CREATORS).map((entry) => entry.stat),
    creatorsByGmv: ranked.slice(0, CREATOR_LIST_LIMIT).map((entry) => entry.stat),
  };
}
