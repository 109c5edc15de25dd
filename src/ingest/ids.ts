// Ids as the eye reads them. An order id pasted from a chat, a web page or a second export can
// carry a byte-order mark or a zero-width space, or arrive typed on a Chinese keyboard in
// full-width digits: it looks the same on screen and in Excel, yet as a string it is another
// order, so a duplicate line counts twice (GMV +¥59.90, no duplicate reported). Every reader
// parses ids through parseId (values.ts), which hands anything not plain ASCII to cleanId.

/** BOM and the zero-width characters: never part of an id anyone typed. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Full-width ASCII (U+FF01–FF5E) and the ideographic space: the part of NFKC that is safe for
 * ids. Full NFKC would also fold ① to 1 and ² to 2, making two different SKUs one.
 */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

function foldFullWidth(char: string): string {
  return char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0);
}

const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;
const PLAIN_EDGE_SPACE = /^[ \t\r\n\u00a0\u3000]+|[ \t\r\n\u00a0\u3000]+$/g;

/** The cell as written, with its invisible characters shown as <U+200B>, for a note that quotes it. */
export function shownId(text: string): string {
  return text.replace(INVISIBLE, (char) => `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Whether the text holds anything but ASCII: only then can cleanId change it (the cheap test). */
export function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

/** The id without invisible characters, full-width forms folded, surrounding spaces trimmed. */
export function cleanId(text: string): string {
  return text.replace(INVISIBLE, '').replace(FULL_WIDTH, foldFullWidth).replace(EDGE_SPACE, '');
}

// How many ids cleanId changed, in this thread: a reader compares the count before and after
// a row to learn that the row had one, without every parser returning a flag (module state
// instead of a returned pair, as dedupe.ts does, because this sits on the per-line path).
let cleanedCount = 0;
let lastCleanedFrom = '';

/** The id as parseId keeps it; counts it when cleaning changed more than surrounding spaces. */
export function normaliseId(text: string): string {
  if (!hasNonAscii(text)) return text;
  const cleaned = cleanId(text);
  // Spaces round an id were always trimmed; String.prototype.trim would also drop a BOM.
  if (cleaned !== text.replace(PLAIN_EDGE_SPACE, '')) {
    cleanedCount++;
    lastCleanedFrom = text;
  }
  return cleaned;
}

/** Ids changed by normaliseId so far in this thread (only differences mean anything). */
export function cleanedIdCount(): number {
  return cleanedCount;
}

/** The text of the last id normaliseId changed, as the cell held it. */
export function lastCleanedId(): string {
  return lastCleanedFrom;
}
