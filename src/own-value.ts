/**
 * `table[key]` when `key` is one of the table's own keys, else undefined.
 *
 * Lookup tables here are object literals, and their keys often come from
 * the linted file (an element name, a `lang` value, a CSS keyword) or the
 * command line (a format name). A plain `table[key]` or `key in table`
 * answers for `constructor`, `toString` or `__proto__` with what
 * Object.prototype holds; every lookup keyed by outside text goes through
 * here instead.
 */
export function ownValue<Value>(table: Readonly<Record<string, Value>>, key: string): Value | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}
