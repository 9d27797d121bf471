import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";
import type { TextMessageCode } from "../src/analyses/message-text.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import {
	findPersonalDataTextUrls,
	getPersonalDataUrls,
	senderDomains,
	siteOf,
	textSenderDomains,
	type PersonalDatum,
} from "../src/analyses/personal-data-urls.js";
import { shortenText } from "../src/analyses/text.js";
import type { PersonalDataKind } from "../src/lexicons/personal-data-fields.js";

type MessageIds = "leak";
type Options = [{ senderDomains?: string[] }];

const WHAT: Readonly<Record<PersonalDataKind, string>> = {
	email: "e-mail address",
	name: "name",
	phone: "phone number",
	address: "postal address",
};

/**
 * A URL travels further than the click: into the receiving server's logs,
 * its analytics, and the Referer header of every resource its page loads.
 * Personal data written into a URL for another party's host leaks that way.
 */
const rule: MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Disallow recipients' e-mail addresses, names, phone numbers and addresses in clear text in URLs to other parties' hosts",
			url: ruleDocsUrl("no-personal-data-in-urls"),
			fix: "Replace e-mail addresses and names in links with an opaque id.",
			citations: ["gdpr-5-1-c", "gdpr-5-1-f", "gdpr-32-1"],
			recommended: true,
			severity: "warn",
		},
		messages: {
			leak:
				"The recipient's {{what}} ({{evidence}}) is in clear text in a link to {{host}}, outside your domains: use an opaque id instead (" +
				cite("gdpr-5-1-f") +
				").",
		},
		schema: [
			{
				type: "object",
				properties: {
					senderDomains: {
						type: "array",
						items: { type: "string", minLength: 1, maxLength: 253 },
						uniqueItems: true,
						description:
							"Your own domains (subdomains included), besides the sidecar's sender.email and the opt-out links' hosts.",
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ senderDomains: [] }],
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/text", "mailcomply/sms", "mailcomply/whatsapp"],
	},
	create(context) {
		const [{ senderDomains: extra = [] }] = context.options;
		const sourceCode = context.sourceCode as TemplateSourceCode;
		const describe = (data: readonly PersonalDatum[], host: string) => {
			const kinds = [...new Set(data.map((datum) => WHAT[datum.kind]))];
			return {
				what: kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} and ${kinds.at(-1)}` : kinds[0]!,
				evidence: shortenText(data.map((datum) => datum.evidence).join(", ")),
				host,
			};
		};
		return {
			// A link in an SMS, a WhatsApp template or a plain-text part goes the same way as one in HTML.
			"TextMessage:exit"(message) {
				const found = findPersonalDataTextUrls(message);
				if (found.length === 0) return;
				const { campaign } = (context.sourceCode as TextMessageCode).getCampaign(context.settings);
				const own = textSenderDomains(message, campaign, extra);
				for (const { url, host, data } of found) {
					if (own.has(siteOf(host))) continue;
					context.report({ loc: url.loc, messageId: "leak", data: describe(data, host) });
				}
			},
			"Document:exit"() {
				const found = getPersonalDataUrls(sourceCode);
				if (found.length === 0) return;
				const { campaign } = sourceCode.getCampaign(context.settings);
				const own = senderDomains(sourceCode, campaign, extra);
				for (const { resource, host, data } of found) {
					if (own.has(siteOf(host))) continue;
					context.report({ loc: resource.attribute.loc, messageId: "leak", data: describe(data, host) });
				}
			},
		};
	},
};

export default rule;
