import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INVALID,
  hasFractionOfFen,
  isMissing,
  parseCount,
  parseDayBounds,
  parseDecimalNumber,
  parseDurationSeconds,
  parseId,
  parseMoneyFen,
  parsePercent,
  parseText,
  parseTime,
  parseYesNo,
} from '../../src/ingest/values.js';

const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

describe('parseId on ids that look the same', () => {
  it.each([
    ['\ufeff2406018646824713928', '2406018646824713928'],
    ['\u200b2406018646824713928', '2406018646824713928'],
    ['2406018646824713928\u2060', '2406018646824713928'],
    ['\u200c 2406018646824713928 \u200d', '2406018646824713928'],
    ['２４０６０１８６４６８２４７１３９２８', '2406018646824713928'],
    ['ＳＫＵ－２１０７－１', 'SKU-2107-1'],
    ['\t\ufeff2406018646824713928', '2406018646824713928'],
  ])('reads %j as %s', (text, id) => {
    expect(parseId(text)).toBe(id);
  });

  it('leaves what NFKC would change beyond full width alone: ① and ² are not 1 and 2', () => {
    expect(parseId('SKU①')).toBe('SKU①');
    expect(parseId('A²')).toBe('A²');
    expect(parseId('手撕牛肉干')).toBe('手撕牛肉干');
  });
});

describe('parseMoneyFen', () => {
  it.each([
    ['1299', 129900],
    ['1299.00', 129900],
    ['1299.5', 129950],
    ['1,299.00', 129900],
    ['¥1,299.90', 129990],
    ['￥0', 0],
    ['0.01', 1],
    ['1.2万', 1200000],
    ['1.2万元', 1200000],
    ['3亿', 30000000000],
    ['12.5元', 1250],
    [' 88.80 ', 8880],
    ['１２９９．００', 129900], // full-width digits from a Chinese keyboard
    ['19.990', 1999], // zeros past the fen are exact
    ['1.23456万', 1234560],
    ['12,345,678.90', 1234567890],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseMoneyFen(text)).toBe(fen);
  });

  it.each(['', '-', '--', '—', '/', 'null', 'NULL', 'N/A'])('treats %j as missing, not zero', (text) => {
    expect(parseMoneyFen(text)).toBeNull();
  });

  it.each(['abc', '12a', '1,29.00', '1.2.3', '¥', '30%', '1e5', '12 34'])('refuses %j', (text) => {
    expect(parseMoneyFen(text)).toBe(INVALID);
  });

  it.each(['19.999', '12.345', '0.001', '1.2345678万'])('refuses %j: fractions of a fen are not rounded', (text) => {
    expect(parseMoneyFen(text)).toBe(INVALID);
    expect(hasFractionOfFen(text)).toBe(true);
  });

  it('refuses negative amounts unless the column allows them', () => {
    expect(parseMoneyFen('-12.50')).toBe(INVALID);
    expect(parseMoneyFen('-12.50', { allowNegative: true })).toBe(-1250);
    expect(parseMoneyFen('¥-3.00', { allowNegative: true })).toBe(-300);
  });

  it('keeps integer fen exact where floating point would not', () => {
    // 0.1 + 0.2 style error: 1.15 * 100 is 114.99999999999999 in floating point.
    expect(parseMoneyFen('1.15')).toBe(115);
    expect(parseMoneyFen('¥4.35')).toBe(435);
  });

  it('reads back any amount written the way exports write it, to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.boolean(), fc.boolean(), (fen, grouped, symbol) => {
        const yuan = (fen / 100).toLocaleString('en-US', {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
          useGrouping: grouped,
        });
        expect(parseMoneyFen(`${symbol ? '¥' : ''}${yuan}`)).toBe(fen);
      }),
    );
  });

  it('refuses amounts too large to be money', () => {
    expect(parseMoneyFen('99999999999999999999')).toBe(INVALID);
  });
});

describe('parseCount', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1.2万', 12000],
    ['3.45万', 34500],
    ['12.0', 12],
    ['0', 0],
  ])('reads %s as %i', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it('treats empty markers as missing', () => {
    expect(parseCount('-')).toBeNull();
    expect(parseCount('')).toBeNull();
  });

  it.each(['12.5', '-3', 'many', '30%'])('refuses %j', (text) => {
    expect(parseCount(text)).toBe(INVALID);
  });
});

describe('parseDecimalNumber', () => {
  it('reads averages with decimals', () => {
    expect(parseDecimalNumber('123.5')).toBe(123.5);
    expect(parseDecimalNumber('1.5万')).toBe(15000);
    expect(parseDecimalNumber('—')).toBeNull();
    expect(parseDecimalNumber('x')).toBe(INVALID);
  });
});

describe('parsePercent', () => {
  it('reads a percentage or a fraction', () => {
    expect(parsePercent('30.0%')).toBe(0.3);
    expect(parsePercent('12.3%')).toBe(0.123);
    expect(parsePercent('0.3')).toBe(0.3);
    expect(parsePercent('1')).toBe(1);
    expect(parsePercent('100%')).toBe(1);
  });

  it('refuses a bare number above 1, which could be 30% or 3000%', () => {
    expect(parsePercent('30')).toBe(INVALID);
  });

  it('treats empty markers as missing and refuses words', () => {
    expect(parsePercent('--')).toBeNull();
    expect(parsePercent('high')).toBe(INVALID);
  });
});

describe('parseDurationSeconds', () => {
  it.each([
    ['83', 83],
    ['1分23秒', 83],
    ['00:01:23', 83],
    ['2小时15分', 8100],
    ['135分钟', 8100],
    ['1小时', 3600],
    ['2小时15分钟30秒', 8130],
    ['1h20m', 4800],
    ['45s', 45],
    ['1.5小时', 5400],
    ['12:00:00', 43200],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it('refuses mm:ss / hh:mm, which exports use both ways', () => {
    expect(parseDurationSeconds('01:23')).toBe(INVALID);
  });

  it.each(['abc', '1分钟x', '00:61:00', '小时'])('refuses %j', (text) => {
    expect(parseDurationSeconds(text)).toBe(INVALID);
  });

  it('treats empty markers as missing', () => {
    expect(parseDurationSeconds('-')).toBeNull();
  });
});

describe('parseTime', () => {
  it.each([
    ['2023-06-18 20:15:03', '2023-06-18T20:15:03'],
    ['2023/6/18 20:15', '2023-06-18T20:15:00'],
    ['2023/06/18 08:05:09', '2023-06-18T08:05:09'],
    ['2023-06-18', '2023-06-18T00:00:00'],
    ['2023年6月18日 20:15', '2023-06-18T20:15:00'],
    ['2023-06-18 20:15:03.250', '2023-06-18T20:15:03.250'],
  ])('reads %s as Asia/Shanghai time', (text, local) => {
    expect(parseTime(text)).toBe(shanghai(local));
  });

  it('honours an explicit zone', () => {
    expect(parseTime('2023-06-18T20:15:03+08:00')).toBe(shanghai('2023-06-18T20:15:03'));
    expect(parseTime('2023-06-18T12:15:03Z')).toBe(shanghai('2023-06-18T20:15:03'));
    expect(parseTime('2023-06-18T13:15:03+0900')).toBe(shanghai('2023-06-18T12:15:03'));
  });

  it.each(['2023-02-30 10:00:00', '2023-13-01', '2023-06-18 24:00:00', '18/06/2023', 'yesterday', '2023-06-18 20:61'])(
    'refuses %j',
    (text) => {
      expect(parseTime(text)).toBe(INVALID);
    },
  );

  it('accepts 29 February only in leap years', () => {
    expect(parseTime('2024-02-29 10:00:00')).toBe(shanghai('2024-02-29T10:00:00'));
    expect(parseTime('2023-02-29 10:00:00')).toBe(INVALID);
  });

  it('treats empty markers as missing', () => {
    expect(parseTime('')).toBeNull();
    expect(parseTime('-')).toBeNull();
  });
});

describe('parseDayBounds', () => {
  it('spans a whole Shanghai day', () => {
    const bounds = parseDayBounds('2024-06-01')!;
    expect(bounds.startMs).toBe(shanghai('2024-06-01T00:00:00'));
    expect(bounds.endMs).toBe(shanghai('2024-06-02T00:00:00') - 1);
    expect(parseDayBounds('2024-06-31')).toBeNull();
  });
});

describe('parseId', () => {
  it('keeps 18- and 19-digit order numbers exactly', () => {
    expect(parseId('2406181234567890123')).toBe('2406181234567890123');
    expect(parseId('240618123456789012')).toBe('240618123456789012');
  });

  it('keeps any digit string exactly, however long', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{0,24}$/), (digits) => {
        expect(parseId(digits)).toBe(digits);
        expect(parseId(`\t${digits}\t`)).toBe(digits);
      }),
    );
  });

  it('strips what Excel and export tools add to protect ids', () => {
    expect(parseId('\t2406181234567890123')).toBe('2406181234567890123');
    expect(parseId("'2406181234567890123")).toBe('2406181234567890123');
    expect(parseId('2406181234567890123\t')).toBe('2406181234567890123');
    expect(parseId('="2406181234567890123"')).toBe('2406181234567890123');
    expect(parseId('  kol_8841 ')).toBe('kol_8841');
  });

  it('refuses an id Excel already rounded to scientific notation', () => {
    expect(parseId('2.40618E+18')).toBe(INVALID);
    expect(parseId('2E+18')).toBe(INVALID);
  });

  it('treats empty markers as missing', () => {
    expect(parseId('-')).toBeNull();
    expect(parseId('暂无')).toBeNull();
    expect(parseId('\t')).toBeNull();
  });
});

describe('parseYesNo', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
  ])('reads %s as %s', (text, value) => {
    expect(parseYesNo(text)).toBe(value);
  });

  it('treats empty as missing and refuses anything else', () => {
    expect(parseYesNo('')).toBeNull();
    expect(parseYesNo('maybe')).toBe(INVALID);
    expect(parseYesNo('2')).toBe(INVALID);
  });
});

describe('missing markers', () => {
  it.each(['', ' ', '-', '--', '—', '/', 'null', 'N/A', 'n/a'])('%j is missing', (text) => {
    expect(isMissing(text)).toBe(true);
    expect(parseText(text)).toBeNull();
  });

  it('keeps real text, trimmed', () => {
    expect(parseText('  美白精华 30ml ')).toBe('美白精华 30ml');
    expect(isMissing('0')).toBe(false);
  });
});
