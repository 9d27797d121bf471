/**
 * Mail domains that anyone can get an address at, for free. Only their owner
 * (Google, Yahoo, Microsoft, Apple, United Internet…) can sign their mail
 * with DKIM or list servers in their SPF, so mail sent through an ESP with
 * such a From address cannot pass DMARC aligned with its From domain, which
 * Gmail, Yahoo and Outlook.com require of bulk senders; Gmail says "Don't
 * impersonate Gmail From: headers". Country variants are listed as the
 * providers run them.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
	"gmail.com",
	"googlemail.com",
	"yahoo.com",
	"yahoo.co.uk",
	"yahoo.fr",
	"yahoo.de",
	"yahoo.es",
	"yahoo.it",
	"yahoo.ca",
	"ymail.com",
	"rocketmail.com",
	"aol.com",
	"outlook.com",
	"outlook.nl",
	"outlook.de",
	"outlook.fr",
	"hotmail.com",
	"hotmail.nl",
	"hotmail.de",
	"hotmail.fr",
	"hotmail.co.uk",
	"live.com",
	"live.nl",
	"live.de",
	"live.fr",
	"live.co.uk",
	"msn.com",
	"icloud.com",
	"me.com",
	"mac.com",
	"gmx.de",
	"gmx.net",
	"gmx.com",
	"web.de",
	"mail.com",
	"proton.me",
	"protonmail.com",
	"zoho.com",
	"yandex.com",
]);

/** The free-mail domain of an address, if it is at one (`jan@Gmail.com` → `gmail.com`). */
export function freeMailDomain(address: string): string | undefined {
	const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
	return FREE_MAIL_DOMAINS.has(domain) ? domain : undefined;
}
