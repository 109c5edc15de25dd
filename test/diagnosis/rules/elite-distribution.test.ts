// E alone (rule-tester.ts).
import { eliteDistribution } from '../../../src/diagnosis/stages/elite-distribution.js';
import { TOP_PRODUCTS } from '../fixtures.js';
import { testStageRule } from '../rule-tester.js';

const YUAN = 100;

const established = {
  seller: {
    self: { gmvFen: 400_000 * YUAN, share: 0.25 },
    creator: { gmvFen: 1_200_000 * YUAN, share: 0.75 },
  },
  creators: 40,
  topCreatorShare: 0.3,
  creatorBuyers: 8_000,
  // Three products proven across creators, as the default profile asks.
  heroProducts: TOP_PRODUCTS.slice(0, 3),
};

testStageRule(eliteDistribution, {
  valid: [{ name: 'past the ¥1,000,000 level with 40 creators', metrics: established }],
  invalid: [
    {
      name: 'below the GMV level: recruit at today’s GMV per creator',
      metrics: {
        ...established,
        seller: { self: { gmvFen: 0, share: 0 }, creator: { gmvFen: 400_000 * YUAN, share: 1 } },
        creators: 40,
      },
      checks: { creatorGmv: 'fail', creatorsWithSales: 'pass' },
      steps: ['recruitForGmv'],
      // This month's milestone is ¥800,000 (doubled), not the ¥1,000,000 level: 40 more at ¥10,000 each.
      params: { recruitForGmv: { perCreator: '¥10,000', more: '40', goal: '80' } },
    },
    {
      name: 'GMV level reached by too few creators: broaden, not recruit for GMV',
      metrics: { ...established, creators: 12 },
      checks: { creatorGmv: 'pass', creatorsWithSales: 'fail' },
      steps: ['broadenCreators'],
      params: { broadenCreators: { more: '18' } },
    },
    {
      name: 'one creator sells half: spread the lead product to the next rooms',
      metrics: { ...established, topCreatorShare: 0.5 },
      checks: { topCreatorShare: 'warn' },
      steps: ['spreadTopCreator'],
      params: { spreadTopCreator: { share: '50%', max: '40%' } },
    },
  ],
});
