// Terminal layout: how wide the output may be, and how a table's columns share that width.
import { longestUnbreakable } from './text.js';

// Every terminal section asks here rather than hard-coding widths, so a new section fits any
// terminal the moment it uses these helpers.

/** Files, pipes and terminals too old to say their width get the width the layout was drawn at. */
export const DEFAULT_TERMINAL_WIDTH = 100;
/** Narrower than this, a stage name and its evidence no longer fit beside each other. */
export const MIN_TERMINAL_WIDTH = 60;

/** The width to lay out for, from `process.stdout.columns` (undefined when not a terminal). */
export function layoutWidth(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return DEFAULT_TERMINAL_WIDTH;
  return Math.max(MIN_TERMINAL_WIDTH, Math.floor(columns));
}

export interface ColumnSpec {
  /** Width, padding included, at the default terminal width. */
  ideal: number;
  /** Narrowest the column may become; the cells' longest unbreakable word raises it. */
  min: number;
  /** Share of any spare width the column takes; 0 keeps it at its ideal. */
  grow?: number;
  /** Columns with a rank are left out, highest rank first, when even their minimums do not fit. */
  dropRank?: number;
}

export interface ColumnLayout {
  /** Indexes of the columns shown, in their original order. */
  shown: number[];
  /** Width of each shown column, padding included. */
  widths: number[];
}

/** Cell padding cli-table3 draws on both sides. */
const PADDING = 2;

function fitToContent(spec: ColumnSpec, rows: readonly (readonly string[])[], index: number): ColumnSpec {
  const widest = Math.max(0, ...rows.map((row) => longestUnbreakable(row[index] ?? ''))) + PADDING;
  const min = Math.max(spec.min, Math.min(widest, spec.ideal));
  return { ...spec, min };
}

/** A table with n columns draws n + 1 vertical borders. */
export function tableWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + widths.length + 1;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function columnsToShow(specs: readonly ColumnSpec[], width: number): number[] {
  const shown = specs.map((_, index) => index);
  const fits = () => sum(shown.map((index) => specs[index]!.min)) + shown.length + 1 <= width;
  while (!fits()) {
    const droppable = shown.filter((index) => specs[index]!.dropRank !== undefined);
    if (droppable.length === 0) break;
    const next = droppable.reduce((worst, index) =>
      specs[index]!.dropRank! > specs[worst]!.dropRank! ? index : worst,
    );
    shown.splice(shown.indexOf(next), 1);
  }
  return shown;
}

/** Spreads `amount` over columns by weight, whole columns only, the remainder to the heaviest. */
function spread(amount: number, weights: readonly number[]): number[] {
  const total = sum(weights);
  if (total <= 0 || amount <= 0) return weights.map(() => 0);
  const shares = weights.map((weight) => Math.floor((amount * weight) / total));
  const heaviest = weights.indexOf(Math.max(...weights));
  shares[heaviest]! += amount - sum(shares);
  return shares;
}

/**
 * Fits a table into `width` terminal columns: grows the columns that have a `grow` share when
 * there is room, shrinks every column towards its minimum when there is not, and leaves out
 * ranked columns when even the minimums are too wide.
 */
export function layoutColumns(
  declared: readonly ColumnSpec[],
  width: number,
  rows: readonly (readonly string[])[] = [],
): ColumnLayout {
  const specs = declared.map((spec, index) => fitToContent(spec, rows, index));
  const shown = columnsToShow(specs, width);
  const chosen = shown.map((index) => specs[index]!);
  const available = width - (chosen.length + 1);
  const widths = chosen.map((spec) => spec.ideal);
  const spare = available - sum(widths);
  if (spare > 0) {
    const extra = spread(
      spare,
      chosen.map((spec) => spec.grow ?? 0),
    );
    return { shown, widths: widths.map((value, index) => value + extra[index]!) };
  }
  if (spare < 0) {
    // Shrink in proportion to how far each column can give, then settle the rounding one column at a time.
    const slack = chosen.map((spec) => Math.max(0, spec.ideal - spec.min));
    const cut = spread(Math.min(-spare, sum(slack)), slack);
    const shrunk = widths.map((value, index) => Math.max(chosen[index]!.min, value - cut[index]!));
    for (let index = 0; sum(shrunk) > available && index < shrunk.length * 4; index++) {
      const column = index % shrunk.length;
      if (shrunk[column]! > chosen[column]!.min) shrunk[column]! -= 1;
    }
    return { shown, widths: shrunk };
  }
  return { shown, widths };
}
