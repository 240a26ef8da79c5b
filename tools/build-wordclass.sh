#!/bin/sh
# Rebuilds lexicons/wordclass/en_GB.txt from Debian's hunspell-en-gb
# (see docs/data-sources/wordclass.md).  Run from the top directory after
# `make`:  sh tools/build-wordclass.sh
set -eu
dict=${1:-/usr/share/hunspell/en_GB}
version=$(dpkg-query -W -f '${Version}' hunspell-en-gb 2>/dev/null || echo unknown)
mkdir -p build lexicons/wordclass
cc -std=c17 -D_DEFAULT_SOURCE -O2 -Ifilters $(pkg-config --cflags hunspell) \
    -o build/build-wordclass tools/build-wordclass.c build/libanon.a \
    $(pkg-config --libs hunspell)
out=lexicons/wordclass/en_GB.txt
build/build-wordclass "$dict.aff" "$dict.dic" "$version" > "$out.tmp"
{ grep '^#' "$out.tmp"; grep -v '^#' "$out.tmp" | LC_ALL=C sort; } > "$out"
rm -f "$out.tmp"
