#!/bin/sh
# mandoc -Tlint over every man page: any warning fails.
[ $# -gt 0 ] || { echo "man: no pages" >&2; exit 1; }
out=$(mandoc -Tlint -Wwarning "$@" 2>&1)
if [ -n "$out" ]; then
	printf '%s\n' "$out" >&2
	exit 1
fi
echo "man: $# pages lint clean"
