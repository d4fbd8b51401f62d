// Which files bake treats as compose files, by name (buildx validateComposeFile): `.yml` and
// `.yaml` always are (and must be valid); `.json` and `.hcl` never are; any other name (`-` for
// stdin included) is a compose file if it loads as one, else HCL, else HCL-JSON. Names are
// compared lower-cased, as buildx does.

export function isComposeName(name: string): boolean {
	const l = name.toLowerCase();
	return l.endsWith('.yml') || l.endsWith('.yaml');
}

/** Whether the file has to be tried as compose at all (so the YAML parser must be loaded). */
export function mayBeCompose(name: string): boolean {
	const l = name.toLowerCase();
	return !l.endsWith('.json') && !l.endsWith('.hcl');
}
