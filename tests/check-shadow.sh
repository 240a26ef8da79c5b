#!/bin/sh
# tools/shadow-corpus.py: a shadow of two dev reports must keep every gold
# span aligned with its text (the scorer's "gold warnings" must be zero),
# leave keep spans as they were, replace every name, rewrite the case file
# to match, and be byte-for-byte the same for the same seed.
set -u
top=$(pwd)
shared=${ANON_SHARED:-$top/../shared}
[ -d "$shared/corpus/dev" ] || shared=/work/shared
if [ ! -d "$shared/corpus/dev" ]; then
	echo "shadow: skipped (no shared corpus; set ANON_SHARED)"
	exit 0
fi
dev=$shared/corpus/dev
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL: $*" >&2; }

docs=dev-001,dev-007
python3 tools/shadow-corpus.py -q --seed 7 --docs $docs "$dev" "$tmp/a" 2> "$tmp/err" &&
    ok || bad "shadow-corpus failed: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] && ok || bad "diagnostics: $(head -3 "$tmp/err")"
python3 tools/shadow-corpus.py -q --seed 7 --docs $docs "$dev" "$tmp/b" 2>/dev/null
python3 tools/shadow-corpus.py -q --seed 8 --docs $docs "$dev" "$tmp/c" 2>/dev/null
for f in dev-001.txt dev-001.gold.json dev-001.case.csv dev-007.txt; do
	cmp -s "$tmp/a/$f" "$tmp/b/$f" && ok || bad "$f differs between two runs, seed 7"
done
cmp -s "$tmp/a/dev-001.txt" "$tmp/c/dev-001.txt" && bad "seeds 7 and 8 give the same text" || ok
[ ! -e "$tmp/a/dev-001.docx" ] && ok || bad "a DOCX was copied"

# Independent checks of the output against the input gold.
python3 - "$dev" "$tmp/a" dev-001 dev-007 > "$tmp/py" 2>&1 <<'PY'
import csv, json, re, sys
src, out, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
bad = 0
def fail(msg):
    global bad
    bad += 1
    print("FAIL:", msg)
for d in docs:
    og = json.load(open("%s/%s.gold.json" % (src, d), encoding="utf-8"))
    ng = json.load(open("%s/%s.gold.json" % (out, d), encoding="utf-8"))
    txt = open("%s/%s.txt" % (out, d), encoding="utf-8", newline="").read()
    if len(ng["mentions"]) != len(og["mentions"]):
        fail("%s: mention count" % d)
    for kind in ("mentions", "flags", "keep"):
        for sp in ng[kind]:
            if txt[sp["start"]:sp["end"]] != sp["text"]:
                fail("%s: %s %d-%d: offsets do not match text" % (
                    d, kind, sp["start"], sp["end"]))
    if [k["text"] for k in og["keep"]] != [k["text"] for k in ng["keep"]]:
        fail("%s: keep spans changed" % d)
    if txt.count("\n") != open("%s/%s.txt" % (src, d),
                               encoding="utf-8").read().count("\n"):
        fail("%s: paragraph count changed" % d)
    # no old name part (4+ letters) left in any new name mention
    old = set()
    for e in og["entities"]:
        if e["type"] == "person":
            old |= {w.lower() for w in re.findall(r"\w{4,}", e["canonical"])}
    for m in ng["mentions"]:
        if m["type"] == "person":
            for w in re.findall(r"\w{4,}", m["text"]):
                if w.lower() in old:
                    fail("%s: old name %r left in %r" % (d, w, m["text"]))
    # dev names must not be reused: the new text lacks every old canonical
    for e in og["entities"]:
        if e["type"] in ("person", "address", "institution") and \
                len(e["canonical"]) > 5 and e["canonical"] in txt:
            fail("%s: %r still in the text" % (d, e["canonical"]))
    # the case file names the new people
    names = {e["canonical"] for e in ng["entities"] if e["type"] == "person"}
    rows = list(csv.DictReader(open("%s/%s.case.csv" % (out, d),
                                    encoding="utf-8", newline="")))
    orows = list(csv.DictReader(open("%s/%s.case.csv" % (src, d),
                                     encoding="utf-8", newline="")))
    if len(rows) != len(orows):
        fail("%s: case rows" % d)
    for r, o in zip(rows, orows):
        if r["name"] not in names:
            fail("%s: case name %r is no gold person" % (d, r["name"]))
        if r["dob"] != o["dob"] or r["role"] != o["role"]:
            fail("%s: case dob/role changed" % d)
        if o["postcode"] and r["postcode"] == o["postcode"]:
            fail("%s: case postcode kept" % d)
        if r["postcode"] and not re.fullmatch(
                r"[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][ABD-HJLNP-UW-Z]{2}",
                r["postcode"]):
            fail("%s: bad postcode %r" % (d, r["postcode"]))
print("bad", bad)
PY
grep -q '^bad 0$' "$tmp/py" && ok || bad "$(grep FAIL "$tmp/py" | head -5)"

# The scorer sees no gold warning (identity output: the text itself).
if [ -f "$shared/eval/score.py" ]; then
	mkdir "$tmp/id"
	cp "$tmp/a"/*.txt "$tmp/id/"
	python3 "$shared/eval/score.py" --gold "$tmp/a" --out "$tmp/id" \
	    --json "$tmp/score.json" > /dev/null 2>&1
	python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(1 if s["warnings"] else 0)' \
	    "$tmp/score.json" && ok || bad "scorer gold warnings"
fi

echo "shadow: $n checks, $fail failed"
[ $fail = 0 ]
