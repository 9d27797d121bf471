import { Buffer } from "node:buffer";
import fs from "node:fs";
import path from "node:path";
import { random } from "./synthetic.mjs";

/**
 * The formats beside HTML and MJML, each as a set of files in its own folder
 * (`root` per set: ESLint ignores files outside its base path):
 *
 * - `engine`: every fifth corpus HTML template, saved as `.hbs`, `.liquid`,
 *   `.njk` and `.twig` in turn (the corpus's `{{ }}` tags read as each
 *   engine's output tags); htmlhint lints the same files.
 * - `eml`: the same templates as captured messages (headers, a text part,
 *   the HTML base64-encoded as senders send it); the comparator is the MIME
 *   library mailcomply reads them with, parsing alone (mime-parse.mjs).
 * - `sms`, `whatsapp`: generated messages, each with a campaign sidecar as a
 *   real one has. No other tool checks them: their times stand alone.
 *
 * Written anew each run from the corpus (git-ignored bench/work).
 */
export const ENGINE_ENDINGS = ["hbs", "liquid", "njk", "twig"];

export function writeFormatSets({ templates, directory, smoke }) {
	fs.rmSync(directory, { recursive: true, force: true });
	const chosen = templates.html.filter((_, index) => index % 5 === 0);
	const sources = chosen.map((file) => ({
		name: path
			.basename(file)
			.replace(/\.html?$/iu, "")
			.replace(/[^\w-]+/gu, "-"),
		text: fs.readFileSync(path.join(templates.root, file), "utf8"),
	}));
	const sets = {};
	const write = (set, file, text) => {
		const root = path.join(directory, set);
		fs.mkdirSync(root, { recursive: true });
		fs.writeFileSync(path.join(root, file), text);
		return file;
	};
	const list = (set, files) => {
		sets[set] = { root: path.join(directory, set), files };
	};

	list(
		"engine",
		sources.map((source, index) =>
			write("engine", `${index}-${source.name}.${ENGINE_ENDINGS[index % ENGINE_ENDINGS.length]}`, source.text),
		),
	);
	list(
		"eml",
		sources.map((source, index) => write("eml", `${index}-${source.name}.eml`, message(source.text, index))),
	);
	const texts = smoke ? 6 : 200;
	list(
		"sms",
		Array.from({ length: texts }, (_, index) => {
			write("sms", `sms-${index}.campaign.yaml`, sidecar("sms", index));
			return write("sms", `sms-${index}.sms.txt`, smsText(index));
		}),
	);
	list(
		"whatsapp",
		Array.from({ length: texts / 2 }, (_, index) => {
			write("whatsapp", `wa_${index}.campaign.yaml`, sidecar("whatsapp", index));
			return write("whatsapp", `wa_${index}.whatsapp.json`, whatsappTemplate(index));
		}),
	);
	return sets;
}

const SHOPS = [
	["Bakkerij de Vries B.V.", "bakkerijdevries.nl", "nl", "NL"],
	["Teashop Ltd", "teashop.co.uk", "en", "GB"],
	["Kaffeehaus Berger GmbH", "kaffeehaus-berger.de", "de", "DE"],
	["Fromagerie Martin SARL", "fromagerie-martin.fr", "fr", "FR"],
];

function sidecar(channel, index) {
	const [name, , language, country] = SHOPS[index % SHOPS.length];
	return `kind: marketing
channel: ${channel}
language: ${language}
sender:
  name: ${name}
audience:
  countries: [${country}]
  source: signup-form
  lastCleaned: 2026-10-01
lawfulBasis: consent
consent:
  record: "Opt-in checkbox at checkout, stored in the CRM with date and wording"
`;
}

const SMS = {
	nl: (shop, domain, tag, n) =>
		`${shop}: hoi ${tag}, lenteactie ${n}! 15% korting t/m zondag. Voorwaarden: ${domain}/actie Afmelden? Sms STOP naar 4411`,
	en: (shop, domain, tag, n) =>
		`${shop}: hi ${tag}, spring offer ${n}: 15% off until Sunday. Terms: ${domain}/terms Reply STOP to opt out`,
	de: (shop, domain, tag, n) =>
		`${shop}: Hallo ${tag}, Frühlingsaktion ${n}: 15% Rabatt bis Sonntag. Bedingungen: ${domain}/agb Abmelden: STOP an 4411`,
	fr: (shop, domain, tag, n) =>
		`${shop} : bonjour ${tag}, offre ${n} : -15% jusqu'à dimanche. Conditions : ${domain}/conditions STOP au 36111`,
};

function smsText(index) {
	const [shop, domain, language] = SHOPS[index % SHOPS.length];
	const tag = ["{{ first_name }}", "*|FNAME|*", "%%FirstName%%"][index % 3];
	return `${SMS[language](shop.replace(/ (?:B\.V\.|Ltd|GmbH|SARL)$/u, ""), domain, tag, index)}\n`;
}

function whatsappTemplate(index) {
	const [shop, domain, language] = SHOPS[index % SHOPS.length];
	const next = random(index + 11);
	const percent = 10 + Math.floor(next() * 30);
	return `${JSON.stringify(
		{
			name: `spring_sale_${index}`,
			language: language === "en" ? "en_GB" : language,
			category: "MARKETING",
			components: [
				{ type: "HEADER", format: "TEXT", text: `Spring sale at ${shop}` },
				{
					type: "BODY",
					text: `Hi {{1}}, ${percent}% off everything until Sunday. Terms: ${domain}/terms`,
					example: { body_text: [["Sam"]] },
				},
				{ type: "FOOTER", text: `${shop}, 1 High Street` },
				{
					type: "BUTTONS",
					buttons: [
						{ type: "URL", text: "Shop now", url: `https://${domain}/sale` },
						{ type: "QUICK_REPLY", text: "Stop promotions" },
					],
				},
			],
		},
		null,
		2,
	)}\n`;
}

/** A captured message around one template: the headers a bulk sender writes, a text part, the HTML in base64. */
function message(html, index) {
	const [shop, domain] = SHOPS[index % SHOPS.length];
	const boundary = `=_bench_${index}`;
	const base64 = Buffer.from(html, "utf8").toString("base64").replace(/.{76}/gu, "$&\r\n");
	return [
		`From: ${shop} <news@${domain}>`,
		"To: customer@example.com",
		`Subject: News ${index} from ${shop}`,
		"Date: Tue, 1 Dec 2026 09:00:00 +0100",
		`Message-ID: <bench.${index}@${domain}>`,
		`List-Unsubscribe: <https://${domain}/unsubscribe/${index}>, <mailto:unsubscribe@${domain}>`,
		"List-Unsubscribe-Post: List-Unsubscribe=One-Click",
		"MIME-Version: 1.0",
		`Content-Type: multipart/alternative; boundary="${boundary}"`,
		"",
		`--${boundary}`,
		"Content-Type: text/plain; charset=utf-8",
		"Content-Transfer-Encoding: 8bit",
		"",
		`News from ${shop}. Read it online: https://${domain}/news/${index}`,
		`Unsubscribe: https://${domain}/unsubscribe/${index}`,
		`--${boundary}`,
		"Content-Type: text/html; charset=utf-8",
		"Content-Transfer-Encoding: base64",
		"",
		base64,
		`--${boundary}--`,
		"",
	].join("\r\n");
}

/** What each format set was timed against. No other tool checks SMS or WhatsApp messages: those rows stand alone. */
const COMPARATORS = { engine: "htmlhint-engine", eml: "mime-parse-eml", sms: undefined, whatsapp: undefined };

/**
 * One row per format: mailcomply's whole run, the comparator's on the same
 * files and their ratio. The issue sets no limit for these: the ratio is
 * reported, not judged.
 */
export function formatRows(comparison) {
	const byId = new Map(comparison.map((tool) => [tool.id, tool]));
	return Object.entries(COMPARATORS).flatMap(([set, comparatorId]) => {
		const ours = byId.get(`mailcomply-${set}`);
		if (!ours) return [];
		const theirs = comparatorId ? byId.get(comparatorId) : undefined;
		return [
			{
				set,
				files: ours.files,
				mailcomplyMs: ours.medianMs,
				mailcomplyCpuMs: ours.medianCpuMs,
				filesPerSecond: ours.filesPerSecond,
				comparator: theirs?.label ?? (comparatorId ? `${comparatorId} (not run)` : "none"),
				comparatorMs: theirs?.medianMs ?? null,
				ratio: theirs?.medianMs ? ours.medianMs / theirs.medianMs : null,
				cpuRatio: theirs?.medianCpuMs && ours.medianCpuMs ? ours.medianCpuMs / theirs.medianCpuMs : null,
			},
		];
	});
}
