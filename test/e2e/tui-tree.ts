// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these are HCL templates, not JS ones
// A tuwunel-shaped bake file for the TUI e2e test and bench (until the shared generator in
// test/fixtures/gen exists): system <- rust, source <- deps (from rust and source) <- cargo
// blocks, with matrix vectors from JSON-array variables as in the seed. About 700 instances.

const CARGO = [
	'build',
	'check',
	'clippy',
	'docs',
	'unit',
	'integ',
	'smoke',
	'install',
	'docker',
	'oci',
	'deb',
	'rpm',
	'nix',
	'complement-testee',
	'mas-testee',
	'playwright-testee',
	'rust-sdk-integ',
	'bench',
];

export function tuwunelLikeHcl(): string {
	const out: string[] = [
		// Vectors are JSON arrays in strings, decoded in each matrix, as in tuwunel's bake.hcl.
		'variable "sys_names" {\n  default = "[\\"debian\\", \\"ubuntu\\"]"\n  description = "base systems"\n}',
		'variable "rust_toolchains" {\n  default = "[\\"nightly\\", \\"stable\\"]"\n  description = "rust toolchains to build with"\n}',
		'variable "cargo_profiles" {\n  default = "[\\"release\\", \\"test\\", \\"bench\\"]"\n}',
		'variable "feat_sets" {\n  default = "[\\"none\\", \\"default\\", \\"all\\"]"\n}',
		'variable "jobs" {\n  default = 4\n}',
		'target "system" {\n  name = "system--${sys_name}"\n  matrix = { sys_name = jsondecode(sys_names) }\n  description = "the base system"\n  dockerfile = "Dockerfile.system"\n  target = "system"\n}',
		'target "rust" {\n  name = "rust--${rust_toolchain}--${sys_name}"\n  matrix = { sys_name = jsondecode(sys_names), rust_toolchain = jsondecode(rust_toolchains) }\n  contexts = { system = "target:system--${sys_name}" }\n}',
		'target "source" {\n  name = "source--${feat_set}--${sys_name}"\n  matrix = { sys_name = jsondecode(sys_names), feat_set = jsondecode(feat_sets) }\n  contexts = { system = "target:system--${sys_name}" }\n}',
		'target "book" {\n  description = "the user book"\n  contexts = { source = "target:source--none--debian" }\n}',
	];
	const m =
		'{ sys_name = jsondecode(sys_names), rust_toolchain = jsondecode(rust_toolchains), cargo_profile = jsondecode(cargo_profiles), feat_set = jsondecode(feat_sets) }';
	const tail = '${cargo_profile}--${rust_toolchain}--${feat_set}--${sys_name}';
	out.push(
		`target "deps" {\n  name = "deps--${tail}"\n  matrix = ${m}\n  contexts = {\n    rust = "target:rust--\${rust_toolchain}--\${sys_name}"\n    source = "target:source--\${feat_set}--\${sys_name}"\n  }\n  args = { JOBS = jobs }\n}`,
	);
	CARGO.forEach((b, i) => {
		const from = i === 0 ? 'deps' : i < 8 ? 'build' : 'install';
		out.push(
			`target "${b}" {\n  name = "${b}--${tail}"\n  matrix = ${m}\n  contexts = { ${from} = "target:${from}--${tail}" }\n}`,
		);
	});
	return `${out.join('\n\n')}\n`;
}

export const DOCKERFILE_SYSTEM =
	'FROM debian:bookworm AS system\nRUN apt-get update\n\nFROM system AS other\n';
