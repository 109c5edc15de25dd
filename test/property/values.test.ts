// "Never a wrong number": every cell parser either reads a value exactly as the text denotes it,
// says the cell is empty, or refuses it (a visible skipped row). Two kinds of property:
// values rendered the ways exports write them must read back exactly; and any text at all,
// from an alphabet rich in the characters that confuse parsers, must read as the independent
// reference reading (reference.ts) or be refused.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INVALID,
  parseCount,
  parseDecimalNumber,
  parseDurationSeconds,
  parseId,
  parseMoneyFen,
  parsePercent,
  parseTime,
  parseYesNo,
  type Parsed,
} from '../../src/ingest/values.js';
import {
  MISSING,
  UNREADABLE,
  referenceCount,
  referenceDecimalNumber,
  referenceDurationSeconds,
  referenceMoneyFen,
  referencePercent,
  referenceTime,
  referenceYesNo,
  type Reading,
} from './reference.js';

const SEED = 42;
const VALID_RUNS = 600;
const ARBITRARY_RUNS = 3000;

/** What a parser said, in the reference's terms, so the two compare with one `toBe`. */
function asReading<T>(parsed: Parsed<T>): Reading<T> {
  if (parsed === null) return MISSING;
  if (parsed === INVALID) return UNREADABLE;
  return parsed;
}

/**
 * The oracle for arbitrary text: the parser may refuse text the reference can read (a skipped
 * row is visible), but whatever it returns otherwise must be exactly the reference reading.
 */
function agreesOrRefuses<T>(parsed: Parsed<T>, reference: Reading<T>, text: string): void {
  const reading = asReading(parsed);
  if (reading === UNREADABLE) return;
  expect(reading, `reading ${JSON.stringify(text)}`).toBe(reference);
}

// ---------------------------------------------------------------------------------------------
// Text generators

/** ±value / 10^scale as decimal text, with at least `minDecimals` decimals, optionally grouped. */
function decimalText(magnitude: bigint, scale: number, minDecimals: number, grouped: boolean): string {
  let digits = magnitude.toString().padStart(scale + 1, '0');
  let integer = digits.slice(0, digits.length - scale);
  const fraction = digits
    .slice(digits.length - scale)
    .replace(/0+$/, '')
    .padEnd(minDecimals, '0');
  if (grouped) integer = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  digits = fraction === '' ? integer : `${integer}.${fraction}`;
  return digits;
}

const FULL_WIDTH_OFFSET = 0xfee0;

function toFullWidth(text: string): string {
  return text.replace(/[0-9.,%]/g, (char) => String.fromCharCode(char.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

const padding = fc.constantFrom('', '', ' ', '  ', '\u3000', '\t', '\u00a0');

/** Edits a text: inserts, replaces or deletes one to three characters from `alphabet`. */
function mutated(base: fc.Arbitrary<string>, alphabet: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({
    kind: fc.constantFrom('insert', 'replace', 'delete'),
    at: fc.nat(),
    char: fc.constantFrom(...alphabet),
  });
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([text, edits]) => {
    const chars = [...text];
    for (const { kind, at, char } of edits) {
      const position = chars.length === 0 ? 0 : at % (chars.length + (kind === 'insert' ? 1 : 0));
      if (kind === 'insert') chars.splice(position, 0, char);
      else if (kind === 'replace') chars.splice(position, 1, char);
      else chars.splice(position, 1);
    }
    return chars.join('');
  });
}

function textFrom(alphabet: readonly string[], maxLength = 14): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), maxLength });
}

// Look-alike digits (superscript, circled, mathematical, Arabic-Indic) must never read as digits.
const NUMBER_ALPHABET = [
  '0',
  '1',
  '2',
  '5',
  '9',
  '0',
  '1',
  ',',
  '.',
  '¥',
  '￥',
  '元',
  '万',
  '亿',
  'w',
  'W',
  '%',
  '-',
  '+',
  ' ',
  '\u3000',
  '\u00a0',
  'e',
  'E',
  'r',
  'm',
  'b',
  'R',
  'M',
  'B',
  '１',
  '２',
  '．',
  '，',
  '％',
  '－',
  '²',
  '①',
  '⑩',
  '𝟗',
  '٣',
  '\t',
  'k',
  '/',
  '—',
  'n',
  'a',
  'N',
  '/',
] as const;

// ---------------------------------------------------------------------------------------------

const MAX_FEN = 1e15;
const fenAmount = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: 0, max: 100_000_000_000 }),
  fc.integer({ min: 0, max: MAX_FEN }),
);

interface MoneyStyle {
  unit: '' | '万' | '亿';
  grouped: boolean;
  /** 0: `1299` when the amount is whole yuan; 2: always `1299.00`. */
  minDecimals: number;
  extraZeros: number;
  currency: string;
  yuanMark: string;
  fullWidth: boolean;
  before: string;
  after: string;
}

const moneyStyle: fc.Arbitrary<MoneyStyle> = fc.record({
  unit: fc.constantFrom('' as const, '' as const, '万' as const, '亿' as const),
  grouped: fc.boolean(),
  minDecimals: fc.constantFrom(0, 2),
  extraZeros: fc.integer({ min: 0, max: 2 }),
  currency: fc.constantFrom('', '', '¥', '￥', '¥ ', 'RMB'),
  yuanMark: fc.constantFrom('', '', '元', ' 元'),
  fullWidth: fc.boolean(),
  before: padding,
  after: padding,
});

/** An amount of fen the way an export or a hand-kept sheet might write it. */
function renderMoney(fen: number, style: MoneyStyle, negative = false): string {
  const scale = 2 + (style.unit === '万' ? 4 : style.unit === '亿' ? 8 : 0);
  const minimum = style.unit === '' ? style.minDecimals : 0;
  let number = decimalText(BigInt(fen), scale, minimum, style.grouped && style.unit === '');
  if (style.extraZeros > 0) number = `${number}${number.includes('.') ? '' : '.'}${'0'.repeat(style.extraZeros)}`;
  if (style.fullWidth) number = toFullWidth(number);
  const sign = negative ? '-' : '';
  return `${style.before}${style.currency}${sign}${number}${style.unit}${style.yuanMark}${style.after}`;
}

describe('money: never a wrong number', () => {
  it('reads back every amount written the ways exports write it, to the fen', () => {
    fc.assert(
      fc.property(fenAmount, moneyStyle, (fen, style) => {
        expect(parseMoneyFen(renderMoney(fen, style))).toBe(fen);
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('reads negative adjustments where the column allows them, and refuses them elsewhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), moneyStyle, (fen, style) => {
        const text = renderMoney(fen, style, true);
        expect(parseMoneyFen(text, { allowNegative: true })).toBe(-fen);
        expect(parseMoneyFen(text)).toBe(INVALID);
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('refuses any amount beyond ten trillion yuan, however it is written', () => {
    const wholeYuan = fc
      .integer({ min: MAX_FEN / 100 + 1, max: Math.floor(Number.MAX_SAFE_INTEGER / 100) })
      .map((yuan) => yuan * 100);
    const tooMuch = fc.oneof(fc.integer({ min: MAX_FEN + 1, max: Number.MAX_SAFE_INTEGER }), wholeYuan);
    fc.assert(
      fc.property(tooMuch, moneyStyle, (fen, style) => {
        expect(parseMoneyFen(renderMoney(fen, style))).toBe(INVALID);
        // The bare digits take the fast path: the bound must hold there too.
        if (fen % 100 === 0) expect(parseMoneyFen(String(fen / 100))).toBe(INVALID);
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('reads any text as the amount it denotes, or refuses it', () => {
    const anyText = fc.oneof(
      textFrom(NUMBER_ALPHABET),
      mutated(
        fc.tuple(fenAmount, moneyStyle).map(([fen, style]) => renderMoney(fen, style)),
        NUMBER_ALPHABET,
      ),
    );
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, allowNegative) => {
        agreesOrRefuses(parseMoneyFen(text, { allowNegative }), referenceMoneyFen(text, allowNegative), text);
      }),
      { seed: SEED, numRuns: ARBITRARY_RUNS },
    );
  });

  it('reads exactly every amount the reference reads (it refuses nothing documented)', () => {
    const anyText = mutated(
      fc.tuple(fenAmount, moneyStyle).map(([fen, style]) => renderMoney(fen, style)),
      NUMBER_ALPHABET,
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(asReading(parseMoneyFen(text)), JSON.stringify(text)).toBe(referenceMoneyFen(text));
      }),
      { seed: SEED, numRuns: ARBITRARY_RUNS },
    );
  });
});

describe('counts, decimals and percentages', () => {
  it('reads back counts written plainly, grouped or in 万', () => {
    const style = fc.record({ grouped: fc.boolean(), wan: fc.boolean(), before: padding, after: padding });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        style,
        (count, { grouped, wan, before, after }) => {
          const number = wan
            ? `${decimalText(BigInt(count), 4, 0, false)}万`
            : decimalText(BigInt(count), 0, 0, grouped);
          expect(parseCount(`${before}${number}${after}`)).toBe(count);
        },
      ),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('reads back percentages and fractions to the nearest double', () => {
    const share = fc.record({
      basis: fc.integer({ min: 0, max: 10 ** 9 }),
      scale: fc.integer({ min: 0, max: 9 }),
      percent: fc.boolean(),
      before: padding,
    });
    fc.assert(
      fc.property(share, ({ basis, scale, percent, before }) => {
        const text = `${before}${decimalText(BigInt(basis), scale, 0, false)}${percent ? '%' : ''}`;
        const exact = Number(`${basis}e-${scale + (percent ? 2 : 0)}`);
        if (!percent && exact > 1) expect(parsePercent(text)).toBe(INVALID);
        else expect(parsePercent(text)).toBe(exact);
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('reads any text as the count, decimal or share it denotes, or refuses it', () => {
    fc.assert(
      fc.property(textFrom(NUMBER_ALPHABET, 24), (text) => {
        agreesOrRefuses(parseCount(text), referenceCount(text), text);
        agreesOrRefuses(parseDecimalNumber(text), referenceDecimalNumber(text), text);
        agreesOrRefuses(parsePercent(text), referencePercent(text), text);
      }),
      { seed: SEED, numRuns: ARBITRARY_RUNS },
    );
  });

  it('keeps long decimals exact: the nearest double, not a rounded product', () => {
    const digits = fc.stringMatching(/^[1-9][0-9]{15,22}$/);
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 22 }), (integer, scale) => {
        const text = `${decimalText(BigInt(integer), scale, 0, false)}%`;
        expect(asReading(parsePercent(text))).toBe(referencePercent(text));
        expect(asReading(parseDecimalNumber(text.slice(0, -1)))).toBe(referenceDecimalNumber(text.slice(0, -1)));
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------

interface DurationStyle {
  form: 'seconds' | 'clock' | 'zh' | 'en' | 'minutes';
  spaced: boolean;
}

function renderDuration(seconds: number, { form, spaced }: DurationStyle): string {
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const join = (parts: string[]) => parts.join(spaced ? ' ' : '');
  const units = (names: [string, string, string]) => {
    const parts = [
      [h, names[0]],
      [m, names[1]],
      [s, names[2]],
    ].filter(([value]) => value !== 0);
    if (parts.length === 0) return `0${names[2]}`;
    return join(parts.map(([value, name]) => (spaced ? `${value} ${name}` : `${value}${name}`)));
  };
  switch (form) {
    case 'seconds':
      return String(seconds);
    case 'clock':
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
    case 'zh':
      return units(['小时', '分', '秒']);
    case 'en':
      return units(['h', 'm', 's']);
    case 'minutes':
      return `${seconds / 60}分钟`;
  }
}

const DURATION_ALPHABET = [
  '0',
  '1',
  '2',
  '3',
  '5',
  '9',
  '.',
  ':',
  ' ',
  '分',
  '秒',
  '小时',
  '时',
  '钟',
  '天',
  'h',
  'm',
  's',
  'd',
  'in',
  'ec',
  'our',
  '²',
  '１',
  '：',
  '-',
  'x',
] as const;

describe('durations', () => {
  const seconds = fc.integer({ min: 0, max: 999 * 3600 });
  const style = fc.record({
    form: fc.constantFrom('seconds' as const, 'clock' as const, 'zh' as const, 'en' as const, 'minutes' as const),
    spaced: fc.boolean(),
  });

  it('reads back every length written as seconds, h:mm:ss or with units', () => {
    fc.assert(
      fc.property(seconds, style, (value, form) => {
        const exact = form.form === 'minutes' ? value - (value % 60) : value;
        expect(parseDurationSeconds(renderDuration(exact, form))).toBe(exact);
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('reads any text as the length it denotes, or refuses it', () => {
    const anyText = fc.oneof(
      textFrom(DURATION_ALPHABET, 10),
      mutated(
        fc.tuple(seconds, style).map(([value, form]) => renderDuration(value, form)),
        DURATION_ALPHABET,
      ),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = asReading(parseDurationSeconds(text));
        const reference = referenceDurationSeconds(text);
        if (parsed === UNREADABLE) return;
        if (typeof parsed === 'number' && typeof reference === 'number') {
          // Both round to the millisecond; only the last half-millisecond may differ.
          expect(Math.abs(parsed - reference), JSON.stringify(text)).toBeLessThanOrEqual(0.0005 + reference * 1e-12);
          return;
        }
        expect(parsed, JSON.stringify(text)).toBe(reference);
      }),
      { seed: SEED, numRuns: ARBITRARY_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const SHANGHAI_MS = 8 * 3600_000;
const two = (value: number) => String(value).padStart(2, '0');

interface TimeStyle {
  form: 'export' | 'slashes' | 'iso' | 'chinese' | 'date' | 'millis';
  zone: string;
}

const ZONES: Record<string, number> = {
  Z: 0,
  '+08:00': 480,
  '-05:00': -300,
  '+0530': 330,
  '+14:00': 840,
  '-12:00': -720,
};

/** The moment as an export writes it; forms without seconds or time first drop them from `ms`. */
function timeCase(epochMs: number, { form, zone }: TimeStyle): { text: string; ms: number } {
  const offset = form === 'iso' ? ZONES[zone]! * 60_000 : SHANGHAI_MS;
  let ms = epochMs;
  if (form !== 'millis') ms -= ((ms % 1000) + 1000) % 1000;
  if (form === 'slashes' || form === 'chinese') ms -= (((ms + offset) % 60_000) + 60_000) % 60_000;
  if (form === 'date') ms -= (((ms + offset) % 86_400_000) + 86_400_000) % 86_400_000;
  const local = new Date(ms + offset);
  const [y, mo, d] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  const [h, mi, s] = [local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()];
  const date = `${y}-${two(mo)}-${two(d)}`;
  switch (form) {
    case 'export':
      return { text: `${date} ${two(h)}:${two(mi)}:${two(s)}`, ms };
    case 'slashes':
      return { text: `${y}/${mo}/${d} ${h}:${two(mi)}`, ms };
    case 'iso':
      return { text: `${date}T${two(h)}:${two(mi)}:${two(s)}${zone}`, ms };
    case 'chinese':
      return { text: `${y}年${mo}月${d}日 ${two(h)}:${two(mi)}`, ms };
    case 'date':
      return { text: date, ms };
    case 'millis':
      return {
        text: `${date} ${two(h)}:${two(mi)}:${two(s)}.${String(local.getUTCMilliseconds()).padStart(3, '0')}`,
        ms,
      };
  }
}

const TIME_ALPHABET = [
  '0',
  '1',
  '2',
  '3',
  '6',
  '9',
  '-',
  '/',
  ':',
  '.',
  ' ',
  'T',
  'Z',
  '+',
  '年',
  '月',
  '日',
  '时',
  '分',
  '秒',
  '－',
  '：',
  '２',
] as const;

describe('times', () => {
  const moment = fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2100, 11, 30) });
  const style = fc.record({
    form: fc.constantFrom(
      'export' as const,
      'slashes' as const,
      'iso' as const,
      'chinese' as const,
      'date' as const,
      'millis' as const,
    ),
    zone: fc.constantFrom(...Object.keys(ZONES)),
  });

  it('reads back every moment written the ways exports write it, zone or not', () => {
    fc.assert(
      fc.property(moment, style, (epochMs, form) => {
        const { text, ms } = timeCase(epochMs, form);
        expect(parseTime(text), text).toBe(ms);
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('reads any text as the moment it denotes, or refuses it (no 30 February, no +99:99 zone)', () => {
    const anyText = fc.oneof(
      textFrom(TIME_ALPHABET, 20),
      mutated(
        fc.tuple(moment, style).map(([epochMs, form]) => timeCase(epochMs, form).text),
        TIME_ALPHABET,
      ),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        agreesOrRefuses(parseTime(text), referenceTime(text), text);
      }),
      { seed: SEED, numRuns: ARBITRARY_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('yes/no and ids', () => {
  it('reads only the documented words as yes or no', () => {
    const words = [
      '是',
      '否',
      'Y',
      'n',
      'yes',
      'NO',
      'true',
      'False',
      '1',
      '0',
      '2',
      'yes!',
      '是的',
      'ok',
      '',
      ' ',
      '-',
      'null',
      '对',
    ];
    const anyText = fc.oneof(
      fc.tuple(fc.constantFrom(...words), padding, padding).map(([word, before, after]) => `${before}${word}${after}`),
      textFrom(['y', 'e', 's', 'n', 'o', '1', '0', '是', '否', ' ', 't', 'r', 'u'], 6),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(asReading(parseYesNo(text)), JSON.stringify(text)).toBe(referenceYesNo(text));
      }),
      { seed: SEED, numRuns: ARBITRARY_RUNS },
    );
  });

  it('never changes a digit of an id, whatever protects it', () => {
    const protectedId = fc.tuple(
      fc.stringMatching(/^[1-9][0-9]{17,18}$/),
      fc.constantFrom(
        (id: string) => id,
        (id: string) => `\t${id}`,
        (id: string) => `'${id}`,
        (id: string) => `="${id}"`,
        (id: string) => ` ${id}\t`,
      ),
    );
    fc.assert(
      fc.property(protectedId, ([id, wrap]) => {
        expect(parseId(wrap(id))).toBe(id);
      }),
      { seed: SEED, numRuns: VALID_RUNS },
    );
  });

  it('returns an id as written (only trimmed of its protection), or refuses it', () => {
    fc.assert(
      fc.property(textFrom(['1', '2', '0', 'E', '+', '.', 'e', ' ', '\t', "'", '=', '"', 'a', '-'], 12), (text) => {
        const id = parseId(text);
        if (id === null || id === INVALID) return;
        expect(text.includes(id), JSON.stringify(text)).toBe(true);
      }),
      { seed: SEED, numRuns: ARBITRARY_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('wrong numbers these properties found (kept as examples)', () => {
  it.each(['²0.00', '1²', '①', '⑩0', '𝟗'])('does not read the look-alike digits in %j as digits', (text) => {
    expect(parseMoneyFen(text)).toBe(INVALID);
    expect(parseCount(text)).toBe(INVALID);
    expect(parseDurationSeconds(text)).toBe(INVALID);
  });

  it('applies the ten-trillion-yuan bound to bare digits too', () => {
    expect(parseMoneyFen('10000000000001')).toBe(INVALID);
    expect(parseMoneyFen('9999999999999')).toBe(999_999_999_999_900);
  });

  it('reads a share with sixteen digits and more as the nearest double', () => {
    expect(parsePercent('0.000001330000100000001%')).toBe(Number('1330000100000001e-23'));
  });

  it.each(['1 2', '1分1分', '30秒1分', '1 5分钟'])('refuses the duration %j rather than adding it up', (text) => {
    expect(parseDurationSeconds(text)).toBe(INVALID);
  });

  it.each(['2019年1月29日-1500', '2023-06-18T20:15:03+99:99', '2023-06-18T20:15:03+08:60'])(
    'refuses the zone in %j',
    (text) => {
      expect(parseTime(text)).toBe(INVALID);
    },
  );
});
