import { stampOf } from "./file-stamp.js";

/**
 * What a run keeps of the files it includes (MJML `mj-include`d parts,
 * template-engine layouts and partials): one value per file, kept while the
 * file is unchanged (its stamp: size, times, inode) and while all values
 * together stay within a size bound, dropping the least recently used. A
 * footer included by every mail of a run is then read and parsed once.
 */
export class FileCache<T> {
	readonly #entries = new Map<string, { stamp: string; value: T; size: number }>();
	#size = 0;

	/** `sizeOf` measures a value in the unit `maxSize` bounds (bytes of text, for the callers). */
	constructor(
		readonly maxSize: number,
		readonly sizeOf: (value: T) => number,
	) {}

	/**
	 * The value kept for the file at `realPath` under `key`, now the most recently used, while the file is unchanged;
	 * otherwise the file's stamp, to keep the value read now under (a stale value is dropped).
	 */
	lookup(key: string, realPath: string): { value: T } | { stamp: string | undefined } {
		const stamp = stampOf(realPath);
		const cached = this.#entries.get(key);
		if (cached === undefined) return { stamp };
		// A Map iterates in insertion order: deleting and setting again moves the entry to the most recent end.
		this.#entries.delete(key);
		if (stamp !== undefined && cached.stamp === stamp) {
			this.#entries.set(key, cached);
			return { value: cached.value };
		}
		this.#size -= cached.size;
		return { stamp };
	}

	/**
	 * Keeps `value` for `key`, then drops the least recently used values until the rest fit (never the one just
	 * kept); not when the file's stamp could not be told.
	 */
	keep(key: string, stamp: string | undefined, value: T): void {
		if (stamp === undefined) return;
		const previous = this.#entries.get(key);
		if (previous !== undefined) {
			this.#entries.delete(key);
			this.#size -= previous.size;
		}
		const size = this.sizeOf(value);
		this.#entries.set(key, { stamp, value, size });
		this.#size += size;
		for (const [oldest, entry] of this.#entries) {
			if (this.#size <= this.maxSize || oldest === key) break;
			this.#entries.delete(oldest);
			this.#size -= entry.size;
		}
	}
}
