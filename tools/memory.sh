#!/bin/sh
# make check-memory: peak resident memory of every stage of the chain over
# a large plain-text input (default 200 MB), stage by stage (GNU time's
# %M, in KB).  The text is made here: numbered paragraphs that each name a
# different address and reference, so that the distinct mentions anon-pseudo
# must remember grow with the input, and the same people throughout.
#
#   sh tools/memory.sh [MB [LIMIT_KB [streets]]]
#
# Fails (exit 1) when the chain fails or loses a line, or when a stage's
# peak exceeds LIMIT_KB (default 65536: every stage is bounded, anon-pseudo
# by the distinct mentions, here ~5,000 addresses).  With "streets", every
# paragraph names a street of its own (a made-up name), so that the
# distinct addresses and entities grow with the input: what a distinct
# mention costs anon-pseudo.
set -u
mb=${1:-200}
limit=${2:-65536}
streets=$([ "${3:-}" = streets ] && echo 1 || echo 0)
top=$(pwd)
PATH=$top/bin:$PATH
T=/usr/bin/time
[ -x $T ] || { echo "memory.sh: needs GNU time at $T" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

awk -v mb="$mb" -v streets="$streets" '
function street(k,	s) {
	if (!streets)
		return "Elm";
	s = "";
	do {
		s = s substr("bcdfghklmnprstvw", k % 16 + 1, 1) \
		    substr("aeiou", int(k / 16) % 5 + 1, 1);
		k = int(k / 80);
	} while (k > 0);
	return toupper(substr(s, 1, 1)) substr(s, 2) "ton";
}
BEGIN {
	n = 0; size = 0; lim = mb * 1024 * 1024;
	while (size < lim) {
		n++;
		line = sprintf("%d. On %d May 2019 the health visitor Ms Okafor " \
		    "saw Kayden Smith at %d %s Road, Westmoor, about case " \
		    "reference CR-%06d; his mother said that the school " \
		    "had been told and that the family would move.",
		    n, n % 28 + 1, streets ? n % 90 + 1 : n % 5000 + 1,
		    street(n), n);
		print line;
		size += length(line) + 1;
	}
}' > "$tmp/in.txt"
bytes=$(wc -c < "$tmp/in.txt")
lines=$(wc -l < "$tmp/in.txt")

start=$(date +%s.%N)
$T -o "$tmp/m.read" -f %M anon-read "$tmp/in.txt" |
$T -o "$tmp/m.ids" -f %M anon-ids |
$T -o "$tmp/m.dates" -f %M anon-dates |
$T -o "$tmp/m.places" -f %M anon-places |
$T -o "$tmp/m.names" -f %M anon-names |
$T -o "$tmp/m.pseudo" -f %M anon-pseudo |
$T -o "$tmp/m.flag" -f %M anon-flag |
$T -o "$tmp/m.write" -f %M anon-write -o "$tmp/out.txt"
rc=$?
end=$(date +%s.%N)
[ $rc = 0 ] || { echo "memory.sh: the chain failed (exit $rc)" >&2; exit 1; }
out=$(wc -l < "$tmp/out.txt")
[ "$out" = "$lines" ] || { echo "memory.sh: $lines lines in, $out out" >&2; exit 1; }

printf 'input: %d bytes, %d paragraphs; chain: %.1f s\n' "$bytes" "$lines" \
    "$(echo "$end - $start" | bc)"
printf '%-12s %10s\n' stage 'peak RSS (KB)'
over=0
for s in read ids dates places names pseudo flag write; do
	kb=$(tail -1 "$tmp/m.$s")
	printf '%-12s %10s\n' "anon-$s" "$kb"
	[ "$kb" -le "$limit" ] || over=1
done
[ $over = 0 ] || { echo "memory.sh: a stage went over $limit KB" >&2; exit 1; }
