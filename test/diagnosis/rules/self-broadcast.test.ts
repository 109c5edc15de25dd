// S alone: each case changes only the figures it is about (rule-tester.ts).
import { selfBroadcast } from '../../../src/diagnosis/stages/self-broadcast.js';
import { testStageRule } from '../rule-tester.js';

/** An S a consultant would call done on the default profile: every check over its target. */
const strongRoom = {
  sessions: 24,
  sessionsPerWeek: 5.6,
  hoursPerSession: 3.5,
  selfBroadcastGmvShare: 0.35,
  gmvPerHourFen: 400_000,
  uvValue: 2,
  gpm: 900,
  conversion: 0.03,
  avgStaySeconds: 75,
  followRate: 0.03,
  ownAccounts: 2,
  coldStartGrowth: 1.5,
  chuanliuShare: 0.25,
};

testStageRule(selfBroadcast, {
  valid: [
    { name: 'a strong room', metrics: strongRoom },
    // Without a views column GPM is unknown: unknown is not short, so nothing to do about it.
    { name: 'GPM not measured', metrics: { ...strongRoom, gpm: null } },
  ],
  invalid: [
    {
      name: 'one session a week: the schedule step names the best session',
      metrics: { ...strongRoom, sessionsPerWeek: 1 },
      checks: { sessionsPerWeek: 'fail', sessionMinutes: 'pass' },
      steps: ['schedule'],
      params: { schedule: { value: '1', target: '5' } },
    },
    {
      name: 'a weak follow rate asks for the follow with the lead product',
      metrics: { ...strongRoom, followRate: 0.015 },
      checks: { followRate: 'warn' },
      steps: ['follow'],
      params: { follow: { value: '1.5%', target: '2%' } },
    },
    {
      name: 'GPM short while UV value is measured: one order-value step, on UV value',
      metrics: { ...strongRoom, uvValue: 1, gpm: 500 },
      checks: { uvValue: 'warn', gpm: 'warn' },
      steps: ['uvValue'],
    },
    {
      name: 'GPM short and UV value unknown: the step falls to GPM',
      metrics: { ...strongRoom, uvValue: null, gpm: 500 },
      checks: { uvValue: 'unknown', gpm: 'warn' },
      steps: ['gpm'],
    },
    {
      name: 'frequency and length both short: one live-hours step, this month at most 3× today',
      metrics: { ...strongRoom, sessionsPerWeek: 1, hoursPerSession: 2.5 },
      checks: { sessionsPerWeek: 'fail', sessionMinutes: 'warn' },
      steps: ['liveHours'],
      // 1 × 150 min = 2.5 h a week; the profile's 15 h is more than 3×, so the goal is 7.5 h.
      params: { liveHours: { hours: '2.5', goalHours: '7.5', targetHours: '15' } },
    },
    {
      name: 'no session: only how to start, with the profile’s schedule',
      metrics: { ...strongRoom, sessions: 0, sessionList: [] },
      checks: {},
      started: false,
      steps: ['start'],
      params: { start: { perWeek: '5', minutes: '180' } },
    },
  ],
});
