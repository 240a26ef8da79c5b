#!/bin/sh
# check-docx.sh — DOCX in, DOCX out: the suite make check runs (fast).
#
# The committed fixtures (tools/make-docx-fixtures.py) through
# anon-read | anon-write: every hostile one refused with exit 2, a message
# and no output file; the large hostile ones (zip bomb, 100,000 entries)
# generated into a temporary directory; output to a symlink and to an
# unwritable directory refused; the same input gives the same bytes; and a
# representative subset of the benches through tests/docx-all.sh (which
# opens every output in LibreOffice) when the benches and soffice exist.
set -u
LC_ALL=C
export LC_ALL
top=$(pwd)
PATH=$top/bin:$PATH
export PATH
tmp=$(mktemp -d) || exit 2
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0 n=0

ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=1; echo "check-docx: FAIL: $*" >&2; }

# refuse FILE WANT [anon-read options]: exit 2, message with WANT, no output.
refuse() {
	f=$1 want=$2
	shift 2
	anon-read "$@" "$f" 2>"$tmp/err" | anon-write -o "$tmp/out.docx" \
	    2>/dev/null
	rc=$?
	if [ $rc != 2 ]; then
		bad "$f: status $rc, want 2"
	elif ! grep -q "$want" "$tmp/err"; then
		bad "$f: message '$(cat "$tmp/err")' lacks '$want'"
	elif ls "$tmp"/out.docx* >/dev/null 2>&1; then
		bad "$f: output left behind"
	else
		ok
	fi
	rm -f "$tmp"/out.docx*
}

fx=fixtures/docx
refuse $fx/bad-xxe.docx "document type declaration"
refuse $fx/bad-laughs.docx "does not parse"
refuse $fx/bad-deep.docx "nested deeper"
refuse $fx/bad-notwellformed.docx "does not parse"
refuse $fx/bad-ole.docx "cannot scan word/embeddings/oleObject1.bin"
refuse $fx/bad-nomain.docx "no main document part"
refuse $fx/bad-truncated.docx "not a readable zip"
refuse $fx/bad-doc.docx "OLE compound file"
refuse $fx/bad-pdf.docx "a PDF file"
refuse $fx/bad-unicode-path.docx "Unicode path field"

if python3 tools/make-docx-fixtures.py --hostile "$tmp/h" 2>"$tmp/err"; then
	refuse "$tmp/h/bomb.docx" "compression ratio"
	refuse "$tmp/h/entries.docx" "too many zip entries"
else
	bad "cannot generate the hostile fixtures: $(cat "$tmp/err")"
fi

# Every place of the features fixture reaches the stream and is written.
for f in features strict renamed-main; do
	anon-read $fx/$f.docx >"$tmp/s" 2>"$tmp/err" || { bad "$f: read"; continue; }
	for m in ALPHA01 ROWDEL04 FOXTROT07 GOLF08 hotel09 INDIA10 JULIET11 \
	    LIMA13 MIKE14 NOVEMBER15 OSCAR16 PAPA17 QUEBEC18 ROMEO19 SIERRA20 \
	    TANGO21 VICTOR23 WHISKEY24 XRAY25 YANKEE26 ZULU27; do
		grep -q "$m" "$tmp/s" || bad "$f: $m not read"
	done
	ok
	anon-write -o "$tmp/$f.docx" <"$tmp/s" 2>"$tmp/err" ||
	    { bad "$f: write: $(cat "$tmp/err")"; continue; }
	anon-write -o "$tmp/$f-2.docx" <"$tmp/s" 2>"$tmp/err" &&
	    cmp -s "$tmp/$f.docx" "$tmp/$f-2.docx" && ok ||
	    bad "$f: two runs differ"
	anon-write --review -o "$tmp/$f-r.docx" <"$tmp/s" 2>"$tmp/err" && ok ||
	    bad "$f: review: $(cat "$tmp/err")"
done

# The stream must come from the source it names, whole.
anon-read $fx/features.docx | sed 's/Kayden/Jayden/' |
    anon-write -o "$tmp/x.docx" 2>"$tmp/err"
[ $? = 2 ] && grep -q "does not match" "$tmp/err" && [ ! -e "$tmp/x.docx" ] &&
    ok || bad "changed text accepted"
anon-read $fx/features.docx | head -n 5 | anon-write -o "$tmp/x.docx" \
    2>"$tmp/err"
[ $? = 2 ] && [ ! -e "$tmp/x.docx" ] && ok || bad "truncated stream accepted"

# Outputs: a symlink, an unwritable directory, /dev/full.
ln -s "$tmp/target" "$tmp/link.docx"
anon-read $fx/features.docx | anon-write -o "$tmp/link.docx" 2>"$tmp/err"
[ $? = 2 ] && [ ! -e "$tmp/target" ] && ok || bad "wrote through a symlink"
mkdir "$tmp/ro" && chmod a-w "$tmp/ro"
if [ ! -w "$tmp/ro" ]; then
	anon-read $fx/features.docx | anon-write -o "$tmp/ro/x.docx" \
	    2>"$tmp/err"
	[ $? = 2 ] && [ -s "$tmp/err" ] && ok || bad "unwritable directory"
fi

# A representative subset of the benches, opened in LibreOffice.
if command -v soffice >/dev/null 2>&1 && sh tests/docx-all.sh -n 40 \
    >"$tmp/all" 2>&1; then
	ok
	tail -n 1 "$tmp/all"
elif ! command -v soffice >/dev/null 2>&1; then
	echo "check-docx: soffice not installed: bench subset skipped" >&2
elif grep -q "no bench directory" "$tmp/all"; then
	echo "check-docx: no benches: subset skipped" >&2
else
	cat "$tmp/all" >&2
	bad "bench subset (tests/docx-all.sh -n 40)"
fi

echo "check-docx: $n checks, $([ $fail = 0 ] && echo passed || echo FAILED)"
exit $fail
