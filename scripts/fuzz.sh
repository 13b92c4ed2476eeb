#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 1m) and prints, per target,
# how many inputs it tried. A crash stops the run; Go writes the input that caused it to the
# package's testdata/fuzz/<target>/, where `make test` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-1m}
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "== $pkg $target ($fuzztime)"
		log=$(mktemp)
		if ! go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" 2>&1 | tee "$log"; then
			echo "$target FAILED: see the input Go saved under testdata/fuzz/$target" >&2
			rm -f "$log"
			exit 1
		fi
		# The last progress line holds the total: "fuzz: elapsed: 1m0s, execs: 12345 (205/sec), ..."
		execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
		printf '%-28s %-22s %12s\n' "${pkg#gdprtjek/}" "$target" "${execs:-?}" >>"$summary"
		rm -f "$log"
	done
done
echo
printf '%-28s %-22s %12s\n' package target executions
cat "$summary"
