// Who came and went between two reports: creators new, retained and lost with their GMV, and the
// products (hero products above all) that are new. Read from the bounded lists a 1.2.0 report
// carries (metrics.creatorsByGmv, metrics.productsByGmv); older reports only list their top ten,
// which would call every creator who slipped out of the top ten "lost", so they get no movement.

import type { Report } from '../report/types.js';
import { toFen } from './attribution.js';

export interface MovedEntity {
  id: string;
  name: string | null;
  /** Yuan; 0 on the side where it did not sell. */
  oldGmv: number;
  newGmv: number;
}

export interface MovementGroup {
  count: number;
  /** Yuan: new GMV of new ones, old GMV of lost ones, new − old of retained ones. */
  gmv: number;
  /** By GMV (the larger side), at most MOVEMENT_LIST_LIMIT. */
  top: MovedEntity[];
}

export interface Movement {
  new: MovementGroup;
  retained: MovementGroup & { oldGmv: number; newGmv: number };
  lost: MovementGroup;
  /** false when either list was cut at its limit: a creator past it may be called new or lost wrongly. */
  complete: boolean;
}

export interface Movements {
  /** null when either report predates the creator list (schema < 1.2.0). */
  creators: Movement | null;
  products: Movement | null;
  /** Hero products (sold by ≥ 3 creators) of the new period that were not hero products before. */
  newHeroProducts: MovedEntity[];
  /** Hero products of the old period that no longer are. */
  lostHeroProducts: MovedEntity[];
}

/** Enough to act on in a review; the JSON counts and sums cover all of them. */
export const MOVEMENT_LIST_LIMIT = 10;

interface Listed {
  id: string;
  name: string | null;
  gmvFen: number;
}

/** A report read back from disk may be older than the type (no list at all): fields are read by name. */
function metricByName(report: Report, field: string): unknown {
  return (report.metrics as object as Record<string, unknown>)[field];
}

function listOf(report: Report, field: string, idKey: string, nameKey: string): Listed[] | null {
  const value = metricByName(report, field);
  if (!Array.isArray(value)) return null;
  return value.map((entry: Record<string, unknown>) => ({
    id: String(entry[idKey]),
    name: typeof entry[nameKey] === 'string' ? (entry[nameKey] as string) : null,
    gmvFen: toFen(typeof entry.gmv === 'number' ? entry.gmv : 0),
  }));
}

function byLargerGmv(a: MovedEntity, b: MovedEntity): number {
  const difference = Math.max(b.oldGmv, b.newGmv) - Math.max(a.oldGmv, a.newGmv);
  if (difference !== 0) return difference;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function group(entities: MovedEntity[], gmvFen: number): MovementGroup {
  return {
    count: entities.length,
    gmv: gmvFen / 100,
    top: [...entities].sort(byLargerGmv).slice(0, MOVEMENT_LIST_LIMIT),
  };
}

function moved(entry: Listed | undefined, other: Listed | undefined, oldSide: boolean): MovedEntity {
  const oldEntry = oldSide ? entry : other;
  const newEntry = oldSide ? other : entry;
  return {
    id: (entry ?? other)!.id,
    name: newEntry?.name ?? oldEntry?.name ?? null,
    oldGmv: (oldEntry?.gmvFen ?? 0) / 100,
    newGmv: (newEntry?.gmvFen ?? 0) / 100,
  };
}

export function movementOf(oldList: Listed[], newList: Listed[], complete: boolean): Movement {
  const oldById = new Map(oldList.map((entry) => [entry.id, entry]));
  const newById = new Map(newList.map((entry) => [entry.id, entry]));
  const added: MovedEntity[] = [];
  const retained: MovedEntity[] = [];
  const lost: MovedEntity[] = [];
  let addedFen = 0;
  let lostFen = 0;
  let retainedOldFen = 0;
  let retainedNewFen = 0;
  for (const entry of newList) {
    const before = oldById.get(entry.id);
    if (before === undefined) {
      added.push(moved(entry, undefined, false));
      addedFen += entry.gmvFen;
    } else {
      retained.push(moved(entry, before, false));
      retainedOldFen += before.gmvFen;
      retainedNewFen += entry.gmvFen;
    }
  }
  for (const entry of oldList) {
    if (newById.has(entry.id)) continue;
    lost.push(moved(entry, undefined, true));
    lostFen += entry.gmvFen;
  }
  return {
    new: group(added, addedFen),
    retained: {
      ...group(retained, retainedNewFen - retainedOldFen),
      oldGmv: retainedOldFen / 100,
      newGmv: retainedNewFen / 100,
    },
    lost: group(lost, lostFen),
    complete,
  };
}

function isComplete(report: Report, list: Listed[], countField: string): boolean {
  const count = metricByName(report, countField);
  return typeof count === 'number' && list.length >= count;
}

function heroChanges(from: Listed[] | null, to: Listed[] | null): MovedEntity[] {
  if (from === null || to === null) return [];
  const before = new Set(from.map((entry) => entry.id));
  return to.filter((entry) => !before.has(entry.id)).map((entry) => moved(entry, undefined, false));
}

export function movementsBetween(oldReport: Report, newReport: Report): Movements {
  const oldCreators = listOf(oldReport, 'creatorsByGmv', 'creatorId', 'creatorName');
  const newCreators = listOf(newReport, 'creatorsByGmv', 'creatorId', 'creatorName');
  const oldProducts = listOf(oldReport, 'productsByGmv', 'productId', 'productName');
  const newProducts = listOf(newReport, 'productsByGmv', 'productId', 'productName');
  const oldHeroes = listOf(oldReport, 'heroProducts', 'productId', 'productName');
  const newHeroes = listOf(newReport, 'heroProducts', 'productId', 'productName');
  const creators =
    oldCreators && newCreators
      ? movementOf(
          oldCreators,
          newCreators,
          isComplete(oldReport, oldCreators, 'creators') && isComplete(newReport, newCreators, 'creators'),
        )
      : null;
  const products =
    oldProducts && newProducts
      ? movementOf(
          oldProducts,
          newProducts,
          isComplete(oldReport, oldProducts, 'products') && isComplete(newReport, newProducts, 'products'),
        )
      : null;
  const lostHeroes = heroChanges(newHeroes, oldHeroes).map((entity) => ({
    ...entity,
    oldGmv: entity.newGmv,
    newGmv: newProducts?.find((product) => product.id === entity.id)?.gmvFen ?? 0,
  }));
  return {
    creators,
    products,
    newHeroProducts: heroChanges(oldHeroes, newHeroes).map((entity) => ({
      ...entity,
      oldGmv: (oldProducts?.find((product) => product.id === entity.id)?.gmvFen ?? 0) / 100,
    })),
    lostHeroProducts: lostHeroes.map((entity) => ({ ...entity, newGmv: entity.newGmv / 100 })),
  };
}
