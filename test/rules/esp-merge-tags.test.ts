import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/esp-merge-tags.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });
const sendgrid = campaign({ esp: "sendgrid" });
const BROKEN_UNSUB = ", and an unsubscribe link built on it is broken";

html.run("esp-merge-tags (html)", rule as never, {
	valid: [
		// The configured ESP's own tags, in href and in text
		{ code: `<a href="<%asm_group_unsubscribe_raw_url%>">Afmelden</a> <%asm_preferences_url%>`, settings: sendgrid },
		{ code: `<a href="{{{unsubscribe}}}">Unsubscribe</a> [Sender_Address]`, settings: sendgrid },
		{ code: `<a href="*|UNSUB|*">Abmelden</a> *|LIST:ADDRESS|* *|FNAME|*`, settings: campaign({ esp: "mailchimp" }) },
		{
			code: `<a href="%unsubscribe_url%">Se désabonner</a> %recipient.first_name%`,
			settings: campaign({ esp: "mailgun" }),
		},
		{
			code: `<p>{{{ pm:unsubscribe }}}</p><a href="{{{ pm:unsubscribe }}}">x</a>`,
			settings: campaign({ esp: "postmark" }),
		},
		{
			code: `<p>{% unsubscribe 'Uitschrijven' %} {{ organization.full_address }}</p>`,
			settings: campaign({ esp: "klaviyo" }),
		},
		{ code: `<unsubscribe>Afmelden</unsubscribe> [unsubscribe]`, settings: campaign({ esp: "campaign-monitor" }) },
		// Generic template variables belong to no ESP and pass
		{ code: `<p>Hallo {{ first_name }}, {% if vip %}VIP{% endif %} {{ order.total | money }}</p>`, settings: sendgrid },
		// `{{ }}` variables that happen to share a name with another ESP's tag are not proof of a wrong ESP
		{
			code: `<a href="{{ unsubscribe }}">Afmelden</a> {{ unsubscribe_link_all }} {{unsubscribeUrl}}`,
			settings: sendgrid,
		},
		{ code: `<a href="{{{unsubscribe}}}">x</a>`, settings: campaign({ esp: "mailgun" }) },
		// A tag of another ESP is only checked when the campaign names its ESP
		{ code: `<a href="*|UNSUB|*">Unsubscribe</a>` },
		{ code: `<a href="*|UNSUB|*">Unsubscribe</a>`, settings: campaign({ esp: "other" }) },
		// Prose with the same characters: percentages, percent-encoding, brackets, CSS
		{ code: `<p>50% korting, 100%% zeker, <a href="https://x.nl/?q=caf%C3%A9%20au%20lait">café</a> [1] {x}</p>` },
		{ code: `<style>a{color:red} .x{{}} *|x</style><p>Gratis verzending</p>` },
		// Escaped braces shown on purpose (Postmark's own docs do this)
		{ code: `<p>\\&#123;&#123; something }} will turn into {{ something }}</p>` },
		// Balanced tags of every family
		{ code: `<p>*|UNSUB|* {{ a }} {{{ b }}} {% c %} <%d%> %%e%% [[UNSUB_LINK_EN]]</p>` },
		// A `%` or a brace inside a tag's quoted string is part of the string, not a broken delimiter
		{ code: `<p>{% assign label = "Bespaar nu 20% op alles" %}{{ label }}</p>` },
		{ code: `<p>{% assign label = 'Save 20% now' %}{{ label }}, {{ "50%" | append: " off" }}</p>` },
		{ code: `<p>{%- if rabatt == "100%" -%}Gratis{%- else -%}{{ rabatt }} Rabatt{%- endif -%}</p>` },
		{ code: `<p>{% set remise = "-15 % sur tout" %}{{ remise }} {{ "Économisez 10%}" }}</p>` },
		{ code: `<a href="https://x.nl/?d={% if vip %}{{ '25%' | url_encode }}{% endif %}">Korting</a>` },
		{ code: `<p>{% unsubscribe "Afmelden (100% zeker)" %}</p>`, settings: campaign({ esp: "klaviyo" }) },
	],
	invalid: [
		// another ESP's `{{ }}` opt-out tag (HubSpot's `unsubscribe_link` is its preference centre) where the campaign's ESP has no `{{ }}` engine is a dead opt-out
		{
			code: `<a href="{{unsubscribe_link}}">Unsubscribe</a>`,
			settings: campaign({ esp: "mailchimp" }),
			errors: [
				{
					messageId: "foreignTag",
					data: {
						tag: "`{{unsubscribe_link}}`",
						owners: "HubSpot",
						role: "preference-centre",
						esp: "Mailchimp",
						consequence: "this preference-centre link is broken",
						advice: "Use `*|UPDATE_PROFILE|*` instead.",
					},
					suggestions: [
						{
							messageId: "useTag",
							data: { replacement: "`*|UPDATE_PROFILE|*`" },
							output: `<a href="*|UPDATE_PROFILE|*">Unsubscribe</a>`,
						},
					],
				},
			],
		},
		{
			code: `<a href="{{ unsubscribe_link }}">Afmelden</a>`,
			settings: campaign({ esp: "campaign-monitor" }),
			errors: [
				{
					messageId: "foreignTag",
					suggestions: [{ messageId: "useTag", output: `<a href="[preferences]">Afmelden</a>` }],
				},
			],
		},
		{
			code: `<p>Abmelden: {{ unsubscribe }}</p>`,
			settings: campaign({ esp: "activecampaign" }),
			errors: [
				{
					messageId: "foreignTag",
					suggestions: [{ messageId: "useTag", output: `<p>Abmelden: %UNSUBSCRIBELINK%</p>` }],
				},
			],
		},
		// The brief's example: a Mailchimp unsubscribe tag in a SendGrid campaign
		{
			code: `<a href="*|UNSUB|*">Afmelden</a>`,
			settings: sendgrid,
			errors: [
				{
					message:
						"`*|UNSUB|*` is Mailchimp's unsubscribe tag; Twilio SendGrid does not replace it, so this unsubscribe link is broken. Use `<%asm_group_unsubscribe_raw_url%>` instead.",
					line: 1,
					column: 10,
					endColumn: 19,
					suggestions: [
						{
							messageId: "useTag",
							data: { replacement: "`<%asm_group_unsubscribe_raw_url%>`" },
							output: `<a href="<%asm_group_unsubscribe_raw_url%>">Afmelden</a>`,
						},
					],
				},
			],
		},
		// SendGrid tag in a Mailchimp campaign, in German and French footers
		{
			code: `<p>Newsletter abbestellen: <%asm_group_unsubscribe_url%></p>`,
			settings: campaign({ esp: "mailchimp" }),
			errors: [
				{
					messageId: "foreignTag",
					line: 1,
					column: 28,
					suggestions: [{ messageId: "useTag", output: `<p>Newsletter abbestellen: *|UNSUB|*</p>` }],
				},
			],
		},
		{
			code: `<a href="%unsubscribe_url%">Se désabonner</a>`,
			settings: campaign({ esp: "brevo" }),
			errors: [
				{
					messageId: "foreignTag",
					data: {
						tag: "`%unsubscribe_url%`",
						owners: "Mailgun",
						role: "unsubscribe",
						esp: "Brevo (Sendinblue)",
						consequence: "this unsubscribe link is broken",
						advice: "Use `{{ unsubscribe }}` instead.",
					},
					suggestions: [{ messageId: "useTag", output: `<a href="{{ unsubscribe }}">Se désabonner</a>` }],
				},
			],
		},
		// Postmark's namespaced tag is ESP-specific even though it uses {{{ }}}
		{
			code: `<a href="{{{ pm:unsubscribe }}}">Unsubscribe</a>`,
			settings: sendgrid,
			errors: [
				{
					messageId: "foreignTag",
					suggestions: [{ messageId: "useTag", output: `<a href="<%asm_group_unsubscribe_raw_url%>">Unsubscribe</a>` }],
				},
			],
		},
		// Klaviyo's block tag in a Postmark template
		{
			code: `<p>{% unsubscribe %}</p>`,
			settings: campaign({ esp: "postmark" }),
			errors: [
				{
					messageId: "foreignTag",
					column: 4,
					suggestions: [{ messageId: "useTag", output: `<p>{{{ pm:unsubscribe }}}</p>` }],
				},
			],
		},
		// A non-link tag: the address shows as written; no equivalent, so no suggestion
		{
			code: `<p>*|LIST:ADDRESS|*</p>`,
			settings: campaign({ esp: "postmark" }),
			errors: [
				{
					message:
						"`*|LIST:ADDRESS|*` is Mailchimp's postal-address tag; Postmark does not replace it, so recipients see it as written. Postmark has no postal-address tag in mailcomply's catalogue; check its documentation.",
					suggestions: [],
				},
			],
		},
		// Mandrill needs the landing page argument
		{
			code: `<a href="*|UNSUB|*">x</a>`,
			settings: campaign({ esp: "mandrill" }),
			errors: [
				{
					messageId: "foreignTag",
					suggestions: [{ messageId: "useTag", output: `<a href="*|UNSUB:https://example.com/unsubscribed|*">x</a>` }],
				},
			],
		},
		// Campaign Monitor's element in a SendGrid mail
		{
			code: `<p><unsubscribe>Uitschrijven</unsubscribe></p>`,
			settings: sendgrid,
			errors: [
				{
					messageId: "foreignElement",
					data: {
						element: "unsubscribe",
						owners: "Campaign Monitor",
						role: "unsubscribe",
						esp: "Twilio SendGrid",
						consequence: "this unsubscribe link is broken",
						advice: "Use `<%asm_group_unsubscribe_raw_url%>` instead.",
					},
					line: 1,
					column: 4,
				},
			],
		},
		// Unbalanced delimiters, with or without an ESP
		{
			code: `<p>Afmelden: {{ unsubscribe }</p>`,
			errors: [
				{
					message: `Merge tag \`{{ unsubscribe }\` is not closed properly, so no ESP replaces it and recipients see it as written${BROKEN_UNSUB}. Write \`{{ unsubscribe }}\`.`,
					line: 1,
					column: 14,
					endColumn: 30,
					suggestions: [{ messageId: "useTag", output: `<p>Afmelden: {{ unsubscribe }}</p>` }],
				},
			],
		},
		{
			code: `<p>Unsubscribe: *|UNSUB|</p>`,
			settings: campaign({ esp: "mailchimp" }),
			errors: [
				{
					messageId: "unbalanced",
					column: 17,
					endColumn: 25,
					suggestions: [{ messageId: "useTag", output: `<p>Unsubscribe: *|UNSUB|*</p>` }],
				},
			],
		},
		{
			// Once: the text part of an attribute value is visited as Text, never a second time through its attribute.
			code: `<a href="https://x.nl/{{ unsubscribe }">Unsubscribe</a>`,
			errors: [
				{
					messageId: "unbalanced",
					line: 1,
					column: 23,
					endColumn: 39,
					suggestions: [{ messageId: "useTag", output: `<a href="https://x.nl/{{ unsubscribe }}">Unsubscribe</a>` }],
				},
			],
		},
		{
			// Text between two tags is not inside a string because it holds quotes: `{% if x %}` then a broken `{% endif }`.
			code: `<p>{% if x %}"Bespaar 20%" {% endif }</p>`,
			errors: [
				{
					messageId: "unbalanced",
					column: 28,
					suggestions: [{ messageId: "useTag", output: `<p>{% if x %}"Bespaar 20%" {% endif %}</p>` }],
				},
			],
		},
		{
			code: `<p>{% unsubscribe }</p>`,
			errors: [{ messageId: "unbalanced", suggestions: [{ messageId: "useTag", output: `<p>{% unsubscribe %}</p>` }] }],
		},
		{
			code: `<a href="<%asm_group_unsubscribe_raw_url%">Abmelden</a>`,
			settings: sendgrid,
			errors: [
				{
					messageId: "strayDelimiter",
					data: {
						character: "`<`",
						side: "before",
						tag: "`%asm_group_unsubscribe_raw_url%`",
						written: "`<%asm_group_unsubscribe_raw_url%`",
						consequence: BROKEN_UNSUB,
					},
					column: 11,
				},
			],
		},
		{
			code: `<a href="x">{{ first_name</a>`,
			errors: [
				{
					message:
						"Merge tag `{{ first_name` is not closed properly, so no ESP replaces it and recipients see it as written. Close it with the `}}` that matches its opener.",
					suggestions: [],
				},
			],
		},
		{
			code: `<p>Désinscription : unsubscribe }}</p>`,
			errors: [
				{
					messageId: "unbalanced",
					column: 21,
					suggestions: [{ messageId: "useTag", output: `<p>Désinscription : {{ unsubscribe }}</p>` }],
				},
			],
		},
		{
			code: `<p>[[UNSUB_LINK_EN]</p><p>%unsubscribe_url</p>`,
			errors: [
				{
					messageId: "unbalanced",
					column: 4,
					suggestions: [{ messageId: "useTag", output: `<p>[[UNSUB_LINK_EN]]</p><p>%unsubscribe_url</p>` }],
				},
				{
					messageId: "unbalanced",
					column: 27,
					suggestions: [{ messageId: "useTag", output: `<p>[[UNSUB_LINK_EN]</p><p>%unsubscribe_url%</p>` }],
				},
			],
		},
		// A stray brace turns a balanced tag into a broken one: one finding, not also "wrong ESP"
		{
			code: `<p>{{unsubscribe}</p>`,
			settings: sendgrid,
			errors: [
				{
					messageId: "strayDelimiter",
					data: {
						character: "`{`",
						side: "before",
						tag: "`{unsubscribe}`",
						written: "`{{unsubscribe}`",
						consequence: BROKEN_UNSUB,
					},
					column: 5,
				},
			],
		},
		{
			code: `<p>{{{unsubscribe}}</p>`,
			errors: [{ messageId: "strayDelimiter", column: 5 }],
		},
		{
			code: `<p>%%unsub_center_url%</p>`,
			settings: campaign({ esp: "sfmc" }),
			errors: [
				{
					messageId: "strayDelimiter",
					data: {
						character: "`%`",
						side: "before",
						tag: "`%unsub_center_url%`",
						written: "`%%unsub_center_url%`",
						consequence: BROKEN_UNSUB,
					},
				},
			],
		},
		// Character references before the tag: the location is still exact
		{
			code: `<p>Caf&eacute; &amp; {{ x }</p>`,
			errors: [
				{
					messageId: "unbalanced",
					column: 22,
					endColumn: 28,
					suggestions: [{ messageId: "useTag", output: `<p>Caf&eacute; &amp; {{ x }}</p>` }],
				},
			],
		},
	],
});

mjml.run("esp-merge-tags (mjml)", rule as never, {
	valid: [
		{
			code: `<mjml><mj-body><mj-section><mj-column><mj-button href="<%asm_group_unsubscribe_raw_url%>">Afmelden</mj-button></mj-column></mj-section></mj-body></mjml>`,
			settings: sendgrid,
		},
		{ code: `<mjml><mj-head><mj-style>.a{{}}</mj-style></mj-head><mj-body></mj-body></mjml>` },
	],
	invalid: [
		{
			code: `<mjml><mj-body><mj-section><mj-column>\n<mj-button href="*|UNSUB|*">Abmelden</mj-button>\n</mj-column></mj-section></mj-body></mjml>`,
			settings: sendgrid,
			errors: [
				{
					messageId: "foreignTag",
					line: 2,
					column: 18,
					suggestions: [
						{
							messageId: "useTag",
							output: `<mjml><mj-body><mj-section><mj-column>\n<mj-button href="<%asm_group_unsubscribe_raw_url%>">Abmelden</mj-button>\n</mj-column></mj-section></mj-body></mjml>`,
						},
					],
				},
			],
		},
		{
			code: `<mjml><mj-body><mj-section><mj-column>\n<mj-text>Se désabonner : {% unsubscribe %</mj-text>\n</mj-column></mj-section></mj-body></mjml>`,
			errors: [
				{
					messageId: "unbalanced",
					line: 2,
					column: 26,
					suggestions: [
						{
							messageId: "useTag",
							output: `<mjml><mj-body><mj-section><mj-column>\n<mj-text>Se désabonner : {% unsubscribe %}</mj-text>\n</mj-column></mj-section></mj-body></mjml>`,
						},
					],
				},
			],
		},
	],
});
