// The `.eml` comparator: what the MIME library mailcomply reads messages with
// (emailjs-mime-parser) costs alone, as a process of its own over the same
// files. Prints how many messages and parts it read, so a run that parsed
// nothing shows.
//
// Usage: node mime-parse.mjs <repoRoot> <file.eml>...
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [repoRoot, ...files] = process.argv.slice(2);
const parse = createRequire(path.join(repoRoot, "package.json"))("emailjs-mime-parser").default;
let parts = 0;
const count = (node) => 1 + (node.childNodes ?? []).reduce((sum, child) => sum + count(child), 0);
for (const file of files) parts += count(parse(fs.readFileSync(file, "utf8")));
process.stdout.write(`${JSON.stringify({ messages: files.length, parts })}\n`);
