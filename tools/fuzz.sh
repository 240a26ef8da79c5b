#!/bin/sh
# make fuzz: build each target with libFuzzer and run it for FUZZ_SECONDS.
set -eu
mkdir -p out/fuzz
libsrc=$(ls filters/*.c)
status=0
for src in "$@"; do
	name=${src##*/fuzz_}; name=${name%.c}
	bin=out/fuzz/fuzz_$name
	# shellcheck disable=SC2086
	$FUZZ_CC $CFLAGS_FUZZ -fsanitize=fuzzer,address,undefined \
	    -o "$bin" "$src" $libsrc $LIBS_FUZZ
	corpus=out/fuzz/$name-corpus crashes=out/fuzz/$name-crashes
	mkdir -p "$corpus" "$crashes"
	[ -d "fixtures/fuzz/$name" ] && cp -n fixtures/fuzz/"$name"/* "$corpus"/ 2>/dev/null || true
	echo "fuzz: $name for $FUZZ_SECONDS s"
	if ! "$bin" -max_total_time="$FUZZ_SECONDS" -artifact_prefix="$crashes/" \
	    -print_final_stats=1 "$corpus" > "out/fuzz/$name.log" 2>&1; then
		echo "fuzz: $name FOUND A CRASH: see out/fuzz/$name.log and $crashes/" >&2
		status=1
	fi
	grep -E 'stat::number_of_executed_units|cov:' "out/fuzz/$name.log" | tail -2
done
exit $status
