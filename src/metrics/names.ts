// Display names of creators and products. Creators rename themselves and product titles get
// edited, so the name on the latest line wins; lines at the same instant pick the smaller
// name, so the result does not depend on the order lines arrive in.

import { ensureIndex, ensureListIndex } from './grow.js';
import { ownCopy } from './keys.js';

export interface NamesState {
  names: (string | null)[];
  /** When each name was seen (-Infinity before any). */
  seenAt: Float64Array;
}

export function createNames(): NamesState {
  return { names: [], seenAt: new Float64Array(0) };
}

function isLaterName(current: string | null, currentAt: number, name: string, at: number): boolean {
  if (at !== currentAt) return at > currentAt;
  return current === null || name < current;
}

export function keepLatestName(state: NamesState, index: number, name: string | null, at: number): void {
  ensureListIndex(state.names, index);
  state.seenAt = ensureIndex(state.seenAt, index, -Infinity);
  if (name === null || name === '') return;
  const current = state.names[index]!;
  const currentAt = state.seenAt[index]!;
  if (!isLaterName(current, currentAt, name, at)) return;
  // Lines usually come in time order, so most lines repeat the name already kept: copy only a new one.
  if (name !== current) state.names[index] = ownCopy(name);
  state.seenAt[index] = at;
}

export function mergeNames(into: NamesState, from: NamesState, remap: Int32Array): void {
  const count = Math.min(from.names.length, remap.length);
  for (let source = 0; source < count; source++) {
    keepLatestName(into, remap[source]!, from.names[source] ?? null, from.seenAt[source]!);
  }
}

export function nameOf(state: NamesState, index: number): string | null {
  return state.names[index] ?? null;
}
