/** The part of emailjs-mime-parser's API that src/eml reads (the package ships no types). */
declare module "emailjs-mime-parser" {
	export interface MimeNode {
		/** The node's header lines, unfolded, as written. */
		header: string[];
		headers: Record<string, Array<{ value: string; params?: Record<string, string>; initial?: string }>>;
		childNodes?: MimeNode[];
		contentType?: { value: string; params: Record<string, string> };
		contentTransferEncoding?: { value: string };
		/** The charset of `content` after the parser's conversion (text parts become utf-8). */
		charset?: string;
		/** The decoded body. */
		content?: Uint8Array;
	}
	/** Parses a message given as a binary string (one character per byte). Throws on more than 999 parts. */
	type Parse = (raw: string) => MimeNode;
	/** A CommonJS module with `exports.default`: Node's ESM import gives the exports object, a bundler may give the function. */
	const parse: Parse | { default: Parse };
	export default parse;
}
