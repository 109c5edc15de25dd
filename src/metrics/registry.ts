// The keys every metric family groups by, indexed once per line and shared, so a line costs
// one Map lookup per key however many families read it.

import type { OrderLine } from '../ingest/types.js';
import {
  createKeyIndex,
  fnvHash,
  indexOfKey,
  keyListState,
  remapKeys,
  type KeyHash,
  type KeyIndex,
  type KeyListState,
} from './keys.js';

export interface Registry {
  orders: KeyIndex;
  buyers: KeyIndex;
  products: KeyIndex;
  creators: KeyIndex;
  lives: KeyIndex;
}

/** The keys in index order: all another accumulator needs to merge this one. */
export type RegistryState = Record<keyof Registry, KeyListState>;

export type Remaps = Record<keyof Registry, Int32Array>;

/** One line's dense indexes; -1 where the line has no such key. */
export interface LineKeys {
  order: number;
  buyer: number;
  product: number;
  /** Only for creator-sold lines. */
  creator: number;
  live: number;
}

/** `hash` finds the table slots; registries merged into one another must use the same one. */
export function createRegistry(hash: KeyHash = fnvHash): Registry {
  return {
    orders: createKeyIndex(hash, { packDigits: true }),
    buyers: createKeyIndex(hash, { packDigits: true }),
    products: createKeyIndex(hash),
    creators: createKeyIndex(hash),
    lives: createKeyIndex(hash),
  };
}

export function registryState(registry: Registry): RegistryState {
  return {
    orders: keyListState(registry.orders),
    buyers: keyListState(registry.buyers),
    products: keyListState(registry.products),
    creators: keyListState(registry.creators),
    lives: keyListState(registry.lives),
  };
}

export function remapRegistry(into: Registry, from: RegistryState): Remaps {
  return {
    orders: remapKeys(into.orders, from.orders),
    buyers: remapKeys(into.buyers, from.buyers),
    products: remapKeys(into.products, from.products),
    creators: remapKeys(into.creators, from.creators),
    lives: remapKeys(into.lives, from.lives),
  };
}

export function createLineKeys(): LineKeys {
  return { order: -1, buyer: -1, product: -1, creator: -1, live: -1 };
}

function present(id: string | null): id is string {
  return id !== null && id !== '';
}

// A creator-sold line without a creator id still had a creator: it counts under the name it
// carries, or under one shared "unknown" creator. The NUL prefix keeps these keys apart from
// real ids, which never contain it.
const NAME_KEY_PREFIX = '\u0000name:';
const UNKNOWN_CREATOR_KEY = '\u0000unknown';
export const UNKNOWN_CREATOR_ID = 'unknown';

function creatorKey(line: OrderLine): string {
  if (present(line.creatorId)) return line.creatorId;
  if (present(line.creatorName)) return NAME_KEY_PREFIX + line.creatorName;
  return UNKNOWN_CREATOR_KEY;
}

/** What a creator key shows as its id in the report: the id, else the name, else "unknown". */
export function creatorIdOfKey(key: string): string {
  if (key === UNKNOWN_CREATOR_KEY) return UNKNOWN_CREATOR_ID;
  if (key.startsWith(NAME_KEY_PREFIX)) return key.slice(NAME_KEY_PREFIX.length);
  return key;
}

/** Fills `keys` for the line (reused across lines so the hot path allocates nothing). */
export function resolveLineKeys(registry: Registry, line: OrderLine, keys: LineKeys): void {
  keys.order = indexOfKey(registry.orders, line.orderId);
  keys.buyer = present(line.buyerId) ? indexOfKey(registry.buyers, line.buyerId) : -1;
  keys.product = present(line.productId) ? indexOfKey(registry.products, line.productId) : -1;
  keys.creator = line.seller === 'creator' ? indexOfKey(registry.creators, creatorKey(line)) : -1;
  keys.live = present(line.liveId) ? indexOfKey(registry.lives, line.liveId) : -1;
}
