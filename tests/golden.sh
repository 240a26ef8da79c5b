#!/bin/sh
# Golden regression tests (mandoc regress style).
#
# For each fixtures/PROG/CASE.in the command is PROG followed by the words
# of CASE.args if present, or the shell command in CASE.cmd (run with bin/
# first in PATH), with CASE.in on standard input.  Standard output must
# equal CASE.out, standard error CASE.err (empty if absent) and the exit
# status CASE.rc (0 if absent).  --regen shows each difference and asks
# before replacing the expected files.
regen=0
[ "${1-}" = --regen ] && regen=1
top=$(pwd)
PATH=$top/bin:$PATH
export PATH LC_ALL=C
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0
for in in fixtures/*/*.in; do
	[ -f "$in" ] || continue
	base=${in%.in} dir=${in%/*} prog=${dir##*/}
	[ -x "bin/$prog" ] || continue
	n=$((n + 1))
	if [ -f "$base.cmd" ]; then
		(cd "$dir" && sh "$top/$base.cmd") <"$in" >"$tmp/out" 2>"$tmp/err"
	else
		args=
		[ -f "$base.args" ] && args=$(cat "$base.args")
		# shellcheck disable=SC2086
		(cd "$dir" && "$prog" $args) <"$in" >"$tmp/out" 2>"$tmp/err"
	fi
	echo $? >"$tmp/rc"
	ok=1
	for k in out err rc; do
		want=$base.$k
		if [ ! -f "$want" ]; then
			case $k in err) : >"$tmp/want";; rc) echo 0 >"$tmp/want";;
			    out) : >"$tmp/want";; esac
			want=$tmp/want
		fi
		if ! diff -u "$want" "$tmp/$k" >"$tmp/diff"; then
			ok=0
			echo "FAIL: $base.$k" >&2
			cat "$tmp/diff" >&2
			if [ $regen = 1 ]; then
				printf 'replace %s.%s? [y/N] ' "$base" "$k" >&2
				read -r answer </dev/tty
				[ "$answer" = y ] && cp "$tmp/$k" "$base.$k"
			fi
		fi
	done
	[ $ok = 1 ] || fail=$((fail + 1))
done
echo "golden: $n cases, $fail failed"
[ $fail = 0 ]
