import { expect } from "vitest";

/**
 * Near-linear growth, for inputs built to make a backtracking regex or a
 * quadratic loop explode: the time at the larger size may be at most SLACK
 * times the small size's time scaled linearly. A quadratic step grows by the
 * size ratio squared (100 times for ten times the input), a linear one by the
 * ratio; SLACK leaves room for a noisy measurement, and a check that fails
 * is measured up to twice more before the test fails.
 */
const SLACK = 5;
/** Below this, a shared machine's clock says little; a quadratic step at these sizes takes seconds. */
const FLOOR_MS = 150;

/**
 * The CPU time this test process spends in `run`, in milliseconds. Wall-clock
 * time counts every moment another process holds the core (CI beside a build,
 * other suites), which made linear matchers look quadratic; vitest runs each
 * test file in its own process, so CPU time is this file's own.
 */
function millisecondsOf(run: () => void): number {
	const start = process.cpuUsage();
	run();
	const spent = process.cpuUsage(start);
	return (spent.user + spent.system) / 1000;
}

/**
 * Times `run` at `small` (after a warm-up at a tenth of it) and at `large`,
 * less what it takes on empty input;
 * fails when the large run grows faster than near-linearly, three times. A slow
 * small run only makes the check more lenient, so one is enough.
 */
export function expectNearLinear(
	label: string,
	run: (size: number) => void,
	small: number,
	large: number,
	slack = SLACK,
): void {
	run(Math.round(small / 10));
	const measure = () => {
		// What a run costs whatever the size (a lint's setup) is taken off both: it would hide the growth.
		const fixed = Math.min(
			millisecondsOf(() => run(0)),
			millisecondsOf(() => run(0)),
		);
		const smallTime = Math.max(1, millisecondsOf(() => run(small)) - fixed);
		const largeTime = millisecondsOf(() => run(large)) - fixed;
		return { smallTime, largeTime, allowed: Math.max(FLOOR_MS, smallTime * (large / small) * slack) };
	};
	let timing = measure();
	// Another process can take the CPU for a whole large run; a real quadratic step fails every time.
	for (let retry = 0; retry < 2 && timing.largeTime > timing.allowed; retry++) timing = measure();
	expect(
		timing.largeTime,
		`${label}: ${timing.smallTime.toFixed(1)} ms for ${small} characters, ${timing.largeTime.toFixed(1)} ms for ${large}`,
	).toBeLessThanOrEqual(timing.allowed);
}
