#!/bin/sh
# Check mode for CI (anonymise --check).
#
# 1. Golden cases in fixtures/anonymise-check/: CASE.cmd is run there with
#    CASE.in (if any) on standard input; standard output, standard error
#    and the exit status must equal CASE.out, CASE.err (empty if absent)
#    and CASE.rc (0 if absent).  They run a chain whose only detector is
#    fixtures/anonymise-check/detect.awk, so that they test the plumbing
#    (formats, exit statuses, accept file, -j) and stay put when the real
#    detectors change.  `sh tests/check-ci.sh --regen` rewrites the
#    expected files of the cases that differ (read the diff first).
# 2. Properties: -j N gives the same bytes as -j 1 over many inputs; the
#    progress line appears on a terminal only.
# 3. SARIF through a real validator (@microsoft/sarif-multitool), for the
#    real chain over the dev corpus and for streams made from its gold.
set -u
regen=0
[ "${1-}" = --regen ] && regen=1
top=$(pwd)
fx=$top/fixtures/anonymise-check
PATH=$top/bin:$PATH
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# The stand-in chain: the real programs, anon-read followed by the awk
# detector, every other detector stage a no-op.
mkdir "$tmp/bin"
for p in "$top"/bin/anon-*; do
	name=${p##*/}
	case $name in
	anon-read)
		printf '#!/bin/sh\n"%s" "$@" | LC_ALL=C awk -v names="%s" -f "%s"\n' \
		    "$p" "$fx/names" "$fx/detect.awk" > "$tmp/bin/$name" ;;
	anon-write|anon-pseudo|anon-report)
		cp "$p" "$tmp/bin/$name" ;;
	*)
		printf '#!/bin/sh\nexec cat\n' > "$tmp/bin/$name" ;;
	esac
	chmod 755 "$tmp/bin/$name"
done
cp "$top/bin/anonymise" "$tmp/bin/anonymise"

for cmd in "$fx"/*.cmd; do
	[ -f "$cmd" ] || continue
	base=${cmd%.cmd}
	in=/dev/null
	[ -f "$base.in" ] && in=$base.in
	(cd "$fx" && PATH=$tmp/bin:$PATH LC_ALL=C sh "$cmd") < "$in" \
	    > "$tmp/out" 2> "$tmp/err"
	echo $? > "$tmp/rc"
	good=1
	for k in out err rc; do
		want=$base.$k
		if [ ! -f "$want" ]; then
			case $k in rc) echo 0 ;; *) : ;; esac > "$tmp/want"
			want=$tmp/want
		fi
		diff -u "$want" "$tmp/$k" > "$tmp/diff" || {
			good=0
			cat "$tmp/diff" >&2
			if [ $regen = 1 ]; then
				if [ "$k" = err ] && [ ! -s "$tmp/$k" ]; then
					rm -f "$base.$k"
				elif [ "$k" = rc ] && [ "$(cat "$tmp/rc")" = 0 ]; then
					rm -f "$base.$k"
				else
					cp "$tmp/$k" "$base.$k"
				fi
			fi
		}
	done
	[ $good = 1 ] && ok || bad "golden ${base#"$top"/}"
done

# -j: 40 inputs, some with findings, one unreadable; any N gives the bytes
# of -j 1 on both outputs and the same exit status.
mkdir -p "$tmp/many/a" "$tmp/many/b"
i=0
while [ $i -lt 40 ]; do
	case $((i % 4)) in
	0) cp "$fx/reports/draft.txt" "$tmp/many/a/r$i.txt" ;;
	1) cp "$fx/reports/clean.txt" "$tmp/many/b/r$i.txt" ;;
	2) printf 'Seen by Okafor on visit %d.\n' $i > "$tmp/many/a/r$i.txt" ;;
	3) printf 'Visit %d, nothing to report.\n' $i > "$tmp/many/b/r$i.txt" ;;
	esac
	i=$((i + 1))
done
printf 'bad \377 byte\n' > "$tmp/many/b/r7.txt"
for j in 1 3 8 64; do
	(cd "$tmp" && PATH=$tmp/bin:$PATH anonymise --check -j $j many) \
	    > "$tmp/j$j.out" 2> "$tmp/j$j.err"
	echo $? > "$tmp/j$j.rc"
done
for j in 3 8 64; do
	cmp -s "$tmp/j1.out" "$tmp/j$j.out" && cmp -s "$tmp/j1.err" "$tmp/j$j.err" &&
	    cmp -s "$tmp/j1.rc" "$tmp/j$j.rc" && ok ||
	    bad "-j $j differs from -j 1"
done
[ "$(cat "$tmp/j1.rc")" = 2 ] && [ "$(grep -c 'Okafor' "$tmp/j1.out")" = 30 ] &&
    [ "$(grep -c '^anon-read: many/b/r7.txt:1:5: invalid UTF-8' "$tmp/j1.err")" = 1 ] &&
    ok || bad "-j: wrong status, findings or messages: $(cat "$tmp/j1.rc") $(head -2 "$tmp/j1.err")"

# Progress: on a terminal with several inputs, never otherwise.
if command -v script >/dev/null 2>&1; then
	(cd "$tmp" && PATH=$tmp/bin:$PATH script -qec \
	    "anonymise --check -j 2 many/a >/dev/null" /dev/null) > "$tmp/tty" 2>&1
	grep -q 'anonymise: checking 20/20 many/a/' "$tmp/tty" && ok ||
	    bad "no progress line on a terminal: $(head -c 200 "$tmp/tty")"
	grep -q 'checking' "$tmp/j1.err" && bad "progress line without a terminal" || ok
else
	echo "check-ci: script(1) absent, progress line not tested" >&2
fi

# SARIF through @microsoft/sarif-multitool, with the SARIF and the GitHub
# ingestion rules.  Installed once into build/ (npm is needed; the test is
# skipped with a message without it).  The dev corpus runs through the real
# chain (the .docx too once anon-read reads them) and, so that the SARIF
# has many results before the detectors exist, as streams made from its
# gold mentions and flags.  The validator takes seconds per file, so each
# kind goes into one SARIF file with many inputs.
corpus=${ANON_CORPUS:-/work/shared/corpus/dev}
mt_version=5.7.0
mt_dir=$top/build/sarif-multitool-$mt_version
if ! command -v npm >/dev/null 2>&1; then
	echo "check-ci: SKIPPED the SARIF validation: npm is not installed" >&2
elif [ ! -d "$corpus" ]; then
	echo "check-ci: SKIPPED the SARIF validation: no corpus at $corpus" >&2
else
	if [ ! -x "$mt_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
		mkdir -p "$mt_dir"
		npm install --no-audit --no-fund --silent --prefix "$mt_dir" \
		    "@microsoft/sarif-multitool@$mt_version" > "$tmp/npm.log" 2>&1 ||
		    { cat "$tmp/npm.log" >&2; bad "npm install @microsoft/sarif-multitool"; }
		# npm may leave the postinstall chmod undone.
		chmod u+x "$mt_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" 2>/dev/null
	fi
	mt=$mt_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
	mkdir "$tmp/sarif"
	cdir=$(dirname "$corpus") cname=$(basename "$corpus")
	# Which inputs the chain can read today.
	inputs=$(cd "$cdir" && for f in "$cname"/*.txt "$cname"/*.docx; do
		[ -f "$f" ] && anon-read "$f" > /dev/null 2>&1 && echo "$f"; done)
	ninputs=$(echo "$inputs" | wc -l)
	# One run over all of them, relative to the corpus's parent ...
	# shellcheck disable=SC2086
	(cd "$cdir" && anonymise --check --format sarif -j 8 $inputs) > "$tmp/sarif/all.sarif"
	rc=$?
	[ $rc -le 1 ] && ok || bad "check of the corpus exited $rc"
	[ "$(grep -c '"uri": "'"$cname"'/dev-[0-9]*\.\(txt\|docx\)"}, "roles"' "$tmp/sarif/all.sarif")" = "$ninputs" ] &&
	    ok || bad "SARIF artifacts are not the $ninputs relative paths"
	cat > "$tmp/gold2stream.py" <<'PY'
import bisect, glob, json, os, sys
# Usage: gold2stream.py CORPUS NAME OUTDIR: for each CORPUS/ID.txt with its
# ID.gold.json, OUTDIR/ID.stream holds the text with the gold mentions and
# flags (byte offsets per line), meta source NAME/ID.txt; prints the paths.
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
def stream(txt, gold, source):
    lines, starts, pos = txt.split("\n"), [], 0
    for l in lines:
        starts.append(pos)
        pos += len(l) + 1
    notes = {}
    def where(a, b):
        i = bisect.bisect_right(starts, a) - 1
        if b > starts[i] + len(lines[i]):
            return None
        l = lines[i]
        return i, len(l[:a - starts[i]].encode()), len(l[:b - starts[i]].encode())
    for m in gold.get("mentions", []):
        w = where(m["start"], m["end"])
        if w:
            notes.setdefault(w[0], []).append(["mention", None, str(w[1]), str(w[2]),
                m["type"], m.get("subtype", ""), "gold", "100", "", "", m["text"]])
    for f in gold.get("flags", []):
        w = where(f["start"], f["end"])
        if w:
            notes.setdefault(w[0], []).append(["flag", None, str(w[1]), str(w[2]),
                f["category"], "warning", "gold flag"])
    out, n = ["anon-stream\t1", "meta\tsource\t" + esc(source), "meta\tformat\ttext"], 2
    for i, l in enumerate(lines):
        if i == len(lines) - 1 and l == "":
            break
        out.append("\t".join(["text", str(i + 1), "L%d" % (i + 1),
            "lf" if i < len(lines) - 1 else "", esc(l)]))
        n += 1
        for r in notes.get(i, []):
            r[1] = str(i + 1)
            out.append("\t".join(esc(x) for x in r))
            n += 1
    out.append("end\t%d" % n)
    return "\n".join(out) + "\n"
corpus, name, outdir = sys.argv[1:4]
for t in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
    id = os.path.basename(t)[:-4]
    g = os.path.join(corpus, id + ".gold.json")
    if not os.path.exists(g):
        continue
    p = os.path.join(outdir, id + ".stream")
    with open(p, "w", encoding="utf-8") as f:
        f.write(stream(open(t, encoding="utf-8").read(), json.load(open(g, encoding="utf-8")),
            name + "/" + id + ".txt"))
    print(p)
PY
	# ... and all the gold streams, into one SARIF too.
	mkdir "$tmp/gold"
	python3 "$tmp/gold2stream.py" "$corpus" "$cname" "$tmp/gold" > "$tmp/gold.list" ||
	    bad "gold2stream.py"
	# shellcheck disable=SC2046
	set -- $(cat "$tmp/gold.list")
	ngold=$#
	(cd "$cdir" && anon-write --check --format sarif "$@") > "$tmp/sarif/gold.sarif"
	[ $? = 1 ] && [ $ngold -gt 0 ] && ok || bad "gold streams: no findings or an error"
	# The golden SARIF with several inputs and with suppressions.
	cp "$fx/sarif.out" "$tmp/sarif/fixture.sarif"
	cp "$fx/acceptsarif.out" "$tmp/sarif/accepted.sarif"
	nsarif=$(ls "$tmp/sarif" | wc -l)
	"$mt" validate --rule-kind "Sarif;Gh" -o "$tmp/validation.sarif" \
	    "$tmp"/sarif/*.sarif > "$tmp/validate.log" 2>&1
	rc=$?
	python3 - "$tmp/validation.sarif" "$nsarif" > "$tmp/verdict" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
res = [r for run in d["runs"] for r in run.get("results", [])]
bad = [r for r in res if r.get("level", "warning") in ("error", "warning")]
for r in bad[:20]:
    print(r.get("level", "warning"), r["ruleId"], r["message"].get("arguments"))
print("%d problems in %s files" % (len(bad), sys.argv[2]))
sys.exit(1 if bad else 0)
PY
	if [ $rc = 0 ] && [ $? = 0 ]; then
		ok
		echo "check-ci: $nsarif SARIF files valid (all $ninputs reports, $ngold gold streams)" >&2
	else
		bad "sarif-multitool validate (exit $rc): $(cat "$tmp/verdict") $(tail -5 "$tmp/validate.log")"
	fi
fi

echo "ci: $n checks, $fail failed"
[ $fail = 0 ]
