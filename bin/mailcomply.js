#!/usr/bin/env node
// The mailcomply command (package.json `bin`, and `npx mailcomply` in this
// repository). The CLI is written in src/cli/ and built to dist/src/cli/bin.js
// by `npm run build` (scripts/build.js); this file only starts it, so the
// command sits where a newcomer looks for it.
import { existsSync } from "node:fs";
import { URL } from "node:url";

const built = new URL("../dist/src/cli/bin.js", import.meta.url);
if (existsSync(built)) {
	await import(built.href);
} else {
	console.error("mailcomply: the CLI is not built yet: run `npm run build` first (`npm ci` does it too).");
	process.exitCode = 2;
}
