#!/usr/bin/env node
import module from "node:module";

// As ESLint's own bin does: from Node 22.1, V8's compiled code is reused
// between runs, and compiling ESLint and the plugin is much of a short run.
// Called before anything else is imported; Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { run } = await import("./run.js");

// `mailcomply | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
	if (error.code !== "EPIPE") throw error;
});

process.exitCode = await run(process.argv.slice(2), {
	stdout: process.stdout,
	stderr: process.stderr,
	cwd: process.cwd(),
	env: process.env,
});
