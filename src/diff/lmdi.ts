// Why live-session GMV moved, in fen: GMV = viewers × (buyers ÷ viewers) × (GMV ÷ buyers), and the
// change between two periods split into traffic, conversion and AOV by the additive log-mean
// Divisia index (LMDI-I, Ang 2004). LMDI leaves no residual in exact arithmetic; here the parts are
// rounded to whole fen and the rounding difference goes to the biggest part, so they add up to the
// change to the fen as printed.

export interface FunnelSide {
  viewers: number;
  /** Buyers, or orders where the export counts no buyers. */
  buyers: number;
  gmvFen: number;
}

export type FunnelFactor = 'traffic' | 'conversion' | 'aov';
export const FUNNEL_FACTORS: readonly FunnelFactor[] = ['traffic', 'conversion', 'aov'];

export type FactorSplit = Record<FunnelFactor, number>;

export interface LmdiResult {
  /** new − old live-session GMV, fen. */
  changeFen: number;
  /** Each factor's part of the change, whole fen; they add up to changeFen exactly. */
  partsFen: FactorSplit;
  /**
   * 'lmdi' when every factor is positive in both periods. Otherwise a period with no live GMV has
   * a factor at zero, where logarithms do not exist: 'zeroLimit' gives the whole change to the
   * first factor of the funnel that is zero (viewers, then buyers, then GMV per buyer), which is
   * the limit LMDI tends to as that factor approaches zero (Ang & Liu 2007).
   */
  method: 'lmdi' | 'zeroLimit' | 'noChange';
  /** The factor that was zero, with 'zeroLimit'. */
  zeroFactor: FunnelFactor | null;
}

/** L(a, b) = (a − b) ÷ (ln a − ln b), and a where a = b: the weight LMDI gives each log change. */
export function logMean(a: number, b: number): number {
  if (a === b) return a;
  return (a - b) / (Math.log(a) - Math.log(b));
}

function factorsOf(side: FunnelSide): FactorSplit | null {
  if (side.viewers <= 0 || side.buyers <= 0 || side.gmvFen <= 0) return null;
  return { traffic: side.viewers, conversion: side.buyers / side.viewers, aov: side.gmvFen / side.buyers };
}

/** Which factor makes a side's GMV zero, in funnel order; null when none is. */
function zeroFactorOf(side: FunnelSide): FunnelFactor | null {
  if (side.viewers <= 0) return 'traffic';
  if (side.buyers <= 0) return 'conversion';
  if (side.gmvFen <= 0) return 'aov';
  return null;
}

/**
 * Rounds each part to whole fen and gives what rounding lost or added to the part with the biggest
 * magnitude (traffic first on a tie), where one fen changes the reading least.
 */
export function roundToTotal(parts: FactorSplit, totalFen: number): FactorSplit {
  const rounded: FactorSplit = {
    traffic: Math.round(parts.traffic),
    conversion: Math.round(parts.conversion),
    aov: Math.round(parts.aov),
  };
  const residual = totalFen - rounded.traffic - rounded.conversion - rounded.aov;
  if (residual !== 0) {
    let biggest: FunnelFactor = 'traffic';
    for (const factor of FUNNEL_FACTORS) {
      if (Math.abs(parts[factor]) > Math.abs(parts[biggest])) biggest = factor;
    }
    rounded[biggest] += residual;
  }
  return rounded;
}

function onlyFactor(factor: FunnelFactor, changeFen: number): FactorSplit {
  const parts: FactorSplit = { traffic: 0, conversion: 0, aov: 0 };
  parts[factor] = changeFen;
  return parts;
}

export function splitGmvChange(oldSide: FunnelSide, newSide: FunnelSide): LmdiResult {
  const oldGmv = Math.round(oldSide.gmvFen);
  const newGmv = Math.round(newSide.gmvFen);
  const changeFen = newGmv - oldGmv;
  const oldFactors = factorsOf({ ...oldSide, gmvFen: oldGmv });
  const newFactors = factorsOf({ ...newSide, gmvFen: newGmv });

  if (oldFactors === null || newFactors === null) {
    const zero = zeroFactorOf(oldSide) ?? zeroFactorOf(newSide);
    if (changeFen === 0 || zero === null)
      return { changeFen, partsFen: onlyFactor('traffic', 0), method: 'noChange', zeroFactor: null };
    return { changeFen, partsFen: onlyFactor(zero, changeFen), method: 'zeroLimit', zeroFactor: zero };
  }

  const weight = logMean(newGmv, oldGmv);
  const exact: FactorSplit = {
    traffic: weight * Math.log(newFactors.traffic / oldFactors.traffic),
    conversion: weight * Math.log(newFactors.conversion / oldFactors.conversion),
    aov: weight * Math.log(newFactors.aov / oldFactors.aov),
  };
  return { changeFen, partsFen: roundToTotal(exact, changeFen), method: 'lmdi', zeroFactor: null };
}
