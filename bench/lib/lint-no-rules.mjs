// The floors under a whole mailcomply run: ESLint and mailcomply's languages
// loaded, every file read, parsed and traversed (inline config included), and
// no rule run (ESLint's `ruleFilter`). The CLI's own steps (the file guard,
// the web-page check, the report) are left out: they are mailcomply's, like
// the rules. With `--reading`, the same plus what every duty reads first:
// the campaign facts and the mail's kind (reading-floor.mjs). Prints
// ESLint's JSON results, checked like the CLI's.
//
// Usage: node lint-no-rules.mjs [--reading] <repoRoot> <file>... (from the files' folder)
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { withReadingOnly } from "./reading-floor.mjs";
import { zeroConfigOptions } from "./zero-config-options.mjs";

const args = process.argv.slice(2);
const reading = args[0] === "--reading";
const [repoRoot, ...files] = reading ? args.slice(1) : args;
const requireFromRepo = createRequire(path.join(repoRoot, "package.json"));
const { ESLint } = await import(pathToFileURL(requireFromRepo.resolve("eslint")).href);
const options = await zeroConfigOptions(repoRoot, process.cwd());
const eslint = new ESLint(reading ? withReadingOnly(options) : { ...options, ruleFilter: () => false });
process.stdout.write(JSON.stringify(await eslint.lintFiles(files)));
