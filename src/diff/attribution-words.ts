// The attribution in sentences, the same in the terminal, Markdown and the trend: the one line a
// consultant reads first, then the splits by seller and carrier and what the split rests on.
// Whole yuan on screen; the parts are rounded so that they still add up to the total shown.

import { formatCount, formatPercent } from '../i18n/format.js';
import { formatNumber, type Translate } from '../i18n/index.js';
import type { Attribution, FunnelTotals } from './attribution.js';
import { FUNNEL_FACTORS, roundToTotal } from './lmdi.js';
import type { MovedEntity, Movement, Movements } from './movement.js';

/** "+¥226,945", "−¥37,000", "¥0": whole yuan with a real minus sign, as a consultant writes it. */
export function signedYuan(yuan: number): string {
  if (!Number.isFinite(yuan)) return '—';
  const whole = Math.round(yuan);
  const magnitude = `¥${formatNumber(Math.abs(whole), 0)}`;
  if (whole > 0) return `+${magnitude}`;
  if (whole < 0) return `−${magnitude}`;
  return magnitude;
}

/** "¥226,945", "−¥37,000": whole yuan, signed only when negative. */
export function wholeYuan(yuan: number): string {
  return signedYuan(yuan).replace(/^\+/, '');
}

/** The factor parts in whole yuan, adjusted by at most a yuan so they add up to the whole-yuan change. */
export function wholeYuanFactors(attribution: Attribution): Record<string, number> | null {
  if (attribution.factors === null || attribution.gmvChange === null) return null;
  const { traffic, conversion, aov } = attribution.factors;
  return roundToTotal({ traffic, conversion, aov }, Math.round(attribution.gmvChange));
}

/** "GMV +¥226,945; live sessions +¥250,000 = traffic +¥310,000, conversion −¥37,000, AOV −¥23,000" */
export function attributionHeadline(attribution: Attribution, t: Translate): string {
  const total = t('diff.attr.total', { change: signedYuan(attribution.totalGmvChange) });
  const factors = wholeYuanFactors(attribution);
  if (factors === null || attribution.gmvChange === null) return `${total}${t('diff.attr.liveNotMeasured')}`;
  const parts = FUNNEL_FACTORS.map((factor) =>
    t(`diff.attr.factor.${factor}`, { change: signedYuan(factors[factor] ?? 0) }),
  );
  return t('diff.attr.headline', {
    total,
    live: signedYuan(attribution.gmvChange),
    parts: parts.join(t('diff.attr.partSeparator')),
  });
}

export function sellerLine(attribution: Attribution, t: Translate): string {
  return t('diff.attr.bySeller', {
    self: signedYuan(attribution.bySeller.self),
    creator: signedYuan(attribution.bySeller.creator),
  });
}

export function carrierLine(attribution: Attribution, t: Translate): string {
  const { live, shortVideo, itemCard, other } = attribution.byCarrier;
  return t('diff.attr.byCarrier', {
    live: signedYuan(live),
    shortVideo: signedYuan(shortVideo),
    itemCard: signedYuan(itemCard),
    other: signedYuan(other),
  });
}

function funnelText(funnel: FunnelTotals | null, t: Translate): string {
  if (funnel === null) return t('diff.notMeasured');
  return t(`diff.attr.funnel.${funnel.basis}`, {
    viewers: formatCount(funnel.viewers),
    conversion: funnel.conversion === null ? '—' : formatPercent(funnel.conversion, 2),
    aov: funnel.aov === null ? '—' : `¥${formatNumber(funnel.aov, 2)}`,
    sessions: funnel.sessions,
  });
}

/** Old → new funnel, then every caveat the split carries, each a sentence of its own. */
export function attributionNotes(attribution: Attribution, t: Translate): string[] {
  const notes = [
    t('diff.attr.funnelLine', {
      old: funnelText(attribution.funnel.old, t),
      new: funnelText(attribution.funnel.new, t),
    }),
  ];
  if (attribution.split === 'notMeasured') {
    const sides = attribution.notMeasured.map((side) => t(side === 'old' ? 'diff.old' : 'diff.new'));
    notes.push(t('diff.attr.note.notMeasured', { sides }));
  }
  if (attribution.split === 'zeroLimit' && attribution.zeroFactor !== null) {
    notes.push(t(`diff.attr.note.zero.${attribution.zeroFactor}`));
  }
  for (const side of ['old', 'new'] as const) {
    const funnel = attribution.funnel[side];
    const sessions = attribution.sessions[side];
    if (funnel !== null && sessions !== null && funnel.sessions < sessions) {
      notes.push(
        t('diff.attr.note.partialFunnel', {
          side: t(side === 'old' ? 'diff.old' : 'diff.new'),
          counted: funnel.sessions,
          sessions,
        }),
      );
    }
  }
  if (attribution.basis === 'orders') notes.push(t('diff.attr.note.orders'));
  if (attribution.basis === 'mixed') notes.push(t('diff.attr.note.mixed'));
  return notes;
}

function entityName(entity: MovedEntity): string {
  return entity.name ?? entity.id;
}

function namesWithGmv(entities: MovedEntity[], side: 'oldGmv' | 'newGmv', t: Translate): string {
  return entities
    .slice(0, 5)
    .map((entity) => `${entityName(entity)} ${wholeYuan(entity[side])}`)
    .join(t('diff.attr.partSeparator'));
}

/** "Creators: 12 new (¥80,000), 70 retained (¥1.2m → ¥1.3m), 8 lost (¥20,000)" and who. */
export function movementLines(movement: Movement | null, kind: 'creators' | 'products', t: Translate): string[] {
  if (movement === null) return [t(`diff.move.${kind}.unknown`)];
  const lines = [
    t(`diff.move.${kind}.summary`, {
      newCount: movement.new.count,
      newGmv: wholeYuan(movement.new.gmv),
      retainedCount: movement.retained.count,
      retainedOld: wholeYuan(movement.retained.oldGmv),
      retainedNew: wholeYuan(movement.retained.newGmv),
      lostCount: movement.lost.count,
      lostGmv: wholeYuan(movement.lost.gmv),
    }),
  ];
  if (movement.new.count > 0)
    lines.push(t('diff.move.newList', { names: namesWithGmv(movement.new.top, 'newGmv', t) }));
  if (movement.lost.count > 0)
    lines.push(t('diff.move.lostList', { names: namesWithGmv(movement.lost.top, 'oldGmv', t) }));
  if (!movement.complete) lines.push(t('diff.move.incomplete'));
  return lines;
}

export function heroLines(movements: Movements, t: Translate): string[] {
  const lines: string[] = [];
  if (movements.newHeroProducts.length > 0)
    lines.push(t('diff.move.newHeroes', { names: namesWithGmv(movements.newHeroProducts, 'newGmv', t) }));
  if (movements.lostHeroProducts.length > 0)
    lines.push(t('diff.move.lostHeroes', { names: namesWithGmv(movements.lostHeroProducts, 'oldGmv', t) }));
  if (lines.length === 0) lines.push(t('diff.move.heroesSame'));
  return lines;
}
