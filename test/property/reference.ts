// Reference readings for the property tests: what a cell *denotes* under DATA.md's formats,
// written independently of src/ingest/values.ts. They scan by hand and compute with BigInt,
// so they share neither the parser's regular expressions nor its floating-point arithmetic.
// A parser may refuse what the reference can read (that is a visible skipped row); it may
// never return a number the reference does not read, or a different one.

export const MISSING = Symbol('missing');
export const UNREADABLE = Symbol('unreadable');
export type Reading<T> = T | typeof MISSING | typeof UNREADABLE;

const MISSING_MARKERS = ['', '-', '--', '—', '——', '－', '/', 'null', 'n/a', 'na', '暂无', '无'];

export function isMissingText(text: string): boolean {
  return MISSING_MARKERS.includes(text.trim().toLowerCase());
}

/**
 * Full-width ASCII (a Chinese keyboard's １２．５, ￥, the ideographic space) folded to ASCII.
 * Nothing else: superscripts, circled digits and other look-alikes are not digits here.
 */
export function foldWidth(text: string): string {
  let folded = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) folded += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) folded += ' ';
    else if (code === 0xffe5) folded += '¥';
    else folded += char;
  }
  return folded;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';
const isSpace = (char: string | undefined): boolean => char !== undefined && char !== '' && char.trim() === '';

/** A decimal as written: sign, all its digits as one integer, and how many of them are decimals. */
export interface DecimalText {
  negative: boolean;
  digits: bigint;
  scale: number;
  /** Power of ten of the unit: 4 for 万 (and w), 8 for 亿. */
  unitPower: number;
  percent: boolean;
  /** A decimal digit other than zero: 12.5 has one, 12.00 has not. */
  hasFraction: boolean;
}

class Scanner {
  at = 0;
  constructor(readonly text: string) {}
  peek(length = 1): string {
    return this.text.slice(this.at, this.at + length);
  }
  done(): boolean {
    return this.at >= this.text.length;
  }
  skipSpaces(): void {
    while (isSpace(this.text[this.at])) this.at++;
  }
  /** Consumes one of `words` (case-insensitive), the longest first. */
  take(words: readonly string[]): string | null {
    const sorted = [...words].sort((a, b) => b.length - a.length);
    for (const word of sorted) {
      if (this.peek(word.length).toLowerCase() === word.toLowerCase()) {
        this.at += word.length;
        return word;
      }
    }
    return null;
  }
  digits(): string {
    const start = this.at;
    while (isDigit(this.text[this.at])) this.at++;
    return this.text.slice(start, this.at);
  }
}

/** Integer part with optional thousands separators: every group after a comma has three digits. */
function integerPart(scanner: Scanner): string | null {
  const first = scanner.digits();
  if (scanner.peek() !== ',') return first;
  if (first.length < 1 || first.length > 3) return null;
  let digits = first;
  while (scanner.peek() === ',') {
    scanner.at++;
    const group = scanner.digits();
    if (group.length !== 3) return null;
    digits += group;
  }
  return digits;
}

/**
 * `[sign] [¥|rmb] [sign] digits[.digits] [万|亿|w] [元|rmb] [%]`, spaces allowed between the
 * parts but never inside the digits. One sign at most.
 */
export function readDecimalText(text: string): Reading<DecimalText> {
  if (isMissingText(text)) return MISSING;
  const scanner = new Scanner(foldWidth(text).trim());
  let sign = scanner.take(['+', '-']);
  scanner.skipSpaces();
  scanner.take(['¥', 'rmb']);
  scanner.skipSpaces();
  const secondSign = scanner.take(['+', '-']);
  if (sign !== null && secondSign !== null) return UNREADABLE;
  sign ??= secondSign;
  const integer = integerPart(scanner);
  if (integer === null) return UNREADABLE;
  let fraction = '';
  if (scanner.peek() === '.') {
    scanner.at++;
    fraction = scanner.digits();
  }
  if (integer === '' && fraction === '') return UNREADABLE;
  scanner.skipSpaces();
  const unit = scanner.take(['万', '亿', 'w']);
  scanner.skipSpaces();
  scanner.take(['元', 'rmb']);
  scanner.skipSpaces();
  const percent = scanner.take(['%']) !== null;
  if (!scanner.done()) return UNREADABLE;
  if (percent && unit !== null) return UNREADABLE;
  return {
    negative: sign === '-',
    digits: BigInt(`${integer}${fraction}` || '0'),
    scale: fraction.length,
    unitPower: unit === '亿' ? 8 : unit === null ? 0 : 4,
    percent,
    hasFraction: /[1-9]/.test(fraction),
  };
}

/** digits × 10^power rounded half away from zero to an integer, as a BigInt magnitude. */
function roundedMagnitude(decimal: DecimalText, power: number): bigint {
  const shift = power - decimal.scale;
  if (shift >= 0) return decimal.digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = decimal.digits / divisor;
  const remainder = decimal.digits % divisor;
  return remainder * 2n >= divisor ? quotient + 1n : quotient;
}

const MAX_FEN = 10n ** 15n;

export function referenceMoneyFen(text: string, allowNegative = false): Reading<number> {
  const decimal = readDecimalText(text);
  if (decimal === MISSING || decimal === UNREADABLE) return decimal;
  if (decimal.percent) return UNREADABLE;
  if (decimal.negative && !allowNegative) return UNREADABLE;
  // Fractions of a fen (12.345) are a broken cell, never rounded (DATA.md money, issue 15 class 8).
  const shift = 2 + decimal.unitPower - decimal.scale;
  if (shift < 0 && decimal.digits % 10n ** BigInt(-shift) !== 0n) return UNREADABLE;
  const fen = roundedMagnitude(decimal, 2 + decimal.unitPower);
  if (fen > MAX_FEN) return UNREADABLE;
  return decimal.negative && fen !== 0n ? -Number(fen) : Number(fen);
}

export function referenceCount(text: string): Reading<number> {
  const decimal = readDecimalText(text);
  if (decimal === MISSING || decimal === UNREADABLE) return decimal;
  if (decimal.percent || decimal.negative) return UNREADABLE;
  // Without a unit a count has no decimals; 1.23456万 is a rounded figure already.
  if (decimal.unitPower === 0 && decimal.hasFraction) return UNREADABLE;
  const count = roundedMagnitude(decimal, decimal.unitPower);
  if (count > BigInt(Number.MAX_SAFE_INTEGER)) return UNREADABLE;
  return Number(count);
}

/** The nearest double to ±digits × 10^exponent: JavaScript's own decimal reading is exact. */
function nearestDouble(negative: boolean, digits: bigint, exponent: number): number {
  const value = Number(`${digits}e${exponent}`);
  return negative && value !== 0 ? -value : value;
}

export function referencePercent(text: string): Reading<number> {
  const decimal = readDecimalText(text);
  if (decimal === MISSING || decimal === UNREADABLE) return decimal;
  if (decimal.unitPower !== 0) return UNREADABLE;
  if (decimal.percent) return nearestDouble(decimal.negative, decimal.digits, -decimal.scale - 2);
  // A bare number is a fraction only up to 1: 30 could be 30% or 3000%.
  const value = nearestDouble(decimal.negative, decimal.digits, -decimal.scale);
  return Math.abs(value) > 1 ? UNREADABLE : value;
}

export function referenceDecimalNumber(text: string): Reading<number> {
  const decimal = readDecimalText(text);
  if (decimal === MISSING || decimal === UNREADABLE) return decimal;
  if (decimal.percent || decimal.negative) return UNREADABLE;
  return nearestDouble(false, decimal.digits, decimal.unitPower - decimal.scale);
}

// ---------------------------------------------------------------------------------------------
// Durations

const UNIT_SECONDS: ReadonlyArray<[string[], number]> = [
  [['天', 'd'], 86400],
  [['小时', '时', 'h', 'hr', 'hrs', 'hour', 'hours'], 3600],
  [['分钟', '分', 'm', 'min', 'mins', 'minute', 'minutes'], 60],
  [['秒钟', '秒', 's', 'sec', 'secs', 'second', 'seconds'], 1],
];

function unitSeconds(word: string): number | null {
  for (const [words, seconds] of UNIT_SECONDS) if (words.includes(word)) return seconds;
  return null;
}

/** A decimal number of seconds (or of a unit), as thousandths, exactly. */
function thousandths(number: string, unit: number): bigint {
  const [integer = '', fraction = ''] = number.split('.');
  const scaled = BigInt(`${integer}${fraction}`) * BigInt(unit) * 1000n;
  const divisor = 10n ** BigInt(fraction.length);
  const quotient = scaled / divisor;
  return (scaled % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}

/**
 * Seconds from a bare number, h:mm:ss, or number-unit parts from the largest unit down, each
 * unit once (`1分1分` or `30秒1分` is a typo, not a duration). Digits are never joined across
 * spaces: `1 2` is not twelve.
 */
export function referenceDurationSeconds(text: string): Reading<number> {
  if (isMissingText(text)) return MISSING;
  const folded = foldWidth(text).trim().toLowerCase();
  if (/[\d.]\s+[\d.]/.test(folded)) return UNREADABLE;
  const compact = folded.replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(compact)) return Number(compact);
  const clock = /^(\d{1,3}):(\d\d):(\d\d)(\.\d+)?$/.exec(compact);
  if (clock) {
    const [hours, minutes, seconds] = [Number(clock[1]), Number(clock[2]), Number(clock[3])];
    if (minutes > 59 || seconds > 59) return UNREADABLE;
    return hours * 3600 + minutes * 60 + seconds;
  }
  const parts = [...compact.matchAll(/(\d+(?:\.\d+)?)([^\d.]+)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== compact) return UNREADABLE;
  let total = 0n;
  let previousUnit = Infinity;
  for (const [, number, word] of parts) {
    const unit = unitSeconds(word!);
    if (unit === null || unit >= previousUnit) return UNREADABLE;
    previousUnit = unit;
    total += thousandths(number!, unit);
  }
  return Number(total) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Times

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Epoch ms from `Y-M-D`, `Y/M/D`, `Y.M.D` or `Y年M月D日`, then optionally (after T or spaces)
 * `H:M[:S[.fff]]` or `H时M分[S秒]`, then optionally Z or ±HH[:]MM (a real offset: at most 14
 * hours, 59 minutes). Without a zone the time is Asia/Shanghai (UTC+8).
 */
export function referenceTime(text: string): Reading<number> {
  if (isMissingText(text)) return MISSING;
  const scanner = new Scanner(foldWidth(text).trim());
  const yearText = scanner.digits();
  if (yearText.length !== 4) return UNREADABLE;
  if (scanner.take(['-', '/', '.', '年']) === null) return UNREADABLE;
  const month = oneOrTwoDigits(scanner);
  if (month === null || scanner.take(['-', '/', '.', '月']) === null) return UNREADABLE;
  const day = oneOrTwoDigits(scanner);
  if (day === null) return UNREADABLE;
  scanner.take(['日']);
  const year = Number(yearText);
  if (year < 1970 || year > 2100 || !isRealDate(year, month, day)) return UNREADABLE;

  let [hour, minute, second, millis] = [0, 0, 0, 0];
  const beforeTime = scanner.at;
  let separated = false;
  while (scanner.peek().toLowerCase() === 't' || isSpace(scanner.peek())) {
    scanner.at++;
    separated = true;
  }
  if (separated) {
    const time = readClockTime(scanner);
    if (time === null) return UNREADABLE;
    [hour, minute, second, millis] = time;
  } else {
    scanner.at = beforeTime;
  }
  const offsetMinutes = readZone(scanner);
  if (offsetMinutes === null || !scanner.done()) return UNREADABLE;
  if (hour > 23 || minute > 59 || second > 59) return UNREADABLE;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** One or two digits (a third belongs to whatever follows). */
function oneOrTwoDigits(scanner: Scanner): number | null {
  let digits = '';
  while (digits.length < 2 && isDigit(scanner.text[scanner.at])) digits += scanner.text[scanner.at++];
  return digits === '' ? null : Number(digits);
}

function readClockTime(scanner: Scanner): [number, number, number, number] | null {
  const hour = oneOrTwoDigits(scanner);
  if (hour === null || scanner.take([':', '时']) === null) return null;
  const minute = oneOrTwoDigits(scanner);
  if (minute === null) return null;
  scanner.take(['分']);
  if (scanner.peek() === ':') {
    scanner.at++;
    const second = oneOrTwoDigits(scanner);
    if (second === null) return null;
    let millis = 0;
    if (scanner.peek() === '.' && isDigit(scanner.text[scanner.at + 1])) {
      scanner.at++;
      // Beyond the millisecond the digits are dropped, as a timestamp column means them.
      millis = Number(scanner.digits().slice(0, 3).padEnd(3, '0'));
    }
    return [hour, minute, second, millis];
  }
  const mark = scanner.at;
  const second = oneOrTwoDigits(scanner);
  if (second !== null && scanner.take(['秒']) !== null) return [hour, minute, second, 0];
  scanner.at = mark;
  return [hour, minute, 0, 0];
}

/** Minutes east of UTC; 480 when the text names no zone; null for an offset no place uses. */
function readZone(scanner: Scanner): number | null {
  if (scanner.done()) return 480;
  if (scanner.take(['z']) !== null) return 0;
  const sign = scanner.take(['+', '-']);
  if (sign === null) return null;
  const hours = scanner.peek(2);
  scanner.at += 2;
  scanner.take([':']);
  const minutes = scanner.peek(2);
  scanner.at += 2;
  if (!/^\d\d$/.test(hours) || !/^\d\d$/.test(minutes)) return null;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  const offset = Number(hours) * 60 + Number(minutes);
  return sign === '-' ? -offset : offset;
}

// ---------------------------------------------------------------------------------------------
// Yes / no

export function referenceYesNo(text: string): Reading<boolean> {
  const word = text.trim().toLowerCase();
  if (isMissingText(word)) return MISSING;
  if (['是', 'y', 'yes', 'true', '1'].includes(word)) return true;
  if (['否', 'n', 'no', 'false', '0'].includes(word)) return false;
  return UNREADABLE;
}
