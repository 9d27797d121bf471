#!/usr/bin/env node
import { run } from "./run.js";

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
