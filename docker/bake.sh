#!/usr/bin/env bash
# Builds targets of the tree (bake.hcl at the repository root) with docker buildx bake.
#
# Usage: docker/bake.sh [--dry-run] [--allow ENTITLEMENT]... [TARGET...]
#   With no TARGET, bake builds the group `default` (lints and tests).
#
# Vectors come from the environment: the plural name takes a JSON array, the singular name one
# value, e.g. sys_names='["debian","alpine"]' or sys_name=alpine. Other knobs:
#   BAKETREE_BUILDER   builder name (default: baketree--USER--REPO--BRANCH)
#   cache_registry     registry repository for the build cache (e.g. ghcr.io/me/baketree-cache)
#   cache_branch       branch whose cache is written (default: the current git branch)
#   cache_main         branch whose cache every branch may read (default: main)
#   BAKE_PROGRESS      --progress value (default: buildx's own choice)
set -euo pipefail
cd "$(dirname "$0")/.."

dry_run=0
allow=()
targets=()
while (($# > 0)); do
	case "$1" in
	--dry-run) dry_run=1 ;;
	--allow) allow+=("--allow=${2:?--allow needs a value}"); shift ;;
	--allow=*) allow+=("$1") ;;
	-h | --help) sed -n '2,13s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "bake.sh: unknown option $1" >&2; exit 2 ;;
	*) targets+=("$1") ;;
	esac
	shift
done

# vector PLURAL SINGULAR DEFAULT: the JSON array for one axis. A single value (in either name)
# becomes a one-element array; the plural name wins when both are set.
vector() {
	local value="${!1:-${!2:-$3}}"
	case "$value" in
	\[*) printf '%s' "$value" ;;
	*) printf '["%s"]' "$value" ;;
	esac
}

# Shell quoting for --dry-run that a reader can paste: bare when safe, else single quotes.
quote() {
	if [[ "$1" =~ ^[A-Za-z0-9_./:=@,+-]+$ ]]; then
		printf '%s' "$1"
	else
		printf "'%s'" "${1//\'/\'\\\'\'}"
	fi
}

# quote_all WORD...: the words quoted, space-separated, on one line.
quote_all() {
	local sep=''
	for word in "$@"; do
		printf '%s%s' "$sep" "$(quote "$word")"
		sep=' '
	done
	echo
}

# Names used in builder names and cache tags: [a-zA-Z0-9_.-] only.
clean() { printf '%s' "$1" | tr -c 'a-zA-Z0-9_.-' '_'; }

sys_names=$(vector sys_names sys_name debian)
sys_versions=$(vector sys_versions sys_version bookworm-slim)
sys_targets=$(vector sys_targets sys_target amd64)
node_versions=$(vector node_versions node_version 22)

branch="${GITHUB_REF_NAME:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo detached)}"
repo="${GITHUB_REPOSITORY:-$(basename "$PWD")}"
user="${GITHUB_ACTOR:-${USER:-$(id -un)}}"
# One builder per user, repository and branch: concurrent builds of different branches never
# share a builder's state; builds of the same branch reuse it (one at a time).
builder="${BAKETREE_BUILDER:-$(clean "baketree--${user}--${repo//\//_}--${branch}")}"

cache_registry="${cache_registry:-}"
cache_branch="$(clean "${cache_branch:-$branch}")"
cache_main="$(clean "${cache_main:-main}")"

export sys_names sys_versions sys_targets node_versions cache_registry cache_branch cache_main
export DOCKER_BUILDKIT=1

cmd=(docker buildx bake --file bake.hcl --builder "$builder" --provenance=false)
if [[ -n "${BAKE_PROGRESS:-}" ]]; then cmd+=("--progress=${BAKE_PROGRESS}"); fi
cmd+=(${allow[@]+"${allow[@]}"} ${targets[@]+"${targets[@]}"})
create=(docker buildx create --name "$builder" --driver docker-container --bootstrap)

if ((dry_run)); then
	echo "# environment"
	for name in sys_names sys_versions sys_targets node_versions cache_registry cache_branch cache_main; do
		printf '%s=%s\n' "$name" "$(quote "${!name}")"
	done
	echo "# builder (created when missing)"
	quote_all "${create[@]}"
	echo "# command"
	quote_all "${cmd[@]}"
	exit 0
fi

if ! docker buildx inspect "$builder" >/dev/null 2>&1; then
	"${create[@]}"
fi
trap 'echo -e "\033[1;41;37mERROR\033[0m" >&2' ERR
"${cmd[@]}"
echo -e "\033[1;42;30mACCEPT\033[0m"
