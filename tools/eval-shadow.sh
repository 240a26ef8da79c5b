#!/bin/sh
# Score bin/anonymise on "shadows" of the dev corpus: the same reports with
# every gold person, address, postcode, place and institution replaced by
# names and places the dev corpus does not contain (tools/shadow-corpus.py).
# The gap between the dev figures and the shadow figures is what the rules
# owe to the dev names.
#   tools/eval-shadow.sh [SEED ...]        (default: seeds 1 2)
# Writes out/shadow/seed-N/{gold,case,nocase}/ (+ case.txt, nocase.txt, the
# scorer's tables) and, when out/shadow/dev{,-nocase}/score.json exist or can
# be made, compares each shadow leak with the same gold mention on dev.
# Environment: ANON_SHARED (default ../shared, then /work/shared),
# SHADOW_DEV=0 to skip the dev run used for the comparison.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${ANON_SHARED:-$root/../shared}
[ -d "$shared/corpus/dev" ] || shared=/work/shared
[ -d "$shared/corpus/dev" ] || { echo "eval-shadow: shared corpus not found (set ANON_SHARED)" >&2; exit 2; }
[ -x bin/anonymise ] || { echo "eval-shadow: bin/anonymise: not built (run make)" >&2; exit 2; }
run="$shared/eval/run-anonymise.sh"
[ $# -gt 0 ] || set -- 1 2
out=out/shadow
mkdir -p "$out"
if [ "${SHADOW_DEV:-1}" != 0 ]; then
	echo "== dev corpus (reference for the comparison)"
	bash "$run" --no-docx . "$shared/corpus/dev" "$out/dev" > "$out/dev.txt"
	bash "$run" --no-case --no-docx . "$shared/corpus/dev" "$out/dev-nocase" > "$out/dev-nocase.txt"
fi
for seed in "$@"; do
	d=$out/seed-$seed
	rm -rf "$d"
	echo "== shadow seed $seed"
	python3 tools/shadow-corpus.py --seed "$seed" "$shared/corpus/dev" "$d/gold"
	bash "$run" --no-docx . "$d/gold" "$d/case" > "$d/case.txt"
	bash "$run" --no-case --no-docx . "$d/gold" "$d/nocase" > "$d/nocase.txt"
	echo "-- with case files"
	sed -n '/^MENTIONS/,/^  ALL/p;/^ENTITIES/,/^$/p;/^Precision/p;/^Consistency/p' "$d/case.txt"
	echo "-- without case files"
	sed -n '/^MENTIONS/,/^  ALL/p;/^Precision/p;/^Consistency/p' "$d/nocase.txt"
done
args=
for seed in "$@"; do
	args="$args seed-$seed=$out/seed-$seed"
done
python3 tools/shadow/compare.py --dev "$out/dev" --dev-nocase "$out/dev-nocase" \
	--gold "$shared/corpus/dev" $args
# Hold the figures to their floors (tests/shadow-floors.tsv; SHADOW_RAISE=1
# moves them up to today's figures).
floors=
for seed in "$@"; do
	floors="$floors s${seed}c=$out/seed-$seed/case/score.json s${seed}n=$out/seed-$seed/nocase/score.json"
done
# shellcheck disable=SC2086
python3 tools/ratchet.py ${SHADOW_RAISE:+--raise} tests/shadow-floors.tsv $floors
