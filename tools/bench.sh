#!/bin/sh
# make bench: see tools/bench.py.
exec python3 "$(dirname "$0")/bench.py" "$@"
