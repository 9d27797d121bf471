/**
 * A problem with how the CLI was called (bad option, missing path, nothing to
 * lint). The CLI prints its message as one line and exits with code 2; it is
 * never shown with a stack trace because the stack says nothing to the user.
 */
export class UsageError extends Error {
	override name = "UsageError";
}
