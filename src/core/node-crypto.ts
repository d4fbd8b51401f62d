// node:crypto, loaded when first used. Loading it costs about 6 ms of a process start, and most
// runs use none of it: HCL's hash functions are rare in bake files, and the output cache and the
// tree browser's remembered state hash a few short strings once. process.getBuiltinModule loads
// a built-in module synchronously on demand (Node 20.16+), in the bundle and from source alike.

export function nodeCrypto(): typeof import('node:crypto') {
	return process.getBuiltinModule('node:crypto');
}
