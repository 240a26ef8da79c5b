#!/bin/sh
# Builds lexicons/places/not-places.txt: the hand-written words of
# lexicons/places/not-places.in (nations, faiths, calendar words) plus the
# English names of countries (ISO 3166-1) and languages (ISO 639-2) from
# the Debian package iso-codes (/usr/share/iso-codes/json, LGPL-2.1+).
# A name with a comma or a bracket ("Korea, Republic of") is left out;
# only names that are one to three words are kept.  Output sorted bytewise
# after the header, so the same inputs give the same file.
#   sh tools/build-notplaces.sh [OUT]
set -eu
out=${1:-lexicons/places/not-places.txt}
iso=${ISO_CODES:-/usr/share/iso-codes/json}
[ -r "$iso/iso_3166-1.json" ] && [ -r "$iso/iso_639-2.json" ] ||
	{ echo "build-notplaces: $iso: iso-codes not installed" >&2; exit 2; }
ver=$(dpkg-query -W -f '${Version}' iso-codes 2>/dev/null || echo unknown)
python3 - lexicons/places/not-places.in "$iso" "$out.new" "$ver" <<'PY'
import json, sys
src, iso, dst, ver = sys.argv[1:5]
hand = [l.rstrip("\n") for l in open(src, encoding="utf-8")]
words = set(l for l in hand if l and not l.startswith("#"))
def add(name):
    for n in name.split(";"):
        n = " ".join(n.split()).replace("\u2019", "'")
        if not n or "," in n or "(" in n or len(n.split()) > 3:
            continue
        words.add(n.lower())
for c in json.load(open(iso + "/iso_3166-1.json", encoding="utf-8"))["3166-1"]:
    for k in ("name", "common_name"):
        if k in c:
            add(c[k])
for c in json.load(open(iso + "/iso_639-2.json", encoding="utf-8"))["639-2"]:
    add(c["name"])
with open(dst, "w", encoding="utf-8") as f:
    f.write("# Not UK localities: countries, nations, languages, faiths, calendar\n")
    f.write("# words.  Built by tools/build-notplaces.sh from not-places.in (written\n")
    f.write("# for anonymise) and Debian iso-codes %s (ISO 3166-1 country and\n" % ver)
    f.write("# ISO 639-2 language names, LGPL-2.1+).  Do not edit; rebuild.\n")
    for w in sorted(words, key=lambda s: s.encode("utf-8")):
        f.write(w + "\n")
PY
mv "$out.new" "$out"
