#!/usr/bin/env bash
# Runs the compliance suite: every conformance case through the real `buildx bake --print`
# (complement-tester) and through baketree (complement-testee) of one vector. Builds nothing:
# build both first with `docker/bake.sh complement` and the same vector.
#
# Usage: docker/complement.sh [--dry-run] [RUN_REGEX]
#   sys_name, sys_version, sys_target, node_version   the vector (defaults as bake.sh's)
#   complement_cases        the corpus (default ../shared/conformance/buildx-cases.json),
#                           mounted read-only, never copied into the repository
#   complement_results_dir  where results.jsonl goes (default tests/complement)
#
# Prints one `pass|fail|skip<TAB>case` line per case, writes RESULTS_DIR/results.jsonl and,
# when that file is committed, exits non-zero if it differs from the committed baseline.
set -euo pipefail
cd "$(dirname "$0")/.."

dry_run=0
run='.*'
while (($# > 0)); do
	case "$1" in
	--dry-run) dry_run=1 ;;
	-h | --help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "complement.sh: unknown option $1" >&2; exit 2 ;;
	*) run="$1" ;;
	esac
	shift
done

sys_name="${sys_name:-debian}"
sys_version="${sys_version:-bookworm-slim}"
sys_target="${sys_target:-amd64}"
node_version="${node_version:-22}"
cases="${complement_cases:-../shared/conformance/buildx-cases.json}"
results_dir="${complement_results_dir:-tests/complement}"

# The same names bake.hcl's elem() gives: components joined by `--`, each sanitized.
vector=""
for part in "$sys_name" "$sys_version" "$sys_target" "$node_version"; do
	vector="${vector}--$(printf '%s' "$part" | tr -c 'a-zA-Z0-9_-' '_')"
done
tester_image="complement-tester${vector}:latest"
testee_image="complement-testee${vector}:latest"

if [[ ! -f "$cases" ]]; then
	echo "complement.sh: no conformance corpus at $cases (set complement_cases)" >&2
	exit 2
fi
cases="$(cd "$(dirname "$cases")" && pwd)/$(basename "$cases")"
case "$results_dir" in /*) ;; *) results_dir="$PWD/$results_dir" ;; esac

testee=(docker run --rm -i -v "$cases:/cases.json:ro" "$testee_image" /cases.json "$run")
tester=(docker run --rm -v "$cases:/cases.json:ro" -v "$results_dir:/results"
	"$tester_image" /cases.json /results/testee.jsonl /results/results.jsonl "$run")

if ((dry_run)); then
	printf '%q ' "${testee[@]}"
	printf '> %q\n' "$results_dir/testee.jsonl"
	printf '%q ' "${tester[@]}" | sed 's/ $//'
	echo
	exit 0
fi

mkdir -p "$results_dir"
# The testee's answers first (kept next to the results for a look at any failure), then the
# tester, whose log streams as it runs.
"${testee[@]}" > "$results_dir/testee.jsonl"
"${tester[@]}"

results="$results_dir/results.jsonl"
if git ls-files --error-unmatch "$results" >/dev/null 2>&1; then
	git --no-pager diff --shortstat -- "$results" || true
	if ! git diff --quiet --exit-code -- "$results"; then
		echo -e "\033[1;41;37mDIFFERS FROM BASELINE\033[0m ($results)" >&2
		exit 1
	fi
	echo -e "\033[1;42;30mACCEPT\033[0m"
else
	echo "no committed baseline at $results: commit it to gate later runs"
fi
