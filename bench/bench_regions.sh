#!/usr/bin/env bash
# bench_regions.sh - throughput and linearity of zhfacts.extract_regions.
#
# Builds ~20 MB of documents from the sentences of sample/*.txt
# (bench/gen_corpus.py, seeded), loads them into a temporary table and times,
# best of 3:
#   baseline  sum(length(doc))                          (detoast + count characters)
#   regexp    regexp_matches(doc, '[^，。]{2,3}[省市县区]', 'g')  (a naive extractor)
#   extract   zhfacts.extract_regions(doc)             on the first half and on all
# and prints MB/s (MB = 2^20 bytes of UTF-8).  Bar: extract >= 30 MB/s, and the
# time on all about twice the time on half.  Then linearity inside one
# document: extract_regions and region_of (the same extraction without a row
# per mention) on one document of ~8 MB and on its first half.
#
# Usage: bench/bench_regions.sh [MEGABYTES]   (default 20)
# Uses PGHOST when set (zhfacts installed there), else a throwaway cluster.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-20}

corpus=$(mktemp /tmp/zhfacts-bench-regions.XXXXXX)
source "$here/bin/zhfacts-env.sh"
zf_on_exit 'rm -f "$corpus"'
zf_bench_server
python3 "$here/bench/gen_corpus.py" "$mb" 7 > "$corpus"
chmod 644 "$corpus"

psql -X -q -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = notice;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE bench_docs (id int, doc text);
-- no compression, so the timings are of the functions, not of pglz
ALTER TABLE bench_docs ALTER doc SET STORAGE EXTERNAL;
\copy bench_docs FROM '$corpus'
-- one long document of ~8 MB and its first half, for linearity inside a document
CREATE TEMP TABLE bench_long AS
	SELECT string_agg(doc, '' ORDER BY id) AS doc FROM bench_docs WHERE id <= (SELECT max(id) * 2 / 5 FROM bench_docs);
ALTER TABLE bench_long ALTER doc SET STORAGE EXTERNAL;

DO \$\$
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
	best_l1 float8 := 1e9;
	best_l2 float8 := 1e9;
	best_r1 float8 := 1e9;
	best_r2 float8 := 1e9;
	main_code text;
	k bigint;
	mentions bigint;
	resolved bigint;
	mb float8;
	long_doc text;
	long_half text;
BEGIN
	SELECT count(*), sum(octet_length(doc)) INTO n, bytes_all FROM bench_docs;
	half := n / 2;
	SELECT sum(octet_length(doc)) INTO bytes_half FROM bench_docs WHERE id <= half;
	SELECT doc INTO long_doc FROM bench_long;
	long_half := substr(long_doc, 1, length(long_doc) / 2);
	FOR i IN 1..3 LOOP
		t0 := clock_timestamp();
		SELECT sum(length(doc)) INTO k FROM bench_docs;
		best_len := least(best_len, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		SELECT count(*) INTO k FROM bench_docs, regexp_matches(doc, '[^，。、；：\s]{2,3}[省市县区]', 'g');
		best_re := least(best_re, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		SELECT count(*) INTO k FROM bench_docs, zhfacts.extract_regions(doc) WHERE id <= half;
		best_half := least(best_half, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		SELECT count(*), count(code) INTO mentions, resolved FROM bench_docs, zhfacts.extract_regions(doc);
		best_all := least(best_all, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		SELECT count(*) INTO k FROM zhfacts.extract_regions(long_half);
		best_l1 := least(best_l1, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		SELECT count(*) INTO k FROM zhfacts.extract_regions(long_doc);
		best_l2 := least(best_l2, extract(epoch FROM clock_timestamp() - t0));

		-- the same without a row per mention (no tuplestore): the extractor alone
		t0 := clock_timestamp();
		main_code := zhfacts.region_of(long_half);
		best_r1 := least(best_r1, extract(epoch FROM clock_timestamp() - t0));

		t0 := clock_timestamp();
		main_code := zhfacts.region_of(long_doc);
		best_r2 := least(best_r2, extract(epoch FROM clock_timestamp() - t0));
	END LOOP;
	mb := bytes_all / 1048576.0;
	RAISE NOTICE 'bench_docs: % rows, % MB (half % MB), % region mentions (% resolved; one per % bytes)',
		n, round(mb::numeric, 1), round((bytes_half / 1048576.0)::numeric, 1), mentions, resolved,
		bytes_all / greatest(mentions, 1);
	RAISE NOTICE '  baseline length()        % s  % MB/s', round(best_len::numeric, 3), round((mb / best_len)::numeric, 1);
	RAISE NOTICE '  regexp_matches ..[省市县区] % s  % MB/s', round(best_re::numeric, 3), round((mb / best_re)::numeric, 1);
	RAISE NOTICE '  extract_regions, half    % s  % MB/s', round(best_half::numeric, 3), round((bytes_half / 1048576.0 / best_half)::numeric, 1);
	RAISE NOTICE '  extract_regions, all     % s  % MB/s', round(best_all::numeric, 3), round((mb / best_all)::numeric, 1);
	RAISE NOTICE '  linearity over rows: time(all)/time(half) = % for bytes(all)/bytes(half) = %',
		round((best_all / best_half)::numeric, 2), round(bytes_all::numeric / bytes_half, 2);
	RAISE NOTICE '  one document of % MB: % s (% MB/s); its first half: % s; ratio % for bytes ratio %',
		round((octet_length(long_doc) / 1048576.0)::numeric, 2), round(best_l2::numeric, 3),
		round((octet_length(long_doc) / 1048576.0 / best_l2)::numeric, 1), round(best_l1::numeric, 3),
		round((best_l2 / best_l1)::numeric, 2), round(octet_length(long_doc)::numeric / octet_length(long_half), 2);
	RAISE NOTICE '  region_of on it: % s (% MB/s); its first half: % s; ratio %',
		round(best_r2::numeric, 3), round((octet_length(long_doc) / 1048576.0 / best_r2)::numeric, 1),
		round(best_r1::numeric, 3), round((best_r2 / best_r1)::numeric, 2);
END
\$\$;
SQL
