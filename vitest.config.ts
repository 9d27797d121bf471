import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["test/**/*.test.ts"],
		setupFiles: ["test/setup/rule-tester.ts"],
		testTimeout: 30_000,
	},
});
