#!/bin/sh
# make demo: anonymise the bundled sample report into out/ and show what changed.
set -eu
mkdir -p out
in=fixtures/sample/report.txt
bin/anonymise --case fixtures/sample/case.csv --sarif out/report.sarif \
    -o out/report.txt "$in"
echo "anonymised $in -> out/report.txt (findings: out/report.sarif)"
echo
diff -U0 "$in" out/report.txt | grep '^[-+][^-+]' || true
