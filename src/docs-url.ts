/** Where each rule's documentation lives; used in every rule's `meta.docs.url`. */
export const REPOSITORY_URL = "https://github.com/mailcomply/eslint-plugin-mailcomply";

export function ruleDocsUrl(ruleId: string): string {
	return `${REPOSITORY_URL}/blob/main/rules/${ruleId}.md`;
}
