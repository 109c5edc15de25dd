// Cell parsers. Each takes the text of one cell and returns the value, null when the cell
// says "no value", or INVALID when the text cannot be read. They never guess: a value that
// could mean two things is INVALID, because a skipped row is visible and a wrong number is not.
// The common export formats get a hand-written fast path; everything else goes through
// full-width folding (digits, ￥ and punctuation typed on a Chinese keyboard) and a regular
// expression.

import { SHANGHAI_OFFSET_MS } from '../i18n/format.js';
import { normaliseId } from './ids.js';

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
export type Parsed<T> = T | null | Invalid;

const MAX_FEN = 1e15; // ten trillion yuan: anything larger is a broken cell, not money

// 暂无/无 ("none") are what Chinese exports write in optional id and name columns.
const MISSING_MARKERS = new Set(['', '-', '--', '—', '——', '－', '/', 'null', 'n/a', 'na', '暂无', '无']);

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0;
}

/** Trims spaces (including the ideographic space); returns the same string when nothing to trim. */
export function trimCell(text: string): string {
  const length = text.length;
  if (length === 0) return text;
  if (!isSpaceCode(text.charCodeAt(0)) && !isSpaceCode(text.charCodeAt(length - 1))) return text;
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

// Only the full-width forms of ASCII (U+FF01-FF5E), the ideographic space and ￥. Not NFKC:
// it also turns ² into 2 and ① into 1, so "1²" would read as twelve.
const FULL_WIDTH_FORMS = /[\uff01-\uff5e\u3000\uffe5]/g;

function foldFullWidth(char: string): string {
  if (char === '\u3000') return ' ';
  if (char === '\uffe5') return '¥';
  return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
}

/** １２９９．００ → 1299.00, ￥ → ¥, the ideographic space → a space. */
export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH_FORMS, foldFullWidth);
}

export function isMissing(text: string): boolean {
  if (text.length === 0) return true;
  const trimmed = trimCell(text);
  if (trimmed.length > 4) return false;
  return MISSING_MARKERS.has(trimmed.toLowerCase());
}

/** Free text (names, statuses): trimmed, or null when the cell is empty. */
export function parseText(text: string | undefined): string | null {
  if (text === undefined) return null;
  const trimmed = trimCell(text);
  return isMissing(trimmed) ? null : trimmed;
}

// Excel turns long numbers into 2.40618E+18; the digits it dropped cannot be recovered.
const SCIENTIFIC = /^\d(?:\.\d+)?e\+?\d+$/i;

/**
 * Ids are text: order numbers have 18-19 digits, beyond what a double holds. Excel and the
 * export tools protect them with a leading tab or apostrophe, a trailing tab, or ="…".
 */
export function parseId(text: string | undefined): Parsed<string> {
  if (text === undefined) return null;
  // A BOM, a zero-width space or full-width digits make the same id look like another (ids.ts).
  let id = normaliseId(text);
  const first = id.charCodeAt(0);
  if (first === 9 || first === 39) id = id.slice(1);
  if (id.charCodeAt(id.length - 1) === 9) id = id.slice(0, -1);
  id = trimCell(id);
  if (id.length > 3 && id.charCodeAt(0) === 61 && id.charCodeAt(1) === 34 && id.charCodeAt(id.length - 1) === 34) {
    id = trimCell(id.slice(2, -1));
  }
  if (isMissing(id)) return null;
  if (looksScientific(id)) return INVALID;
  return id;
}

/** 2.40618E+18 or 2E+18: the second character is the point or the E, which ids rarely have. */
function looksScientific(id: string): boolean {
  const second = id.charCodeAt(1);
  if (second !== 46 && second !== 69 && second !== 101) return false;
  return SCIENTIFIC.test(id);
}

// ---------------------------------------------------------------------------------------------
// Decimal numbers, read exactly: digits are scaled by powers of ten as text, never through
// floating-point multiplication, so ¥1,299.90 is 129990 fen and not 129989.99999.

interface Decimal {
  negative: boolean;
  intDigits: string;
  fracDigits: string;
  /** 4 for 万, 8 for 亿, 0 otherwise. */
  unitShift: number;
  percent: boolean;
}

// Spaces may sit around the sign, the currency and the unit, never between digits.
const DECIMAL = /^([+-]?)\s*(?:¥|rmb)?\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?\s*(万|亿|w)?\s*(元|rmb)?\s*(%)?$/i;

function readDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(trimCell(foldWidth(text)));
  if (!match) return null;
  const [, sign1, sign2, intText = '', fracText = '', unit, , percent] = match;
  if (intText === '' && fracText === '') return null;
  if (sign1 && sign2) return null;
  const unitShift = unit === '亿' ? 8 : unit ? 4 : 0;
  if (percent && unit) return null;
  return {
    negative: sign1 === '-' || sign2 === '-',
    intDigits: intText.replace(/,/g, ''),
    fracDigits: fracText,
    unitShift,
    percent: percent !== undefined,
  };
}

/** The decimal × 10^shift, rounded half up to an integer; INVALID beyond safe integers. */
function scaleToInteger(decimal: Decimal, shift: number): number | Invalid {
  const frac = decimal.fracDigits;
  const kept = frac.slice(0, shift).padEnd(shift, '0');
  const digits = (decimal.intDigits + kept).replace(/^0+(?=\d)/, '') || '0';
  if (digits.length > 16) return INVALID;
  let value = Number(digits);
  const nextDigit = frac.charCodeAt(shift);
  if (nextDigit >= 53 && nextDigit <= 57) value += 1; // '5'..'9': round half up
  if (!Number.isSafeInteger(value)) return INVALID;
  return decimal.negative && value !== 0 ? -value : value;
}

/**
 * The decimal divided by 10^divisorPower, as the nearest double: the digits are handed to
 * JavaScript's own decimal reader with an exponent, which rounds once. Dividing the digits as a
 * number would round twice past 2^53 (sixteen digits and more) and miss by one unit.
 */
function decimalValue(decimal: Decimal, divisorPower: number): number {
  const exponent = decimal.unitShift - decimal.fracDigits.length - divisorPower;
  const value = Number(`${decimal.intDigits}${decimal.fracDigits}e${exponent}`);
  return decimal.negative && value !== 0 ? -value : value;
}

/** `1299`, `1299.5`, `1299.00`, also after ¥ or ￥ → fen, or -1 when the text is anything else. */
function plainMoneyFen(text: string): number {
  const length = text.length;
  if (length === 0 || length > 14) return -1;
  // The order export writes ¥89.10 on every line: its sign needs no folding or regular expression.
  const first = text.charCodeAt(0);
  const start = first === 0xa5 || first === 0xffe5 ? 1 : 0;
  let yuan = 0;
  let i = start;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) break;
    yuan = yuan * 10 + (code - 48);
  }
  if (i === start) return -1;
  if (i === length) return yuan * 100;
  if (text.charCodeAt(i) !== 46 || length - i > 3 || length - i < 2) return -1;
  const tenths = text.charCodeAt(i + 1) - 48;
  if (tenths < 0 || tenths > 9) return -1;
  if (length - i === 2) return yuan * 100 + tenths * 10;
  const hundredths = text.charCodeAt(i + 2) - 48;
  if (hundredths < 0 || hundredths > 9) return -1;
  return yuan * 100 + tenths * 10 + hundredths;
}

export interface MoneyOptions {
  /** Negative amounts only make sense in a few columns (adjustments); elsewhere they are INVALID. */
  allowNegative?: boolean;
}

/** Money in integer fen: `1299`, `1,299.00`, `¥1,299.90`, `￥0`, `1.2万`, `12.5元`. */
export function parseMoneyFen(text: string | undefined, options: MoneyOptions = {}): Parsed<number> {
  if (text === undefined) return null;
  const fast = plainMoneyFen(text);
  if (fast >= 0) return fast <= MAX_FEN ? fast : INVALID;
  if (isMissing(text)) return null;
  const decimal = readDecimal(text);
  if (decimal === null || decimal.percent) return INVALID;
  if (decimal.negative && !options.allowNegative) return INVALID;
  // 12.345 is no amount an export writes: rounding it would hide a broken column (a unit price
  // with four decimals, a ratio pasted into 实付款), so it is a bad cell like any other.
  if (finerThanFen(decimal)) return INVALID;
  const fen = scaleToInteger(decimal, 2 + decimal.unitShift);
  if (fen === INVALID || Math.abs(fen) > MAX_FEN) return INVALID;
  return fen;
}

function finerThanFen(decimal: Decimal): boolean {
  return /[1-9]/.test(decimal.fracDigits.slice(2 + decimal.unitShift));
}

/** Money text that reads as an amount but holds fractions of a fen (12.345): said so, not "not money". */
export function hasFractionOfFen(text: string | undefined): boolean {
  if (text === undefined) return false;
  const decimal = readDecimal(text);
  return decimal !== null && !decimal.percent && finerThanFen(decimal);
}

/** Whole counts: `1234`, `1,234`, `1.2万` (rounded: 万 figures are already rounded). */
export function parseCount(text: string | undefined): Parsed<number> {
  if (text === undefined) return null;
  const plain = plainInteger(text);
  if (plain >= 0) return plain;
  if (isMissing(text)) return null;
  const decimal = readDecimal(text);
  if (decimal === null || decimal.percent || decimal.negative) return INVALID;
  if (decimal.unitShift === 0 && /[1-9]/.test(decimal.fracDigits)) return INVALID;
  return scaleToInteger(decimal, decimal.unitShift);
}

function plainInteger(text: string): number {
  const length = text.length;
  if (length === 0 || length > 15) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

/** Non-negative numbers that may have decimals (average online viewers): `12.5`, `1.2万`. */
export function parseDecimalNumber(text: string | undefined): Parsed<number> {
  if (text === undefined) return null;
  if (isMissing(text)) return null;
  const decimal = readDecimal(text);
  if (decimal === null || decimal.percent || decimal.negative) return INVALID;
  return decimalValue(decimal, 0);
}

/**
 * A share as a fraction: `30.0%` → 0.3, `0.3` → 0.3. A bare number above 1 (`30`) could be
 * 30% or 3000%, so it is INVALID rather than guessed.
 */
export function parsePercent(text: string | undefined): Parsed<number> {
  if (text === undefined) return null;
  if (isMissing(text)) return null;
  const decimal = readDecimal(text);
  if (decimal === null || decimal.unitShift !== 0) return INVALID;
  if (decimal.percent) return decimalValue(decimal, 2);
  const value = decimalValue(decimal, 0);
  return Math.abs(value) > 1 ? INVALID : value;
}

// ---------------------------------------------------------------------------------------------
// Durations

const DURATION_UNITS: Record<string, number> = {
  天: 86400,
  d: 86400,
  小时: 3600,
  时: 3600,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  分钟: 60,
  分: 60,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  秒钟: 1,
  秒: 1,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
};
const DURATION_PART = /(\d+(?:\.\d+)?)(天|小时|时|分钟|分|秒钟|秒|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|d)/y;
const CLOCK = /^(\d{1,3}):(\d{2}):(\d{2})(?:\.\d+)?$/;
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/;
// Spaces may sit between parts (1 分 23 秒), never inside a number: "1 2" is not twelve.
const DIGITS_APART = /[\d.]\s+[\d.]/;

/**
 * Seconds from `83`, `1分23秒`, `00:01:23`, `2小时15分`, `135分钟`, `1小时`, `1h20m`.
 * `01:23` is INVALID: it is mm:ss in one export and hh:mm in another.
 */
export function parseDurationSeconds(text: string | undefined): Parsed<number> {
  if (text === undefined) return null;
  if (isMissing(text)) return null;
  const folded = foldWidth(text).toLowerCase();
  if (DIGITS_APART.test(folded)) return INVALID;
  const compact = folded.replace(/\s+/g, '');
  if (PLAIN_SECONDS.test(compact)) return Number(compact);
  const clock = CLOCK.exec(compact);
  if (clock) {
    const [hours, minutes, seconds] = [Number(clock[1]), Number(clock[2]), Number(clock[3])];
    if (minutes > 59 || seconds > 59) return INVALID;
    return hours * 3600 + minutes * 60 + seconds;
  }
  return parseUnitDuration(compact);
}

/**
 * Parts from the largest unit down, each unit once: `1分1分` or `30秒1分` is a slip of the
 * keyboard (1时1分?), and adding it up would be a guess.
 */
function parseUnitDuration(compact: string): Parsed<number> {
  let total = 0;
  let position = 0;
  let previousUnit = Infinity;
  while (position < compact.length) {
    DURATION_PART.lastIndex = position;
    const match = DURATION_PART.exec(compact);
    if (!match) return INVALID;
    const unit = DURATION_UNITS[match[2]!]!;
    if (unit >= previousUnit) return INVALID;
    previousUnit = unit;
    total += Number(match[1]) * unit;
    position = DURATION_PART.lastIndex;
  }
  return position === 0 ? INVALID : Math.round(total * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Times

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= days;
}

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  return tens * 10 + ones;
}

/** `2023-06-18 20:15:03`, the 快手小店 export format, without a regular expression. */
function fastDateTime(text: string): number {
  if (text.length !== 19) return -1;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32) return -1;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return -1;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return -1;
  const year = century * 100 + yy;
  if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return -1;
  return Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS;
}

const DATE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[t\s]+(\d{1,2})[:时](\d{1,2})分?(?:[:](\d{1,2})(?:\.(\d{1,3})\d*)?|(\d{1,2})秒)?)?(z|[+-]\d{2}:?\d{2})?$/i;

/** null for an offset no place on earth uses (beyond ±14 hours, or 60 minutes and more). */
function zoneOffsetMs(zone: string | undefined): number | null {
  if (zone === undefined) return SHANGHAI_OFFSET_MS;
  if (zone.toLowerCase() === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 3600 + minutes * 60) * 1000;
}

/**
 * Epoch ms from `2023-06-18 20:15:03`, `2023/6/18 20:15`, `2023-06-18T20:15:03+08:00`,
 * `2023-06-18` or `2023年6月18日 20:15`. A time without a zone is Asia/Shanghai.
 */
export function parseTime(text: string | undefined): Parsed<number> {
  if (text === undefined) return null;
  const fast = fastDateTime(text);
  if (fast >= 0) return fast;
  if (isMissing(text)) return null;
  const match = DATE_TIME.exec(foldWidth(trimCell(text)));
  if (!match) return INVALID;
  const [, y, mo, d, h = '0', mi = '0', s1, ms = '0', s2, zone] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s1 ?? s2 ?? '0')];
  if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return INVALID;
  const offset = zoneOffsetMs(zone);
  if (offset === null) return INVALID;
  const millis = Number(ms.padEnd(3, '0'));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}

/** A calendar day `YYYY-MM-DD` → epoch ms of its first and last millisecond in Asia/Shanghai. */
export function parseDayBounds(text: string): { startMs: number; endMs: number } | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDate(year, month, day)) return null;
  const startMs = Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS;
  return { startMs, endMs: startMs + 24 * 3600 * 1000 - 1 };
}

// ---------------------------------------------------------------------------------------------
// Yes / no

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

/** 是/否, Y/N, yes/no, true/false, 1/0 in any case. */
export function parseYesNo(text: string | undefined): Parsed<boolean> {
  if (text === undefined) return null;
  const trimmed = trimCell(text);
  if (isMissing(trimmed)) return null;
  const lower = trimmed.toLowerCase();
  if (YES.has(lower)) return true;
  if (NO.has(lower)) return false;
  return INVALID;
}
