import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkOnDisk, linkedOutside, readInsideRoot, shownRoot } from "../../src/sandbox/guarded-read.js";

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-guard-")));
const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-guard-out-")));
afterAll(() => {
	fs.rmSync(root, { recursive: true, force: true });
	fs.rmSync(outside, { recursive: true, force: true });
});

const file = (name: string, text = "x") => {
	const full = path.join(root, name);
	fs.mkdirSync(path.dirname(full), { recursive: true });
	fs.writeFileSync(full, text);
	return full;
};

describe("readInsideRoot", () => {
	test("reads a regular file inside the root as UTF-8", () => {
		expect(readInsideRoot(file("a.mjml", "Café"), root, 100)).toEqual({
			ok: true,
			text: "Café",
			realPath: path.join(root, "a.mjml"),
		});
	});

	test.each([
		["a path that leaves the root", () => path.join(root, "../../etc/passwd"), /outside the include root/u],
		[
			"a symbolic link out of the root",
			() => (
				fs.writeFileSync(path.join(outside, "s"), "SECRET"),
				fs.symlinkSync(path.join(outside, "s"), path.join(root, "out.mjml")),
				path.join(root, "out.mjml")
			),
			/through a symbolic link outside the include root/u,
		],
		["a missing file", () => path.join(root, "nope.mjml"), /file not found/u],
		[
			"a folder",
			() => (fs.mkdirSync(path.join(root, "dir.mjml")), path.join(root, "dir.mjml")),
			/it is a folder, not a regular file/u,
		],
		[
			"a named pipe (opened without blocking)",
			() => (execFileSync("mkfifo", [path.join(root, "fifo.mjml")]), path.join(root, "fifo.mjml")),
			/it is a named pipe \(FIFO\), not a regular file/u,
		],
		[
			"a file larger than the bound",
			() => file("big.mjml", "x".repeat(101)),
			/it is 101 bytes on disk, over the 100 bytes limit/u,
		],
	])("refuses %s, without quoting it", (_name, target, reason) => {
		const result = readInsideRoot(target(), root, 100);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(reason);
		expect(JSON.stringify(result)).not.toMatch(/SECRET|xxxx/u);
	});
});

describe("checkOnDisk", () => {
	test("follows links: a link to /dev/zero is a device", () => {
		fs.symlinkSync("/dev/zero", path.join(root, "zero.mjml"));
		expect(checkOnDisk(path.join(root, "zero.mjml"), 100)).toEqual({
			ok: false,
			reason: "it is a device, not a regular file; it was not read.",
		});
	});

	test("counts bytes on disk: a sparse 600 MB file is refused without being read", () => {
		const big = file("sparse.mjml", "");
		fs.truncateSync(big, 600 * 1024 * 1024);
		expect(checkOnDisk(big, 20 * 1024 * 1024)).toEqual({
			ok: false,
			reason: "it is 600 MB on disk, over the 20 MB limit; it was not read.",
		});
	});
});

describe("checkOnDisk: a socket", () => {
	test("is a socket, not a regular file", async () => {
		const socketPath = path.join(root, "s.campaign.yaml");
		const server = net.createServer().listen(socketPath);
		await new Promise((resolve) => server.once("listening", resolve));
		try {
			expect(checkOnDisk(socketPath, 100)).toEqual({
				ok: false,
				reason: "it is a socket, not a regular file; it was not read.",
			});
		} finally {
			server.close();
		}
	});
});

describe("linkedOutside", () => {
	test("passes files that are no link, links inside the root and files not on disk; refuses links out", () => {
		const plain = file("plain.mjml");
		fs.symlinkSync(plain, path.join(root, "inside.mjml"));
		fs.writeFileSync(path.join(outside, "t.mjml"), "");
		fs.symlinkSync(path.join(outside, "t.mjml"), path.join(root, "leaves.mjml"));
		const rootOf = () => root;
		expect(linkedOutside(plain, rootOf)).toBeUndefined();
		expect(linkedOutside(path.join(root, "inside.mjml"), rootOf)).toBeUndefined();
		expect(linkedOutside("/virtual/buffer.mjml", rootOf)).toBeUndefined();
		expect(linkedOutside(path.join(root, "leaves.mjml"), rootOf)?.reason).toMatch(
			/symbolic link leading outside the include root/u,
		);
	});
});

describe("a refusal names the root as a person reads it", () => {
	test("relative to the folder the run started in, never as the machine's absolute path", () => {
		const reason = (readInsideRoot(path.join(root, "../x.mjml"), root, 100) as { reason: string }).reason;
		// A relative path to a folder in /tmp ends with the absolute one ("../../tmp/x"): what must not appear is the root shown absolute.
		expect(reason).not.toContain(`(${root}`);
		expect(path.isAbsolute(shownRoot(root))).toBe(false);
		expect(reason).toContain(`include root (${shownRoot(root)});`);
		expect(shownRoot(process.cwd())).toBe("the current folder");
		expect(shownRoot(path.join(process.cwd(), "emails", "nl"))).toBe("emails/nl");
		expect(shownRoot(path.join(process.cwd(), "..", "shared", "corpus"))).toBe("../shared/corpus");
		expect(shownRoot(path.join(process.cwd(), "src/Core/MailTemplates/Mjml/emails/AdminConsole/AccountRecovery"))).toBe(
			"…/AccountRecovery",
		);
	});
});
