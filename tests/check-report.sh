#!/bin/sh
# The reviewer's report (anonymise --report, anon-report): mode 0600, the
# CONFIDENTIAL banner, nothing written from a failed chain, no network, and
# the page as a real browser renders it: headless Chromium from Debian's
# packages loads it, the rendered DOM must show every highlight, the rows
# of the pseudonym table and the flags, and a screenshot is kept in
# out/check-report/.
set -u
top=$(pwd)
PATH=$top/bin:$PATH
out=$top/out/check-report
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL: $*" >&2; }
rm -rf "$out"
mkdir -p "$out"
fx=$top/fixtures/anon-report

# 1. Through the chain: --report beside the document, mode 0600 whatever
#    the umask, the same document as without --report.
(umask 022 && anonymise --report "$tmp/r.html" -o "$tmp/doc.txt" fixtures/sample/report.txt)
rc=$?
[ $rc = 0 ] && ok || bad "anonymise --report exited $rc"
[ "$(stat -c %a "$tmp/r.html" 2>/dev/null)" = 600 ] && ok ||
    bad "report mode $(stat -c %a "$tmp/r.html" 2>/dev/null), not 600"
anonymise -o "$tmp/doc2.txt" fixtures/sample/report.txt
cmp -s "$tmp/doc.txt" "$tmp/doc2.txt" && ok || bad "--report changed the document"
grep -q '<div class="confidential" id="confidential">CONFIDENTIAL' "$tmp/r.html" &&
    ok || bad "no CONFIDENTIAL banner"
[ "$(grep -c '^<p id="t' "$tmp/r.html")" = "$(grep -c . fixtures/sample/report.txt)" ] &&
    ok || bad "report does not show every non-empty line"

# 2. A stage that fails: no report, no document, exit 2.
printf 'Okafor \377\n' > "$tmp/bad.txt"
anonymise --report "$tmp/bad.html" -o "$tmp/bad.out" "$tmp/bad.txt" 2>/dev/null
rc=$?
[ $rc = 2 ] && [ ! -e "$tmp/bad.html" ] && [ ! -e "$tmp/bad.out" ] && ok ||
    bad "failed chain: exit $rc or a file was written"
ls "$tmp"/bad.html.* >/dev/null 2>&1 && bad "temporary report left behind" || ok

# 3. Self-contained: no scripts, nothing fetched, a CSP that forbids it.
anon-report -o "$out/report.html" "$fx/basic.in" || bad "anon-report failed"
grep -Eiq '<script|<link|<img|<iframe|src=|url\(|@import' "$out/report.html" &&
    bad "report refers to something outside itself" || ok
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$out/report.html" &&
    ok || bad "no Content-Security-Policy"

# 4. In the browser.
chromium=$(command -v chromium || command -v chromium-browser)
if [ -z "$chromium" ]; then
	bad "chromium is not installed (tools/deps.txt lists it; make deps)"
else
	set -- --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$tmp/profile"
	"$chromium" "$@" --dump-dom "file://$out/report.html" \
	    > "$out/dom.html" 2> "$out/chromium.log"
	[ $? = 0 ] && [ -s "$out/dom.html" ] && ok ||
	    bad "chromium --dump-dom failed: $(tail -2 "$out/chromium.log")"
	"$chromium" "$@" --window-size=1000,1400 \
	    --screenshot="$out/report.png" "file://$out/report.html" \
	    >> "$out/chromium.log" 2>&1
	[ -s "$out/report.png" ] && [ "$(head -c 4 "$out/report.png" | tail -c 3)" = PNG ] &&
	    ok || bad "no screenshot"
	# What the browser built from the page, one element a line.
	sed 's/></>\n</g' "$out/dom.html" > "$tmp/dom"
	cnt() { grep -o "$1" "$tmp/dom" | wc -l | tr -d " "; }
	# Every replace record is a highlight with its type and original.
	[ "$(cnt '<mark class="r t-')" = "$(grep -c '^replace' "$fx/basic.in")" ] && ok ||
	    bad "highlights: $(cnt '<mark class="r t-')"
	grep -q '<mark class="r t-person" data-type="person" data-entity="P1" data-original="Zebedee Quill" title="Zebedee Quill">Child F1</mark>' "$tmp/dom" &&
	    ok || bad "person highlight with its original"
	grep -q '<mark class="r t-address" [^>]*data-original="23 Linden Grove"[^>]*>Address 1</mark>' "$tmp/dom" &&
	    ok || bad "address highlight"
	grep -q '<mark class="r t-identifier" [^>]*>\[NHS number\]</mark>' "$tmp/dom" &&
	    ok || bad "identifier highlight"
	[ "$(cnt '<span class="unreplaced t-place"')" = 1 ] && ok || bad "unreplaced mention"
	# The text escaped as text, not parsed as markup.
	grep -q '&lt;<span class="unreplaced t-place"' "$tmp/dom" && ok || bad "escaping of <"
	# Pseudonym table: one row per entity record.
	[ "$(cnt '<tr class="entity"')" = "$(grep -c '^entity' "$fx/basic.in")" ] && ok ||
	    bad "pseudonym rows: $(cnt '<tr class="entity"')"
	grep -q '<td>Mother</td>' "$tmp/dom" && grep -q '<td>Ms Okafor</td>' "$tmp/dom" &&
	    ok || bad "who is Mother"
	# Flags, each with its reason, and their marks in the document.
	[ "$(cnt '<li class="flag ')" = "$(grep -c '^flag' "$fx/basic.in")" ] && ok ||
	    bad "flags: $(cnt '<li class="flag ')"
	grep -q 'health of a named parent &lt;b&gt;' "$tmp/dom" && ok || bad "flag reason"
	[ "$(cnt '<p id="t[0-9]*" class="flagged"')" = 2 ] && ok || bad "flagged paragraphs"
	grep -q '<td class="n" id="total-replacements">7</td>' "$tmp/dom" && ok ||
	    bad "count of replacements"
	# The banner is the first thing in the body.
	grep -A1 '^<body>' "$tmp/dom" | grep -q 'class="confidential"' && ok ||
	    bad "CONFIDENTIAL is not at the top"
fi

echo "report: $n checks, $fail failed"
[ $fail = 0 ]
