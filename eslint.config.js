// Lints mailcomply's own TypeScript. The plugin's use on e-mail templates is shown in examples/eslint.config.js.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import regexp from "eslint-plugin-regexp";
import { defineConfig } from "eslint/config";

export default defineConfig([
	{ ignores: ["dist/", "coverage/", "node_modules/", "examples/", "bench/results/", "bench/work/"] },
	{
		files: ["**/*.ts"],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			"@typescript-eslint/consistent-type-imports": "error",
			"@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
			"@typescript-eslint/no-floating-promises": "error",
		},
	},
	{
		// Regular expressions run on untrusted template text: the ReDoS analysers must pass.
		files: ["src/**/*.ts", "rules/**/*.ts", "plugin/**/*.ts"],
		extends: [regexp.configs.recommended],
		rules: {
			"regexp/no-super-linear-backtracking": ["error", { report: "potential" }],
			"regexp/no-super-linear-move": ["error", { report: "potential" }],
			// Still installed for mjml's own use, so an import would work here and fail for users.
			"no-restricted-imports": [
				"error",
				{ paths: [{ name: "css-tree", message: "src/styles/css-syntax.ts reads CSS; css-tree is not a dependency." }] },
			],
		},
	},
	{
		files: ["rules/*.ts"],
		ignores: ["rules/index.ts"],
		extends: [eslintPlugin.configs.recommended],
		rules: {
			"eslint-plugin/require-meta-docs-url": "error",
			// Descriptions read as sentences in the README table, so they start with a capital.
			"eslint-plugin/require-meta-docs-description": [
				"error",
				{ pattern: "^(Enforce|Require|Disallow|Report|Suggest)" },
			],
			"eslint-plugin/require-meta-schema": "error",
			"eslint-plugin/require-meta-type": "error",
		},
	},
	{
		files: ["**/*.js", "**/*.mjs"],
		extends: [js.configs.recommended],
		languageOptions: { globals: { process: "readonly", console: "readonly" } },
	},
]);
