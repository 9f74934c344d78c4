#!/usr/bin/env bash
# dump_restore.sh - a pg_dump / pg_restore round trip of the corpus loses
# nothing: articles, facts, initiatives, user words and sequences.
#
# Uses the running cluster (PGHOST, PGPORT, PGUSER as exported by
# bin/zhfacts-test): creates a database, loads sample/ with bin/zhfacts-load,
# dumps it with pg_dump -Fc, restores into a second database and compares.
# The articles are spread over several partitions of 4 ids (made at run time,
# so pg_dump dumps them as ordinary tables) and the default partition.
# Prints "dump_restore: N passed, M failed".
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/pg_dump" ] || PG_BIN=$(dirname "$(command -v pg_dump)")
src=zf_dump_src_$$
dst=zf_dump_dst_$$
dump=$(mktemp /tmp/zf_dump.XXXXXX)
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
q() { psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" >/dev/null 2>&1
	rm -f "$dump"
}
trap cleanup EXIT

psql -X -q -d postgres -c "CREATE DATABASE $src ENCODING 'UTF8' TEMPLATE template0" \
	-c "CREATE DATABASE $dst ENCODING 'UTF8' TEMPLATE template0" >/dev/null
q "$src" "CREATE EXTENSION zhfacts" >/dev/null
if PGOPTIONS="${PGOPTIONS:-} -c zhfacts.article_partition_rows=4" bin/zhfacts-load -d "$src" sample/ >/dev/null 2>&1; then
	ok "sample/ loaded"
else
	bad "sample/ loaded"
fi
q "$src" "INSERT INTO zhfacts.user_word VALUES ('晴雨议事厅', NULL, 'nz')" >/dev/null
# a deleted article leaves a gap the sequence must remember
q "$src" "DELETE FROM zhfacts.article WHERE id = (SELECT max(id) FROM zhfacts.article)" >/dev/null
# one article beyond the range partitions, in the default partition
q "$src" "SELECT setval('zhfacts.article_id_seq', nextval('zhfacts.article_id_seq') + 100)" >/dev/null
q "$src" "INSERT INTO zhfacts.article (title, body) VALUES ('默认分区', '金华市浦江县投入500万元修缮古村落。')" >/dev/null
np=$(q "$src" "SELECT count(*) FILTER (WHERE bounds <> 'DEFAULT') || ' ' || (SELECT count(*) FROM zhfacts.article_default) FROM zhfacts.article_partitions")
if [ "${np%% *}" -ge 3 ] && [ "${np##* }" = 1 ]; then ok "articles in ${np%% *} range partitions and ${np##* } in the default partition"; else bad "partitions and default rows: $np"; fi

if "$PG_BIN/pg_dump" -Fc -d "$src" -f "$dump" 2>/tmp/zf_dump_err.$$; then ok "pg_dump -Fc"; else bad "pg_dump -Fc: $(cat /tmp/zf_dump_err.$$)"; fi
if "$PG_BIN/pg_restore" -d "$dst" "$dump" 2>/tmp/zf_dump_err.$$; then
	ok "pg_restore without errors"
else
	bad "pg_restore: $(head -5 /tmp/zf_dump_err.$$)"
fi
rm -f /tmp/zf_dump_err.$$

# every table: the same number of rows and the same rows
for t in article initiative initiative_mention article_region article_money user_word; do
	case $t in
	article) cols="id, url, title, source, published_at, script, body, content_hash, tsv::text, region_code, ingested_at, facts_at" ;;
	initiative) cols="id, name, kind, region_code, first_seen" ;;
	initiative_mention) cols="initiative_id, article_id, pos, kind, sentence" ;;
	article_region) cols="article_id, pos, mention, code" ;;
	article_money) cols="article_id, pos, mention, amount, amount_min, amount_max, qualifier, currency, region_code, context" ;;
	user_word) cols="word, freq, tag" ;;
	esac
	sql="SELECT count(*) || ' ' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM (SELECT $cols FROM zhfacts.$t) r"
	a=$(q "$src" "$sql")
	b=$(q "$dst" "$sql")
	if [ -n "$a" ] && [ "$a" = "$b" ] && [ "${a%% *}" -gt 0 ]; then
		ok "zhfacts.$t: ${a%% *} rows, identical"
	else
		bad "zhfacts.$t: source $a, restored $b"
	fi
done

# sequences go on where they were
for s in article_id_seq initiative_id_seq; do
	a=$(q "$src" "SELECT last_value FROM zhfacts.$s")
	b=$(q "$dst" "SELECT last_value FROM zhfacts.$s")
	if [ "$a" = "$b" ]; then ok "zhfacts.$s at $a"; else bad "zhfacts.$s: source $a, restored $b"; fi
done

a=$(q "$src" "SELECT string_agg(partition || ' ' || bounds, ', ' ORDER BY partition::text) FROM zhfacts.article_partitions")
b=$(q "$dst" "SELECT string_agg(partition || ' ' || bounds, ', ' ORDER BY partition::text) FROM zhfacts.article_partitions")
if [ "$a" = "$b" ]; then ok "the same partitions"; else bad "partitions: source [$a], restored [$b]"; fi

# the restored database works: a new article gets a new id and its facts
new=$(q "$dst" "SELECT zhfacts.ingest_article(E'嘉兴市南湖区设立红船共富基金\n2023-06-01 10:00\n来源：示范嘉兴\n\n嘉兴市南湖区设立“红船共富”基金，首期规模2000万元。')")
maxsrc=$(q "$src" "SELECT last_value FROM zhfacts.article_id_seq")
if [ -n "$new" ] && [ "$new" -gt "$maxsrc" ]; then ok "new article id $new after restore"; else bad "new article id $new (sequence at $maxsrc)"; fi
m=$(q "$dst" "SELECT count(*) FROM zhfacts.article_money WHERE article_id = ${new:-0}")
if [ "$m" = 1 ]; then ok "facts of a new article after restore"; else bad "facts of a new article after restore: $m money rows"; fi
d=$(q "$dst" "SELECT zhfacts.ingest_article(body) FROM zhfacts.article WHERE id = (SELECT min(id) FROM zhfacts.article)")
f=$(q "$dst" "SELECT min(id) FROM zhfacts.article")
if [ "$d" = "$f" ]; then ok "duplicate detection after restore"; else bad "duplicate detection after restore: $d vs $f"; fi

echo "dump_restore: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
