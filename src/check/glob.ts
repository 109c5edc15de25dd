// Brand globs for `overrides`: `*` is any run of characters, `?` is exactly one. Nothing else is
// special, so a brand name with brackets or dots matches itself. Brand names are typed by hand in
// brand.json, so Latin letters match regardless of case.

function characters(text: string): string[] {
  // By code point, so `?` matches one Chinese character or emoji, not half a surrogate pair.
  return Array.from(text.toLowerCase());
}

export function matchesGlob(pattern: string, name: string): boolean {
  const wanted = characters(pattern);
  const given = characters(name);
  let w = 0;
  let g = 0;
  // Where the last `*` was, and where in the name it started matching; on a mismatch the star
  // swallows one more character and matching resumes after it.
  let starAt = -1;
  let starMatchedUpTo = 0;
  while (g < given.length) {
    const token = wanted[w];
    if (token === '*') {
      starAt = w;
      starMatchedUpTo = g;
      w++;
      continue;
    }
    if (token !== undefined && (token === '?' || token === given[g])) {
      w++;
      g++;
      continue;
    }
    if (starAt === -1) return false;
    w = starAt + 1;
    starMatchedUpTo++;
    g = starMatchedUpTo;
  }
  while (wanted[w] === '*') w++;
  return w === wanted.length;
}

export function matchesAnyGlob(patterns: readonly string[], name: string): boolean {
  return patterns.some((pattern) => matchesGlob(pattern, name));
}
