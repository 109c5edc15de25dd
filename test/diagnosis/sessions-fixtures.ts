// Hand-made live sessions for the STAGE and median tests. `blankSession` knows nothing (every
// metric null), so each test says exactly which numbers it gives a session.

import type { SessionMetrics } from '../../src/metrics/types.js';
import { blankSession } from '../fixtures/metrics.js';

export { blankSession };

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
