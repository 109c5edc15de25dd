import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareKeys,
  createKeyIndex,
  fnvHash,
  findKey,
  indexOfKey,
  keyListState,
  keyText,
  remapKeys,
  type KeyHash,
} from '../../src/metrics/keys.js';

// Order ids, buyer ids, a Latin-1 accent (one byte a code unit), Chinese names (kept as
// strings), a prefix of another key, the empty key and a key with a NUL prefix.
const KEYS = [
  '2406300000225991875',
  '2406300000225991876',
  '240630000022599187',
  'U12',
  'U1',
  'café',
  'cafe',
  '\u0000name:小杨',
  '\u0000name:琦儿',
  '小杨',
  '',
  '\u0000unknown',
  'ÿ',
  'Ā',
];

const tinyHashes: [string, KeyHash][] = [
  ['two bits', (key) => key.length & 3],
  ['one value for every key', () => 0],
];

describe.each(tinyHashes)('a key index whose hash is %s', (_name, hash) => {
  it('gives each distinct key its own index, and the same index again', () => {
    const index = createKeyIndex(hash);
    const first = KEYS.map((key) => indexOfKey(index, key));
    expect(new Set(first).size).toBe(KEYS.length);
    expect(KEYS.map((key) => indexOfKey(index, key))).toEqual(first);
    expect(KEYS.map((key) => findKey(index, key))).toEqual(first);
    expect(findKey(index, '2406300000225991877')).toBe(-1);
    expect(findKey(index, '小')).toBe(-1);
    expect(first.map((at) => keyText(index, at))).toEqual(KEYS);
  });

  it('orders keys as the texts compare', () => {
    const index = createKeyIndex(hash);
    for (const key of KEYS) indexOfKey(index, key);
    for (let a = 0; a < KEYS.length; a++) {
      for (let b = 0; b < KEYS.length; b++) {
        const expected = KEYS[a]! < KEYS[b]! ? -1 : KEYS[a]! > KEYS[b]! ? 1 : 0;
        expect(Math.sign(compareKeys(index, a, b)), `${KEYS[a]} vs ${KEYS[b]}`).toBe(expected);
      }
    }
  });

  it('maps another index’s keys onto its own, adding the missing ones', () => {
    const into = createKeyIndex(hash);
    for (const key of KEYS.slice(0, 7)) indexOfKey(into, key);
    const from = createKeyIndex(hash);
    const fromKeys = [...KEYS.slice(4)].reverse();
    for (const key of fromKeys) indexOfKey(from, key);
    const remap = remapKeys(into, structuredClone(keyListState(from)));
    expect([...remap].map((at) => keyText(into, at))).toEqual(fromKeys);
    expect(into.count).toBe(KEYS.length);
    expect(KEYS.slice(0, 7).map((key) => findKey(into, key))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const key of KEYS) expect(keyText(into, findKey(into, key))).toBe(key);
  });
});

describe('a key index with the default hash', () => {
  it('keeps many keys apart and in text order as the table grows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 300 }), (keys) => {
        const index = createKeyIndex();
        keys.forEach((key, i) => expect(indexOfKey(index, key)).toBe(i));
        keys.forEach((key, i) => expect(findKey(index, key)).toBe(i));
        for (let i = 1; i < keys.length; i++) {
          const expected = keys[i - 1]! < keys[i]! ? -1 : 1;
          expect(Math.sign(compareKeys(index, i - 1, i))).toBe(expected);
          expect(keyText(index, i)).toBe(keys[i]);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('a key index whose hashes differ only above the bits that place a key', () => {
  // Every key lands in the same first slot, so only the hash bits a slot keeps beside the key's
  // index (those above the table's size) tell keys apart before their texts are compared; as
  // the table doubles, one bit more goes to the index. 20,000 keys pass 2^15 slots, where the
  // index reaches the bits these hashes set.
  const highBitsOnly: KeyHash = (key) => Number(key.slice(1)) << 15;
  const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);

  it('finds every key again across the table’s growth', () => {
    const index = createKeyIndex(highBitsOnly);
    keys.forEach((key, i) => expect(indexOfKey(index, key)).toBe(i));
    keys.forEach((key, i) => expect(findKey(index, key)).toBe(i));
    expect(findKey(index, 'k20000')).toBe(-1);
    expect(index.count).toBe(keys.length);
  });

  it('folds another such index in, key for key', () => {
    const into = createKeyIndex(highBitsOnly);
    for (const key of keys.slice(0, 12_000)) indexOfKey(into, key);
    const from = createKeyIndex(highBitsOnly);
    const fromKeys = keys.slice(8_000).reverse();
    for (const key of fromKeys) indexOfKey(from, key);
    const remap = remapKeys(into, structuredClone(keyListState(from)));
    expect([...remap].map((at) => keyText(into, at))).toEqual(fromKeys);
    expect(into.count).toBe(keys.length);
    for (const key of keys) expect(keyText(into, findKey(into, key))).toBe(key);
  });
});

describe.each([
  ['the default hash', undefined],
  // Every key but the filler's in one chain: each lookup compares packed bytes with every id before it.
  ['one value for every id past the filler', (key: string) => (key.length === 21 ? fnvHash(key) : 7)],
] as [string, KeyHash | undefined][])('an index of ids kept two digits a byte, with %s', (_name, hash) => {
  // The first 16,384 keys are compared as strings too; past them, only the packed bytes are.
  const FILLER = Array.from({ length: 16_384 }, (_, i) => `1${String(i).padStart(20, '0')}`);
  const SPECIAL = [
    '',
    '0',
    '00',
    '007',
    '7',
    '70',
    '123',
    '1234',
    '1239',
    '124',
    '2406300000225991875',
    '99999999999999999999',
  ];

  function packedIndex(keys: string[]) {
    const index = createKeyIndex(hash, { packDigits: true });
    for (const key of [...FILLER, ...keys]) indexOfKey(index, key);
    return index;
  }

  it('holds odd and even, leading-zero and empty ids apart, in half the bytes', () => {
    const index = packedIndex(SPECIAL);
    SPECIAL.forEach((key, i) => {
      expect(findKey(index, key)).toBe(FILLER.length + i);
      expect(keyText(index, FILLER.length + i)).toBe(key);
    });
    for (const absent of ['000', '12', '2406300000225991876', '240630000022599187'])
      expect(findKey(index, absent)).toBe(-1);
    for (const notDigits of ['12a', '１２', 'U1', '0 ']) expect(findKey(index, notDigits)).toBe(-1);
    expect(index.packed).toBe(true);
    const textBytes = [...FILLER, ...SPECIAL].reduce((sum, key) => sum + key.length, 0);
    const packedBytes = [...FILLER, ...SPECIAL].reduce((sum, key) => sum + ((key.length + 1) >> 1), 0);
    expect(keyListState(index).bytes.length).toBe(packedBytes);
    expect(packedBytes).toBeLessThan(textBytes * 0.55);
  });

  it('orders ids as their texts compare, a prefix before the id it starts', () => {
    const index = packedIndex(SPECIAL);
    for (let a = 0; a < SPECIAL.length; a++) {
      for (let b = 0; b < SPECIAL.length; b++) {
        const expected = SPECIAL[a]! < SPECIAL[b]! ? -1 : SPECIAL[a]! > SPECIAL[b]! ? 1 : 0;
        const compared = compareKeys(index, FILLER.length + a, FILLER.length + b);
        expect(Math.sign(compared), `${SPECIAL[a]} vs ${SPECIAL[b]}`).toBe(expected);
      }
    }
  });

  it('holds text from the first id that is not digits on, and still finds every id before it', () => {
    const index = packedIndex(SPECIAL);
    const at = indexOfKey(index, 'U12');
    expect(index.packed).toBe(false);
    expect(indexOfKey(index, '4242')).toBe(at + 1);
    for (const [i, key] of [...FILLER, ...SPECIAL, 'U12', '4242'].entries()) expect(findKey(index, key)).toBe(i);
    expect(keyText(index, FILLER.length + 3)).toBe('007');
  });

  it('folds a text index into a packed one and a packed one into a text one', () => {
    const digitsOnly = ['31', '007', '5550001', '123'];
    const mixed = ['123', 'U12', '007', 'café'];
    const packedFrom = packedIndex(digitsOnly);
    const textInto = packedIndex(mixed);
    expect(textInto.packed).toBe(false);
    const remap = remapKeys(textInto, structuredClone(keyListState(packedFrom)));
    expect([...remap].map((at) => keyText(textInto, at))).toEqual([...FILLER, ...digitsOnly]);

    const packedInto = packedIndex(digitsOnly);
    const back = remapKeys(packedInto, structuredClone(keyListState(packedIndex(mixed))));
    expect(packedInto.packed).toBe(false);
    expect([...back].map((at) => keyText(packedInto, at))).toEqual([...FILLER, ...mixed]);
    for (const key of [...digitsOnly, ...mixed]) expect(keyText(packedInto, findKey(packedInto, key))).toBe(key);
  });

  it('gives the indexes, texts and order a text index gives, for any ids', () => {
    const id = fc.oneof(
      { weight: 9, arbitrary: fc.stringMatching(/^[0-9]{0,20}$/) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.array(id, { maxLength: 60 }), (keys, others) => {
        const packed = packedIndex(keys);
        const text = createKeyIndex(hash);
        for (const key of [...FILLER, ...keys]) indexOfKey(text, key);
        for (const key of [...keys, ...others]) expect(findKey(packed, key)).toBe(findKey(text, key));
        const from = createKeyIndex(hash, { packDigits: true });
        for (const key of others) indexOfKey(from, key);
        expect([...remapKeys(packed, keyListState(from))]).toEqual([...remapKeys(text, keyListState(from))]);
        expect(packed.count).toBe(text.count);
        for (let at = FILLER.length; at < packed.count; at++) {
          expect(keyText(packed, at)).toBe(keyText(text, at));
          if (at > FILLER.length)
            expect(Math.sign(compareKeys(packed, at - 1, at))).toBe(Math.sign(compareKeys(text, at - 1, at)));
        }
      }),
      { numRuns: 30 },
    );
  });
});
