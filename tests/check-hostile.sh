#!/bin/sh
# Hostile text input not covered by check-pipeline.sh and check-docx.sh:
# NUL bytes, one 10 MB paragraph, an output path that is a symlink, a map
# other users can read, and determinism of every fixture, DOCX included.
# Each check prints what failed; the suite fails if any did.
set -u
top=$(pwd)
PATH=$top/bin:$PATH
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# 1. NUL bytes: exit 2, a message naming the place, no output file.
printf 'Kayden lives here.\nA NUL \000 byte.\n' > "$tmp/nul.txt"
anonymise -o "$tmp/nul.out" "$tmp/nul.txt" 2> "$tmp/nul.err"
rc=$?
[ $rc = 2 ] && ok || bad "NUL byte: exit $rc, not 2"
[ ! -e "$tmp/nul.out" ] && ok || bad "NUL byte: output file written"
grep -q 'anonymise: .*:2:[0-9]*: NUL byte' "$tmp/nul.err" && ok ||
	bad "NUL byte: message: $(head -1 "$tmp/nul.err")"

# 2. One 10 MB paragraph through the whole chain: success, one line, and
# the people, dates, addresses and numbers in it all replaced.
s='On 3 May 2019 the health visitor Ms Okafor saw Kayden Smith at 12 Elm Road, Westmoor, and rang 07700 900123. '
printf '%s' "$s$s$s$s$s$s$s$s" > "$tmp/s8"
cat "$tmp/s8" "$tmp/s8" "$tmp/s8" "$tmp/s8" "$tmp/s8" "$tmp/s8" "$tmp/s8" \
    "$tmp/s8" > "$tmp/s64"		# 64 sentences, 7 KB
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 \
    25 26 27 28 29 30 31 32; do cat "$tmp/s64"; done > "$tmp/s2k"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 \
    25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46; do
	cat "$tmp/s2k"; done > "$tmp/big.txt"
echo >> "$tmp/big.txt"
size=$(wc -c < "$tmp/big.txt")
[ "$size" -ge 10000000 ] || bad "10 MB paragraph: only $size bytes made"
anonymise -o "$tmp/big.out" "$tmp/big.txt" 2> "$tmp/big.err"
rc=$?
[ $rc = 0 ] && ok || bad "10 MB paragraph: exit $rc: $(head -1 "$tmp/big.err")"
[ "$(wc -l < "$tmp/big.out" 2>/dev/null)" = 1 ] && ok ||
	bad "10 MB paragraph: not one output line"
grep -Eq 'Okafor|Kayden|Elm Road|07700|3 May' "$tmp/big.out" &&
	bad "10 MB paragraph: something left unreplaced" || ok
rm -f "$tmp/s8" "$tmp/s64" "$tmp/s2k" "$tmp/big.txt" "$tmp/big.out"

# 3. The output path is a symlink: the link itself is replaced by the
# output (rename(2) over it), the file it pointed to is left untouched.
printf 'Ms Okafor saw Kayden.\n' > "$tmp/in.txt"
printf 'precious\n' > "$tmp/target"
ln -s "$tmp/target" "$tmp/link.txt"
anonymise -o "$tmp/link.txt" "$tmp/in.txt" 2> "$tmp/link.err"
rc=$?
[ $rc = 0 ] && ok || bad "symlink output: exit $rc: $(head -1 "$tmp/link.err")"
[ -f "$tmp/link.txt" ] && [ ! -L "$tmp/link.txt" ] && ok ||
	bad "symlink output: the link was not replaced by a file"
[ "$(cat "$tmp/target")" = precious ] && ok ||
	bad "symlink output: the link's target was written"
# A dangling link is replaced the same way, and nothing is created at
# the place it points to.
ln -s "$tmp/nowhere" "$tmp/dangling.txt"
anonymise -o "$tmp/dangling.txt" "$tmp/in.txt" 2>/dev/null &&
	[ ! -L "$tmp/dangling.txt" ] && [ ! -e "$tmp/nowhere" ] && ok ||
	bad "dangling symlink output: followed or not replaced"

# 4. A map other users can read is refused, before any output.
printf 'anon-map\t1\n' > "$tmp/case.map"
chmod 644 "$tmp/case.map"
anonymise --map "$tmp/case.map" -o "$tmp/map.out" "$tmp/in.txt" \
    2> "$tmp/map.err"
rc=$?
[ $rc = 2 ] && [ ! -e "$tmp/map.out" ] && ok ||
	bad "map readable by others: exit $rc or output written"
grep -q 'case.map.*\(group\|other\)' "$tmp/map.err" && ok ||
	bad "map readable by others: message: $(head -1 "$tmp/map.err")"
chmod 600 "$tmp/case.map"
anonymise --map "$tmp/case.map" -o "$tmp/map.out" "$tmp/in.txt" \
    2>/dev/null && ok || bad "map of mode 600 refused"

# 5. Determinism: every text and DOCX fixture run twice gives the same
# bytes (output, SARIF and map).
for f in fixtures/sample/report.txt fixtures/docx/*.docx; do
	case ${f##*/} in bad-*) continue ;; esac
	ext=${f##*.}
	for r in 1 2; do
		rm -f "$tmp/d.map"
		anonymise --case fixtures/sample/case.csv --map "$tmp/d.map" \
		    --sarif "$tmp/d$r.sarif" -o "$tmp/d$r.$ext" "$f" \
		    2>/dev/null
		echo $? > "$tmp/d$r.rc"
		cp "$tmp/d.map" "$tmp/d$r.map" 2>/dev/null || : > "$tmp/d$r.map"
	done
	if cmp -s "$tmp/d1.rc" "$tmp/d2.rc" &&
	    cmp -s "$tmp/d1.$ext" "$tmp/d2.$ext" &&
	    cmp -s "$tmp/d1.map" "$tmp/d2.map" &&
	    { [ "$ext" != txt ] || cmp -s "$tmp/d1.sarif" "$tmp/d2.sarif"; }; then
		ok
	else
		bad "determinism: two runs over $f differ"
	fi
	[ "$(cat "$tmp/d1.rc")" = 0 ] && ok || bad "determinism: $f: exit $(cat "$tmp/d1.rc")"
	rm -f "$tmp"/d1.* "$tmp"/d2.*
done

echo "hostile: $n checks, $fail failed"
[ $fail = 0 ]
