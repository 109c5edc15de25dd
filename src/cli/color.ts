// Colour only where it belongs (CLI.md): flags win, then FORCE_COLOR, then NO_COLOR, then
// whether stdout is a terminal. chalk alone does not honour NO_COLOR, hence this.

import { supportsColor } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
  isTty = Boolean(process.stdout.isTTY),
): ColorLevel {
  const detected = (supportsColor ? supportsColor.level : 0) as ColorLevel;
  if (flag === false) return 0;
  if (flag === true) return detected > 0 ? detected : 1;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const forced = Number.parseInt(force, 10);
    if (Number.isInteger(forced) && forced >= 1 && forced <= 3) return forced as ColorLevel;
    return detected > 0 ? detected : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTty) return 0;
  return detected > 0 ? detected : 1;
}
