// Dense indexes for the keys the metrics group by (orders, buyers, products, creators, live
// sessions). Per-key state lives in typed arrays addressed by the index, so memory follows
// distinct keys, and one lookup per key per line is the whole cost of grouping.
//
// The lookup is an open-addressing hash table in typed arrays, and the keys themselves are kept
// as bytes in one arena rather than as a million strings: an 18-digit order id costs 18 bytes
// and a 4-byte offset here, against 32 bytes of string and a 4-byte array slot on the heap, and
// the collector never walks them. A key with a UTF-16 code unit above 0xFF (a creator's Chinese
// name standing in for an id) is rare and short-lived in number, so it stays a string aside.
//
// Collisions cannot change a result: a hash only finds the candidate slot, and a key is the same
// key only when its full text matches, byte for byte. The hash is therefore free to be small and
// fast (unit tests run the whole metrics with a hash of two bits to prove it).
//
// The first keys of an index are also kept as strings: products, creators and sessions are a
// few thousand keys met on every line, where comparing two strings (native code) is faster than
// comparing a string with bytes; order ids and buyers, met once or twice each, spill past them.
//
// Order and buyer ids are digits, so their indexes keep two digits a byte: the high half of a
// byte first, and 0xF after the last digit of an odd count. A 19-digit order id then costs 10
// bytes instead of 19 (on the bench's million lines: 813,402 order ids in 9.7 MB of arena, not 22).
// The packed form is one-to-one with the text, so equal keys still have equal bytes, and hashes
// are computed from the digits as from the text. The first key that is not digits unpacks the
// index for good: any text stays a key.

import { Buffer } from 'node:buffer';
import { slotEntry, slotHashBits, slotIndex } from './tagged-slots.js';

/** The hash a key index finds its slots by; any function of the text gives the same results. */
export type KeyHash = (key: string) => number;

export interface KeyIndex {
  /** How many keys there are; their indexes are 0 … count - 1. */
  count: number;
  /** Latin-1 text of every key, one byte per UTF-16 code unit, key after key. */
  bytes: Uint8Array;
  /** Per index: where its bytes begin; the key ends where the next one begins. count + 1 used. */
  starts: Uint32Array;
  /** The table: a power of two, at most half full, each slot as tagged-slots.ts lays it out. */
  slots: Int32Array;
  /** Keys with a code unit above 0xFF, by index (their bytes are empty). */
  wide: Map<number, string>;
  /** The first STRING_KEYS keys as strings too (see above). */
  texts: string[];
  /** null: the built-in FNV-1a, computed in one loop with the check for wide code units. */
  readonly hash: KeyHash | null;
  /** Whether the keys' bytes are packed digits (see above). */
  packed: boolean;
}

const STRING_KEYS = 1 << 14;

/** A key index as plain data: what a worker thread posts for the main thread to merge. */
export interface KeyListState {
  count: number;
  bytes: Uint8Array;
  starts: Uint32Array;
  wide: Map<number, string>;
  packed: boolean;
}

/** FNV-1a over the UTF-16 code units, its high bits folded in, since the table uses the low ones. */
export function fnvHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 16);
}

/** `packDigits`: the keys are ids of digits, kept two digits a byte while they all are. */
export function createKeyIndex(hash: KeyHash | null = null, { packDigits = false } = {}): KeyIndex {
  return {
    count: 0,
    bytes: new Uint8Array(256),
    starts: new Uint32Array(64),
    slots: new Int32Array(64),
    wide: new Map(),
    texts: [],
    hash: hash === fnvHash ? null : hash,
    packed: packDigits,
  };
}

// What hashing a key found out besides its hash: module state instead of a returned pair, since
// this runs several times per order line and an allocation per line shows up in profiles.
let keyIsWide = false;
/** Set only for a packed index: whether the key is all digits. */
let keyIsDigits = false;

/** The key's hash; sets keyIsWide, and keyIsDigits for a packed index. */
function hashKey(index: KeyIndex, key: string): number {
  if (index.hash !== null) {
    keyIsWide = isWide(key);
    keyIsDigits = index.packed && isDigits(key);
    return index.hash(key);
  }
  let hash = 0x811c9dc5;
  let units = 0;
  if (index.packed) {
    // Negative once a code unit falls outside '0' … '9'.
    let outside = 0;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      units |= unit;
      outside |= (unit - 0x30) | (0x39 - unit);
      hash = Math.imul(hash ^ unit, 0x01000193);
    }
    keyIsDigits = outside >= 0;
  } else {
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      units |= unit;
      hash = Math.imul(hash ^ unit, 0x01000193);
    }
  }
  keyIsWide = units > 0xff;
  return hash ^ (hash >>> 16);
}

/**
 * The hash `into` gives key `at` of `from` (its own keys or another index's). Hashes are not
 * stored: the table grows and other indexes fold in rarely enough (a table doubles, a range
 * folds once) that hashing the key's bytes again costs less than 4 bytes a key held for good.
 */
function hashOfListed(into: KeyIndex, from: KeyListState, at: number): number {
  if (into.hash !== null || isWideAt(from, at)) return hashKey(into, keyText(from, at));
  const { bytes, starts } = from;
  const end = starts[at + 1]!;
  // hashKey's FNV-1a: a narrow key's bytes are its code units, a packed key's halves its digits.
  let hash = 0x811c9dc5;
  if (from.packed) {
    for (let i = starts[at]!; i < end; i++) {
      const byte = bytes[i]!;
      hash = Math.imul(hash ^ (0x30 + (byte >> 4)), 0x01000193);
      if ((byte & 0xf) !== 0xf) hash = Math.imul(hash ^ (0x30 + (byte & 0xf)), 0x01000193);
    }
  } else {
    for (let i = starts[at]!; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  }
  return hash ^ (hash >>> 16);
}

/**
 * A fresh copy of a text kept for good (names, catalogue and customer ids): these are few, so
 * the copy costs nothing, and it keeps whatever the text was cut from out of the metrics.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

function isWide(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return true;
  return false;
}

function isDigits(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    if (unit < 0x30 || unit > 0x39) return false;
  }
  return true;
}

function isWideAt(index: KeyListState, at: number): boolean {
  return index.wide.size > 0 && index.starts[at + 1] === index.starts[at] && index.wide.has(at);
}

/** Whether the key at `at` is `key` (a Latin-1 key: every code unit at most 0xFF). */
function holdsNarrow(index: KeyIndex, at: number, key: string): boolean {
  const { bytes, starts } = index;
  const start = starts[at]!;
  if (starts[at + 1]! - start !== key.length) return false;
  if (key.length === 0) return !isWideAt(index, at);
  for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key.charCodeAt(i)) return false;
  return true;
}

/** Whether the key at `at` of a packed index is `key` (all digits). */
function holdsDigits(index: KeyIndex, at: number, key: string): boolean {
  const { bytes, starts } = index;
  const start = starts[at]!;
  const length = key.length;
  if (starts[at + 1]! - start !== (length + 1) >> 1) return false;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    if (bytes[start + (i >> 1)] !== (((key.charCodeAt(i) - 0x30) << 4) | (key.charCodeAt(i + 1) - 0x30))) return false;
  }
  return i === length || bytes[start + (i >> 1)] === (((key.charCodeAt(i) - 0x30) << 4) | 0xf);
}

/** Writes the digits of `key` two a byte from `start` on: (length + 1) >> 1 bytes. */
function packDigits(bytes: Uint8Array, start: number, key: string): void {
  let i = 0;
  for (; i + 1 < key.length; i += 2) {
    bytes[start + (i >> 1)] = ((key.charCodeAt(i) - 0x30) << 4) | (key.charCodeAt(i + 1) - 0x30);
  }
  if (i < key.length) bytes[start + (i >> 1)] = ((key.charCodeAt(i) - 0x30) << 4) | 0xf;
}

/** How many digits packed key `at` has. */
function digitCount(index: KeyListState, at: number): number {
  const end = index.starts[at + 1]!;
  const bytes = end - index.starts[at]!;
  return bytes === 0 ? 0 : 2 * bytes - ((index.bytes[end - 1]! & 0xf) === 0xf ? 1 : 0);
}

/** Digit `i` of the packed key whose bytes begin at `start`. */
function digitAt(bytes: Uint8Array, start: number, i: number): number {
  const byte = bytes[start + (i >> 1)]!;
  return (i & 1) === 0 ? byte >> 4 : byte & 0xf;
}

/** The keys of a packed list as text, each key one byte a digit (the list itself is left as it is). */
function unpackedList(from: KeyListState): { bytes: Uint8Array; starts: Uint32Array } {
  const starts = new Uint32Array(from.count + 1);
  for (let at = 0; at < from.count; at++) starts[at + 1] = starts[at]! + digitCount(from, at);
  const bytes = new Uint8Array(starts[from.count]!);
  for (let at = 0; at < from.count; at++) {
    const start = from.starts[at]!;
    for (let i = 0; i < starts[at + 1]! - starts[at]!; i++)
      bytes[starts[at]! + i] = 0x30 + digitAt(from.bytes, start, i);
  }
  return { bytes, starts };
}

/** A key that is not digits came: the index keeps its keys as text from now on (hashes and slots stay). */
function unpack(index: KeyIndex): void {
  const { bytes, starts } = unpackedList(index);
  index.bytes = bytes;
  index.starts = starts;
  index.packed = false;
}

/** The slot holding `key`, or the empty slot where it would go. */
function slotOf(index: KeyIndex, key: string, hash: number, wide: boolean): number {
  const slots = index.slots;
  const mask = slots.length - 1;
  const hashBits = slotHashBits(mask, hash);
  let slot = hash & mask;
  for (;;) {
    const stored = slots[slot]!;
    if (stored === 0) return slot;
    if ((stored & ~mask) === hashBits) {
      const at = slotIndex(mask, stored);
      if (
        at < STRING_KEYS
          ? index.texts[at] === key
          : wide
            ? index.wide.get(at) === key
            : index.packed
              ? holdsDigits(index, at, key)
              : holdsNarrow(index, at, key)
      )
        return slot;
    }
    slot = (slot + 1) & mask;
  }
}

/** What slot `slot` of the table holds: the index of its key, or -1 when the slot is empty. */
function keyInSlot(index: KeyIndex, slot: number): number {
  const slots = index.slots;
  return slotIndex(slots.length - 1, slots[slot]!);
}

/** The slot holding key `at` of `from`, or the empty slot where it would go. */
function slotOfListed(index: KeyIndex, from: KeyListState, at: number, hash: number): number {
  if (isWideAt(from, at)) return slotOf(index, from.wide.get(at)!, hash, true);
  const { slots, bytes, starts } = index;
  const fromStart = from.starts[at]!;
  const length = from.starts[at + 1]! - fromStart;
  const mask = slots.length - 1;
  const hashBits = slotHashBits(mask, hash);
  let slot = hash & mask;
  for (;;) {
    const stored = slots[slot]!;
    if (stored === 0) return slot;
    if ((stored & ~mask) !== hashBits) {
      slot = (slot + 1) & mask;
      continue;
    }
    const candidate = slotIndex(mask, stored);
    const start = starts[candidate]!;
    if (starts[candidate + 1]! - start === length && !isWideAt(index, candidate)) {
      let same = true;
      for (let i = 0; i < length && same; i++) same = bytes[start + i] === from.bytes[fromStart + i];
      if (same) return slot;
    }
    slot = (slot + 1) & mask;
  }
}

/** Half again as large, or enough: these arrays hold millions of entries, and doubling would waste a third. */
function larger<T extends Uint8Array | Uint32Array | Int32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const length = Math.max(needed, Math.ceil(array.length * 1.5));
  const Constructor = array.constructor as new (length: number) => T;
  const grown = new Constructor(length);
  grown.set(array);
  return grown;
}

function growTable(index: KeyIndex): void {
  const slots = new Int32Array(index.slots.length * 2);
  const mask = slots.length - 1;
  for (let at = 0; at < index.count; at++) {
    const hash = hashOfListed(index, index, at);
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = slotEntry(mask, at, hash);
  }
  index.slots = slots;
}

/** Appends a key of `length` bytes into `slot`; returns its index and where its bytes go. */
function append(index: KeyIndex, slot: number, hash: number, length: number): { at: number; start: number } {
  const at = index.count;
  index.bytes = larger(index.bytes, index.starts[at]! + length);
  index.starts = larger(index.starts, at + 2);
  return place(index, slot, hash, length);
}

/** append() once the arrays have room: the key's offsets, hash and slot (its bytes are the caller's). */
function place(index: KeyIndex, slot: number, hash: number, length: number): { at: number; start: number } {
  const at = index.count;
  const start = index.starts[at]!;
  index.starts[at + 1] = start + length;
  index.slots[slot] = slotEntry(index.slots.length - 1, at, hash);
  index.count = at + 1;
  return { at, start };
}

function finishAppend(index: KeyIndex): void {
  if (index.count * 2 > index.slots.length) growTable(index);
}

/** The key's index, or -1 when the key is not there. */
export function findKey(index: KeyIndex, key: string): number {
  const hash = hashKey(index, key);
  if (index.packed && !keyIsDigits) return -1;
  return keyInSlot(index, slotOf(index, key, hash, keyIsWide));
}

/** The key's index, adding the key when it is new. */
export function indexOfKey(index: KeyIndex, key: string): number {
  const hash = hashKey(index, key);
  if (index.packed && !keyIsDigits) unpack(index);
  const wide = keyIsWide;
  const slot = slotOf(index, key, hash, wide);
  const found = keyInSlot(index, slot);
  if (found !== -1) return found;
  const packed = index.packed;
  const { at, start } = append(index, slot, hash, wide ? 0 : packed ? (key.length + 1) >> 1 : key.length);
  if (wide) index.wide.set(at, ownCopy(key));
  else if (packed) packDigits(index.bytes, start, key);
  else for (let i = 0; i < key.length; i++) index.bytes[start + i] = key.charCodeAt(i);
  if (at < STRING_KEYS) index.texts.push(wide ? index.wide.get(at)! : ownCopy(key));
  finishAppend(index);
  return at;
}

/** The text of key `at`: for the few keys a report names (creators, products, sessions). */
export function keyText(index: KeyListState, at: number): string {
  const wide = index.wide.get(at);
  if (wide !== undefined) return wide;
  const start = index.starts[at]!;
  if (index.packed) {
    let text = '';
    for (let i = 0; i < digitCount(index, at); i++) text += String.fromCharCode(0x30 + digitAt(index.bytes, start, i));
    return text;
  }
  const end = index.starts[at + 1]!;
  return Buffer.from(index.bytes.buffer, index.bytes.byteOffset + start, end - start).toString('latin1');
}

/** Keys a and b in string order (as `<` orders the texts): negative, zero or positive. */
export function compareKeys(index: KeyListState, a: number, b: number): number {
  if (a === b) return 0;
  if (index.packed) return compareDigits(index, a, b);
  if (isWideAt(index, a) || isWideAt(index, b)) {
    const textA = keyText(index, a);
    const textB = keyText(index, b);
    return textA < textB ? -1 : textA > textB ? 1 : 0;
  }
  const { bytes, starts } = index;
  const startA = starts[a]!;
  const startB = starts[b]!;
  const lengthA = starts[a + 1]! - startA;
  const lengthB = starts[b + 1]! - startB;
  const common = Math.min(lengthA, lengthB);
  for (let i = 0; i < common; i++) {
    const difference = bytes[startA + i]! - bytes[startB + i]!;
    if (difference !== 0) return difference;
  }
  return lengthA - lengthB;
}

/** compareKeys for a packed index: digit by digit, then the shorter first, as the texts compare. */
function compareDigits(index: KeyListState, a: number, b: number): number {
  const { bytes, starts } = index;
  const lengthA = digitCount(index, a);
  const lengthB = digitCount(index, b);
  const common = Math.min(lengthA, lengthB);
  for (let i = 0; i < common; i++) {
    const difference = digitAt(bytes, starts[a]!, i) - digitAt(bytes, starts[b]!, i);
    if (difference !== 0) return difference;
  }
  return lengthA - lengthB;
}

/** The index as plain data, trimmed to what is used: a copy, so the index may go on. */
export function keyListState(index: KeyIndex): KeyListState {
  const used = index.starts[index.count]!;
  return {
    count: index.count,
    bytes: index.bytes.slice(0, used),
    starts: index.starts.slice(0, index.count + 1),
    wide: index.wide,
    packed: index.packed,
  };
}

/** Makes room in `into` for `count` more keys holding `bytes` bytes in all, table included. */
function reserve(into: KeyIndex, count: number, bytes: number): void {
  const keys = into.count + count;
  into.bytes = larger(into.bytes, into.starts[into.count]! + bytes);
  into.starts = larger(into.starts, keys + 1);
  while (keys * 2 > into.slots.length) growTable(into);
}

/**
 * For each of another index's keys (in its order), where it sits in `into`; adds missing keys.
 * Room for all of them is made first: a worker's range brings tens of thousands of new order
 * ids, and growing the arrays key by key, each new key's bytes copied through a view of its
 * own, was two fifths of the time the main thread spent folding ranges in (measured).
 */
export function remapKeys(into: KeyIndex, other: KeyListState): Int32Array {
  // Both must hold their keys alike for bytes to compare; one that met a key of other than digits holds text.
  if (into.packed && !other.packed) unpack(into);
  const from = into.packed === other.packed ? other : { ...other, ...unpackedList(other), packed: false };
  const remap = new Int32Array(from.count);
  reserve(into, from.count, from.starts[from.count]! - from.starts[0]!);
  const fromBytes = from.bytes;
  for (let at = 0; at < from.count; at++) {
    const hash = hashOfListed(into, from, at);
    const slot = slotOfListed(into, from, at, hash);
    const found = keyInSlot(into, slot);
    if (found !== -1) {
      remap[at] = found;
      continue;
    }
    const fromStart = from.starts[at]!;
    const length = from.starts[at + 1]! - fromStart;
    const { at: added, start } = place(into, slot, hash, length);
    if (isWideAt(from, at)) into.wide.set(added, from.wide.get(at)!);
    else {
      const bytes = into.bytes;
      for (let i = 0; i < length; i++) bytes[start + i] = fromBytes[fromStart + i]!;
    }
    if (added < STRING_KEYS) into.texts.push(keyText(into, added));
    remap[at] = added;
  }
  return remap;
}
