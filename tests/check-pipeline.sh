#!/bin/sh
# The chain's safety properties: a stage that dies mid-stream, truncated
# and corrupt streams, hostile bytes, empty input, byte-exact round trips,
# atomic output.  Each check prints what failed; the suite fails if any did.
set -u
top=$(pwd)
PATH=$top/bin:$PATH
tmp=$(mktemp -d) || exit 2
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# A large input, so that a stage is killed with output already sent on.
i=0
while [ $i -lt 4000 ]; do
	echo "Paragraph $i: the health visitor saw the family at home."
	i=$((i + 1))
done > "$tmp/big.txt"

# 1. Kill a stage mid-stream: the writer must exit 2 and leave nothing.
mkfifo "$tmp/f1" "$tmp/f2"
anon-write -o "$tmp/killed.txt" < "$tmp/f2" 2> "$tmp/killed.err" &
wpid=$!
anon-ids < "$tmp/f1" > "$tmp/f2" &
spid=$!
{ anon-read "$tmp/big.txt" | head -n 3000; sleep 30; } > "$tmp/f1" &
fpid=$!
# Wait until the writer has started its temporary file (data has flowed).
t=0
while [ $t -lt 100 ] && ! ls "$tmp"/killed.txt.tmp.* >/dev/null 2>&1; do
	sleep 0.1; t=$((t + 1))
done
sleep 0.3
kill -9 $spid
wait $wpid; rc=$?
kill $fpid 2>/dev/null
[ $rc = 2 ] && ok || bad "killed stage: writer exited $rc, not 2"
[ ! -e "$tmp/killed.txt" ] && ok || bad "killed stage: output file written"
ls "$tmp"/killed.txt.tmp.* >/dev/null 2>&1 && bad "killed stage: temporary file left" || ok
grep -q 'truncated stream' "$tmp/killed.err" && ok || bad "killed stage: no 'truncated stream' message"

# 2. A truncated stream into the writer.
anon-read "$tmp/big.txt" | head -c 50000 | anon-write -o "$tmp/trunc.txt" 2>/dev/null
rc=$?
[ $rc = 2 ] && [ ! -e "$tmp/trunc.txt" ] && ok || bad "truncated stream: rc $rc or output left"
# 3. Random bytes: exit 2, a message naming the first invalid byte (on whichever
# line the random data put it), no output.
# 3. Random bytes: exit 2, a message naming the first invalid byte, no output.
head -c 1000000 /dev/urandom > "$tmp/random"
anonymise - < "$tmp/random" > "$tmp/random.out" 2> "$tmp/random.err"
rc=$?
[ $rc = 2 ] && ok || bad "random bytes: exit $rc, not 2"
[ ! -s "$tmp/random.out" ] && ok || bad "random bytes: something was written"
grep -Eq 'anonymise: -:[0-9]+:[0-9]+: (invalid UTF-8 sequence \(byte 0x[0-9A-F]{2}|NUL byte)' "$tmp/random.err" &&
	ok || bad "random bytes: message does not name the byte: $(head -1 "$tmp/random.err")"

# 4. Empty input gives empty output.
: > "$tmp/empty.txt"
anonymise -o "$tmp/empty.out" "$tmp/empty.txt" && [ -f "$tmp/empty.out" ] &&
	[ ! -s "$tmp/empty.out" ] && ok || bad "empty input: output not empty"
anonymise - < /dev/null | cmp -s - /dev/null && ok || bad "empty stdin: output not empty"

# 5. CRLF, BOM, TAB, empty lines, no final newline: byte for byte.
printf '\357\273\277Title\r\n\tTabbed\tline\n\n\nlast line' > "$tmp/shape.txt"
anonymise -o "$tmp/shape.out" "$tmp/shape.txt" && cmp -s "$tmp/shape.txt" "$tmp/shape.out" &&
	ok || bad "text shapes not kept byte for byte"

# 6. read | write | read gives the same stream.
anon-read < "$tmp/shape.txt" > "$tmp/s1"
anon-write < "$tmp/s1" | anon-read > "$tmp/s2"
cmp -s "$tmp/s1" "$tmp/s2" && ok || bad "read|write|read changed the stream"

# 7. Never overwrite the input.
cp "$tmp/shape.txt" "$tmp/in.txt"
anonymise -o "$tmp/in.txt" "$tmp/in.txt" 2>/dev/null
rc=$?
[ $rc = 2 ] && cmp -s "$tmp/shape.txt" "$tmp/in.txt" && ok || bad "output over the input: rc $rc"

# 8. Unwritable destination and a full disk.
anonymise -o /nonexistent/dir/out.txt "$tmp/shape.txt" 2>/dev/null
[ $? = 2 ] && ok || bad "unwritable directory not refused"
if [ -w /dev/full ]; then
	anonymise "$tmp/big.txt" > /dev/full 2>/dev/null
	[ $? = 2 ] && ok || bad "/dev/full not reported"
fi

# 9. --check exit statuses: 0 clean, 2 error.
anonymise --check "$tmp/empty.txt" > /dev/null; rc=$?
[ $rc = 0 ] && ok || bad "--check on an empty file: exit $rc"
anonymise --check "$tmp/random" > /dev/null 2>&1; rc=$?
[ $rc = 2 ] && ok || bad "--check on bad input: exit $rc"

# 10. Same input, same output bytes.
anonymise "$tmp/big.txt" > "$tmp/d1"; anonymise "$tmp/big.txt" > "$tmp/d2"
cmp -s "$tmp/d1" "$tmp/d2" && ok || bad "two runs differ"

# 11. A bad case file: one message, as anonymise, naming the line; exit 2.
printf 'name,role\nA Person,aunt\n' > "$tmp/bad.csv"
anonymise --case "$tmp/bad.csv" -o "$tmp/bad.out" "$tmp/shape.txt" 2> "$tmp/bad.err"
rc=$?
[ $rc = 2 ] && [ ! -e "$tmp/bad.out" ] && ok || bad "bad case file: exit $rc or output written"
[ "$(cat "$tmp/bad.err")" = "anonymise: $tmp/bad.csv:2: unknown role 'aunt'" ] && ok ||
	bad "bad case file: messages: $(cat "$tmp/bad.err")"

# 12. Every program answers --help on standard output with status 0.
for p in "$top"/bin/anon-* "$top"/bin/anonymise; do
	out=$("$p" --help </dev/null 2>/dev/null); rc=$?
	case $out in "usage: ${p##*/} "*) [ $rc = 0 ] && ok || bad "${p##*/} --help: exit $rc" ;;
	*) bad "${p##*/} --help: no usage line" ;; esac
done

echo "pipeline: $n checks, $fail failed"
[ $fail = 0 ]
