import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearSidecarCache, findSidecarFor, findTemplateFor, resolveCampaign } from "../../src/campaign/sidecar.js";
import { sidecarDigest } from "../../src/campaign/digest.js";
import { mergeCampaign } from "../../src/campaign/model.js";

const root = mkdtempSync(join(tmpdir(), "mailcomply-sidecar-"));
let dir: string;
let counter = 0;

beforeEach(() => {
	dir = join(root, `case-${++counter}`);
	mkdirSync(dir);
	clearSidecarCache();
});

afterAll(() => {
	rmSync(root, { recursive: true, force: true });
});

function write(name: string, content: string): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

describe("findSidecarFor", () => {
	it("finds NAME.campaign.yaml, .yml, .json beside the template, in that order", () => {
		const template = write("welcome.mjml", "<mjml></mjml>");
		expect(findSidecarFor(template)).toBeUndefined();
		const json = write("welcome.campaign.json", "{}");
		expect(findSidecarFor(template)).toBe(json);
		const yml = write("welcome.campaign.yml", "");
		expect(findSidecarFor(template)).toBe(yml);
		const yaml = write("welcome.campaign.yaml", "");
		expect(findSidecarFor(template)).toBe(yaml);
	});

	it("works for .html and .htm and a template's text part, and only for templates", () => {
		const sidecar = write("promo.campaign.yaml", "kind: marketing\n");
		expect(findSidecarFor(join(dir, "promo.html"))).toBe(sidecar);
		expect(findSidecarFor(join(dir, "promo.htm"))).toBe(sidecar);
		// promo.txt is linted only as promo.html's text part (src/text-message/text-part-file.ts), which shares its sidecar.
		expect(findSidecarFor(join(dir, "promo.txt"))).toBe(sidecar);
		expect(findSidecarFor(join(dir, "promo.md"))).toBeUndefined();
		expect(findSidecarFor(join(dir, "promo.campaign.yaml"))).toBeUndefined();
	});

	it("does not take another template's sidecar or a directory", () => {
		write("promo-b.campaign.yaml", "kind: marketing\n");
		mkdirSync(join(dir, "promo.campaign.yaml"));
		expect(findSidecarFor(join(dir, "promo.html"))).toBeUndefined();
	});

	it("finds the template of a sidecar (for the orphan check)", () => {
		const sidecar = write("news.campaign.yml", "");
		expect(findTemplateFor(sidecar)).toBeUndefined();
		const template = write("news.htm", "<p></p>");
		expect(findTemplateFor(sidecar)).toBe(template);
	});
});

describe("resolveCampaign", () => {
	it("defaults to a marketing e-mail with nothing declared", () => {
		const resolved = resolveCampaign(join(dir, "none.mjml"), {});
		expect(resolved.campaign).toEqual({ kind: "marketing", channel: "email" });
		expect(resolved.declared.size).toBe(0);
		expect(resolved.sidecarPath).toBeUndefined();
		expect(resolved.sidecarError).toBeUndefined();
		expect(resolveCampaign(undefined, undefined).campaign).toEqual({ kind: "marketing", channel: "email" });
	});

	it("deep-merges settings under the sidecar, arrays replaced", () => {
		write("promo.campaign.yaml", "kind: transactional\naudience:\n  countries: [BE]\n  source: signup-form\n");
		const settings = {
			mailcomply: {
				campaign: {
					esp: "mailchimp",
					sender: { name: "Acme BV", companyNumber: "01234567" },
					audience: { countries: ["NL", "DE"], owner: "Acme BV" },
					bogus: true,
				},
			},
		};
		const resolved = resolveCampaign(join(dir, "promo.mjml"), settings);
		expect(resolved.campaign).toEqual({
			kind: "transactional",
			channel: "email",
			esp: "mailchimp",
			sender: { name: "Acme BV", companyNumber: "01234567" },
			audience: { countries: ["BE"], owner: "Acme BV", source: "signup-form" },
		});
		expect(resolved.sidecarPath).toBe(join(dir, "promo.campaign.yaml"));
		expect([...resolved.declared].sort()).toEqual([
			"audience",
			"audience.countries",
			"audience.owner",
			"audience.source",
			"esp",
			"kind",
			"sender",
			"sender.companyNumber",
			"sender.name",
		]);
	});

	it("tells declared facts from defaulted ones", () => {
		write("a.campaign.yaml", "channel: email\n");
		const resolved = resolveCampaign(join(dir, "a.html"), {});
		expect(resolved.declared.has("channel")).toBe(true);
		expect(resolved.declared.has("kind")).toBe(false);
		expect(resolved.campaign.kind).toBe("marketing");
	});

	it("leaves out invalid sidecar values instead of trusting them", () => {
		write("b.campaign.yaml", "kind: promo\nespAppendsFooter: yes\nlawfulBasis: consent\n");
		const resolved = resolveCampaign(join(dir, "b.html"), { mailcomply: { campaign: { espAppendsFooter: true } } });
		expect(resolved.campaign).toEqual({
			kind: "marketing",
			channel: "email",
			espAppendsFooter: true,
			lawfulBasis: "consent",
		});
		expect(resolved.declared.has("kind")).toBe(false);
	});

	it("reads JSON sidecars", () => {
		write("c.campaign.json", '{ "lawfulBasis": "soft-opt-in", "audience": { "source": "own-customers" } }');
		expect(resolveCampaign(join(dir, "c.mjml"), {}).campaign).toMatchObject({
			lawfulBasis: "soft-opt-in",
			audience: { source: "own-customers" },
		});
	});

	it("returns a located sidecarError for a broken sidecar, keeping the settings, without throwing", () => {
		write("d.campaign.yaml", "kind: marketing\nkind: transactional\n");
		const resolved = resolveCampaign(join(dir, "d.mjml"), { mailcomply: { campaign: { esp: "ses" } } });
		expect(resolved.sidecarError).toMatch(/^d\.campaign\.yaml:2:1: .*unique/u);
		expect(resolved.campaign).toEqual({ kind: "marketing", channel: "email", esp: "ses" });
	});

	it("reports a sidecar that is not a mapping, and binary sidecars", () => {
		write("e.campaign.yaml", "- kind: transactional\n");
		expect(resolveCampaign(join(dir, "e.mjml"), {}).sidecarError).toMatch(/mapping/u);
		write("f.campaign.yaml", "kind: \0\0\0");
		expect(resolveCampaign(join(dir, "f.mjml"), {}).sidecarError).toMatch(/not a text file/u);
		write("g.campaign.json", '{ "kind": "transactional", }');
		expect(resolveCampaign(join(dir, "g.mjml"), {}).sidecarError).toMatch(/trailing comma/u);
	});

	it("ignores settings that are not objects", () => {
		for (const settings of [
			null,
			42,
			"x",
			{ mailcomply: null },
			{ mailcomply: { campaign: [] } },
			{ mailcomply: { campaign: "marketing" } },
		]) {
			expect(resolveCampaign(undefined, settings).campaign).toEqual({ kind: "marketing", channel: "email" });
		}
	});

	it("re-reads a sidecar when it changes, and only then", () => {
		const sidecar = write("h.campaign.yaml", "kind: marketing\naudience:\n  source: signup-form\n");
		const template = join(dir, "h.mjml");
		const first = resolveCampaign(template, {});
		expect(first.campaign.kind).toBe("marketing");
		// Unchanged file: served from the cache (the same object comes back, not an equal copy).
		const again = resolveCampaign(template, {});
		expect(again.campaign.audience).toEqual({ source: "signup-form" });
		expect(again.campaign.audience).toBe(first.campaign.audience);
		writeFileSync(sidecar, "kind: transactional\n");
		utimesSync(sidecar, new Date(), new Date(Date.now() + 5000));
		expect(resolveCampaign(template, {}).campaign.kind).toBe("transactional");
		// Same size, different content, new mtime.
		writeFileSync(sidecar, "kind: transactionaL\n");
		utimesSync(sidecar, new Date(), new Date(Date.now() + 10000));
		expect(resolveCampaign(template, {}).campaign.kind).toBe("marketing");
		// After the cache is cleared the file is read again (a fresh object).
		writeFileSync(sidecar, "kind: marketing\naudience:\n  source: signup-form\n");
		clearSidecarCache();
		const fresh = resolveCampaign(template, {});
		expect(fresh.campaign.audience).toEqual(first.campaign.audience);
		expect(fresh.campaign.audience).not.toBe(first.campaign.audience);
	});

	it("serves cached models frozen, so one rule cannot change what another sees", () => {
		write("i.campaign.yaml", "audience:\n  countries: [NL]\n");
		const resolved = resolveCampaign(join(dir, "i.mjml"), {});
		expect(() => resolved.campaign.audience!.countries!.push("BE")).toThrow();
		expect(resolveCampaign(join(dir, "i.mjml"), {}).campaign.audience!.countries).toEqual(["NL"]);
	});
});

describe("mergeCampaign", () => {
	it("merges objects key by key and replaces arrays and scalars", () => {
		expect(
			mergeCampaign(
				{ kind: "marketing", consent: { explicit: true, record: "crm" }, audience: { countries: ["NL", "BE"] } },
				{ consent: { explicit: false }, audience: { countries: ["DE"] } },
			),
		).toEqual({ kind: "marketing", consent: { explicit: false, record: "crm" }, audience: { countries: ["DE"] } });
	});
});

describe("sidecarDigest", () => {
	it("changes when a sidecar changes, is stable otherwise, and skips node_modules and .git", () => {
		write("a.campaign.yaml", "kind: marketing\n");
		mkdirSync(join(dir, "sub"));
		write("sub/b.campaign.json", "{}");
		const before = sidecarDigest(dir);
		expect(before).toMatch(/^[0-9a-f]{64}$/u);
		expect(sidecarDigest(dir)).toBe(before);

		mkdirSync(join(dir, "node_modules"));
		write("node_modules/x.campaign.yaml", "kind: transactional\n");
		mkdirSync(join(dir, ".git"));
		write(".git/y.campaign.yaml", "kind: transactional\n");
		write("notes.yaml", "unrelated: true\n");
		expect(sidecarDigest(dir)).toBe(before);

		write("sub/b.campaign.json", '{"kind":"marketing"}');
		const changed = sidecarDigest(dir);
		expect(changed).not.toBe(before);
		write("sub/c.campaign.yml", "");
		expect(sidecarDigest(dir)).not.toBe(changed);
	});

	it("with a list of files, covers the campaign files beside them and above them, and no others", () => {
		write("a.mjml", "<mjml></mjml>");
		write("a.campaign.yaml", "kind: marketing\n");
		mkdirSync(join(dir, "sub"));
		write("sub/b.campaign.yaml", "kind: marketing\n");
		const listed = sidecarDigest(dir, ["a.mjml"]);
		expect(sidecarDigest(dir, [join(dir, "a.campaign.yaml")])).toBe(listed);
		// A folder beside the template governs nothing it lints.
		write("sub/b.campaign.yaml", "kind: transactional\n");
		expect(sidecarDigest(dir, ["a.mjml"])).toBe(listed);
		write("a.campaign.yaml", "kind: transactional\n");
		expect(sidecarDigest(dir, ["a.mjml"])).not.toBe(listed);
	});
});
