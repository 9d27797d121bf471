/**
 * The custom components a project registers with mjml in its `.mjmlconfig`
 * (`{"packages": ["components/mj-bw-hero.js", "mjml-chart"]}`), as far as
 * their tag names can be told without running them. mjml requires each
 * package and names a component after its class (`MjBwHero` is
 * `<mj-bw-hero>`); mailcomply runs no code at lint time, so it goes by the
 * field's naming convention instead: a file named like its tag
 * (`mj-bw-hero.js`) or a package named `mjml-<name>` (`mjml-chart` is
 * `<mj-chart>`). A package named otherwise (`components/hero.js`), or a
 * `.mjmlconfig.js` (code), may register any `mj-` name.
 *
 * The mjml CLI reads `.mjmlconfig` from the folder it runs in; a project
 * runs it from the folder holding the file, above its templates. So the
 * nearest `.mjmlconfig` in the template's folder or a folder above it, up to
 * the include root, counts. An unreadable or invalid one registers nothing,
 * as in mjml (which prints an error and goes on without it).
 */
import fs from "node:fs";
import path from "node:path";
import { readInsideRoot } from "../sandbox/guarded-read.js";
import { realPathOr } from "../sandbox/project-root.js";
import { foldersUpTo } from "../sandbox/within.js";

/** What one `.mjmlconfig` registers. */
export interface RegisteredComponents {
	/** Tag names told from the packages' names. */
	readonly names: ReadonlySet<string>;
	/** Whether some package's tag names cannot be told from its name: then any `mj-` name may be one of them. */
	readonly anyName: boolean;
}

/** The file names mjml reads its configuration from (src: mjml-core's readMjmlConfig). */
export const MJML_CONFIG_FILE_NAME = /^\.mjmlconfig(?:\.js)?$/u;

/** A `.mjmlconfig` lists a few package paths: anything larger is no such file. */
const MAX_CONFIG_BYTES = 64 * 1024;

const NOTHING: RegisteredComponents = { names: new Set(), anyName: false };
const ANY_NAME: RegisteredComponents = { names: new Set(), anyName: true };

/** The components registered by the `.mjmlconfig` nearest to `templatePath`, looking no higher than `root` (a real path). */
export function registeredComponents(templatePath: string, root: string): RegisteredComponents {
	for (const folder of foldersUpTo(path.dirname(realPathOr(templatePath)), root)) {
		// Code mailcomply does not run (it is never read): it may register anything.
		if (present(path.join(folder, ".mjmlconfig.js"))) return ANY_NAME;
		const config = path.join(folder, ".mjmlconfig");
		if (present(config)) {
			// The nearest one counts, read or not: a config that is too large, special or a link out of the root registers nothing.
			const read = readInsideRoot(config, root, MAX_CONFIG_BYTES);
			return read.ok ? componentsOf(read.text) : NOTHING;
		}
	}
	return NOTHING;
}

/** Whether there is an entry of that name (a link counts, wherever it leads). */
function present(file: string): boolean {
	return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

/** The components a `.mjmlconfig`'s text registers. */
export function componentsOf(text: string): RegisteredComponents {
	let packages: unknown;
	try {
		packages = (JSON.parse(text) as { packages?: unknown } | null)?.packages;
	} catch {
		return NOTHING;
	}
	if (!Array.isArray(packages)) return NOTHING;
	const names = new Set<string>();
	let anyName = false;
	for (const entry of packages) {
		if (typeof entry !== "string") continue;
		const name = tagNameOf(entry);
		if (name === undefined) anyName = true;
		else names.add(name);
	}
	return { names, anyName };
}

/** `components/mj-bw-hero.js` is `mj-bw-hero`, `mjml-chart` (or `@scope/mjml-chart`) is `mj-chart`; undefined when the name does not tell. */
function tagNameOf(packagePath: string): string | undefined {
	const base = path.posix.basename(packagePath.replaceAll("\\", "/")).replace(/\.(?:c|m)?js$/u, "");
	if (/^mj-[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(base)) return base;
	const mjmlPackage = /^mjml-([a-z0-9]+(?:-[a-z0-9]+)*)$/u.exec(base);
	return mjmlPackage ? `mj-${mjmlPackage[1]}` : undefined;
}
