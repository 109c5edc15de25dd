// Bytes that are not UTF-8 are read as GB18030, which accepts almost any byte pair: a Big5,
// Shift-JIS, EUC-JP or EUC-KR file would decode without error and show garbled names
// (手撕牛肉乾 → も脊ψ爱). chardet scores the sample against each encoding's byte statistics;
// the file is refused only when one of those encodings beats GB18030 by a clear margin.
//
// The margins were measured on the example exports re-encoded as GB18030 at 300 B, 2 KB,
// 20 KB and 1 MB (44 samples): a mostly-ASCII GB18030 sessions file scores EUC-KR up to 14
// points above GB18030, because the two share their byte ranges. EUC-KR therefore needs a
// wider margin than the others, which real Korean text with Korean headers clears (45) and a
// Korean name or two in an ASCII file may not: a missed refusal there is the lesser harm.
// Short samples, where the detector hesitates, fall back to byte ranges (byByteRanges).

import { TextDecoder } from 'node:util';
import { analyse } from 'chardet';

const REFUSAL_MARGIN: Readonly<Record<string, number>> = {
  Big5: 10,
  Shift_JIS: 10,
  'EUC-JP': 10,
  'EUC-KR': 25,
  'ISO-2022-JP': 10,
  'ISO-2022-KR': 10,
};

/** Enough text to judge by; scoring more only costs time. */
const SAMPLE_BYTES = 64 << 10;

/** The encoding the sample is in when it is one GB18030 would garble, else null. */
export function detectForeignEncoding(sample: Uint8Array): string | null {
  const bytes = distinctLines(sample.subarray(0, SAMPLE_BYTES));
  return byDetector(bytes) ?? byByteRanges(bytes);
}

/**
 * The sample's lines, each once: a cell repeated down a column (or a field of one phrase
 * repeated for megabytes) would weigh as much as all the rest and tip the statistics.
 */
function distinctLines(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const seen = new Set<string>();
  const kept: Buffer[] = [];
  let start = 0;
  while (start < buffer.length) {
    const newline = buffer.indexOf(10, start);
    const end = newline === -1 ? buffer.length : newline + 1;
    const line = buffer.subarray(start, end);
    const key = line.toString('latin1');
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(line);
    }
    start = end;
  }
  return Buffer.concat(kept);
}

function byDetector(bytes: Uint8Array): string | null {
  const matches = analyse(bytes);
  const top = matches[0];
  if (!top) return null;
  const margin = REFUSAL_MARGIN[top.name];
  if (margin === undefined) return null;
  const gb18030 = matches.find((match) => match.name === 'GB18030')?.confidence ?? 0;
  return top.confidence >= gb18030 + margin ? top.name : null;
}

/**
 * A few names are too little for the detector's statistics; byte ranges still tell. Simplified
 * Chinese text in GBK stays almost entirely inside GB2312 (both bytes 0xA1–0xFE), while Big5
 * and Shift-JIS put a third or more of their characters' second byte below 0xA1, and EUC-JP
 * text read as GB18030 turns into kana, which Chinese product names hardly use.
 */
function byByteRanges(bytes: Uint8Array): string | null {
  let pairs = 0;
  let outsideGb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (trail === undefined) break;
    pairs++;
    if (lead < 0xa1 || trail < 0xa1) outsideGb2312++;
    i++;
  }
  if (pairs < 2) return null;
  if (outsideGb2312 >= 2 && outsideGb2312 >= pairs * 0.3) {
    if (decodes(bytes, 'big5')) return 'Big5';
    if (decodes(bytes, 'shift_jis')) return 'Shift_JIS';
    return null;
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  const kana = text.match(/[\u3040-\u30ff]/g)?.length ?? 0;
  const cjk = text.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0;
  if (kana >= 2 && kana >= cjk * 0.2 && decodes(bytes, 'euc-jp')) return 'EUC-JP';
  return null;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
