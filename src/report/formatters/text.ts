// Text helpers shared by the text formatters: display width of CJK text, wrapping, and
// removing terminal control sequences that could arrive inside names from the data.

import { visibleText } from '../../util/terminal-text.js';

/** East Asian wide and fullwidth ranges: these take two terminal columns. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;

/** Columns a string takes in a terminal, ignoring colour codes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI_SEQUENCE, '')) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    if (codePoint >= 0x300 && codePoint <= 0x36f) continue;
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/**
 * Text that came from the data, made safe to show: a product name cannot move the cursor,
 * clear the screen, forge a line or reorder what is shown (the one sanitiser, src/util).
 */
export function stripControl(text: string): string {
  return visibleText(text);
}

/** Break points: after a space or a hyphen, around CJK characters. */
const BREAK_POINTS = /(?<= )|(?<=[a-z]-)(?=[a-z])|(?=[\u2e80-\u9fff\uff00-\uffef])|(?<=[\u2e80-\u9fff\uff00-\uffef])/iu;

/** Splits at the break points, and cuts a token wider than the line (a long id or URL) where it must. */
function tokensFitting(paragraph: string, width: number): string[] {
  const tokens: string[] = [];
  for (const token of paragraph.split(BREAK_POINTS)) {
    if (displayWidth(token) <= width || width < 2) {
      tokens.push(token);
      continue;
    }
    let piece = '';
    for (const char of token) {
      if (displayWidth(piece + char) > width) {
        tokens.push(piece);
        piece = '';
      }
      piece += char;
    }
    tokens.push(piece);
  }
  return tokens;
}

/** The widest piece wrap() will not break: what a column needs so nothing is cut mid-word. */
export function longestUnbreakable(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    for (const token of line.split(BREAK_POINTS)) widest = Math.max(widest, displayWidth(token.trimEnd()));
  }
  return widest;
}

/** Wraps to a display width; breaks at spaces where it can, anywhere inside CJK text. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const token of tokensFitting(paragraph, width)) {
      const tokenWidth = displayWidth(token);
      if (lineWidth + tokenWidth > width && line.trim() !== '') {
        lines.push(line.trimEnd());
        line = token.trimStart();
        lineWidth = displayWidth(line);
        continue;
      }
      line += token;
      lineWidth += tokenWidth;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
