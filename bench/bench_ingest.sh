#!/usr/bin/env bash
# bench_ingest.sh - ingestion throughput: zhfacts.ingest_article with all facts
# (regions, money, initiatives) and the GIN index, against baselines in the
# same run on the same text: a plain INSERT of the raw pages, and an INSERT
# of the cleaned text into a table with the same tsvector column and GIN index.
#
# Then the same pages as bin/zhfacts-load stores them, a transaction a page,
# in one session and in two at once (zhfacts-load -j 2).
#
# Usage: bench/bench_ingest.sh [PAGES_DIR...]   (default: sample/ and, when
# present, ../shared/seeds).  Every page is repeated with a numbered sentence
# inserted, so no two are duplicates, up to about ZHFACTS_BENCH_MB (default 4)
# megabytes.  Runs in a throwaway cluster unless ZHFACTS_BENCH_USE_ENV=1 (then
# the PG* environment names a server; a database zf_bench is created there and
# dropped at the end unless ZF_KEEP_DB=1, for profiling).
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/zhfacts-env.sh
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
	dirs=(sample)
	[ -d ../shared/seeds ] && dirs+=(../shared/seeds)
fi
mb=${ZHFACTS_BENCH_MB:-4}

if [ "${ZHFACTS_BENCH_USE_ENV:-}" != 1 ]; then
	zf_build_install
	zf_cluster_start
fi
db=zf_bench
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
export PGDATABASE=$db
psql -X -q -c "CREATE EXTENSION zhfacts"

# the pages as a staging table, through a SQL file of dollar-quoted literals
stage=$(mktemp /tmp/zf_bench.XXXXXX.sql)
pagedir=$(mktemp -d /tmp/zf_bench_pages.XXXXXX)	# the same pages as files, for bin/zhfacts-load
zf_on_exit 'rm -rf "$stage" "$pagedir"'
python3 - "$stage" "$mb" "$pagedir" "${dirs[@]}" <<'PY'
import os, sys
out, mb, pagedir, dirs = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4:]
pages = []
for d in dirs:
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        if os.path.isfile(p):
            pages.append(open(p, encoding='utf-8').read())
total, i = 0, 0
with open(out, 'w', encoding='utf-8') as o:
    o.write('CREATE TABLE staging (n int, raw text);\nCOPY staging FROM stdin;\n')
    while total < mb * 1e6:
        for p in pages:
            # a numbered sentence after the first full stop keeps pages distinct
            k = p.find('。')
            q = p[:k + 1] + '此为第%d稿。' % i + p[k + 1:] if k >= 0 else p + '\n第%d稿' % i
            o.write('%d\t%s\n' % (i, q.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')))
            with open(os.path.join(pagedir, '%06d.txt' % i), 'w', encoding='utf-8') as pf:
                pf.write(q)
            total += len(q.encode('utf-8'))
            i += 1
    o.write('\\.\n')
PY
psql -X -q -v ON_ERROR_STOP=1 -f "$stage"
read -r pages bytes < <(psql -X -At -F ' ' -c "SELECT count(*), sum(octet_length(raw)) FROM staging")
echo "pages: $pages, raw text: $bytes bytes (from ${dirs[*]})"

rate() {	# rate LABEL MS: a line with the time and the MB/s of the raw text
	awk -v l="$1" -v ms="$2" -v b="$bytes" 'BEGIN { printf "%-58s %9.0f ms  %6.2f MB/s\n", l, ms, b / 1048576 / (ms / 1000) }'
}
now_ms() { echo $((${EPOCHREALTIME/[.,]/} / 1000)); }

timed() {	# timed LABEL SQL: one statement, by psql's \timing
	rate "$1" "$(psql -X -q -v ON_ERROR_STOP=1 -c '\timing on' -c "$2" | awk '/^Time:/ {print $2}')"
}

psql -X -q <<'SQL'
CREATE TABLE plain (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, raw text);
CREATE TABLE indexed (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text, body text,
	tsv tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('zhfacts.chinese'::regconfig, coalesce(title, '')), 'A') ||
		setweight(to_tsvector('zhfacts.chinese'::regconfig, body), 'D')) STORED);
CREATE INDEX ON indexed USING gin (tsv);
CHECKPOINT;
SQL
echo "MB/s of raw page text (1 MB = 1048576 bytes):"
timed "baseline: INSERT of the raw pages into a plain table" \
	"INSERT INTO plain (raw) SELECT raw FROM staging ORDER BY n"
timed "baseline: clean_page + INSERT with tsvector and GIN index" \
	"INSERT INTO indexed (title, body) SELECT p.title, p.body FROM staging, zhfacts.clean_page(raw) p ORDER BY n"
psql -X -q -c "CHECKPOINT"
timed "zhfacts.ingest_article: all facts and the index" \
	"SELECT count(zhfacts.ingest_article(raw)) FROM (SELECT raw FROM staging ORDER BY n) s"
psql -X -At -c "SELECT format('stored: %s articles, %s regions, %s sums of money, %s initiative mentions, %s initiatives',
	(SELECT count(*) FROM zhfacts.article), (SELECT count(*) FROM zhfacts.article_region),
	(SELECT count(*) FROM zhfacts.article_money), (SELECT count(*) FROM zhfacts.initiative_mention),
	(SELECT count(*) FROM zhfacts.initiative))"

# as bin/zhfacts-load does it: a transaction a page, in one session and in
# JOBS sessions at once (zhfacts-load -j), each taking every JOBS-th page
sessions() {	# sessions LABEL JOBS STATEMENT-FOR-r.raw: wall-clock MB/s
	local t0 k pids=()
	psql -X -q -c "CHECKPOINT"
	t0=$(now_ms)
	for ((k = 0; k < $2; k++)); do
		psql -X -q -v ON_ERROR_STOP=1 -c "DO \$\$ DECLARE r record; BEGIN
			FOR r IN SELECT raw FROM staging WHERE n % $2 = $k ORDER BY n LOOP $3; COMMIT; END LOOP; END \$\$" &
		pids+=($!)
	done
	for k in "${pids[@]}"; do wait "$k"; done
	rate "$1" $(($(now_ms) - t0))
}
# ZHFACTS_BENCH_REPS rounds (default 3), interleaved: the machine is shared
for ((rep = 1; rep <= ${ZHFACTS_BENCH_REPS:-3}; rep++)); do
	for jobs in 1 2; do
		psql -X -q -c "TRUNCATE zhfacts.article"
		sessions "zhfacts.ingest_article, a transaction a page, $jobs session(s)" $jobs "PERFORM zhfacts.ingest_article(r.raw)"
	done
	# the loader itself, end to end, on the same pages as files
	for jobs in 1 2; do
		psql -X -q -c "TRUNCATE zhfacts.article" -c "CHECKPOINT"
		t0=$(now_ms)
		bin/zhfacts-load -j $jobs "$pagedir" >/dev/null 2>&1
		rate "bin/zhfacts-load -j $jobs (end to end: files, psql, all facts)" $(($(now_ms) - t0))
	done
done
psql -X -q -c "TRUNCATE indexed"
sessions "baseline: clean_page + INSERT with tsvector and GIN, 2 sessions" 2 \
	"INSERT INTO indexed (title, body) SELECT p.title, p.body FROM zhfacts.clean_page(r.raw) p"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
[ -n "${ZF_KEEP_DB:-}" ] || { if [ "${ZHFACTS_BENCH_USE_ENV:-}" = 1 ]; then psql -X -q -d postgres -c "DROP DATABASE $db"; fi; }
