/**
 * Loads a CommonJS dependency the first time it is used. Start-up is most
 * of a pre-commit run, and a run over templates never parses YAML or checks
 * a JSON schema: a static import would make every run pay for both.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazyRequire<Module>(id: string): () => Module {
	let loaded: Module | undefined;
	return () => (loaded ??= require(id) as Module);
}
