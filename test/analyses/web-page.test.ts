import { describe, expect, test } from "vitest";
import { classifyWebPage, mayHavePageFeatures } from "../../src/analyses/web-page.js";
import { isSignupPage } from "../../src/analyses/signup-form.js";
import { templateSource } from "../helpers/template.js";

const sourceOf = templateSource;

const webPageOutside = (text: string) => classifyWebPage(sourceOf(text), { inMailFolder: false }).webPage;
const webPageInMailFolder = (text: string) => classifyWebPage(sourceOf(text), { inMailFolder: true }).webPage;

const page = (head: string, body: string) =>
	`<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

const SITE_NAV = `<header><nav class="navbar"><a href="/">Home</a> <a href="/pricing">Pricing</a> <a href="/blog">Blog</a></nav></header>`;
const SCRIPT = `<script src="/js/app.js"></script>`;

// What mails look like: the markers the classification must see.
const MAIL_TABLE = `<table role="presentation" cellpadding="0" cellspacing="0" width="100%"><tr>
<td style="padding:20px">Hello</td><td style="padding:20px">Spring sale: 20% off</td><td style="font-size:12px">Acme Inc.</td></tr></table>`;

describe("plainly a web page", () => {
	test.each([
		[
			"an HTML5 boilerplate page with a script",
			page(`<title>Home</title><link rel="icon" href="/favicon.ico">`, `<h1>Hello world</h1>\n${SCRIPT}`),
		],
		[
			"a single-page app shell",
			page(`<title>App</title>`, `<div id="root"></div>\n<script type="module" src="/src/main.tsx"></script>`),
		],
		[
			"a static site page with a navigation and no script",
			page(`<title>About us</title>`, `${SITE_NAV}\n<main><h1>About us</h1><p>We make bread since 1921.</p></main>`),
		],
		[
			"a page with role=navigation",
			page(`<title>Docs</title>`, `<div role="navigation"><a href="/docs">Docs</a></div><p>Read the docs.</p>`),
		],
		[
			"a page with a search form",
			page(`<title>Search</title>`, `<form role="search" action="/search"><input type="search" name="q"></form>`),
		],
		[
			"a page embedding a video player",
			page(`<title>Video</title>`, `<iframe src="https://www.youtube.com/embed/x"></iframe>`),
		],
		[
			"a Jekyll layout with Liquid tags",
			page(
				`<title>{{ page.title }}</title><link rel="canonical" href="{{ page.url | absolute_url }}">`,
				`${SITE_NAV}\n{{ content }}\n${SCRIPT}`,
			),
		],
		[
			"a Dutch page with an old IE conditional",
			page(
				`<title>Over ons</title><!--[if lt IE 9]><script src="html5shiv.js"></script><![endif]-->`,
				`<nav><a href="/">Start</a></nav><p>Welkom bij Bakkerij Jansen.</p>`,
			),
		],
	])("%s", (_name, text) => {
		expect(webPageOutside(text)).toBe(true);
	});

	test("in a mail folder, a page with both a script and a site navigation", () => {
		expect(
			webPageInMailFolder(
				page(
					`<title>Template preview</title>`,
					`${SITE_NAV}\n<ul><li><a href="welcome.html">welcome</a></li></ul>\n${SCRIPT}`,
				),
			),
		).toBe(true);
	});

	test("says which page features it found", () => {
		const { evidence } = classifyWebPage(sourceOf(page(`<title>x</title>`, `${SCRIPT}${SITE_NAV}`)), {
			inMailFolder: false,
		});
		expect(evidence.features).toEqual(["script", "navigation"]);
		expect(evidence.markers).toEqual([]);
	});
});

describe("a mail, whatever page features it has", () => {
	test.each([
		[
			"x-apple-disable-message-reformatting",
			page(`<meta name="x-apple-disable-message-reformatting">`, `${SITE_NAV}<p>News</p>`),
		],
		[
			"an Outlook conditional comment",
			page(`<!--[if mso]><style>td{font-family:Arial}</style><![endif]-->`, `${SITE_NAV}<p>News</p>`),
		],
		["an mso- style", page("", `<nav><a href="/">Shop</a></nav><p style="mso-line-height-rule:exactly">News</p>`)],
		[
			"Outlook VML namespaces",
			`<!doctype html><html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><body><nav>x</nav></body></html>`,
		],
		["a layout table with inline styles", page("", `<nav><a href="/">Home</a></nav>${MAIL_TABLE}`)],
		["a Mailchimp merge tag", page("", `<nav><a href="/">Home</a></nav><p>Hi *|FNAME|*, our news.</p>`)],
		[
			"an unsubscribe link (de)",
			page(
				"",
				`<nav><a href="/">Start</a></nav><p>Neuigkeiten.</p><p><a href="https://x.de/abmelden">Newsletter abbestellen</a></p>`,
			),
		],
		[
			"an unsubscribe link (fr)",
			page("", `<nav><a href="/">Accueil</a></nav><p><a href="https://x.fr/desinscription">Se désinscrire</a></p>`),
		],
		[
			"AMP for Email, whose scripts are the AMP runtime",
			`<!doctype html><html ⚡4email><head><script async src="https://cdn.ampproject.org/v0.js"></script></head><body><p>Hi</p></body></html>`,
		],
		[
			"a mail with schema.org JSON-LD for Gmail",
			page(
				`<script type="application/ld+json">{"@context":"http://schema.org","@type":"EmailMessage"}</script>`,
				`<p>Your order has shipped.</p>`,
			),
		],
	])("%s", (_name, text) => {
		expect(webPageOutside(text)).toBe(false);
	});

	test("a mail without any marker or page feature stays a mail", () => {
		expect(webPageOutside(page(`<title>Sale</title>`, `<p>Spring sale: 20% off everything.</p>`))).toBe(false);
	});

	test("in a mail folder, a navigation alone (a mail's menu of links) is not enough", () => {
		expect(
			webPageInMailFolder(
				page(
					`<title>News</title>`,
					`<nav><a href="https://shop.example/new">New</a> <a href="https://shop.example/sale">Sale</a></nav><p>Spring sale: 20% off.</p>`,
				),
			),
		).toBe(false);
		expect(webPageInMailFolder(page(`<title>News</title>`, `<p>Spring sale: 20% off.</p>${SCRIPT}`))).toBe(false);
	});

	test("<!-- mailcomply: mail --> forces a mail", () => {
		expect(
			webPageOutside(page(`<title>Promo</title>`, `<!-- mailcomply: mail -->\n${SITE_NAV}\n${SCRIPT}<p>20% off</p>`)),
		).toBe(false);
	});

	test("an MJML file is never a web page", () => {
		const text = `<mjml><mj-head><mj-raw><script src="x.js"></script></mj-raw></mj-head><mj-body><mj-raw><nav>x</nav></mj-raw></mj-body></mjml>`;
		expect(classifyWebPage(sourceOf(text, "mjml"), { inMailFolder: false }).webPage).toBe(false);
	});
});

describe("sign-up pages stay sign-up pages", () => {
	const signup = page(
		`<title>Nieuwsbrief</title>`,
		`${SITE_NAV}\n<form action="/aanmelden"><label for="e">E-mailadres</label><input id="e" type="email" name="email"><button>Aanmelden</button></form>\n${SCRIPT}`,
	);

	test("a page with scripts, a navigation and a form that collects an e-mail address is not skipped as a web page", () => {
		const source = sourceOf(signup);
		expect(isSignupPage(source)).toBe(true);
		const { webPage, evidence } = classifyWebPage(source, { inMailFolder: false });
		expect(webPage).toBe(false);
		expect(evidence.declared).toBe("signup-page");
	});

	test("<!-- mailcomply: signup-page --> keeps a page without a contact field for the form rules", () => {
		expect(webPageOutside(page(`<title>x</title>`, `<!-- mailcomply: signup-page -->${SITE_NAV}${SCRIPT}`))).toBe(
			false,
		);
	});
});

describe("the quick test before the walk", () => {
	test("a site's <link> counts in any case and to the end of an unclosed tag; a web font's does not", () => {
		expect(mayHavePageFeatures('<head><LINK REL="ICON" href="/favicon.ico"></head>')).toBe(true);
		expect(mayHavePageFeatures('<head><link href="/x.css" rel="canonical"')).toBe(true);
		expect(
			mayHavePageFeatures('<link href="https://fonts.googleapis.com/css?family=Lato" rel="stylesheet"><p>icon</p>'),
		).toBe(false);
		expect(mayHavePageFeatures("<table><tr><td>Hallo</td></tr></table>")).toBe(false);
	});
});
