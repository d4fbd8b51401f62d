// Path helpers with Go's semantics (package path, slash-separated), as buildx applies them.

/** Go path.Clean. */
export function cleanPath(p: string): string {
	if (p === '') return '.';
	const rooted = p.startsWith('/');
	const out: string[] = [];
	for (const part of p.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
			else if (!rooted) out.push('..');
			continue;
		}
		out.push(part);
	}
	const body = out.join('/');
	if (rooted) return `/${body}`;
	return body === '' ? '.' : body;
}

/** Go path.Join (empty elements skipped, result cleaned). */
export function joinPath(...parts: string[]): string {
	const nonEmpty = parts.filter((p) => p !== '');
	return nonEmpty.length === 0 ? '' : cleanPath(nonEmpty.join('/'));
}

/** Go path.Dir. */
export function dirPath(p: string): string {
	const i = p.lastIndexOf('/');
	return cleanPath(i < 0 ? '' : p.slice(0, i + 1));
}

/** buildx urlutil.IsRemoteURL, in the forms bake files use (URLs, git remotes). */
export function isRemoteUrl(s: string): boolean {
	return /^(https?|git|ssh):\/\//.test(s) || /^git@[^:]+:/.test(s) || /^github\.com\//.test(s);
}
