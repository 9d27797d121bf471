// mjml ships no types; the tests read only these two fields of its core preset.
declare module "mjml-preset-core" {
	const preset: { components: Array<{ componentName: string }>; dependencies: Record<string, unknown[]> };
	export default preset;
}
