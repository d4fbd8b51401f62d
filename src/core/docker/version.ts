// `docker buildx version` prints "github.com/docker/buildx v0.30.1 abc123". rawjson needs
// buildx >= 0.13 (0.12 still prints text after the stream; older ones have no rawjson).

export interface BuildxVersion {
	readonly major: number;
	readonly minor: number;
	readonly patch: number;
	readonly text: string;
}

export const MIN_BUILDX = {major: 0, minor: 13} as const;

export function parseBuildxVersion(output: string): BuildxVersion | undefined {
	const m = /\bv?(\d+)\.(\d+)\.(\d+)[^\s]*/.exec(output);
	if (!m) return undefined;
	return {major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text: m[0]};
}

export function isSupported(v: BuildxVersion): boolean {
	return (
		v.major > MIN_BUILDX.major || (v.major === MIN_BUILDX.major && v.minor >= MIN_BUILDX.minor)
	);
}
