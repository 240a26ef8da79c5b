#!/bin/sh
# docx-all.sh — every DOCX of the benches through the reader and writer,
# checked with LibreOffice (make check-docx-all; docs/docx.md).
#
#   sh tests/docx-all.sh [-k] [-n N] [WILD_DIR [INVALID_DIR]]
#
# For each file of WILD_DIR (default ../shared/bench/docx-wild):
#   1. anon-read | anon-write -o P.docx (publication output, no detectors);
#      a refusal must be exit 2 with a message and no P.docx;
#      refused for embedded objects: again with --drop-embedded;
#   2. anon-read | anon-write --review -o R.docx (history kept);
#   3. LibreOffice converts input, P and R to text: P and R must open,
#      R must have the same lines as the input, P the same number of
#      lines (tracked changes are accepted in P, so its text may differ);
#   4. bin/anonymise -o A.docx (the whole chain), when it exists: it must
#      not crash and A must open with the same number of lines.
# Every file of INVALID_DIR must be refused: exit 2, a message, no output.
# -n N takes every Nth file of WILD_DIR only; -k keeps the work directory.
# Prints the counts; exits 1 when any check failed, 2 on a usage error.
set -u
LC_ALL=C
export LC_ALL
keep=0 step=1
while getopts kn: o; do
	case $o in
	k) keep=1 ;;
	n) step=$OPTARG ;;
	*) echo "usage: docx-all.sh [-k] [-n N] [WILD [INVALID]]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
top=$(pwd)
bench=
for b in ../shared/bench ../../shared/bench /work/shared/bench; do
	[ -d "$b" ] && { bench=$b; break; }
done
wild=${1:-$bench/docx-wild}
invalid=${2:-$bench/docx-invalid}
[ -d "$wild" ] || { echo "docx-all: no bench directory $wild" >&2; exit 2; }
command -v soffice >/dev/null 2>&1 ||
    { echo "docx-all: soffice not installed (make deps)" >&2; exit 2; }
PATH=$top/bin:$PATH
export PATH
tmp=$(mktemp -d) || exit 2
[ $keep = 1 ] && echo "docx-all: work directory $tmp" >&2
[ $keep = 1 ] || trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in" "$tmp/pub" "$tmp/rev" "$tmp/all" "$tmp/txt" "$tmp/err"

fail=0 n=0 ok=0 refused=0 dropped=0 crash=0
lofail=0 linediff=0 textdiff=0 alln=0 allok=0 allrefused=0 alllines=0
note() { printf '%s\n' "$*" >>"$tmp/report"; }

i=0
for f in "$wild"/*.docx; do
	i=$((i + 1))
	[ $(( (i - 1) % step )) = 0 ] || continue
	b=$(basename "$f" .docx)
	n=$((n + 1))
	cp "$f" "$tmp/in/$b.docx"
	{ anon-read "$f" 2>"$tmp/err/$b.read"; echo $? >"$tmp/rc"; } |
	    anon-write -o "$tmp/pub/$b.docx" 2>"$tmp/err/$b.write"
	rc=$?
	rrc=$(cat "$tmp/rc")
	if [ $rc -gt 2 ] || [ $rrc -gt 2 ]; then
		crash=$((crash + 1)); fail=1
		note "CRASH $b (status $rrc, $rc)"
		continue
	fi
	if [ $rc != 0 ]; then
		if [ -e "$tmp/pub/$b.docx" ] || [ ! -s "$tmp/err/$b.read" ]; then
			fail=1; note "BAD REFUSAL $b: output left or no message"
			continue
		fi
		if grep -q "cannot scan" "$tmp/err/$b.read"; then
			anon-read --drop-embedded "$f" 2>>"$tmp/err/$b.read" |
			    anon-write -o "$tmp/pub/$b.docx" \
			    2>>"$tmp/err/$b.write"
			if [ $? = 0 ]; then
				dropped=$((dropped + 1))
			else
				refused=$((refused + 1))
				note "REFUSED $b: $(head -n 1 "$tmp/err/$b.read")"
				continue
			fi
		else
			refused=$((refused + 1))
			note "REFUSED $b: $(head -n 1 "$tmp/err/$b.read")"
			continue
		fi
	fi
	flag=
	grep -q "cannot scan" "$tmp/err/$b.read" && flag=--drop-embedded
	anon-read $flag "$f" 2>/dev/null |
	    anon-write --review -o "$tmp/rev/$b.docx" 2>>"$tmp/err/$b.write" ||
	    { fail=1; note "REVIEW FAILED $b"; continue; }
	ok=$((ok + 1))
	if [ -x "$top/bin/anonymise" ]; then
		alln=$((alln + 1))
		"$top/bin/anonymise" -o "$tmp/all/$b.docx" "$f" \
		    >/dev/null 2>"$tmp/err/$b.all"
		rc=$?
		if [ $rc = 0 ]; then
			allok=$((allok + 1))
		elif [ $rc = 2 ] && [ -s "$tmp/err/$b.all" ] &&
		    [ ! -e "$tmp/all/$b.docx" ]; then
			allrefused=$((allrefused + 1))
			note "ANONYMISE REFUSED $b: $(head -n 1 "$tmp/err/$b.all")"
		else
			crash=$((crash + 1)); fail=1
			note "ANONYMISE FAILED $b (status $rc)"
		fi
	fi
done

# LibreOffice with a private profile, 20 files a run (one bad file must not
# stop the rest); files left without text are tried once more alone.
for d in in pub rev all; do
	ls "$tmp/$d"/*.docx >/dev/null 2>&1 || continue
	mkdir -p "$tmp/txt/$d"
	(cd "$tmp/$d" && ls *.docx) | xargs -n 20 sh -c \
	    'o=$0; cd "$o/../../'"$d"'" && soffice \
	    -env:UserInstallation=file://'"$tmp"'/lo --headless \
	    --convert-to txt:Text --outdir "$o" "$@" >/dev/null 2>&1' \
	    "$tmp/txt/$d"
	for f in "$tmp/$d"/*.docx; do
		b=$(basename "$f" .docx)
		[ -f "$tmp/txt/$d/$b.txt" ] || (cd "$tmp/$d" && soffice \
		    -env:UserInstallation=file://$tmp/lo --headless \
		    --convert-to txt:Text --outdir "$tmp/txt/$d" "$b.docx" \
		    >/dev/null 2>&1)
	done
done
propfields='(DOCPROPERTY|AUTHOR|LASTSAVEDBY|NUMWORDS|NUMCHARS|NUMPAGES|EDITTIME|FILESIZE|SAVEDATE|CREATEDATE|PRINTDATE|TITLE|SUBJECT|KEYWORDS|COMMENTS|DOCVARIABLE|TEMPLATE|USERNAME|USERINITIALS|REVNUM|INFO|dataBinding)'
propdiff=0 trackdiff=0 dropdiff=0
# Publication output accepts tracked changes and drops comments and
# dropped embedded objects (altChunk): LibreOffice shows fewer lines.
tracked() {
	unzip -p "$tmp/in/$1.docx" 2>/dev/null |
	    grep -Eq '<w:(del|ins|moveFrom|moveTo|comment|altChunk) ' ||
	    grep -q "cannot scan" "$tmp/err/$1.read"
}
lines() { [ -f "$1" ] && wc -l <"$1" | tr -d ' ' || echo missing; }
for p in "$tmp"/pub/*.docx; do
	[ -f "$p" ] || continue
	b=$(basename "$p" .docx)
	li=$(lines "$tmp/txt/in/$b.txt")
	[ "$li" = missing ] && { note "LIBREOFFICE CANNOT OPEN INPUT $b"; continue; }
	for d in pub rev; do
		lo=$(lines "$tmp/txt/$d/$b.txt")
		if [ "$lo" = missing ]; then
			lofail=$((lofail + 1)); fail=1
			note "LIBREOFFICE CANNOT OPEN $d/$b"
		elif [ "$lo" != "$li" ] && { [ $d = pub ] && tracked "$b" ||
		    grep -q "cannot scan" "$tmp/err/$b.read"; }; then
			# Tracked changes accepted, comments removed.
			trackdiff=$((trackdiff + 1))
			note "LINES $d/$b: $li in, $lo out (tracked changes)"
		elif [ "$lo" != "$li" ]; then
			linediff=$((linediff + 1)); fail=1
			note "LINES $d/$b: $li in, $lo out"
		elif [ $d = rev ] && ! cmp -s "$tmp/txt/in/$b.txt" \
		    "$tmp/txt/rev/$b.txt"; then
			# Fields that show document properties are recomputed
			# by LibreOffice from the properties we cleared.
			if grep -q "cannot scan" "$tmp/err/$b.read"; then
				dropdiff=$((dropdiff + 1))
				note "TEXT $d/$b differs (embedded parts dropped)"
			elif unzip -p "$tmp/in/$b.docx" 2>/dev/null | grep -Eq \
			    "$propfields"; then
				propdiff=$((propdiff + 1))
				note "TEXT $d/$b differs (property fields)"
			else
				textdiff=$((textdiff + 1)); fail=1
				note "TEXT $d/$b differs"
			fi
		fi
	done
	if [ -f "$tmp/all/$b.docx" ]; then
		lo=$(lines "$tmp/txt/all/$b.txt")
		if [ "$lo" = missing ]; then
			lofail=$((lofail + 1)); fail=1
			note "LIBREOFFICE CANNOT OPEN all/$b"
		elif [ "$lo" != "$li" ] && tracked "$b"; then
			trackdiff=$((trackdiff + 1))
			note "LINES all/$b: $li in, $lo out (tracked changes)"
		elif [ "$lo" != "$li" ]; then
			alllines=$((alllines + 1)); fail=1
			note "LINES all/$b: $li in, $lo out"
		fi
	fi
done

# The invalid bench: refused, with a message, nothing left behind.
ninv=0 invok=0
for f in "$invalid"/*.docx; do
	[ -f "$f" ] || continue
	b=$(basename "$f" .docx)
	ninv=$((ninv + 1))
	anon-read "$f" 2>"$tmp/err/$b.inv" |
	    anon-write -o "$tmp/inv-$b.docx" 2>/dev/null
	rc=$?
	if [ $rc = 2 ] && [ -s "$tmp/err/$b.inv" ] &&
	    [ ! -e "$tmp/inv-$b.docx" ] &&
	    ! ls "$tmp"/inv-"$b".docx.* >/dev/null 2>&1; then
		invok=$((invok + 1))
	else
		fail=1; note "INVALID NOT REFUSED $b (status $rc)"
	fi
done

[ -f "$tmp/report" ] && cat "$tmp/report"
echo "docx-all: wild $n: $ok written ($dropped with --drop-embedded)," \
    "$refused refused, $crash crashes; LibreOffice: $lofail not opened," \
    "$linediff line-count and $textdiff text differences" \
    "(+$trackdiff line counts after accepting tracked changes," \
    "+$propdiff texts in property fields, +$dropdiff after" \
    "--drop-embedded);" \
    "anonymise: $allok of $alln written, $allrefused refused," \
    "$alllines line-count differences; invalid: $invok of $ninv refused"
exit $fail
