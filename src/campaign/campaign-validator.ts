/**
 * The campaign schema's validator, for `valid-campaign`.
 *
 * Run from source (the tests), ajv compiles it when the first sidecar is
 * validated. The build replaces this module with the validator ajv writes
 * out for the schema at build time (its standalone code, scripts/build.js),
 * so a run that lints sidecars neither loads ajv nor compiles the schema:
 * some 75 ms of every such process. Both are made with the same options,
 * CAMPAIGN_VALIDATOR_OPTIONS; a test lints the same sidecars with the built
 * plugin and from source and expects the same findings.
 */
import type * as AjvLibrary from "ajv";
import type { ValidateFunction } from "ajv";
import { lazyRequire } from "../lazy-require.js";
import { campaignSchema } from "./model.js";

/** Every error, not the first (the rule reports each bad key); strict, so the schema itself stays plain JSON Schema. */
export const CAMPAIGN_VALIDATOR_OPTIONS = { allErrors: true, strict: true } as const;

const ajv = lazyRequire<typeof AjvLibrary>("ajv");
let validator: ValidateFunction | undefined;

export function campaignValidator(): ValidateFunction {
	return (validator ??= new (ajv().Ajv)(CAMPAIGN_VALIDATOR_OPTIONS).compile(campaignSchema));
}
