import { describe, expect, it } from 'vitest';
import { matchesAnyGlob, matchesGlob } from '../../src/check/glob.js';

describe('brand globs', () => {
  it('matches a name exactly when the pattern has no wildcards', () => {
    expect(matchesGlob('花溪美妆', '花溪美妆')).toBe(true);
    expect(matchesGlob('花溪美妆', '花溪美妆旗舰店')).toBe(false);
  });

  it('lets * match any run of characters, including none', () => {
    expect(matchesGlob('acme-*', 'acme-tea')).toBe(true);
    expect(matchesGlob('acme-*', 'acme-')).toBe(true);
    expect(matchesGlob('acme-*', 'acme')).toBe(false);
    expect(matchesGlob('*美妆*', '花溪美妆旗舰店')).toBe(true);
    expect(matchesGlob('*-tea-*-2024', 'acme-tea-north-east-2024')).toBe(true);
    expect(matchesGlob('*', '')).toBe(true);
  });

  it('lets ? match exactly one character, a Chinese character counting as one', () => {
    expect(matchesGlob('花?美妆', '花溪美妆')).toBe(true);
    expect(matchesGlob('花?美妆', '花美妆')).toBe(false);
    expect(matchesGlob('acme-??', 'acme-hk')).toBe(true);
    expect(matchesGlob('acme-??', 'acme-hkg')).toBe(false);
  });

  it('treats other characters literally and ignores Latin case', () => {
    expect(matchesGlob('a.b[1]', 'a.b[1]')).toBe(true);
    expect(matchesGlob('a.b', 'axb')).toBe(false);
    expect(matchesGlob('ACME-*', 'acme-tea')).toBe(true);
  });

  it('needs one matching pattern out of a list', () => {
    expect(matchesAnyGlob(['acme-*', '花溪*'], '花溪美妆')).toBe(true);
    expect(matchesAnyGlob(['acme-*', 'xinya-*'], '花溪美妆')).toBe(false);
  });
});
