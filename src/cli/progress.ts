/** Where progress goes: the CLI's stderr. */
export interface ProgressStream {
	write(text: string): unknown;
	isTTY?: boolean;
}

export interface ProgressOptions {
	/** Nothing is shown for runs shorter than this. */
	delayMs?: number;
	intervalMs?: number;
	now?: () => number;
}

/**
 * Progress only helps a person watching a terminal: never in CI logs, never
 * when stderr is a file or pipe, never beside machine-readable output.
 */
export function shouldShowProgress(stream: ProgressStream, env: NodeJS.ProcessEnv, machineFormat: boolean): boolean {
	const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
	return stream.isTTY === true && !ci && !machineFormat;
}

/**
 * After `delayMs`, keeps one status line on `stream` ("still linting, 3 s")
 * until the returned function is called, which erases it. ESLint reports no
 * per-file progress, so the line shows the time spent, which is what tells
 * a person the run has not hung.
 */
export function startProgress(stream: ProgressStream, options: ProgressOptions = {}): () => void {
	const { delayMs = 2000, intervalMs = 1000, now = Date.now } = options;
	const started = now();
	let shown = false;
	let interval: NodeJS.Timeout | undefined;
	const draw = () => {
		shown = true;
		const seconds = Math.round((now() - started) / 1000);
		stream.write(`\rmailcomply: linting templates… ${seconds} s\u001b[K`);
	};
	const delay = setTimeout(() => {
		draw();
		interval = setInterval(draw, intervalMs);
		interval.unref();
	}, delayMs);
	delay.unref();
	return () => {
		clearTimeout(delay);
		if (interval) clearInterval(interval);
		if (shown) stream.write("\r\u001b[K");
	};
}
