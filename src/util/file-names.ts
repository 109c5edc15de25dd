// File names on Linux are bytes, not text: a folder copied from an old GBK Windows share or a
// zip made there can have a name that is not valid UTF-8. Node turns such a name into a string
// with U+FFFD in it, which names no file, so the folder was reported "not found". Listing with
// Buffer names tells those apart, and a name is shown with its undecodable bytes as \xNN.

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The name as text, or null when its bytes are not valid UTF-8 (no string can open it then). */
export function utf8Name(bytes: Buffer): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The name as it can be shown: as text when it is valid UTF-8, else with every byte past ASCII
 * written as \xNN (a GBK name then reads \xbf\xcd\xbb\xa7, not as a stray mix of letters).
 */
export function escapedName(bytes: Buffer): string {
  const text = utf8Name(bytes);
  if (text !== null) return text;
  let shown = '';
  for (const byte of bytes)
    shown += byte < 0x80 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  return shown;
}
