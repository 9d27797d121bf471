/**
 * Generated newsletters for the growth test and for machines without the
 * corpus: realistic sections (tables, inline styles, Outlook conditional
 * comments, links with tracking parameters, merge tags of several ESPs),
 * written here from scratch. Deterministic for a given seed.
 */
import { Buffer } from "node:buffer";

const WORDS = {
	en: [
		"our",
		"new",
		"collection",
		"arrives",
		"this",
		"week",
		"with",
		"free",
		"shipping",
		"on",
		"orders",
		"over",
		"fifty",
		"euros",
		"read",
		"the",
		"story",
		"behind",
		"design",
	],
	nl: [
		"onze",
		"nieuwe",
		"collectie",
		"komt",
		"deze",
		"week",
		"met",
		"gratis",
		"verzending",
		"bij",
		"bestellingen",
		"boven",
		"vijftig",
		"euro",
		"lees",
		"het",
		"verhaal",
	],
	de: [
		"unsere",
		"neue",
		"Kollektion",
		"kommt",
		"diese",
		"Woche",
		"mit",
		"kostenlosem",
		"Versand",
		"ab",
		"fünfzig",
		"Euro",
		"lesen",
		"Sie",
		"die",
		"Geschichte",
	],
	fr: [
		"notre",
		"nouvelle",
		"collection",
		"arrive",
		"cette",
		"semaine",
		"avec",
		"livraison",
		"gratuite",
		"dès",
		"cinquante",
		"euros",
		"lisez",
		"l'histoire",
		"du",
		"design",
	],
};
const LANGUAGES = Object.keys(WORDS);
const FIRST_NAME_TAGS = ["{{first_name}}", "*|FNAME|*", "%%FirstName%%", "{{ contact.FIRSTNAME }}", "[firstname]"];

/** A small seeded PRNG (mulberry32), so generated files are the same on every run. */
export function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = (next, list) => list[Math.floor(next() * list.length)];

function sentence(next, language, length) {
	const words = Array.from({ length }, () => pick(next, WORDS[language]));
	words[0] = words[0][0].toUpperCase() + words[0].slice(1);
	return `${words.join(" ")}.`;
}

/** The article paragraphs of a long newsletter (see newsletterOfSize): `count` paragraphs of 100 words. */
function articleParagraphs(next, language, count, wrap) {
	return Array.from({ length: count }, () => wrap(sentence(next, language, 100))).join("");
}

function htmlSection(next, index, articles = 0) {
	const language = pick(next, LANGUAGES);
	const tag = pick(next, FIRST_NAME_TAGS);
	const conditional =
		index % 5 === 0
			? `{% if customer.vip %}<p style="margin:0 0 12px;color:#b8860b">VIP: ${sentence(next, language, 6)}</p>{% endif %}\n`
			: "";
	return `<!--[if mso]><table role="presentation" width="600" align="center"><tr><td><![endif]-->
<table role="presentation" class="article" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;margin:0 auto;background:#ffffff">
	<tr>
		<td class="article-body" style="padding:16px 24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:22px;color:#333333">
			<h2 style="margin:0 0 8px;font-size:20px;color:#111111">${sentence(next, language, 5)}</h2>
			<p style="margin:0 0 12px">Hi ${tag}, ${sentence(next, language, 18)}</p>
			${articleParagraphs(next, language, articles, (text) => `<p style="margin:0 0 12px">${text}</p>\n\t\t\t`)}${conditional}<img src="https://cdn.example.com/news/${index}.jpg" alt="${sentence(next, language, 4)}" width="552" style="display:block;width:100%;height:auto;border:0">
			<p style="margin:12px 0 0"><a href="https://shop.example.com/articles/${index}?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign={{campaign.id}}" style="color:#0645ad;text-decoration:underline">${sentence(next, language, 3)}</a> &middot; <a href="https://shop.example.com/p/${index}" style="color:#0645ad">&euro;&nbsp;${(next() * 90 + 10).toFixed(2)}</a></p>
		</td>
	</tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
`;
}

function mjmlSection(next, index, articles = 0) {
	const language = pick(next, LANGUAGES);
	const tag = pick(next, FIRST_NAME_TAGS);
	return `		<mj-section background-color="#ffffff" padding="16px 0">
			<mj-column>
				<mj-image src="https://cdn.example.com/news/${index}.jpg" alt="${sentence(next, language, 4)}" href="https://shop.example.com/p/${index}" />
				<mj-text font-size="20px" color="#111111">${sentence(next, language, 5)}</mj-text>
				<mj-text>Hi ${tag}, ${sentence(next, language, 18)}</mj-text>
${articleParagraphs(next, language, articles, (text) => `\t\t\t\t<mj-text>${text}</mj-text>\n`)}				<mj-button href="https://shop.example.com/articles/${index}?utm_source=newsletter&amp;utm_campaign={{campaign.id}}" background-color="#0645ad">${sentence(next, language, 3)}</mj-button>
			</mj-column>
		</mj-section>
${index % 10 === 0 ? `		<mj-raw><!--[if mso]><p>Outlook edition ${index}</p><![endif]--></mj-raw>\n` : ""}`;
}

const HTML_HEAD = `<!DOCTYPE html>
<html lang="en" xmlns:v="urn:schemas-microsoft-com:vml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Weekly news</title>
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
<style>
	body { margin: 0; padding: 0; background: #f4f4f4; }
	.article-body a { color: #0645ad; }
	@media screen and (max-width: 600px) { .article-body { padding: 12px !important; } }
</style>
</head>
<body style="margin:0;padding:0;background:#f4f4f4">
<div style="display:none;max-height:0;overflow:hidden">{{preheader}}</div>
`;

const HTML_FOOTER = `<table role="presentation" width="100%" style="max-width:600px;margin:0 auto">
	<tr>
		<td style="padding:24px;font-family:Arial,sans-serif;font-size:12px;color:#666666;text-align:center">
			<p>Example Shop B.V., Keizersgracht 1, 1015 CJ Amsterdam, the Netherlands</p>
			<p>You receive this mail because you subscribed at example.com. <a href="{{unsubscribe_url}}" style="color:#666666">Unsubscribe</a> or <a href="{{preferences_url}}" style="color:#666666">change your preferences</a>.</p>
		</td>
	</tr>
</table>
</body>
</html>
`;

const MJML_HEAD = `<mjml>
	<mj-head>
		<mj-title>Weekly news</mj-title>
		<mj-preview>{{preheader}}</mj-preview>
		<mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" /></mj-attributes>
		<mj-style>.footer a { color: #666666; }</mj-style>
	</mj-head>
	<mj-body background-color="#f4f4f4">
`;

const MJML_FOOTER = `		<mj-section css-class="footer">
			<mj-column>
				<mj-text font-size="12px" color="#666666" align="center">Example Shop B.V., Keizersgracht 1, 1015 CJ Amsterdam, the Netherlands<br>
					<a href="{{unsubscribe_url}}">Unsubscribe</a> or <a href="{{preferences_url}}">change your preferences</a>.</mj-text>
			</mj-column>
		</mj-section>
	</mj-body>
</mjml>
`;

/** A newsletter of `sections` sections. */
export function newsletter(format, { seed = 1, sections = 8 } = {}) {
	const next = random(seed);
	const section = format === "mjml" ? mjmlSection : htmlSection;
	const body = Array.from({ length: sections }, (_, index) => section(next, index)).join("");
	return format === "mjml" ? MJML_HEAD + body + MJML_FOOTER : HTML_HEAD + body + HTML_FOOTER;
}

/**
 * A newsletter of at least `bytes` bytes (UTF-8), grown section by section.
 * Each section carries `articles` paragraphs of article text (100 words
 * each): the growth test uses 2, so that its 10 MB newsletter (about 35
 * nodes per KB) stays under mailcomply's 500,000-node limit and is linted,
 * not refused; without them a section is about 65 nodes per KB and a 10 MB
 * file is refused at the limit (src/template/limits.ts).
 */
export function newsletterOfSize(format, bytes, { seed = 1, articles = 0 } = {}) {
	const next = random(seed);
	const section = format === "mjml" ? mjmlSection : htmlSection;
	const [head, footer] = format === "mjml" ? [MJML_HEAD, MJML_FOOTER] : [HTML_HEAD, HTML_FOOTER];
	const parts = [head];
	let size = Buffer.byteLength(head) + Buffer.byteLength(footer);
	for (let index = 0; size < bytes; index++) {
		const part = section(next, index, articles);
		parts.push(part);
		size += Buffer.byteLength(part);
	}
	parts.push(footer);
	return parts.join("");
}
