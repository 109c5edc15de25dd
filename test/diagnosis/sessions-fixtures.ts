// Hand-made live sessions for the STAGE and median tests. `blankSession` knows nothing (every
// metric null), so each test says exactly which numbers it gives a session.

import type { SessionMetrics } from '../../src/metrics/types.js';

export function blankSession(liveId: string, overrides: Partial<SessionMetrics> = {}): SessionMetrics {
  return {
    liveId,
    account: '花溪美妆官方旗舰店',
    startAt: null,
    isOwnAccount: true,
    durationMinutes: null,
    gmvFen: null,
    gmvSource: null,
    orders: null,
    buyers: null,
    viewers: null,
    views: null,
    uvValue: null,
    gpm: null,
    conversion: null,
    aovFen: null,
    followRate: null,
    adSpendFen: null,
    roi: null,
    paidShare: null,
    avgStaySeconds: null,
    peakOnline: null,
    avgOnline: null,
    peakToAvgOnline: null,
    newFans: null,
    reservations: null,
    reservationRate: null,
    warmupVideos: null,
    shortVideoViewers: null,
    couponClaims: null,
    couponClaimRate: null,
    productsSold: null,
    topProductShare: null,
    newBuyers: null,
    returningBuyers: null,
    ...overrides,
  };
}

/**
 * A session as the metrics layer would compute it from its traffic row: GMV in yuan, viewers and
 * buyers, so conversion, AOV and UV value hang together (GMV = viewers × conversion × AOV).
 */
export function tradedSession(
  liveId: string,
  day: string,
  gmvYuan: number,
  viewers: number,
  buyers: number,
): SessionMetrics {
  const gmvFen = gmvYuan * 100;
  return blankSession(liveId, {
    startAt: `2024-06-${day}T20:00:00+08:00`,
    gmvFen,
    gmvSource: 'traffic',
    buyers,
    orders: buyers,
    viewers,
    uvValue: gmvYuan / viewers,
    conversion: buyers / viewers,
    aovFen: gmvFen / buyers,
  });
}
