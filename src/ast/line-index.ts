import type { Position, SourceLocation, Range } from "./types.js";

/**
 * Converts offsets into 1-based line/column positions. Line breaks are
 * CRLF, LF and lone CR, the same set ESLint's text source code splits on,
 * so that locations agree with the lines ESLint shows.
 */
export class LineIndex {
	readonly #lineStarts: number[] = [0];

	constructor(text: string) {
		if (!text.includes("\r")) {
			// The usual case, LF only: indexOf jumps from break to break far faster than a loop reads every character.
			for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.#lineStarts.push(i + 1);
			return;
		}
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			if (code === 13 /* \r */) {
				if (text.charCodeAt(i + 1) === 10) i++;
				this.#lineStarts.push(i + 1);
			} else if (code === 10 /* \n */) {
				this.#lineStarts.push(i + 1);
			}
		}
	}

	get lineCount(): number {
		return this.#lineStarts.length;
	}

	position(offset: number): Position {
		const starts = this.#lineStarts;
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid]! <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: low + 1, column: offset - starts[low]! + 1 };
	}

	loc(range: Range): SourceLocation {
		return { start: this.position(range[0]), end: this.position(range[1]) };
	}

	/**
	 * The same location, its positions found when first read. A template has
	 * a node for every element, attribute, text and tag, and most of their
	 * locations are never read (only a finding's node is located): one object
	 * per node instead of three, and no line search until it is needed.
	 */
	lazyLoc(range: Range): SourceLocation {
		return new LazyLocation(this, range);
	}
}

/**
 * A node's location, computed from its range on first read and kept. It
 * reads like a plain one (`loc.start.line`), and `toJSON` gives the plain
 * shape to whatever serialises a node.
 */
class LazyLocation implements SourceLocation {
	readonly #lines: LineIndex;
	readonly #range: Range;
	#start: Position | undefined;
	#end: Position | undefined;

	constructor(lines: LineIndex, range: Range) {
		this.#lines = lines;
		this.#range = range;
	}

	get start(): Position {
		return (this.#start ??= this.#lines.position(this.#range[0]));
	}

	get end(): Position {
		return (this.#end ??= this.#lines.position(this.#range[1]));
	}

	toJSON(): SourceLocation {
		return { start: this.start, end: this.end };
	}
}
