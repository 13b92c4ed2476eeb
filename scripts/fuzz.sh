#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 1m) and prints, per target,
# how many inputs it tried. A crash stops the run; Go writes the input that caused it to the
# package's testdata/fuzz/<target>/, where `make test` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-1m}
summary=$(mktemp)
# Each fuzzing process writes how many inputs it tried here (internal/fuzzcount); Go's own
# "execs" figure misses the batches a worker had not reported when time ran out.
counts=$(mktemp -d)
export GDPRTJEK_FUZZ_COUNTS=$counts
trap 'rm -rf "$summary" "$counts"' EXIT
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "== $pkg $target ($fuzztime)"
		log=$(mktemp)
		if ! go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" 2>&1 | tee "$log"; then
			echo "$target FAILED: see the input Go saved under testdata/fuzz/$target" >&2
			rm -f "$log"
			exit 1
		fi
		sleep 1 # the last second's totals
		tried=$(cat "$counts/$target".[0-9]* 2>/dev/null | awk '{n += $1} END {print n + 0}')
		# Go's figure, from its last progress line: "fuzz: elapsed: 1m0s, execs: 12345 (205/sec), ..."
		execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
		printf '%-28s %-22s %12s %12s\n' "${pkg#gdprtjek/}" "$target" "$tried" "${execs:-?}" >>"$summary"
		rm -f "$log"
	done
done
echo
printf '%-28s %-22s %12s %12s\n' package target tried "go's execs"
cat "$summary"
