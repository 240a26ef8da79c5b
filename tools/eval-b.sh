#!/bin/sh
# make eval-b: rebuild tests/corpus-b from its marked-up sources, run
# bin/anonymise over it with and without the case files, and print the
# scorer's figures.  No floors yet: this corpus is new wording, written to
# show what the rules miss (docs/corpus-b.md).
#   tools/eval-b.sh [--per-doc] [--leaks]
#   --leaks lists every missed or partial mention (with case files), then
#   every damaged keep span, missed flag and collision.
set -eu
shared=${ANON_SHARED:-../shared}
out=${EVAL_OUT:-out/eval}
[ -x "$shared/eval/run-anonymise.sh" ] || { echo "eval-b: $shared/eval not found (set ANON_SHARED)" >&2; exit 2; }
python3 tools/markup-corpus.py -o tests/corpus-b >/dev/null
mkdir -p "$out"
echo "== corpus-b (with case files)"
"$shared/eval/run-anonymise.sh" . tests/corpus-b "$out/b" > "$out/b.txt"
cat "$out/b.txt"
echo "== corpus-b without case files"
"$shared/eval/run-anonymise.sh" --no-case . tests/corpus-b "$out/b-nocase" > "$out/b-nocase.txt"
cat "$out/b-nocase.txt"
for opt in "$@"; do
	case $opt in
	--per-doc)
		python3 "$shared/eval/score.py" --gold tests/corpus-b --out "$out/b" \
		    --sarif-dir "$out/b" --per-doc | sed -n '/^PER DOC/,$p' ;;
	--leaks)
		python3 - "$out/b/score.json" <<'PY'
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
