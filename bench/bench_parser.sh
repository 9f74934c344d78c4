#!/usr/bin/env bash
# bench_parser.sh - to_tsvector speed against the `simple` configuration in the
# same run, linearity (10 MB vs 20 MB), and a new connection's private memory
# and first-call time.  Needs PGHOST/PGPORT of a server with zhfacts installed
# (bin/zhfacts-bench provides one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

python3 "$here/gen_corpus.py" 20 > "$tmp/corpus.tsv"
q -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS bench_doc" -c "CREATE TABLE bench_doc (id int, body text)"
q -c "\\copy bench_doc FROM '$tmp/corpus.tsv'"
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS zhfacts" -c "VACUUM ANALYZE bench_doc"
bytes=$(q -c "SELECT sum(octet_length(body)) FROM bench_doc")
half=$(q -c "SELECT max(id) / 2 FROM bench_doc")

# best of three, in milliseconds
timeit() {
	local best=""
	for _ in 1 2 3; do
		local ms
		ms=$(q -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
		if [ -z "$best" ] || awk "BEGIN{exit !($ms < $best)}"; then best=$ms; fi
	done
	echo "$best"
}
mbs() { awk -v b="$1" -v ms="$2" 'BEGIN{printf "%.1f", b / 1048576 / (ms / 1000)}'; }

simple=$(timeit "SELECT count(to_tsvector('simple', body)) FROM bench_doc" 2>/dev/null)
# the same text pre-segmented with spaces: what PostgreSQL's own machinery costs for as many tokens
q -c "CREATE TABLE bench_spaced AS SELECT id, (SELECT string_agg(token, ' ') FROM zhfacts.segment(body)) AS body FROM bench_doc"
spaced=$(timeit "SELECT count(to_tsvector('simple', body)) FROM bench_spaced")
zh=$(timeit "SELECT count(to_tsvector('zhfacts.chinese', body)) FROM bench_doc")
# linear in the length of one document: 5 MB and 10 MB documents, segmented whole
q -c "CREATE TABLE bench_big AS SELECT 1 AS n, string_agg(body, '' ORDER BY id) AS body FROM bench_doc WHERE id <= $half / 2
      UNION ALL SELECT 2, string_agg(body, '' ORDER BY id) FROM bench_doc WHERE id <= $half"
big1=$(timeit "SELECT count(*) FROM bench_big, zhfacts.segment(body) WHERE n = 1")
big2=$(timeit "SELECT count(*) FROM bench_big, zhfacts.segment(body) WHERE n = 2")
seg=$(timeit "SELECT count(*) FROM bench_doc, zhfacts.segment(body)")

echo "corpus: $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}') MB of Chinese text, $(q -c 'SELECT count(*) FROM bench_doc') documents"
echo "to_tsvector('simple'):          $(mbs "$bytes" "$simple") MB/s"
echo "to_tsvector('zhfacts.chinese'): $(mbs "$bytes" "$zh") MB/s  (ratio to simple $(awk -v a="$simple" -v b="$zh" 'BEGIN{printf "%.2f", a/b}'))"
echo "one document of $(q -c "SELECT round(octet_length(body) / 1048576.0, 1) FROM bench_big WHERE n = 1") MB vs $(q -c "SELECT round(octet_length(body) / 1048576.0, 1) FROM bench_big WHERE n = 2") MB: segment() time ratio $(awk -v a="$big2" -v b="$big1" 'BEGIN{printf "%.2f", a/b}') (2.00 = linear)"
echo "to_tsvector('simple') on the same text pre-segmented with spaces: $(mbs "$bytes" "$spaced") MB/s of the original text"
echo "zhfacts.segment():              $(mbs "$bytes" "$seg") MB/s"

# a new connection: its anonymous (private, not file-backed) memory before and
# after the first parse, and the time of that first call.  The dictionary is a
# shared read-only file mapping and is not counted; a private copy would be.
mem_probe() {
	psql -X -q -At <<'SQL'
SELECT 'mem ' || substring(pg_read_file('/proc/self/smaps_rollup') from 'Anonymous: *([0-9]+)');
\timing on
SELECT length(to_tsvector('zhfacts.chinese', '淳安县推进共同富裕，杭州市西湖区投入超70亿元'));
\timing off
SELECT 'mem ' || substring(pg_read_file('/proc/self/smaps_rollup') from 'Anonymous: *([0-9]+)');
\timing on
SELECT length(to_tsvector('zhfacts.chinese', '淳安县推进共同富裕，杭州市西湖区投入超70亿元'));
SQL
}
mem_probe > "$tmp/mem.txt"
before=$(grep '^mem' "$tmp/mem.txt" | sed -n 1p | cut -d' ' -f2)
after=$(grep '^mem' "$tmp/mem.txt" | sed -n 2p | cut -d' ' -f2)
first=$(grep '^Time' "$tmp/mem.txt" | sed -n 1p | sed 's/Time: \([0-9.]*\).*/\1/')
second=$(grep '^Time' "$tmp/mem.txt" | sed -n 2p | sed 's/Time: \([0-9.]*\).*/\1/')
echo "new connection: private (anonymous) memory +$((after - before)) kB after the first to_tsvector; first call $first ms, second $second ms"
q -c "DROP TABLE bench_doc" -c "DROP TABLE bench_spaced" -c "DROP TABLE bench_big"
