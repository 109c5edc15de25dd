// Products: what sold, hero products carried by several creators (E), and channel-exclusive
// supply (S2) from the products export.

import type { OrderLine, ProductRow } from '../ingest/types.js';
import { ensureIndex } from './grow.js';
import type { PagedInt32 } from './paged.js';
import { findKey, keyText, ownCopy } from './keys.js';
import { createNames, keepLatestName, mergeNames, nameOf, type NamesState } from './names.js';
import {
  addOrderGroup,
  createOrderGroups,
  mergeOrderGroups,
  someGroupOfOrder,
  type OrderGroups,
  type PostedOrderGroups,
} from './order-groups.js';
import { createPairSlots, forEachPair, pairCount, pairSlot, type PairSlots } from './pairs.js';
import { fenRatio, ratio } from './ratios.js';
import type { LineKeys, Registry, Remaps } from './registry.js';
import type { Metrics, ProductStat } from './types.js';

export interface CatalogFacts {
  name: string | null;
  exclusive: boolean | null;
}

export interface ProductsState {
  /** Per product index. */
  gmvFen: Float64Array;
  orders: Int32Array;
  names: NamesState;
  orderProducts: OrderGroups;
  /** Product → the creators who sold it. */
  productCreators: PairSlots;
  /** The products export, by product id. */
  catalog: Map<string, CatalogFacts>;
  /**
   * Whether any products row said yes or no to "exclusive". Ingest gives null both for a
   * missing column and for blank cells; a file where every cell is blank tells us nothing
   * about exclusives either, so both mean "not measured".
   */
  exclusiveStated: boolean;
}

export type ProductsMetrics = Pick<
  Metrics,
  'heroProducts' | 'products' | 'topProducts' | 'productsByGmv' | 'exclusive'
>;

const TOP_PRODUCTS = 10;
/** As for creators: the whole assortment of nearly every brand, bounded for the few with thousands of SKUs. */
export const PRODUCT_LIST_LIMIT = 200;
/** METHOD.md: a hero product sells well across several creators; we read "several" as 3. */
export const HERO_MIN_CREATORS = 3;

export function createProducts(): ProductsState {
  return {
    gmvFen: new Float64Array(0),
    orders: new Int32Array(0),
    names: createNames(),
    orderProducts: createOrderGroups(),
    productCreators: createPairSlots(),
    catalog: new Map(),
    exclusiveStated: false,
  };
}

function ensureProduct(state: ProductsState, product: number): void {
  state.gmvFen = ensureIndex(state.gmvFen, product, 0);
  state.orders = ensureIndex(state.orders, product, 0);
}

export function addProductsLine(state: ProductsState, line: OrderLine, keys: LineKeys): void {
  const product = keys.product;
  if (product === -1) return;
  ensureProduct(state, product);
  state.gmvFen[product]! += line.amountFen;
  if (addOrderGroup(state.orderProducts, keys.order, product)) state.orders[product]! += 1;
  if (keys.creator !== -1) pairSlot(state.productCreators, product, keys.creator);
  keepLatestName(state.names, product, line.productName, line.paidAt);
}

function eitherExclusive(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  if (a === false || b === false) return false;
  return null;
}

function smallerName(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** A product listed twice: exclusive if either row says so; the smaller name, whichever came first. */
function combineCatalog(known: CatalogFacts | undefined, row: CatalogFacts): CatalogFacts {
  const name = row.name === null || row.name === '' ? null : row.name;
  if (known === undefined) return { name: name === null ? null : ownCopy(name), exclusive: row.exclusive };
  return { name: smallerName(known.name, name), exclusive: eitherExclusive(known.exclusive, row.exclusive) };
}

function addCatalogFacts(state: ProductsState, productId: string, facts: CatalogFacts): void {
  if (productId === '') return;
  const known = state.catalog.get(productId);
  state.catalog.set(known === undefined ? ownCopy(productId) : productId, combineCatalog(known, facts));
  if (facts.exclusive !== null) state.exclusiveStated = true;
}

export function addProductRow(state: ProductsState, row: ProductRow): void {
  addCatalogFacts(state, row.productId, { name: row.productName, exclusive: row.exclusive });
}

/** The state as a worker posts it: which products each order has, flat. */
export type PostedProducts = Omit<ProductsState, 'orderProducts'> & { orderProducts: PostedOrderGroups };

export function mergeProducts(into: ProductsState, from: PostedProducts, remaps: Remaps): void {
  const products = Math.min(from.gmvFen.length, remaps.products.length);
  for (let source = 0; source < products; source++) {
    const product = remaps.products[source]!;
    ensureProduct(into, product);
    into.gmvFen[product]! += from.gmvFen[source]!;
  }
  mergeOrderGroups(into.orderProducts, from.orderProducts, remaps.orders, remaps.products, (product) => {
    into.orders[product]! += 1;
  });
  forEachPair(from.productCreators, (product, creator) => {
    pairSlot(into.productCreators, remaps.products[product]!, remaps.creators[creator]!);
  });
  mergeNames(into.names, from.names, remaps.products);
  for (const [productId, facts] of from.catalog) addCatalogFacts(into, productId, facts);
  if (from.exclusiveStated) into.exclusiveStated = true;
}

function compareProducts(a: ProductStat, b: ProductStat): number {
  if (a.gmvFen !== b.gmvFen) return b.gmvFen - a.gmvFen;
  if (a.productId === b.productId) return 0;
  return a.productId < b.productId ? -1 : 1;
}

function productStats(state: ProductsState, registry: Registry): ProductStat[] {
  const stats: ProductStat[] = [];
  const count = registry.products.count;
  for (let product = 0; product < count; product++) {
    const productId = keyText(registry.products, product);
    const listed = state.catalog.get(productId);
    stats.push({
      productId,
      // The products export's name is the catalogue title; order lines may carry promotional variants.
      productName: listed?.name ?? nameOf(state.names, product),
      gmvFen: state.gmvFen[product]!,
      orders: state.orders[product]!,
      creators: pairCount(state.productCreators, product),
      exclusive: state.exclusiveStated ? (listed?.exclusive ?? null) : null,
    });
  }
  return stats.sort(compareProducts);
}

/** Orders with an exclusive product, and their distinct buyers (null without buyer ids). */
function exclusiveReach(
  state: ProductsState,
  orders: number,
  isExclusive: Uint8Array,
  orderBuyer: PagedInt32 | null,
): { orders: number; buyers: number | null } {
  const exclusive = (product: number): boolean => isExclusive[product] === 1;
  const buyers = orderBuyer === null ? null : new Set<number>();
  let count = 0;
  for (let order = 0; order < orders; order++) {
    if (!someGroupOfOrder(state.orderProducts, order, exclusive)) continue;
    count += 1;
    const buyer = orderBuyer === null ? -1 : orderBuyer.get(order);
    if (buyer !== -1) buyers?.add(buyer);
  }
  return { orders: count, buyers: buyers === null ? null : buyers.size };
}

/**
 * Channel-exclusive supply. Its AOV is on the basis of the brand's overall AOV (METHOD.md:
 * GMV ÷ buyers, GMV ÷ orders where no buyer ids), so the ratio of the two compares like with
 * like: exclusive GMV per order against overall GMV per buyer read 1.78 for a brand where
 * per buyer says 1.80 and per order 2.56.
 */
function exclusiveSupply(
  state: ProductsState,
  registry: Registry,
  stats: ProductStat[],
  gmvFen: number,
  orderBuyer: PagedInt32 | null,
): Metrics['exclusive'] {
  if (!state.exclusiveStated) return null;
  const isExclusive = new Uint8Array(registry.products.count);
  let skus = 0;
  let exclusiveGmvFen = 0;
  for (const stat of stats) {
    if (stat.exclusive !== true) continue;
    isExclusive[findKey(registry.products, stat.productId)] = 1;
    skus += 1;
    exclusiveGmvFen += stat.gmvFen;
  }
  const reach = exclusiveReach(state, registry.orders.count, isExclusive, orderBuyer);
  const perBuyer = reach.buyers !== null;
  return {
    skus,
    gmvFen: exclusiveGmvFen,
    share: ratio(exclusiveGmvFen, gmvFen),
    orders: reach.orders,
    buyers: reach.buyers,
    aovFen: perBuyer ? fenRatio(exclusiveGmvFen, reach.buyers as number) : fenRatio(exclusiveGmvFen, reach.orders),
    aovBasis: perBuyer ? 'buyers' : 'orders',
  };
}

/** `orderBuyer`: each order's buyer index, or null when the orders carry no buyer ids (AOV is then per order). */
export function finishProducts(
  state: ProductsState,
  registry: Registry,
  gmvFen: number,
  orderBuyer: PagedInt32 | null,
): ProductsMetrics {
  const stats = productStats(state, registry);
  return {
    heroProducts: stats.filter((stat) => stat.creators >= HERO_MIN_CREATORS).slice(0, TOP_PRODUCTS),
    products: stats.length,
    topProducts: stats.slice(0, TOP_PRODUCTS),
    productsByGmv: stats.slice(0, PRODUCT_LIST_LIMIT),
    exclusive: exclusiveSupply(state, registry, stats, gmvFen, orderBuyer),
  };
}
