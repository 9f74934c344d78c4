#!/usr/bin/env bash
# bench_money.sh - throughput and linearity of zhfacts.extract_money.
#
# Generates ~20 MB of synthetic news-like text (bench/gen_money_text.py,
# seeded; a sum of money every ~1.5 kB, a number every ~200 bytes) in rows of
# 64 kB, loads it into a temporary table and times, best of 5:
#   baseline  sum(length(doc))                         (detoast + count characters)
#   regexp    regexp_matches(doc, '<digits>[万亿]?元', 'g')   (a naive extractor)
#   extract   zhfacts.extract_money(doc)               on the first half and on all
# and prints MB/s (MB = 2^20 bytes of UTF-8).  Bar: extract >= 50 MB/s, and the
# time on all about twice the time on half (linear).  The same is then run on
# a dense stress text (a sum of money every ~100 bytes).
#
# Usage: bench/bench_money.sh [MEGABYTES]   (default 20)
# Uses PGHOST/PGDATABASE when set (zhfacts installed there), else a throwaway
# cluster from bin/zhfacts-env.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-20}

news=$(mktemp /tmp/zhfacts-bench-money.XXXXXX)
dense=$(mktemp /tmp/zhfacts-bench-money.XXXXXX)

source "$here/bin/zhfacts-env.sh"
zf_on_exit 'rm -f "$news" "$dense"'
zf_bench_server

python3 "$here/bench/gen_money_text.py" "$mb" 65536 news > "$news"
python3 "$here/bench/gen_money_text.py" "$mb" 65536 dense > "$dense"
chmod 644 "$news" "$dense"

psql -X -q -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = notice;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE bench_news (id serial, doc text);
CREATE TEMP TABLE bench_dense (id serial, doc text);
-- no compression, so the timings are of the functions, not of pglz
ALTER TABLE bench_news ALTER doc SET STORAGE EXTERNAL;
ALTER TABLE bench_dense ALTER doc SET STORAGE EXTERNAL;
\copy bench_news (doc) FROM '$news'
\copy bench_dense (doc) FROM '$dense'

CREATE FUNCTION pg_temp.bench(tab regclass) RETURNS void LANGUAGE plpgsql AS \$\$
DECLARE
	n int;
	half int;
	bytes_all bigint;
	bytes_half bigint;
	t0 timestamptz;
	best_len float8 := 1e9;
	best_re float8 := 1e9;
	best_half float8 := 1e9;
	best_all float8 := 1e9;
	k bigint;
	mentions bigint;
	mb float8;
BEGIN
	EXECUTE format('SELECT count(*), sum(octet_length(doc)) FROM %s', tab) INTO n, bytes_all;
	half := n / 2;
	EXECUTE format('SELECT sum(octet_length(doc)) FROM %s WHERE id <= %s', tab, half) INTO bytes_half;
	FOR i IN 1..5 LOOP
		t0 := clock_timestamp();
		EXECUTE format('SELECT sum(length(doc)) FROM %s', tab) INTO k;
		best_len := least(best_len, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		EXECUTE format('SELECT count(*) FROM %s, regexp_matches(doc, %L, %L)',
					   tab, '[0-9]+(\.[0-9]+)?[万亿]?元', 'g') INTO k;
		best_re := least(best_re, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		EXECUTE format('SELECT count(*) FROM %s, zhfacts.extract_money(doc) WHERE id <= %s', tab, half) INTO k;
		best_half := least(best_half, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		EXECUTE format('SELECT count(*) FROM %s, zhfacts.extract_money(doc)', tab) INTO mentions;
		best_all := least(best_all, extract(epoch FROM clock_timestamp() - t0));
	END LOOP;
	mb := bytes_all / 1048576.0;
	RAISE NOTICE '% : % rows, % MB (half % MB), % money mentions (one per % bytes)',
		tab, n, round(mb::numeric, 1), round((bytes_half / 1048576.0)::numeric, 1), mentions,
		bytes_all / greatest(mentions, 1);
	RAISE NOTICE '  baseline length()       % s  % MB/s', round(best_len::numeric, 3), round((mb / best_len)::numeric, 1);
	RAISE NOTICE '  regexp_matches ...元    % s  % MB/s', round(best_re::numeric, 3), round((mb / best_re)::numeric, 1);
	RAISE NOTICE '  extract_money, half     % s  % MB/s', round(best_half::numeric, 3), round((bytes_half / 1048576.0 / best_half)::numeric, 1);
	RAISE NOTICE '  extract_money, all      % s  % MB/s', round(best_all::numeric, 3), round((mb / best_all)::numeric, 1);
	RAISE NOTICE '  linearity: time(all)/time(half) = % for bytes(all)/bytes(half) = %',
		round((best_all / best_half)::numeric, 2), round(bytes_all::numeric / bytes_half, 2);
END
\$\$;
SELECT pg_temp.bench('bench_news');
SELECT pg_temp.bench('bench_dense');
SQL
