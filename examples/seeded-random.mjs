// The seeded generator every fake export is drawn from (the example brands, the months, the
// portfolio and the benchmark files). mulberry32: 32 bits of state, spread enough for fake
// exports, and the same sequence on every machine, so a seed always writes the same bytes.
// Changing anything here changes every generated file: run `npm run examples` and check that
// `git status` shows no example data changed, or say why in the commit.

export function createRandom(seed) {
  let state = seed >>> 0;

  function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  function between(min, max) {
    return min + (max - min) * next();
  }

  function int(min, max) {
    return min + Math.floor(next() * (max - min + 1));
  }

  function chance(probability) {
    return next() < probability;
  }

  function pick(list) {
    return list[Math.floor(next() * list.length)];
  }

  /** entries: [value, weight] pairs. */
  function weighted(entries) {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let target = next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  function shuffle(list) {
    const copy = [...list];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(next() * (index + 1));
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
  }

  /** Index into a list of `count`, the first ones far more likely (a long tail). */
  function skewed(count, power = 3) {
    return Math.min(count - 1, Math.floor(count * next() ** power));
  }

  /** A number written with `count` digits, the first never 0 (ids as the platform writes them). */
  function digits(count) {
    let text = String(int(1, 9));
    while (text.length < count) text += String(int(0, 9));
    return text;
  }

  return { next, between, int, chance, pick, weighted, shuffle, skewed, digits };
}
