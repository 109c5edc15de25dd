// How far a step asks the brand to go within its horizon (PLAN.md §1 "Sized to the brand", §3).
//
// A consultant sets the goal the client can sign for this month: the profile's long-run target
// when it is within the step's milestone (the furthest the brand can plan to get: 2× creator
// GMV, 3× live hours); when it is not, the median of brands like this one, if the brand is not
// there yet and it is within the milestone; then the better quarter's edge on the same terms;
// else the milestone itself. Peers only ever stand in for an out-of-reach target: they never
// push a goal past what the brand can reach.

import type { Check, PeerFigures, SizedGoal } from '../types.js';

export function sizedGoal(check: Check, current: number, milestone: number, peer: PeerFigures | null): SizedGoal {
  const lowerIsBetter = check.comparison === 'atMost';
  const better = (a: number, b: number): boolean => (lowerIsBetter ? a < b : a > b);
  const withinReach = (value: number): boolean => !better(value, milestone);
  const usable = (value: number): boolean => better(value, current) && withinReach(value);
  const chosen = (value: number, source: SizedGoal['source']): SizedGoal => ({
    check: check.id,
    value,
    source,
    peer,
    peerBeyondReach: null,
  });
  if (withinReach(check.target)) return chosen(check.target, 'target');
  if (peer && usable(peer.median)) return chosen(peer.median, 'peerMedian');
  if (peer && usable(peer.excellent)) return chosen(peer.excellent, 'peerExcellent');
  const beyond = peer ? (['median', 'excellent'] as const).find((figure) => better(peer[figure], current)) : undefined;
  return { ...chosen(milestone, 'milestone'), peerBeyondReach: beyond ?? null };
}
