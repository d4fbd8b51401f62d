# baketree's own Docker Builder: one unified tree, leaves at the top, the single root `system`
# at the bottom. Every target is a matrix over the vector axes it depends on and is named by
# elem(), so each instance name carries its vector. Use it through docker/bake.sh; the
# Dockerfiles it calls are the "template functions" in docker/Dockerfile.*.

#
# Vectors: JSON arrays as strings (bake cannot override a list variable from the environment),
# decoded below; docker/bake.sh fills them from the environment.
#

variable "sys_names" {
	description = "Base systems (keys of sys_valid_versions)"
	default = "[\"debian\"]"
}

variable "sys_versions" {
	description = "Base system versions; pairs not in sys_valid_versions are never generated"
	default = "[\"bookworm-slim\"]"
}

variable "sys_targets" {
	description = "CPU architectures (linux/<arch> platforms)"
	default = "[\"amd64\"]"
}

variable "node_versions" {
	description = "Node.js major versions"
	default = "[\"22\"]"
}

# Which versions exist for which system: the filter for the sys_name x sys_version product.
sys_valid_versions = {
	debian = ["bookworm-slim", "trixie-slim"]
	alpine = ["3.20", "3.21"]
}

# The (sys_name, sys_version) axis: only pairs that can exist.
sys_pairs = [
	for p in setproduct(jsondecode(sys_names), jsondecode(sys_versions)) : {name = p[0], version = p[1]}
	if contains(lookup(sys_valid_versions, p[0], []), p[1])
]

# The matrices: the system axes, and the system axes with Node.js.
sys_matrix = {
	sys = sys_pairs
	sys_target = jsondecode(sys_targets)
}

node_matrix = {
	sys = sys_pairs
	sys_target = jsondecode(sys_targets)
	node_version = jsondecode(node_versions)
}

#
# Settings
#

variable "docker_dir" {
	description = "Where the Dockerfiles live, relative to the context (the repository root)"
	default = "docker"
}

variable "buildx_version" {
	description = "Tag of docker/buildx-bin the complement tester runs (pin it in CI)"
	default = "latest"
}

variable "cache_registry" {
	description = "Registry repository for the build cache (empty: no registry cache)"
	default = ""
}

variable "cache_branch" {
	description = "Branch whose cache is written (and read)"
	default = "main"
}

variable "cache_main" {
	description = "Branch whose cache every branch may read"
	default = "main"
}

# Packages per system: the root's base set (alpine's also the C++ runtime the musl build of
# node links against; debian-slim has it) and the build tools npm ci needs for node-pty.
sys_packages = {
	debian = "ca-certificates git"
	alpine = "ca-certificates git libstdc++ libgcc"
}

build_packages = {
	debian = "python3 make g++"
	alpine = "python3 make g++ linux-headers"
}

#
# Functions
#

# Instance name: prefix--component--component...; sanitize() keeps dots (alpine 3.21) legal.
function "elem" {
	params = [prefix, parts]
	result = join("--", concat([prefix], [for p in parts : sanitize(p)]))
}

# Registry cache refs: read the main branch's and our own, write only our own.
function "cache_from" {
	params = [name]
	result = (cache_registry == "" ? [] : distinct([
		"type=registry,ref=${cache_registry}:${name}--${sanitize(cache_main)}",
		"type=registry,ref=${cache_registry}:${name}--${sanitize(cache_branch)}",
	]))
}

function "cache_to" {
	params = [name]
	result = (cache_registry == "" ? [] : [
		"type=registry,ref=${cache_registry}:${name}--${sanitize(cache_branch)},mode=max",
	])
}

# The official Node.js image for a system: node:22-bookworm-slim, node:22-alpine3.21.
function "node_image" {
	params = [node_version, sys]
	result = (sys.name == "alpine"
		? "docker-image://node:${node_version}-alpine${sys.version}"
		: "docker-image://node:${node_version}-${sys.version}")
}

# Cache-mount ids, partitioned by every component that makes sharing unsound: the package
# manager's cache by system, version and architecture; npm's also by Node.js version.
function "pkg_cache" {
	params = [sys, sys_target]
	result = "pkg/${sys.name}/${sys.version}/${sys_target}"
}

function "npm_cache" {
	params = [sys, sys_target, node_version]
	result = "npm/${sys.name}/${sys.version}/${sys_target}/node${node_version}"
}

#
# Groups
#

group "default" {
	targets = ["lints", "tests"]
}

group "lints" {
	targets = ["lint", "typecheck"]
}

group "tests" {
	targets = ["unit", "e2e", "smoke"]
}

group "complement" {
	targets = ["complement-tester", "complement-testee"]
}

#
# Complement: the compliance suite (docker/complement.sh runs it)
#

target "complement-tester" {
	name = elem("complement-tester", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.complement"
	target = "complement-tester"
	tags = ["${elem("complement-tester", [sys.name, sys.version, sys_target, node_version])}:latest"]
	output = ["type=docker"]
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("complement-tester", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("complement-tester", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:node", [sys.name, sys.version, sys_target, node_version])
		source = elem("target:source", [sys.name, sys.version, sys_target])
		buildx = "docker-image://docker/buildx-bin:${buildx_version}"
	}
}

target "complement-testee" {
	name = elem("complement-testee", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.complement"
	target = "complement-testee"
	tags = ["${elem("complement-testee", [sys.name, sys.version, sys_target, node_version])}:latest"]
	output = ["type=docker"]
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("complement-testee", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("complement-testee", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:runtime", [sys.name, sys.version, sys_target, node_version])
		source = elem("target:source", [sys.name, sys.version, sys_target])
	}
}

#
# Runtime image and its smoke test
#

target "smoke" {
	name = elem("smoke", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.runtime"
	target = "smoke"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("smoke", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("smoke", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:runtime", [sys.name, sys.version, sys_target, node_version])
		source = elem("target:source", [sys.name, sys.version, sys_target])
	}
}

target "runtime" {
	name = elem("runtime", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.runtime"
	target = "runtime"
	tags = ["${elem("baketree", [sys.name, sys.version, sys_target, node_version])}:latest"]
	output = ["type=docker"]
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("runtime", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("runtime", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:node", [sys.name, sys.version, sys_target, node_version])
		bundle = elem("target:bundle", [sys.name, sys.version, sys_target, node_version])
	}
}

#
# Lints and tests: one Dockerfile stage (`run`), a different command each
#

target "lint" {
	name = elem("lint", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.npm"
	target = "run"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("lint", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("lint", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:workspace", [sys.name, sys.version, sys_target, node_version])
	}
	args = {
		cmd = "npm run lint"
	}
}

target "typecheck" {
	name = elem("typecheck", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.npm"
	target = "run"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("typecheck", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("typecheck", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:workspace", [sys.name, sys.version, sys_target, node_version])
	}
	args = {
		cmd = "npm run typecheck"
	}
}

target "unit" {
	name = elem("unit", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.npm"
	target = "run"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("unit", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("unit", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:workspace", [sys.name, sys.version, sys_target, node_version])
	}
	args = {
		cmd = "npx vitest run test/unit"
	}
}

target "e2e" {
	name = elem("e2e", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.npm"
	target = "run"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("e2e", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("e2e", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:bundle", [sys.name, sys.version, sys_target, node_version])
	}
	args = {
		cmd = "npx vitest run test/e2e"
	}
}

# The bundled CLI (dist/): the runtime copies it, e2e tests run against it.
target "bundle" {
	name = elem("bundle", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.npm"
	target = "run"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("bundle", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("bundle", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:workspace", [sys.name, sys.version, sys_target, node_version])
	}
	args = {
		cmd = "node scripts/bundle.mjs"
	}
}

#
# Branches: dependencies installed, sources on top
#

target "workspace" {
	name = elem("workspace", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.npm"
	target = "workspace"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("workspace", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("workspace", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:deps", [sys.name, sys.version, sys_target, node_version])
		source = elem("target:source", [sys.name, sys.version, sys_target])
	}
}

target "deps" {
	name = elem("deps", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.npm"
	target = "deps"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("deps", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("deps", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:builder", [sys.name, sys.version, sys_target, node_version])
		source = elem("target:source", [sys.name, sys.version, sys_target])
	}
	args = {
		npm_cache = npm_cache(sys, sys_target, node_version)
	}
}

# Build tools for native modules (node-pty) on top of Node.js.
target "builder" {
	name = elem("builder", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.system"
	target = "packages"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("builder", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("builder", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:node", [sys.name, sys.version, sys_target, node_version])
	}
	args = {
		sys_name = sys.name
		pkg_cache = pkg_cache(sys, sys_target)
		packages = build_packages[sys.name]
	}
}

# The repository's sources (see .dockerignore), one layer every consumer copies from.
target "source" {
	name = elem("source", [sys.name, sys.version, sys_target])
	matrix = sys_matrix
	dockerfile = "${docker_dir}/Dockerfile.source"
	target = "source"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("source", [sys.name, sys.version, sys_target]))
	cache-to = cache_to(elem("source", [sys.name, sys.version, sys_target]))
	contexts = {
		input = elem("target:system", [sys.name, sys.version, sys_target])
	}
}

# Node.js from the official image of the same system, copied onto the root.
target "node" {
	name = elem("node", [sys.name, sys.version, sys_target, node_version])
	matrix = node_matrix
	dockerfile = "${docker_dir}/Dockerfile.system"
	target = "node"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("node", [sys.name, sys.version, sys_target, node_version]))
	cache-to = cache_to(elem("node", [sys.name, sys.version, sys_target, node_version]))
	contexts = {
		input = elem("target:system", [sys.name, sys.version, sys_target])
		nodejs = node_image(node_version, sys)
	}
}

#
# The root
#

target "system" {
	name = elem("system", [sys.name, sys.version, sys_target])
	matrix = sys_matrix
	dockerfile = "${docker_dir}/Dockerfile.system"
	target = "system"
	platforms = ["linux/${sys_target}"]
	cache-from = cache_from(elem("system", [sys.name, sys.version, sys_target]))
	cache-to = cache_to(elem("system", [sys.name, sys.version, sys_target]))
	args = {
		sys_name = sys.name
		sys_version = sys.version
		pkg_cache = pkg_cache(sys, sys_target)
		packages = sys_packages[sys.name]
	}
}
