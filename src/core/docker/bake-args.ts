// The argument array of `docker buildx bake` (never a shell string).

export interface BakeArgsOptions {
	readonly files?: readonly string[];
	readonly targets: readonly string[];
	readonly set?: readonly string[];
	readonly builder?: string | undefined;
	readonly allow?: readonly string[];
	readonly metadataFile?: string | undefined;
}

export function bakeArgs(o: BakeArgsOptions): string[] {
	const args = ['buildx', 'bake', '--progress=rawjson'];
	if (o.builder) args.push('--builder', o.builder);
	for (const f of o.files ?? []) args.push('-f', f);
	for (const s of o.set ?? []) args.push('--set', s);
	for (const a of o.allow ?? []) args.push(`--allow=${a}`);
	if (o.metadataFile) args.push('--metadata-file', o.metadataFile);
	// "--" keeps a target name that starts with "-" from being read as a flag.
	args.push('--', ...o.targets);
	return args;
}
