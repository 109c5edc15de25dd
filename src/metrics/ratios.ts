// Division where missing stays missing: a rate with no denominator is unknown, not 0.

export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** Money averages are kept in whole fen like every other amount. */
export function roundFen(fen: number | null): number | null {
  return fen === null ? null : Math.round(fen);
}

export function fenRatio(fen: number | null, denominator: number | null): number | null {
  return roundFen(ratio(fen, denominator));
}

/** Fen → yuan for the per-viewer figures (UV value, GPM), which METHOD.md states in yuan. */
export function yuanRatio(fen: number | null, denominator: number | null): number | null {
  const perUnit = ratio(fen, denominator);
  return perUnit === null ? null : perUnit / 100;
}
