#!/usr/bin/env bash
# fuzz_smoke.sh - a short run of every libFuzzer harness (make fuzz), as part
# of the test suite; the 10-minute runs of issue #6 use FUZZ_SECONDS=600.
cd "$(dirname "$0")/.."
secs=${FUZZ_SMOKE_SECONDS:-15}
passed=0
failed=0
for src in test/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	if make -s fuzz FUZZ_SECONDS="$secs" FUZZ_TARGETS="tmp/fuzz/$name" > "tmp/$name.smoke.log" 2>&1; then
		passed=$((passed + 1))
		echo "$name: $(grep -h 'average_exec_per_sec' "tmp/$name.smoke.log" | awk '{print $2}') execs/s for ${secs}s, no crash"
	else
		failed=$((failed + 1))
		echo "$name: FAILED"; tail -30 "tmp/$name.smoke.log"
	fi
done
echo "fuzz: $passed passed, $failed failed"
