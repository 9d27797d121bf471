// How a project uses mailcomply as an ESLint plugin (`npx eslint examples/`
// from the repository root after `npm run build`; in your own project,
// import from "eslint-plugin-mailcomply").
import { defineConfig } from "eslint/config";
import mailcomply from "../dist/plugin/index.js";

export default defineConfig([
	// MJML templates, campaign sidecars, and HTML under email/, emails/, newsletters/, … folders.
	mailcomply.configs.recommended,
	// These examples keep HTML templates in ordinary folders: opt them in explicitly.
	{
		files: ["**/*.html"],
		extends: [mailcomply.configs.html],
	},
]);
