// Keys that come from the data (live ids, categories, profile names, column headers) must not
// meet Object.prototype: `record["__proto__"] = x` on a plain object sets its prototype instead
// of storing x, and `ALIASES["constructor"]` finds a function. A record with no prototype
// stores every key as data; ownValue looks a data key up in a table the code wrote.

/** An empty record with no prototype: every key, __proto__ included, is an ordinary key. */
export function dataRecord<V>(from?: Readonly<Record<string, V>>): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  // Object.assign sets each key; with no prototype there is no __proto__ setter to hit.
  return from === undefined ? record : Object.assign(record, from);
}

/** `table[key]` when the table itself holds the key, else undefined (never an inherited member). */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
