// Parse time per captured message (docs/eml.md, "Parse time"): the MIME library alone, the whole
// .eml lint (recommended rules), and the same HTML linted as an HTML template. Run after `npm run build`:
//   node scripts/measure-eml.mjs [file.eml…]   (default: the examples' .eml files and three synthetic messages)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Buffer } from "node:buffer";
import { TextDecoder } from "node:util";
import { createRequire } from "node:module";
import { Linter } from "eslint";
import plugin from "../dist/plugin/index.js";

const require = createRequire(import.meta.url);
const parseMime = require("emailjs-mime-parser").default;
const recommended = [plugin.configs.recommended].flat();
const rules = Object.assign({}, ...recommended.map((config) => config.rules ?? {}));
const linter = new Linter({ configType: "flat" });
const rulesFor = (language) =>
	Object.fromEntries(
		Object.entries(rules).filter(([id]) =>
			plugin.rules[id.replace("mailcomply/", "")]?.meta?.languages?.includes(language),
		),
	);
const config = (language, files) => [{ files, plugins: { mailcomply: plugin }, language, rules: rulesFor(language) }];
const EML = config("mailcomply/eml", ["**/*.eml"]);
const HTML = config("mailcomply/html", ["**/*.html"]);

function time(run, rounds) {
	for (let i = 0; i < 3; i++) run();
	const samples = [];
	for (let i = 0; i < rounds; i++) {
		const start = process.hrtime.bigint();
		run();
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(samples.length / 2)];
}

const newsletter = (paragraphs) =>
	`<!DOCTYPE html><html lang="nl"><body>${Array.from({ length: paragraphs }, (_, i) => `<table><tr><td style="padding:8px"><p>Aanbieding ${i}: 20% korting op <a href="https://www.theehuisjansen.nl/p/${i}">thee ${i}</a>.</p></td></tr></table>`).join("\n")}<p>Theehuis Jansen B.V., Oudegracht 10, 3511 AP Utrecht. <a href="https://www.theehuisjansen.nl/afmelden/8f3a2c">Afmelden</a></p></body></html>`;
const headers =
	"From: Theehuis Jansen <nieuws@theehuisjansen.nl>\r\nSubject: Lente\r\nDate: Tue, 1 Dec 2026 09:00:00 +0100\r\nMessage-ID: <1@theehuisjansen.nl>\r\nList-Unsubscribe: <https://www.theehuisjansen.nl/afmelden/8f3a2c>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nMIME-Version: 1.0\r\n";
const qp = (text) => text.replace(/=/gu, "=3D").replace(/(.{72})/gu, "$1=\r\n");
const b64 = (text) =>
	Buffer.from(text)
		.toString("base64")
		.replace(/(.{76})/gu, "$1\r\n");
const synthetic = {
	"synthetic: 8bit, 40 KB HTML": `${headers}Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${newsletter(200)}\r\n`,
	"synthetic: quoted-printable, 100 KB HTML + text": `${headers}Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAfmelden: https://www.theehuisjansen.nl/afmelden/8f3a2c\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp(newsletter(500))}\r\n--b--\r\n`,
	"synthetic: base64 HTML + 1 MB attachment": `${headers}Content-Type: multipart/mixed; boundary="m"\r\n\r\n--m\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(newsletter(200))}\r\n--m\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="folder.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64("%PDF".padEnd(1024 * 1024, "x"))}\r\n--m--\r\n`,
};
const files =
	process.argv.slice(2).length > 0
		? process.argv.slice(2)
		: readdirSync("examples", { recursive: true })
				.filter((file) => file.endsWith(".eml"))
				.map((file) => path.join("examples", file));
const inputs = [...files.map((file) => [file, readFileSync(file, "utf8")]), ...Object.entries(synthetic)];

console.log("| message | size | MIME library alone | whole .eml lint | its HTML as a template |");
console.log("|---|---|---|---|---|");
for (const [name, text] of inputs) {
	const root = parseMime(Buffer.from(text, "utf8").toString("latin1"));
	const html = findHtml(root);
	const mime = time(() => parseMime(Buffer.from(text, "utf8").toString("latin1")), 30);
	const eml = time(() => linter.verify(text, EML, "m.eml"), 15);
	const template = html ? time(() => linter.verify(html, HTML, "m.html"), 15) : undefined;
	const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
	console.log(
		`| ${name} | ${kb} KB | ${mime.toFixed(2)} ms | ${eml.toFixed(1)} ms | ${template === undefined ? "—" : `${template.toFixed(1)} ms`} |`,
	);
}

function findHtml(node) {
	if ((node.contentType?.value ?? "") === "text/html") return new TextDecoder().decode(node.content);
	for (const child of node.childNodes ?? []) {
		const found = findHtml(child);
		if (found) return found;
	}
	return undefined;
}
