#!/usr/bin/env bash
# bench_scale.sh - zhfacts at 10k, 100k and 1M articles (issue #7, item 1).
#
# For each size N (SCALE_SIZES, default "10000 100000 1000000"), in one
# database that grows from one size to the next:
#   1. bulk load up to N articles of bench/gen_scale_corpus.py (see bulk_load:
#      staging COPY, INSERT ... SELECT with region_of() and the tsvector, the
#      fact tables filled set-based with the same extractors the triggers use,
#      two sessions; the GIN indexes are dropped during the load),
#   2. build the GIN index of zhfacts.article.tsv and the impact tiers of
#      top_articles (time, size),
#   3. ingest SCALE_BATCH (2,000) new raw pages with zhfacts.ingest_article
#      into the table holding N articles, all indexes and triggers in place,
#      and at the same moment (interleaved chunks) into a copy of the first
#      size's database and into an empty table; SCALE_INGEST_ROUNDS (5) rounds,
#   4. per-article cost of to_tsvector and each extractor on SCALE_BATCH
#      articles spread over the table,
#   5. VACUUM and 22 analyst queries, each with 10 different search words
#      (or regions), each run twice (the slow ones once): p50 and p95; the
#      ranked searches again with top_articles (T02-T04), and a check that
#      top_articles gives their ranks,
#   6. a RUM index on the same tsvector (Debian postgresql-15-rum): build
#      time, size, and the ranked searches answered in rank order from it
#      (ORDER BY tsv <=> q LIMIT 20: R02-R05, R08),
#   7. baselines: GIN index on to_tsvector('simple', body) and pg_trgm
#      (gin_trgm_ops on body, up to SCALE_TRGM_MAX = 100000 articles): build
#      time and size, and 5 baseline queries.
# Results: $SCALE_OUT (default tmp/scale)/results.tsv and queries.tsv, a
# summary on stdout, and the chart bench/scale.png (gnuplot); a quick run
# writes to tmp/scale-quick/ and leaves bench/scale.png alone.
#
# Usage: bench/bench_scale.sh              full run (estimated 2-2.5 hours on 2 shared cores)
#        SCALE_QUICK=1 bench/bench_scale.sh   quick test: 2,000 and 5,000 articles
#        SCALE_SIZES="10000 100000 300000" bench/bench_scale.sh
#        SCALE_REPORT_ONLY=1 bench/bench_scale.sh   tables and chart of an earlier run
#        ZHFACTS_BENCH_USE_ENV=1 SCALE_QUERIES_ONLY="T Q" bench/bench_scale.sh
#            query groups (and the top_articles check) on an existing scale database
# Own throwaway cluster (shared_buffers=8GB, fsync=off, ...) unless
# ZHFACTS_BENCH_USE_ENV=1 (then the PG* environment names the server).
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/zhfacts-env.sh

# Under bin/zhfacts-bench (ZHFACTS_BENCH_USE_ENV=1), which runs every
# bench/bench_*.sh, the hours-long full run is replaced by the quick one
# unless SCALE_SIZES says otherwise.
if [ "${ZHFACTS_BENCH_USE_ENV:-}" = 1 ] && [ -z "${SCALE_SIZES:-}" ] && [ -z "${SCALE_QUICK:-}" ] && [ -z "${SCALE_QUERIES_ONLY:-}" ]; then
	echo "bench_scale.sh under bin/zhfacts-bench: quick mode (set SCALE_SIZES for a real run)"
	SCALE_QUICK=1
fi
if [ "${SCALE_QUICK:-}" = 1 ]; then
	SIZES=${SCALE_SIZES:-2000 5000}; BATCH=${SCALE_BATCH:-200}
else
	SIZES=${SCALE_SIZES:-10000 100000 1000000}; BATCH=${SCALE_BATCH:-2000}
fi
INGEST_ROUNDS=${SCALE_INGEST_ROUNDS:-5}	# ingestion rounds at each size (median)
INGEST_CHUNKS=${SCALE_INGEST_CHUNKS:-10}	# each round's pages go in this many turns
FIRST=${SIZES%% *}	# the baseline of the cost per article
# the GIN indexes of the tsvector and of top_articles' impact tiers, on each
# partition of zhfacts.article (named as zhfacts._index_partition
# names them), and dropped before a bulk load
part_idx() {	# part_idx SUFFIX 'INDEX DEFINITION': SQL making it on every partition
	echo "DO \$\$ DECLARE p regclass; BEGIN FOR p IN SELECT partition FROM zhfacts.article_partitions LOOP
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s $2', (SELECT relname FROM pg_class WHERE oid = p) || '_$1', p);
		END LOOP; END \$\$"
}
TSV_IDX=$(part_idx tsv_idx "USING gin (tsv)")
RANK_IDX=$(part_idx rank_idx "USING gin (zhfacts.rank_keys(tsv))")
GIN_DROP="DO \$\$ DECLARE i regclass; BEGIN FOR i IN SELECT x.indexrelid::regclass FROM pg_index x
	JOIN pg_inherits h ON h.inhrelid = x.indrelid JOIN pg_class c ON c.oid = x.indexrelid
	WHERE h.inhparent = 'zhfacts.article'::regclass AND (c.relname LIKE '%\\_tsv\\_idx' OR c.relname LIKE '%\\_rank\\_idx') LOOP
	EXECUTE format('DROP INDEX %s', i); END LOOP; END \$\$"
# MB of an index on zhfacts.article (all its partitions), or of the indexes
# of the partitions named *_SUFFIX
idx_mb() { psql -X -At -c "SELECT round(coalesce(sum(pg_relation_size(relid)), 0) / 1048576.0, 1) FROM pg_partition_tree('zhfacts.$1')"; }
part_idx_mb() { psql -X -At -c "SELECT round(sum(pg_relation_size(c.oid)) / 1048576.0, 1) FROM pg_class c JOIN pg_index x ON x.indexrelid = c.oid
	JOIN pg_inherits h ON h.inhrelid = x.indrelid WHERE h.inhparent = 'zhfacts.article'::regclass AND c.relname LIKE '%\\_$1'"; }
new_db() {	# new_db NAME: an empty UTF-8 database (dropped first if there)
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1" \
		-c "CREATE DATABASE $1 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
}
PARALLEL_AT=${SCALE_PARALLEL_AT:-100000}	# run bench_parallel.sh at this size
TRGM_MAX=${SCALE_TRGM_MAX:-100000}	# the pg_trgm index up to this size (its build is slow)
if [ "${SCALE_QUICK:-}" = 1 ]; then	# a quick run keeps the chart of the real one
	OUT=${SCALE_OUT:-tmp/scale-quick}; CHART=${SCALE_CHART:-$OUT/scale.png}
else
	OUT=${SCALE_OUT:-tmp/scale}; CHART=${SCALE_CHART:-bench/scale.png}
fi
[ -n "${SCALE_QUERIES_ONLY:-}" ] && OUT=${SCALE_OUT:-tmp/scale-queries}
SEED=7
mkdir -p "$OUT"
command -v gnuplot >/dev/null || {
	zf_log "installing gnuplot-nox"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null
}
if [ "${SCALE_REPORT_ONLY:-}" != 1 ]; then	# SCALE_REPORT_ONLY=1: only the tables and chart of $OUT
if [ -z "${SCALE_QUERIES_ONLY:-}" ]; then
	: >"$OUT/results.tsv"
	: >"$OUT/queries.tsv"

	if [ "${ZHFACTS_BENCH_USE_ENV:-}" != 1 ]; then
		zf_install_packages
		zf_build_install
		zf_cluster_start
		psql -X -q -c "ALTER SYSTEM SET shared_buffers = '8GB'" -c "ALTER SYSTEM SET maintenance_work_mem = '1GB'" \
			-c "ALTER SYSTEM SET max_wal_size = '40GB'" -c "ALTER SYSTEM SET checkpoint_timeout = '30min'" \
			-c "ALTER SYSTEM SET work_mem = '64MB'" -c "ALTER SYSTEM SET synchronous_commit = off" \
			-c "ALTER SYSTEM SET full_page_writes = off" -c "ALTER SYSTEM SET effective_cache_size = '16GB'"
		zf_as_pg "$PG_BIN/pg_ctl" -D "$ZF_PGDATA" -m fast -w restart >/dev/null
	fi
	export PGOPTIONS="-c maintenance_work_mem=1GB -c work_mem=64MB -c synchronous_commit=off"
	db=zf_scale
	new_db $db
	export PGDATABASE=$db
	psql -X -q -c "CREATE EXTENSION zhfacts" -c "CREATE EXTENSION pg_trgm" -c "CREATE EXTENSION pgstattuple" -c "CREATE EXTENSION rum"
	# same-moment baselines of ingestion: the batch also goes into an empty table
	# and into a copy of the first size's database (measure_ingest)
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db}_first" -c "DROP DATABASE IF EXISTS ${db}_first_tpl"
	new_db ${db}_empty
	psql -X -q -d ${db}_empty -c "CREATE EXTENSION zhfacts"
else
	[ "${ZHFACTS_BENCH_USE_ENV:-}" = 1 ] || { echo "SCALE_QUERIES_ONLY needs ZHFACTS_BENCH_USE_ENV=1 and the PG* environment of a scale database" >&2; exit 2; }
fi
settings=$(psql -X -At -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
	WHERE name IN ('shared_buffers', 'maintenance_work_mem', 'work_mem', 'max_wal_size', 'fsync', 'synchronous_commit', 'full_page_writes', 'max_parallel_workers_per_gather', 'lc_ctype')")
echo "server: $(psql -X -At -c 'SHOW server_version'), $settings"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB, $(date -u '+%Y-%m-%d %H:%M UTC')"

rec() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$OUT/results.tsv"; printf '  %-34s %s\n' "$2" "$3"; }
ms() {	# ms SQL...: milliseconds of the last statement, earlier ones run first (same session)
	psql -X -q -v ON_ERROR_STOP=1 -c '\timing on' "${@/#/-c}" | awk '/^Time:/ {t = $2} END {print t}'
}
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
best() { printf '%s\n' "$@" | sort -g | head -1; }
per() { awk -v t="$1" -v n="$BATCH" 'BEGIN {printf "%.3f", t / n}'; }	# ms per article of the batch
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
# Loading sessions that stay open, as bin/zhfacts-load's workers do (a new
# backend would first map every shared buffer it touches, which costs more
# the larger the index): session K on DB writes to fd 20+K, reads fd 30+K.
session_open() {	# session_open K DB
	local f=$OUT/session$1
	rm -f "$f.in" "$f.out"; mkfifo "$f.in" "$f.out"
	PGDATABASE=$2 PGOPTIONS="${PGOPTIONS:-} -c gin_pending_list_limit=64MB" psql -X -q -At -v ON_ERROR_STOP=1 <"$f.in" >"$f.out" 2>&1 &
	eval "exec $((20 + $1))>\"\$f.in\" $((30 + $1))<\"\$f.out\""
}
session_ms() {	# session_ms K SQL: ms of SQL in session K
	local line t=
	printf '\\timing on\n%s;\n\\timing off\nSELECT %s;\n' "$2" "'@@done'" >&$((20 + $1))
	while IFS= read -r -u $((30 + $1)) line; do
		case $line in
		Time:*) t=${line#Time: }; t=${t%% ms*} ;;
		@@done) break ;;
		ERROR:*|FATAL:*|psql:*) echo "session $1: $line" >&2 ;;
		esac
	done
	[ -n "$t" ] || { echo "session $1: no answer to $2" >&2; echo NaN; return 1; }
	echo "$t"
}
session_close() {	# session_close K
	eval "exec $((20 + $1))>&- $((30 + $1))<&-"
	rm -f "$OUT/session$1.in" "$OUT/session$1.out"
}

# Bulk load of articles FROM..TO: the generator's cleaned pages (title,
# source, date, body) COPYed into two staging tables, then per half, in two
# sessions at once: INSERT into zhfacts.article with region_of(body) and
# facts_at preset (the restore path of the insert trigger: content hash and the
# generated tsvector computed, facts not), then article_region filled
# set-based with extract_regions and article_money with money_in_context (as
# the after trigger does); then initiatives and their mentions in one session,
# as the trigger does.
bulk_load() {
	local from=$1 to=$2 n half pids=()
	n=$((to - from + 1)); half=$((n / 2))
	sql -c "SELECT zhfacts.add_article_partitions((SELECT last_value FROM zhfacts.article_id_seq) + $n)" -c "$GIN_DROP" >/dev/null
	for k in 0 1; do
		(
			local s c
			if [ $k = 0 ]; then s=$from; c=$half; else s=$((from + half)); c=$((n - half)); fi
			sql -c "DROP TABLE IF EXISTS st_$k" -c "CREATE UNLOGGED TABLE st_$k (url text, title text, source text, published_at text, body text)"
			python3 bench/gen_scale_corpus.py --seed $SEED --start "$s" -n "$c" --format tsv-article |
				sql -c "COPY st_$k FROM STDIN"
			sql -c "INSERT INTO zhfacts.article (url, title, source, published_at, body, region_code, facts_at)
					SELECT url, title, source, published_at::timestamptz, body, zhfacts.region_of(body), clock_timestamp() FROM st_$k" \
				-c "INSERT INTO zhfacts.article_region (article_id, pos, mention, code)
					SELECT a.id, r.pos, r.mention, r.code FROM st_$k s JOIN zhfacts.article a ON a.url = s.url,
						zhfacts.extract_regions(a.body) r ON CONFLICT DO NOTHING" \
				-c "INSERT INTO zhfacts.article_money (article_id, pos, mention, amount, amount_min, amount_max, qualifier, currency, region_code, context)
					SELECT a.id, m.pos, m.mention, m.amount, m.amount_min, m.amount_max, m.qualifier, m.currency, m.region_code, m.context
					  FROM st_$k s JOIN zhfacts.article a ON a.url = s.url, zhfacts.money_in_context(a.body, a.region_code) m
					ON CONFLICT DO NOTHING"
		) &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p"; done
	sql -c "CREATE TEMP TABLE ini AS SELECT a.id, coalesce(a.published_at, a.ingested_at) AS seen, a.region_code, i.name, i.pos, i.kind,
				(zhfacts._units(a.body, ARRAY[i.pos], E'。！？!?；;\n'))[1] AS sentence
			  FROM (SELECT url FROM st_0 UNION ALL SELECT url FROM st_1) s JOIN zhfacts.article a ON a.url = s.url,
				zhfacts.extract_initiatives(a.body) i" \
		-c "INSERT INTO zhfacts.initiative AS n (name, kind, region_code, first_seen)
			SELECT DISTINCT ON (name) name, kind, region_code, seen FROM ini ORDER BY name, seen, id, pos
			ON CONFLICT (name) DO UPDATE SET first_seen = EXCLUDED.first_seen, region_code = EXCLUDED.region_code, kind = EXCLUDED.kind
			WHERE n.first_seen > EXCLUDED.first_seen" \
		-c "INSERT INTO zhfacts.initiative_mention (initiative_id, article_id, pos, kind, sentence)
			SELECT n.id, i.id, i.pos, i.kind, i.sentence FROM ini i JOIN zhfacts.initiative n ON n.name = i.name
			ON CONFLICT DO NOTHING" \
		-c "DROP TABLE st_0, st_1"
}

# the search words of the query groups
source bench/scale_words.sh

# queries: id, word list, SQL with %s for the word
QUERIES=(
"Q01 count, one word (medium)|MED|SELECT count(*) FROM zhfacts.article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '%s')"
"Q02 rank_cd LIMIT 20, frequent word|FREQ|SELECT id, title, ts_rank_cd(tsv, q) r FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY r DESC LIMIT 20"
"Q03 rank_cd LIMIT 20, medium word|MED|SELECT id, title, ts_rank_cd(tsv, q) r FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY r DESC LIMIT 20"
"Q04 rank_cd LIMIT 20, rare word|RARE|SELECT id, title, ts_rank_cd(tsv, q) r FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY r DESC LIMIT 20"
"Q05 phrase, ranked LIMIT 20|PHRASE|SELECT id, title, ts_rank_cd(tsv, q) r FROM zhfacts.article, phraseto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY r DESC LIMIT 20"
"Q06 two words AND (medium+frequent), ranked LIMIT 20|PAIR|SELECT id, title, ts_rank_cd(tsv, q) r FROM zhfacts.article, websearch_to_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY r DESC LIMIT 20"
"Q07 two words OR (medium), count|ORPAIR|SELECT count(*) FROM zhfacts.article WHERE tsv @@ websearch_to_tsquery('zhfacts.chinese', '%s')"
"Q08 ts_headline of the 10 best (medium)|MED|SELECT id, ts_headline('zhfacts.chinese', body, q, 'StartSel=【, StopSel=】, MaxFragments=2') FROM (SELECT id, body, q FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 10) t"
"Q09 title only (weight A), LIMIT 20 (medium)|MED|SELECT id, title FROM zhfacts.article WHERE tsv @@ to_tsquery('zhfacts.chinese', '%s:A') LIMIT 20"
"Q10 word + year, count (medium)|MED|SELECT count(*) FROM zhfacts.article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '%s') AND published_at >= '2020-01-01' AND published_at < '2021-01-01'"
"Q11 newest 20 with a frequent word|FREQ|SELECT id, title, published_at FROM zhfacts.article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '%s') ORDER BY published_at DESC LIMIT 20"
"Q12 word + province, count (medium)|MEDPROV|SELECT count(*) FROM zhfacts.article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '%s') AND region_code LIKE '%s%%'"
"Q13 money per prefecture of a province|PROV|SELECT r.name, sum(m.amount) FROM zhfacts.article_money m JOIN zhfacts.region r ON r.code = left(m.region_code, 4) WHERE m.region_code LIKE '%s%%' GROUP BY r.name ORDER BY 2 DESC NULLS LAST"
"Q14 money per prefecture, articles with a word (medium)|MED|SELECT r.name, sum(m.amount) FROM zhfacts.article a JOIN zhfacts.article_money m ON m.article_id = a.id JOIN zhfacts.region r ON r.code = left(m.region_code, 4) WHERE a.tsv @@ plainto_tsquery('zhfacts.chinese', '%s') GROUP BY r.name ORDER BY 2 DESC NULLS LAST LIMIT 20"
"Q15 initiatives per prefecture of a province|PROV|SELECT r.name, count(DISTINCT m.initiative_id) FROM zhfacts.article a JOIN zhfacts.initiative_mention m ON m.article_id = a.id JOIN zhfacts.region r ON r.code = left(a.region_code, 4) WHERE a.region_code LIKE '%s%%' GROUP BY r.name ORDER BY 2 DESC"
"Q16 top initiatives in articles with a word (medium)|MED|SELECT i.name, count(*) FROM zhfacts.article a JOIN zhfacts.initiative_mention m ON m.article_id = a.id JOIN zhfacts.initiative i ON i.id = m.initiative_id WHERE a.tsv @@ plainto_tsquery('zhfacts.chinese', '%s') GROUP BY i.name ORDER BY 2 DESC LIMIT 10"
"Q17 articles per prefecture with a word (medium)|MED|SELECT r.name, count(*) FROM zhfacts.article a JOIN zhfacts.region r ON r.code = left(a.region_code, 4) WHERE a.tsv @@ plainto_tsquery('zhfacts.chinese', '%s') GROUP BY r.name ORDER BY 2 DESC LIMIT 20"
"Q18 regions named with a word, top 10 (medium)|MED|SELECT r.name, count(*) FROM zhfacts.article a JOIN zhfacts.article_region ar ON ar.article_id = a.id JOIN zhfacts.region r ON r.code = ar.code WHERE a.tsv @@ plainto_tsquery('zhfacts.chinese', '%s') GROUP BY r.name ORDER BY 2 DESC LIMIT 10"
"Q19 newest 20 articles about a county (by name)|COUNTY|SELECT a.id, a.title FROM zhfacts.region r JOIN zhfacts.article a ON a.region_code = r.code WHERE r.name = '%s' ORDER BY a.published_at DESC LIMIT 20"
"Q20 prefix query w:*, count (medium)|MED|SELECT count(*) FROM zhfacts.article WHERE tsv @@ to_tsquery('zhfacts.chinese', '%s:*')"
"Q21 count, one word (medium, 3+ characters: for B03)|MED3|SELECT count(*) FROM zhfacts.article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '%s')"
"Q22 count, rare word (3+ characters: for B05)|RARE3|SELECT count(*) FROM zhfacts.article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '%s')"
"R02 RUM: rank LIMIT 20, frequent word|FREQ|SELECT id, title, tsv <=> q d FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 20"
"R03 RUM: rank LIMIT 20, medium word|MED|SELECT id, title, tsv <=> q d FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 20"
"R04 RUM: rank LIMIT 20, rare word|RARE|SELECT id, title, tsv <=> q d FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 20"
"R05 RUM: phrase, ranked LIMIT 20|PHRASE|SELECT id, title, tsv <=> q d FROM zhfacts.article, phraseto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 20"
"R06 RUM: two words AND (medium+frequent), ranked LIMIT 20|PAIR|SELECT id, title, tsv <=> q d FROM zhfacts.article, websearch_to_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 20"
"R08 RUM: ts_headline of the 10 best (medium)|MED|SELECT id, ts_headline('zhfacts.chinese', body, q, 'StartSel=【, StopSel=】, MaxFragments=2') FROM (SELECT id, body, q FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '%s') q WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 10) t"
"T02 top_articles LIMIT 20, frequent word|FREQ|SELECT a.id, a.title, t.rank FROM zhfacts.top_articles('%s', 20) t JOIN zhfacts.article a ON a.id = t.article_id"
"T03 top_articles LIMIT 20, medium word|MED|SELECT a.id, a.title, t.rank FROM zhfacts.top_articles('%s', 20) t JOIN zhfacts.article a ON a.id = t.article_id"
"T04 top_articles LIMIT 20, rare word|RARE|SELECT a.id, a.title, t.rank FROM zhfacts.top_articles('%s', 20) t JOIN zhfacts.article a ON a.id = t.article_id"
"B01 simple: count, one word (medium)|MED|SELECT count(*) FROM zhfacts.article WHERE to_tsvector('simple', body) @@ plainto_tsquery('simple', '%s')"
"B02 simple: rank_cd LIMIT 20 (frequent)|FREQ|SELECT id, ts_rank_cd(to_tsvector('simple', body), q) r FROM zhfacts.article, plainto_tsquery('simple', '%s') q WHERE to_tsvector('simple', body) @@ q ORDER BY r DESC LIMIT 20"
"B03 trgm: LIKE count, one word (medium, 3+ characters)|MED3|SELECT count(*) FROM zhfacts.article WHERE body LIKE '%%%s%%'"
"B04 trgm: LIKE LIMIT 20 (frequent)|FREQ|SELECT id, title FROM zhfacts.article WHERE body LIKE '%%%s%%' LIMIT 20"
"B05 trgm: LIKE count, rare word (3+ characters)|RARE3|SELECT count(*) FROM zhfacts.article WHERE body LIKE '%%%s%%'"
)

ONCE=" Q02 Q05 B02 B03 B05 "	# the slow ones: once per word, the others twice

run_queries() {	# run_queries N Q|B: the queries Qnn or Bnn, each with its 10 words
	local n=$1 qf
	qf=$OUT/queries_${n}_$2.sql
	{
		echo '\timing on'
		echo "SET statement_timeout = '120s';"
		echo '\o /dev/null'
		for q in "${QUERIES[@]}"; do
			IFS='|' read -r label list tmpl <<<"$q"
			local id=${label%% *} reps="1 2"
			[ "${id:0:1}" = "$2" ] || continue
			case "${QSKIP:-}" in *" $id "*) continue ;; esac
			case "$ONCE" in *" $id "*) reps=1 ;; esac
			for i in 0 1 2 3 4 5 6 7 8 9; do
				local a b
				case $list in
				FREQ) a=${FREQ[$i]} ;; MED) a=${MED[$i]} ;; RARE) a=${RARE[$i]} ;; PHRASE) a=${PHRASE[$i]} ;;
				PROV) a=${PROV[$i]} ;; COUNTY) a=${COUNTY[$i]} ;;
				MED3) a=${MED3[$i]} ;; RARE3) a=${RARE3[$i]} ;;
				PAIR) a="${MED[$i]} ${FREQ[$i]}" ;; ORPAIR) a="${MED[$i]} or ${MED[$(((i + 1) % 10))]}" ;;
				MEDPROV) a=${MED[$i]}; b=${PROV[$i]} ;;
				esac
				for rep in $reps; do
					echo "\\echo @ $id $i $rep"
					# shellcheck disable=SC2059
					if [ "$list" = MEDPROV ]; then printf "$tmpl;\n" "$a" "$b"; else printf "$tmpl;\n" "$a"; fi
				done
			done
		done
	} >"$qf"
	psql -X -q -f "$qf" 2>&1 | awk -v n="$n" '
		/^@ / {id = $2; w = $3; next}
		/^Time:/ && id != "" {print n "\t" id "\t" w "\t" $2; next}
		/canceling statement/ {print n "\t" id "\t" w "\t" 120000}' >>"$OUT/queries.tsv"
}

pct() {	# pct N [PREFIX]: p50 / p95 of the queries run at N
	awk -F'\t' -v n="$1" -v p="${2:-}" '$1 == n && index($2, p) == 1' "$OUT/queries.tsv" | sort -t$'\t' -k2,2 -k4,4g | awk -F'\t' '
		{k = $2; v[k, ++c[k]] = $4}
		END {for (k in c) {m = c[k]; p50 = v[k, int((m + 1) / 2)]; i95 = int(0.95 * m + 0.999); p95 = v[k, i95];
			printf "  %s p50 %.1f ms, p95 %.1f ms (%d runs)\n", k, p50, p95, m}}' | sort
}

# ensure_first_tpl: the database ${db}_first_tpl holds the first $FIRST
# articles, built as the scale database is (bulk load, then both GIN indexes
# built): the baseline of the cost per article (the bar: flat from the first
# size to the last).  Made once per run (kept by SCALE_QUERIES_ONLY runs if it
# holds $FIRST articles).
ensure_first_tpl() {
	local t=${db}_first_tpl
	[ "$(psql -X -At -d "$t" -c "SELECT count(*) FROM zhfacts.article" 2>/dev/null)" = "$FIRST" ] && return
	echo "  (making $t: the first $FIRST articles)"
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db}_first"
	new_db "$t"
	(
		export PGDATABASE=$t
		sql -c "CREATE EXTENSION zhfacts"
		bulk_load 1 "$FIRST" >/dev/null
		sql -c "$TSV_IDX" -c "$RANK_IDX" -c "VACUUM ANALYZE"
	)
}

# prewarm_indexes DB: the zhfacts indexes of DB read into shared_buffers
prewarm_indexes() {
	psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'zhfacts' AND c.relkind = 'i'" >/dev/null 2>&1
}

# measure_ingest N: ingestion of new raw pages into the table holding N
# articles, into a fresh copy of the table of the first size, and into an
# empty table, at the same moment: the pages go in INGEST_CHUNKS chunks, the
# three tables taking turns (in rotating order), then the GIN pending lists
# of each are flushed (in turns).  The machine is shared and its speed drifts
# within seconds; interleaving gives the three the same drift, so the ratios
# say what the size of the table costs.  As a bulk load would: a 64 MB GIN
# pending list (gin_pending_list_limit), the flush counted (not left to
# autovacuum); the table of N and the copy have their indexes in
# shared_buffers (pg_prewarm), as a server in its steady state has.
# INGEST_ROUNDS rounds of new pages; the medians are recorded.
measure_ingest() {
	local r c i k d x dbs=("$db" "${db}_first" "${db}_empty") tm_n=() tm_f=() tm_e=() fl_n=() fl_f=() rf=() re=()
	local -A tm fl
	prewarm_indexes "$db"
	ensure_first_tpl
	for r in $(seq 1 "$INGEST_ROUNDS"); do
		python3 bench/gen_scale_corpus.py --seed $SEED --start $((100000000 + $1 + (r - 1) * BATCH)) -n "$BATCH" --format tsv-raw >"$OUT/batch.tsv"
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db}_first" -c "CREATE DATABASE ${db}_first TEMPLATE ${db}_first_tpl"
		prewarm_indexes ${db}_first	# a fresh copy starts cold; the table of N is warm
		psql -X -q -d ${db}_empty -c "TRUNCATE zhfacts.article"
		for d in "${dbs[@]}"; do
			psql -X -q -v ON_ERROR_STOP=1 -d "$d" -c "DROP TABLE IF EXISTS batch" -c "CREATE TABLE batch (url text, raw text)" \
				-c "\\copy batch FROM '$OUT/batch.tsv'" -c "ALTER TABLE batch ADD COLUMN chunk serial"
		done
		for i in 0 1 2; do session_open $i "${dbs[i]}"; session_ms $i "CHECKPOINT" >/dev/null; done
		tm=(); fl=()
		for c in $(seq 0 "$INGEST_CHUNKS"); do	# the last turn flushes
			for i in 0 1 2; do
				k=$(((i + c + r) % 3)); d=${dbs[k]}
				if [ "$c" = "$INGEST_CHUNKS" ]; then
					x=$(session_ms $k "SELECT zhfacts.clean_pending_lists()")
					fl[$d]=$x
				else
					x=$(session_ms $k "SELECT count(zhfacts.ingest_article(raw, url)) FROM batch WHERE chunk % $INGEST_CHUNKS = $c")
				fi
				tm[$d]=$(awk -v a="${tm[$d]:-0}" -v b="$x" 'BEGIN {print a + b}')
			done
		done
		for i in 0 1 2; do session_close $i; done
		wait
		tm_n+=("$(per "${tm[$db]}")"); tm_f+=("$(per "${tm[${db}_first]}")"); tm_e+=("$(per "${tm[${db}_empty]}")")
		fl_n+=("$(per "${fl[$db]}")"); fl_f+=("$(per "${fl[${db}_first]}")")
		rf+=("$(ratio "${tm[$db]}" "${tm[${db}_first]}")"); re+=("$(ratio "${tm[$db]}" "${tm[${db}_empty]}")")
	done
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db}_first"
	rec "$1" ingest_ms_per_article "$(median "${tm_n[@]}")"
	rec "$1" ingest_first_ms_per_article "$(median "${tm_f[@]}")"
	rec "$1" ingest_empty_ms_per_article "$(median "${tm_e[@]}")"
	rec "$1" ingest_flush_ms_per_article "$(median "${fl_n[@]}")"
	rec "$1" ingest_first_flush_ms_per_article "$(median "${fl_f[@]}")"
	rec "$1" ingest_ratio_to_first "$(median "${rf[@]}")"
	rec "$1" ingest_ratio_to_first_rounds "${rf[*]}"
	rec "$1" ingest_ratio_to_empty "$(median "${re[@]}")"
	rec "$1" ingest_ratio_rounds "${re[*]}"
}

# measure_functions N: per-article cost of each function on BATCH articles spread over the table (best of 3: the machine is shared)
measure_functions() {
	local nprobe f name q t th
	# the same number of bodies from the first 10,000 articles: the functions
	# do not read the table, so their cost on these bodies, timed in turn with
	# the others, tells text and machine from table size
	sql -c "DROP TABLE IF EXISTS probe, probe_head" -c "CREATE TABLE probe AS SELECT a.body FROM zhfacts.article a
		WHERE a.id IN (SELECT 1 + (g * (SELECT max(id) FROM zhfacts.article)) / $BATCH FROM generate_series(0, $BATCH - 1) g)" \
		-c "CREATE TABLE probe_head AS SELECT a.body FROM zhfacts.article a
		WHERE a.id IN (SELECT 1 + (g * (SELECT least(10000, max(id)) FROM zhfacts.article)) / $BATCH FROM generate_series(0, $BATCH - 1) g)" \
		-c "VACUUM ANALYZE probe" -c "VACUUM ANALYZE probe_head"
	rec "$1" probe_kb "$(psql -X -At -c "SELECT round(avg(octet_length(body)) / 1024.0, 2) FROM probe")"
	nprobe=$(psql -X -At -c "SELECT count(*) FROM probe")
	for f in "to_tsvector_zhfacts|SELECT sum(length(to_tsvector('zhfacts.chinese', body))) FROM probe" \
		"to_tsvector_simple|SELECT sum(length(to_tsvector('simple', body))) FROM probe" \
		"extract_regions|SELECT count(*) FROM probe, zhfacts.extract_regions(body)" \
		"extract_money|SELECT count(*) FROM probe, zhfacts.extract_money(body)" \
		"extract_initiatives|SELECT count(*) FROM probe, zhfacts.extract_initiatives(body)" \
		"region_of|SELECT count(zhfacts.region_of(body)) FROM probe" \
		"money_in_context|SELECT count(*) FROM probe, zhfacts.money_in_context(body)"; do
		name=${f%%|*}; q=${f#*|}
		ms "SET max_parallel_workers_per_gather = 0" "$q" >/dev/null	# warm-up
		t=() th=()
		for _ in 1 2 3; do	# best of 3, in turn with the first 10,000 articles' bodies
			t+=("$(ms "SET max_parallel_workers_per_gather = 0" "$q")")
			th+=("$(ms "SET max_parallel_workers_per_gather = 0" "${q/FROM probe/FROM probe_head}")")
		done
		rec "$1" "${name}_ms_per_article" "$(awk -v t="$(best "${t[@]}")" -v n="$nprobe" 'BEGIN {printf "%.4f", t / n}')"
		rec "$1" "${name}_vs_first_10k" "$(ratio "$(best "${t[@]}")" "$(best "${th[@]}")")"
	done
}

# top_articles gives the ranks of ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 20 (ties
# in any order): compared for the 30 search words
check_top() {
	local same
	same=$(for w in "${FREQ[@]}" "${MED[@]}" "${RARE[@]}"; do
		echo "SELECT array(SELECT rank FROM zhfacts.top_articles('$w', 20)) = array(SELECT ts_rank_cd(tsv, q) r
			FROM zhfacts.article, (SELECT (chr(39) || lexeme || chr(39))::tsquery q FROM unnest(to_tsvector('zhfacts.chinese', '$w'))
			ORDER BY length(lexeme) DESC, lexeme LIMIT 1) h WHERE tsv @@ q ORDER BY r DESC LIMIT 20);"
	done | psql -X -q -At | grep -c '^t$' || true)
	rec "$1" top_articles_same_ranks "$same/30"
}

# SCALE_QUERIES_ONLY="I F T Q": only these query groups (I: the ingestion
# rounds, F: the per-article cost of the functions; then the top_articles
# check) on the article table as it is (with ZHFACTS_BENCH_USE_ENV=1: the
# database PGDATABASE of the server the PG* environment names)
if [ -n "${SCALE_QUERIES_ONLY:-}" ]; then
	N=$(psql -X -At -c "SELECT count(*) FROM zhfacts.article")
	db=$PGDATABASE	# and ${db}_empty, ${db}_first_tpl (made if missing) for the ingestion baselines
	echo "== $N articles: query groups $SCALE_QUERIES_ONLY"
	prewarm_indexes "$db"	# a server in its steady state has its indexes in memory
	for g in $SCALE_QUERIES_ONLY; do
		if [ "$g" = I ]; then measure_ingest "$N"; continue; fi
		if [ "$g" = F ]; then measure_functions "$N"; continue; fi
		run_queries "$N" "$g"
		pct "$N" "$g"
	done
	check_top "$N"
	exit 0
fi

have=0
for N in $SIZES; do
	echo "== $N articles"
	[ "$N" -gt "$have" ] || { echo "sizes must grow" >&2; exit 1; }
	sql -c "DROP INDEX IF EXISTS zhfacts.article_simple_idx, zhfacts.article_trgm_idx, zhfacts.article_rum_idx"
	t0=$(date +%s.%N)
	bulk_load $((have + 1)) "$N"
	t1=$(date +%s.%N)
	sql -c "VACUUM ANALYZE zhfacts.article" -c "ANALYZE zhfacts.article_region" -c "ANALYZE zhfacts.article_money" \
		-c "ANALYZE zhfacts.initiative_mention" -c "ANALYZE zhfacts.initiative"
	rec "$N" bulk_ms_per_article "$(awk -v a="$t0" -v b="$t1" -v n=$((N - have)) 'BEGIN {printf "%.3f", (b - a) * 1000 / n}')"
	have=$N
	rec "$N" articles "$(psql -X -At -c 'SELECT count(*) FROM zhfacts.article')"

	# the GIN index of the zhfacts tsvector
	rec "$N" gin_build_ms "$(ms "$TSV_IDX")"
	rec "$N" gin_mb "$(part_idx_mb tsv_idx)"
	# the impact tiers of top_articles
	rec "$N" rank_build_ms "$(ms "$RANK_IDX")"
	rec "$N" rank_mb "$(part_idx_mb rank_idx)"

	measure_ingest "$N"
	rec "$N" ingest_kb "$(psql -X -At -c "SELECT round(avg(octet_length(raw)) / 1024.0, 2) FROM batch")"
	have=$((have + INGEST_ROUNDS * BATCH))
	rec "$N" table_mb "$(psql -X -At -c "SELECT round(sum(pg_table_size(relid)) / 1048576.0) FROM pg_partition_tree('zhfacts.article')")"
	rec "$N" facts "$(psql -X -At -c "SELECT format('%s regions, %s money, %s initiative mentions, %s initiatives',
		(SELECT count(*) FROM zhfacts.article_region), (SELECT count(*) FROM zhfacts.article_money),
		(SELECT count(*) FROM zhfacts.initiative_mention), (SELECT count(*) FROM zhfacts.initiative))")"

	measure_functions "$N"

	sql -c "VACUUM ANALYZE zhfacts.article"
	rec "$N" load_average "$(cut -d' ' -f1-3 /proc/loadavg)"
	prewarm_indexes "$db"
	run_queries "$N" Q
	pct "$N" Q
	run_queries "$N" T
	pct "$N" T
	check_top "$N"

	# the RUM index: the ranked searches in rank order from the index
	rec "$N" rum_build_ms "$(ms "CREATE INDEX article_rum_idx ON zhfacts.article USING rum (tsv rum_tsvector_ops)")"
	rec "$N" rum_mb "$(idx_mb article_rum_idx)"
	sql -c "VACUUM ANALYZE zhfacts.article"
	run_queries "$N" R
	pct "$N" R
	sql -c "DROP INDEX zhfacts.article_rum_idx"
	if [ "$N" = "$PARALLEL_AT" ] && [ -f bench/bench_parallel.sh ]; then
		ZHFACTS_BENCH_USE_ENV=1 PARALLEL_USE_ARTICLES=1 bash bench/bench_parallel.sh | tee "$OUT/parallel_$N.txt"
	fi

	# baselines on the same bodies
	rec "$N" simple_gin_build_ms "$(ms "CREATE INDEX article_simple_idx ON zhfacts.article USING gin (to_tsvector('simple', body))")"
	rec "$N" simple_gin_mb "$(idx_mb article_simple_idx)"
	if [ "$N" -le "$TRGM_MAX" ]; then
		rec "$N" trgm_gin_build_ms "$(ms "CREATE INDEX article_trgm_idx ON zhfacts.article USING gin (body gin_trgm_ops)")"
		rec "$N" trgm_gin_mb "$(idx_mb article_trgm_idx)"
	else
		ONCE="$ONCE B03 B04 B05 "	# no index: sequential scans (B03, B05 would take minutes each)
		QSKIP=" B03 B05 "
	fi
	sql -c "VACUUM ANALYZE zhfacts.article"

	run_queries "$N" B
	pct "$N" B
	df -h "$PWD" | tail -1 | awk '{print "  disk: " $3 " used, " $4 " free"}'
	echo "  database: $(psql -X -At -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
done
fi

# p50 / p95 per query and size (query_pct.tsv), and the tables as markdown
python3 bench/scale_report.py "$OUT" >"$OUT/report.md"
echo "== query latency p50 / p95 (ms) per size"
awk -F'\t' '{k[$2] = k[$2] sprintf("  %9s / %-9s", $3, $4)} END {for (q in k) print q k[q]}' "$OUT/query_pct.tsv" | sort

# chart
python3 - "$OUT" <<'PY'
import sys, collections
out = sys.argv[1]
r = collections.defaultdict(dict)
for line in open(out + '/results.tsv'):
    n, k, v = line.rstrip('\n').split('\t')
    r[int(n)][k] = v
cols = ['ingest_ms_per_article', 'bulk_ms_per_article', 'to_tsvector_zhfacts_ms_per_article', 'extract_regions_ms_per_article',
        'extract_money_ms_per_article', 'extract_initiatives_ms_per_article', 'region_of_ms_per_article',
        'money_in_context_ms_per_article', 'to_tsvector_simple_ms_per_article',
        'gin_build_ms', 'gin_mb', 'simple_gin_build_ms', 'simple_gin_mb', 'trgm_gin_build_ms', 'trgm_gin_mb',
        'rum_build_ms', 'rum_mb', 'ingest_empty_ms_per_article', 'rank_build_ms', 'rank_mb', 'ingest_first_ms_per_article']
with open(out + '/results_wide.dat', 'w') as f:
    f.write('# n ' + ' '.join(cols) + '\n')
    for n in sorted(r):
        f.write('%d %s\n' % (n, ' '.join(r[n].get(c, 'NaN') for c in cols)))
q = collections.defaultdict(dict)
for line in open(out + '/query_pct.tsv'):
    n, k, p50, p95 = line.split('\t')
    q[int(n)][k] = p95.strip()
keys = ['Q02', 'Q03', 'Q04', 'Q05', 'Q08', 'Q11', 'Q13', 'Q15', 'Q19', 'B03', 'R02', 'R03', 'R04', 'T02', 'T03', 'T04']
with open(out + '/query_wide.dat', 'w') as f:
    f.write('# n ' + ' '.join(keys) + '\n')
    for n in sorted(q):
        f.write('%d %s\n' % (n, ' '.join(q[n].get(k, 'NaN') for k in keys)))
PY
gnuplot <<GP
set terminal pngcairo size 1600,1150 font "Sans,11"
set output "$CHART"
set multiplot layout 2,2 title "zhfacts at scale: $(nproc) cores, $(date -u +%Y-%m-%d) (x: articles in the table, log scale)"
set logscale x
set grid
set key outside right top font ",9"
set xlabel "articles"
set title "Cost per article (ms)"
set logscale y
plot "$OUT/results_wide.dat" u 1:2 w lp lw 2 t "ingest\\\_article (all facts, GIN)", \
  "" u 1:3 w lp t "bulk load (2 sessions, wall)", \
  "" u 1:4 w lp t "to\\\_tsvector zhfacts", "" u 1:5 w lp t "extract\\\_regions", "" u 1:6 w lp t "extract\\\_money", \
  "" u 1:7 w lp t "extract\\\_initiatives", "" u 1:8 w lp t "region\\\_of", "" u 1:9 w lp t "money\\\_in\\\_context", \
  "" u 1:10 w lp dt 2 t "to\\\_tsvector simple", "" u 1:19 w lp dt 3 t "ingest\\\_article into an empty table (same moment)", \\
  "" u 1:22 w lp dt 4 t "ingest\\\_article into the first size's table (same moment)"
set title "Index build time (s): GIN, and RUM for ranking"
plot "$OUT/results_wide.dat" u 1:(\$11/1000) w lp lw 2 t "zhfacts.chinese", "" u 1:(\$13/1000) w lp t "simple", "" u 1:(\$15/1000) w lp t "pg\\\_trgm", \
  "" u 1:(\$17/1000) w lp t "RUM, zhfacts.chinese", "" u 1:(\$20/1000) w lp t "impact tiers (top\\\_articles)"
set title "Index size (MB)"
plot "$OUT/results_wide.dat" u 1:12 w lp lw 2 t "zhfacts.chinese", "" u 1:14 w lp t "simple", "" u 1:16 w lp t "pg\\\_trgm", \
  "" u 1:18 w lp t "RUM, zhfacts.chinese", "" u 1:21 w lp t "impact tiers (top\\\_articles)"
set title "Query latency p95 (ms); bar 50 ms"
plot "$OUT/query_wide.dat" u 1:2 w lp lw 2 t "Q02 rank LIMIT 20, frequent word", "" u 1:3 w lp lw 2 t "Q03 rank, medium word", \
  "" u 1:4 w lp lw 2 t "Q04 rank, rare word", "" u 1:5 w lp t "Q05 phrase, ranked", "" u 1:6 w lp t "Q08 ts\\\_headline top 10", \
  "" u 1:7 w lp t "Q11 newest 20, frequent word", "" u 1:8 w lp t "Q13 money per prefecture", "" u 1:9 w lp t "Q15 initiatives per prefecture", \
  "" u 1:10 w lp t "Q19 county by name", "" u 1:11 w lp dt 2 t "B03 pg\\\_trgm LIKE, medium", \
  "" u 1:12 w lp lw 2 dt 4 t "R02 RUM rank, frequent word", "" u 1:13 w lp lw 2 dt 4 t "R03 RUM rank, medium word", \
  "" u 1:14 w lp lw 2 dt 4 t "R04 RUM rank, rare word", \
  "" u 1:15 w lp lw 3 t "T02 top\\\_articles, frequent word", "" u 1:16 w lp lw 3 t "T03 top\\\_articles, medium word", \
  "" u 1:17 w lp lw 3 t "T04 top\\\_articles, rare word", 50 w l lc rgb "red" dt 3 lw 2 t "50 ms bar"
unset multiplot
GP
echo "chart: $CHART"
echo "results: $OUT/results.tsv, $OUT/queries.tsv, $OUT/query_pct.tsv, tables: $OUT/report.md"
