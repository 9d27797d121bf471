import path from "node:path";

/**
 * Whether `file` is `root` itself or lies below it, by path alone (resolve
 * symbolic links first where they matter). A name that merely starts with
 * two dots (`..drafts`) is inside; `..` and `../x` are not.
 */
export function isWithin(file: string, root: string): boolean {
	const relative = path.relative(root, file);
	return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Whether `file` lies below `root` (the root itself is not a file inside it). */
export function isInside(file: string, root: string): boolean {
	return path.relative(root, file) !== "" && isWithin(file, root);
}

/** `folder` and each folder above it, nearest first, up to and including `root`; none outside `root`. */
export function* foldersUpTo(folder: string, root: string): Generator<string> {
	for (let current = folder; isWithin(current, root); current = path.dirname(current)) {
		yield current;
		// The file-system root is its own parent.
		if (current === root || path.dirname(current) === current) return;
	}
}
