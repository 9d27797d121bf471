/** Small numeric helpers for the benchmark report. */

export function median(values) {
	const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function ratio(numerator, denominator) {
	if (numerator == null || denominator == null || denominator === 0) return null;
	return numerator / denominator;
}

/** Slope of log(time) against log(size): 1 is linear, 2 quadratic. */
export function logLogSlope(sizeA, timeA, sizeB, timeB) {
	if (!(sizeA > 0 && sizeB > 0 && timeA > 0 && timeB > 0) || sizeA === sizeB) return null;
	return Math.log(timeB / timeA) / Math.log(sizeB / sizeA);
}

export function round(value, digits = 2) {
	if (value == null || !Number.isFinite(value)) return null;
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
