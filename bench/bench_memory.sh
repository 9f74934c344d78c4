#!/usr/bin/env bash
# bench_memory.sh - memory flatness of the SQL functions (issue #6, item 4).
#
# For each function, in a fresh backend: a warm-up query over a million rows
# that does not call zhfacts (so the executor's own buffers are counted in
# the baseline), then the function on a short sentence over
# generate_series(1, 1000) and over generate_series(1, 1000000).  After each
# step the backend's private anonymous memory is read from
# /proc/self/smaps_rollup (field Anonymous).  Bar: after 1,000,000 calls
# within 10% of after 1,000.  The argument varies with the row (g % 7), so an
# immutable call is not folded into a constant.
#
# Prints a Markdown table (figures in kB).
# Usage: bench/bench_memory.sh [CALLS]   (default 1000000)
# Uses PGHOST when set (zhfacts installed there), else a throwaway cluster.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
calls=${1:-1000000}

source "$here/bin/zhfacts-env.sh"
zf_bench_server
psql -X -q -c "CREATE EXTENSION IF NOT EXISTS zhfacts" >/dev/null 2>&1 || true

sentence='温州市瑞安市去年拨付一点二亿元支持“共富工坊”建设，带动周边村民增收'

# name | query over generate_series(1, :n) g, with the document in :'doc'
cases=(
	"control: length (no zhfacts)|SELECT count(*) FROM generate_series(1, :n) g WHERE length(:'doc' || (g % 7)::text) > 0"
	"control: jsonb_each (built-in materialized SRF)|SELECT count(*) FROM generate_series(1, :n) g, jsonb_each(jsonb_build_object(:'doc', g % 7)) j"
	"to_tsvector|SELECT count(*) FROM generate_series(1, :n) g WHERE length(to_tsvector('zhfacts.chinese', :'doc' || (g % 7)::text)) > 0"
	"zhfacts.segment|SELECT count(*) FROM generate_series(1, :n) g, zhfacts.segment(:'doc' || (g % 7)::text) s"
	"zhfacts.extract_regions|SELECT count(*) FROM generate_series(1, :n) g, zhfacts.extract_regions(:'doc' || (g % 7)::text) r"
	"zhfacts.region_of|SELECT count(zhfacts.region_of(:'doc' || (g % 7)::text)) FROM generate_series(1, :n) g"
	"zhfacts.extract_money|SELECT count(*) FROM generate_series(1, :n) g, zhfacts.extract_money(:'doc' || (g % 7)::text) m"
	"zhfacts.extract_initiatives|SELECT count(*) FROM generate_series(1, :n) g, zhfacts.extract_initiatives(:'doc' || (g % 7)::text) i"
)

anon="(regexp_match(pg_read_file('/proc/self/smaps_rollup'), 'Anonymous:\\s+(\\d+) kB'))[1]::bigint"
ctx="(SELECT sum(total_bytes) / 1024 FROM pg_backend_memory_contexts)::bigint"

echo "| function | baseline | after 1,000 calls | after $calls calls | ratio | in-query contexts, 1,000 calls | in-query contexts, $calls calls | seconds | flat (<= 1.10) |"
echo "|---|---|---|---|---|---|---|---|---|"
worst=0
for c in "${cases[@]}"; do
	name=${c%%|*}
	query=${c#*|}
	fn=${name#zhfacts.}
	if [ "$name" = "${name#zhfacts.}" ]; then
		:	# built-in
	elif
		[ "$(psql -X -Atc "SELECT to_regproc('zhfacts.$fn') IS NOT NULL")" != t ]; then
		continue
	fi
	# The memory contexts are summed inside the query, after the calls and
	# before the executor frees its per-query memory: growth there is memory
	# kept per call until the end of the statement.
	out=$(psql -X -At -v ON_ERROR_STOP=1 -v doc="$sentence" <<SQL
SELECT count(length(:'doc' || g)) FROM generate_series(1, $calls) g \\g /dev/null
SELECT $anon AS base \\gset
\\set n 1000
WITH q AS MATERIALIZED ($query) SELECT $ctx AS c1 FROM q \\gset
SELECT $anon AS k1 \\gset
\\set n $calls
SELECT extract(epoch FROM clock_timestamp()) AS t0 \\gset
WITH q AS MATERIALIZED ($query) SELECT $ctx AS cm FROM q \\gset
SELECT :base, :k1, $anon, round(($anon)::numeric / :k1, 3), :c1, :cm, round(extract(epoch FROM clock_timestamp()) - :t0, 1);
SQL
	)
	IFS='|' read -r base k1 km ratio c1 cm secs <<<"$out"
	flat=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.10) ? "yes" : "**no**" }')
	printf '| `%s` | %s kB | %s kB | %s kB | %s | %s kB | %s kB | %s | %s |\n' \
		"$name" "$base" "$k1" "$km" "$ratio" "$c1" "$cm" "$secs" "$flat"
	[ "$flat" = yes ] || [ "$name" != "${name#control}" ] || worst=1
done
exit $worst
