// Dense indexes for the keys the metrics group by (orders, buyers, products, creators, live
// sessions). Per-key state lives in typed arrays addressed by the index, so memory follows
// distinct keys, and a Map lookup per key per line is the whole cost of grouping.

export interface KeyIndex {
  readonly ids: Map<string, number>;
  /** Keys in index order: what another thread needs to merge, and the tie-breaker by text. */
  readonly keys: string[];
}

export function createKeyIndex(): KeyIndex {
  return { ids: new Map(), keys: [] };
}

/**
 * A fresh copy of a key. Strings handed out by the CSV parser can be slices of a whole read
 * chunk; keeping one as a Map key would keep the chunk (a megabyte) alive with it.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** The key's index, adding the key when it is new. */
export function indexOfKey(index: KeyIndex, key: string): number {
  const found = index.ids.get(key);
  if (found !== undefined) return found;
  const owned = ownCopy(key);
  const position = index.keys.length;
  index.ids.set(owned, position);
  index.keys.push(owned);
  return position;
}

/** For each of another index's keys (in its order), where it sits in `into`; adds missing keys. */
export function remapKeys(into: KeyIndex, fromKeys: readonly string[]): Int32Array {
  const remap = new Int32Array(fromKeys.length);
  for (let i = 0; i < fromKeys.length; i++) {
    remap[i] = indexOfKey(into, fromKeys[i]!);
  }
  return remap;
}
