// baketree's version, as package.json gives it. The bundle (scripts/bundle.mjs) has it built in,
// so `baketree --version` reads no file; run from source (tsx) it reads package.json.

declare const __BAKETREE_VERSION__: string | undefined;

export async function baketreeVersion(): Promise<string> {
	if (typeof __BAKETREE_VERSION__ === 'string') return __BAKETREE_VERSION__;
	// Loaded here: every command imports this module, and only a run from source reads a file.
	const {readFile} = await import('node:fs/promises');
	const pkg = JSON.parse(
		await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
	) as {version?: unknown};
	if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
	return pkg.version;
}
