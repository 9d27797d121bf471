import fs from "node:fs";

/**
 * What tells a changed file from the one that was parsed (size, times,
 * inode), for the caches of included partials and layouts; undefined when
 * it cannot be told (the file is then read and not kept).
 */
export function stampOf(realPath: string): string | undefined {
	try {
		const stat = fs.statSync(realPath);
		return stat.isFile() ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}` : undefined;
	} catch {
		return undefined;
	}
}
