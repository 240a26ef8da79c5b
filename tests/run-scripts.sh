#!/bin/sh
# Runs every tests/check-*.sh suite except check-man.sh; fails if any fails.
fail=0 n=0
for s in tests/check-*.sh; do
	[ "$s" = tests/check-man.sh ] && continue
	n=$((n + 1))
	if ! sh "$s"; then
		echo "FAIL: $s" >&2
		fail=1
	fi
done
[ $fail = 0 ] && echo "scripts: $n suites passed"
exit $fail
