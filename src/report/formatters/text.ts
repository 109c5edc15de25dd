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

/** Wraps to a display width; breaks at spaces where it can, anywhere inside CJK text. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const token of paragraph.split(/(?<= )|(?=[\u2e80-\u9fff\uff00-\uffef])|(?<=[\u2e80-\u9fff\uff00-\uffef])/u)) {
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
