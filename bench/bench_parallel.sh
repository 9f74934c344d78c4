#!/usr/bin/env bash
# bench_parallel.sh - the zhfacts functions are PARALLEL SAFE: a sequential
# aggregation over 100k articles runs in 2 parallel workers (EXPLAIN ANALYZE:
# "Workers Launched: 2"), and its speed-up against max_parallel_workers_per_gather
# = 0, in the same run (issue #7, item 2).
#
# The planner only goes parallel when it believes the work is worth it: the
# zhfacts functions are declared with the default COST 1 (PostgreSQL's own
# to_tsvector has COST 100), so a query that only calls region_of() in its
# target list is planned without workers.  The last row shows the same query
# with ALTER FUNCTION zhfacts.region_of(text) COST 1000 inside a transaction
# that is rolled back (what the extension could declare).
#
# Usage: bench/bench_parallel.sh    (PARALLEL_N articles of bench/gen_scale_corpus.py,
#        default 100000, in a table of their own; PARALLEL_REPS runs of each
#        query in each mode, best kept, default 2)
# With PARALLEL_USE_ARTICLES=1 it runs on zhfacts.article of the current
# database instead (bench_scale.sh does so at 100k articles).
# Throwaway cluster unless ZHFACTS_BENCH_USE_ENV=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/zhfacts-env.sh
n=${PARALLEL_N:-100000}
if [ "${PARALLEL_USE_ARTICLES:-}" = 1 ]; then
	tbl=zhfacts.article
else
	if [ "${ZHFACTS_BENCH_USE_ENV:-}" != 1 ]; then
		zf_install_packages
		zf_build_install
		zf_cluster_start
	fi
	db=zf_parallel
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
	export PGDATABASE=$db
	psql -X -q -c "CREATE EXTENSION zhfacts" -c "CREATE TABLE par (url text, title text, source text, published_at text, body text)"
	python3 bench/gen_scale_corpus.py -n "$n" --format tsv-article | psql -X -q -c "COPY par FROM STDIN"
	psql -X -q -c "VACUUM ANALYZE par"
	tbl=par
fi
echo "table $tbl: $(psql -X -At -c "SELECT count(*) || ' articles, ' || pg_size_pretty(pg_table_size('$tbl')) FROM $tbl")," \
	"max_worker_processes=$(psql -X -At -c 'SHOW max_worker_processes'), max_parallel_workers=$(psql -X -At -c 'SHOW max_parallel_workers'), $(nproc) cores"

reps=${PARALLEL_REPS:-2}
run() {	# run WORKERS SQL [SETUP]: prints "ms launched"; SETUP runs first, in a transaction rolled back after
	psql -X -q -v ON_ERROR_STOP=1 -c "BEGIN" -c "${3:-SELECT}" -c "SET LOCAL max_parallel_workers_per_gather = $1" -c '\timing on' \
		-c "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) $2" -c "ROLLBACK" |
		awk '/Workers Launched/ {w = $NF} /^Time:/ && t == "" {t = $2} END {printf "%s %s\n", t, (w == "" ? 0 : w)}'
}
printf '%-70s %10s %10s %8s %s\n' query "0 workers" "2 workers" speed-up launched
for q in "SELECT zhfacts.region_of(body) AS region, count(*) FROM $tbl GROUP BY 1 ORDER BY 2 DESC LIMIT 10" \
	"SELECT sum(length(to_tsvector('zhfacts.chinese', body))) FROM $tbl" \
	"SELECT count(*), sum(m.amount) FROM $tbl, zhfacts.extract_money(body) m" \
	"SELECT count(*) FROM $tbl, zhfacts.extract_regions(body) r WHERE r.level = 'county'" \
	"SELECT i.kind, count(*) FROM $tbl, zhfacts.extract_initiatives(body) i GROUP BY 1" \
	"COST|SELECT zhfacts.region_of(body) AS region, count(*) FROM $tbl GROUP BY 1 ORDER BY 2 DESC LIMIT 10"; do
	best0=; best2=; wl=; setup=
	if [ "${q%%|*}" = COST ]; then
		q=${q#COST|}; setup="ALTER FUNCTION zhfacts.region_of(text) COST 1000"
	fi
	for rep in $(seq "$reps"); do
		read -r t0 _ < <(run 0 "$q" "$setup")
		read -r t2 wl < <(run 2 "$q" "$setup")
		best0=$(awk -v a="${best0:-1e18}" -v b="$t0" 'BEGIN {print (b < a ? b : a)}')
		best2=$(awk -v a="${best2:-1e18}" -v b="$t2" 'BEGIN {print (b < a ? b : a)}')
	done
	[ -n "$setup" ] && echo "with $setup (rolled back):"
	printf '%-70s %8.0f ms %8.0f ms %7.2fx %s\n' "${q:0:70}" "$best0" "$best2" "$(awk -v a="$best0" -v b="$best2" 'BEGIN {print a / b}')" "$wl"
done
echo "plan with 2 workers (extract_money):"
psql -X -q -c "SET max_parallel_workers_per_gather = 2" \
	-c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*), sum(m.amount) FROM $tbl, zhfacts.extract_money(body) m" | sed 's/^/  /'
if [ "${PARALLEL_USE_ARTICLES:-}" != 1 ] && [ "${ZHFACTS_BENCH_USE_ENV:-}" = 1 ]; then
	psql -X -q -d postgres -c "DROP DATABASE $db"
fi
