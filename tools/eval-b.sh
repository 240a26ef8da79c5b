#!/bin/sh
# make eval-b: rebuild tests/corpus-b from its marked-up sources, run
# bin/anonymise over it with and without the case files, and print the
# scorer's figures.  No floors yet: this corpus is new wording, written to
# show what the rules miss (docs/corpus-b.md).
#   tools/eval-b.sh [--per-doc]
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
if [ "${1-}" = --per-doc ]; then
	python3 "$shared/eval/score.py" --gold tests/corpus-b --out "$out/b" --sarif-dir "$out/b" --per-doc | sed -n '/^PER DOC/,$p'
fi
