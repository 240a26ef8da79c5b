#!/bin/sh
# make eval-b: rebuild tests/corpus-b from its marked-up sources, run
# bin/anonymise over it with and without the case files, and print the
# scorer's figures.  No floors yet: this corpus is new wording, written to
# show what the rules miss (docs/corpus-b.md).
#   tools/eval-b.sh [--corpus DIR] [--per-doc] [--leaks]
#   --corpus DIR scores another hand-written corpus built the same way
#   (default tests/corpus-b; tests/corpus-c is `make eval-c`); outputs go to
#   $EVAL_OUT/NAME and NAME-nocase, NAME being the part of DIR's name after
#   "corpus-" (b for tests/corpus-b, so `make eval-b` is unchanged).
#   --leaks lists every missed or partial mention (with case files), then
#   every damaged keep span, missed flag and collision.
set -eu
shared=${ANON_SHARED:-../shared}
out=${EVAL_OUT:-out/eval}
corpus=tests/corpus-b
if [ "${1:-}" = --corpus ]; then
	[ $# -ge 2 ] || { echo "eval-b: --corpus needs a directory" >&2; exit 2; }
	corpus=${2%/}
	shift 2
fi
[ -d "$corpus/src" ] || { echo "eval-b: $corpus/src not found" >&2; exit 2; }
cname=$(basename "$corpus")
n=${cname#corpus-}
[ -x "$shared/eval/run-anonymise.sh" ] || { echo "eval-b: $shared/eval not found (set ANON_SHARED)" >&2; exit 2; }
python3 tools/markup-corpus.py -o "$corpus" >/dev/null
mkdir -p "$out"
echo "== $cname (with case files)"
"$shared/eval/run-anonymise.sh" . "$corpus" "$out/$n" > "$out/$n.txt"
cat "$out/$n.txt"
echo "== $cname without case files"
"$shared/eval/run-anonymise.sh" --no-case . "$corpus" "$out/$n-nocase" > "$out/$n-nocase.txt"
cat "$out/$n-nocase.txt"
for opt in "$@"; do
	case $opt in
	--per-doc)
		python3 "$shared/eval/score.py" --gold "$corpus" --out "$out/$n" \
		    --sarif-dir "$out/$n" --per-doc | sed -n '/^PER DOC/,$p' ;;
	--leaks)
		python3 - "$out/$n/score.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["details"]
print("== leaks (with case files)")
for l in d["leaks"]:
    print(f"{l['doc']}\t{l['type']}/{l.get('role') or l.get('subtype') or '-'}\t"
          f"{l['status']}\t{l['text']!r} -> {l['output']!r}")
print("== keep spans damaged")
for k in d["keep_damaged"]:
    print(f"{k['doc']}\t{k['why']}\t{k['text']!r} -> {k['output']!r}")
print("== flags missed")
for f in d["flag_missed"]:
    print(f"{f['doc']}\t{f['category']}\t{f.get('text', '')[:90]!r}")
print("== collisions")
for c in d["collisions"]:
    print(f"{c['doc']}\t{' / '.join(c['canonical'])}\tshared {c['shared']}")
PY
		;;
	*) echo "eval-b: unknown option $opt" >&2; exit 2 ;;
	esac
done
