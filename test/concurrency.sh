#!/usr/bin/env bash
# concurrency.sh - the concurrency benchmark, short: 8 pgbench clients for 15
# seconds mixing ingest_article (new, contended and repeated pages), searches
# and user_word changes (issue #6, item 5).
#
# Uses the running cluster (PGHOST, PGPORT, PGUSER as exported by
# bin/zhfacts-test): bench/bench_concurrency.sh creates a private database,
# runs pgbench with bench/pgbench/*.sql and checks the corpus against what
# committed (article count, one id per content, no duplicate, no deadlock,
# no error, every fact in place), then drops the database.  Each row of its
# check table is one test.  Prints "concurrency: N passed, M failed".
cd "$(dirname "$0")/.."
passed=0
failed=0
out=$(CONC_SECONDS=${CONC_SECONDS:-15} CONC_CLIENTS=8 bash bench/bench_concurrency.sh 2>&1)
rc=$?
while IFS= read -r line; do
	case $line in
	"| check |"* | "|---"*) ;;
	"| "*" | pass | "*)
		passed=$((passed + 1)); echo "ok: $(echo "$line" | cut -d'|' -f2,4 | sed 's/ *$//')" ;;
	"| "*" | **FAIL** | "*)
		failed=$((failed + 1)); echo "FAILED: $(echo "$line" | cut -d'|' -f2,4 | sed 's/ *$//')" ;;
	esac
done <<<"$out"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=$((failed + 1))	# stopped before its checks
	echo "FAILED: bench/bench_concurrency.sh exited with status $rc:"
	tail -20 <<<"$out"
elif [ "$failed" -gt 0 ]; then
	grep -A12 '^pgbench errors' <<<"$out"
fi
# the figures of the run, for the log
grep -m1 '^pgbench exit status' <<<"$out"
echo "concurrency: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
