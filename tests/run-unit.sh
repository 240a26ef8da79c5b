#!/bin/sh
# Runs each cmocka test program given; fails if any fails.
fail=0
for t in "$@"; do
	if ! LC_ALL=C "$t" >"$t.log" 2>&1; then
		cat "$t.log"
		echo "FAIL: $t" >&2
		fail=1
	fi
done
[ $fail = 0 ] && echo "unit: $# programs passed"
exit $fail
