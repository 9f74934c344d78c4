#!/usr/bin/env bash
# scale_out.sh - zhfacts over several PostgreSQL servers with postgres_fdw
# (docs/scale-out.md): a coordinator and three shards, each its own throwaway
# cluster, the sample corpus ingested through the coordinator, and every
# answer compared with a single server that loaded the same pages.
#
# Starts four clusters (as the postgres user, private socket directories
# under /tmp, no TCP listener) and stops them on exit, whatever happened.
# The single-server reference is a database of the coordinator's cluster
# loaded with bin/zhfacts-load.  Needs zhfacts installed (bin/zhfacts-test
# installs it; run standalone, it builds and installs it when missing).
# Prints "scale_out: N passed, M failed".
cd "$(dirname "$0")/.."
source bin/zhfacts-env.sh
set -uo pipefail

NSHARDS=3
NPAGES=150
SQLDIR=test/scale_out
started=$(date +%s.%N)
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
lap() { echo "== $1 ($(awk -v s="$started" -v t="$(date +%s.%N)" 'BEGIN { printf "%.1f", t - s }')s)"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
finish() {
	echo "scale_out: $passed passed, $failed failed ($(awk -v s="$started" -v t="$(date +%s.%N)" 'BEGIN { printf "%.1f", t - s }')s)"
	[ "$failed" -eq 0 ]
	exit
}

if [ ! -f "$("$PG_BIN/pg_config" --sharedir)/extension/zhfacts.control" ]; then
	zf_install_packages && zf_build_install || { bad "zhfacts is not installed and could not be built"; finish; }
fi

# --- the clusters: c0 the coordinator (and the single-server reference), c1..c3 the shards
base=$(mktemp -d /tmp/zf_scale.XXXXXX)
chmod 755 "$base"
[ "$(id -u)" = 0 ] && chown postgres: "$base"
names=(c0)
for k in $(seq 1 $NSHARDS); do names+=("c$k"); done
sock() { echo "$base/sock_$1"; }
port() { echo $((5433 + ${1#c})); }	# private socket directories: the ports need not differ, but they say which is which

stop_all() {
	local n
	for n in "${names[@]}"; do
		if [ -f "$base/$n/postmaster.pid" ]; then
			zf_as_pg "$PG_BIN/pg_ctl" -D "$base/$n" -m immediate -w stop >/dev/null 2>&1 &
		fi
	done
	wait
	rm -rf "$base"
}
if [ -n "${ZF_SCALE_KEEP:-}" ]; then
	echo "keeping the clusters in $base (sockets $base/sock_c0..c$NSHARDS, ports 5433..$((5433 + NSHARDS)));"
	echo "stop them with: for d in $base/c?; do runuser -u postgres -- $PG_BIN/pg_ctl -D \$d stop; done"
else
	zf_on_exit stop_all
	trap 'exit 130' INT TERM HUP	# through the EXIT trap
fi

# one initdb, copied: the clusters are alike but for their data
if ! zf_as_pg "$PG_BIN/initdb" -N -D "$base/template" -U postgres -A trust --encoding=UTF8 --locale=C >"$base/initdb.log" 2>&1; then
	bad "initdb: $(tail -3 "$base/initdb.log")"
	finish
fi
for n in "${names[@]}"; do
	cp -a "$base/template" "$base/$n"
	mkdir "$(sock "$n")"
	[ "$(id -u)" = 0 ] && chown postgres: "$(sock "$n")"
	zf_as_pg "$PG_BIN/pg_ctl" -D "$base/$n" -w -t 60 -l "$base/$n.log" \
		-o "-k $(sock "$n") -p $(port "$n") -c listen_addresses='' -c fsync=off -c max_connections=30" start >/dev/null 2>&1 &
done
wait
rm -rf "$base/template"
up=0
for n in "${names[@]}"; do
	if psql -X -q -h "$(sock "$n")" -p "$(port "$n")" -U postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
		up=$((up + 1))
	else
		echo "$n: $(tail -5 "$base/$n.log" 2>/dev/null)"
	fi
done
if [ "$up" = ${#names[@]} ]; then ok "$up clusters started: a coordinator and $NSHARDS shards"; else bad "only $up of ${#names[@]} clusters started"; finish; fi

# psql on cluster $1, database $2; the rest are psql arguments
on() {
	local n=$1 db=$2
	shift 2
	PGOPTIONS="-c statement_timeout=60s ${PGOPTIONS_EXTRA:-}" \
		psql -X -q -At -v ON_ERROR_STOP=1 -h "$(sock "$n")" -p "$(port "$n")" -U postgres -d "$db" "$@"
}
# zhfacts stays off the coordinator's search_path (docs/scale-out.md: postgres_fdw
# would write zhfacts.chinese unqualified into some remote queries)
coord() { PGOPTIONS_EXTRA="-c search_path=zhfacts_dist" on c0 coord "$@"; }
single() { PGOPTIONS_EXTRA="-c search_path=zhfacts" on c0 single "$@"; }

lap "shards"
# --- the shards: zhfacts, and shard.sql
for k in $(seq 1 $NSHARDS); do
	{ on "c$k" postgres -c 'CREATE EXTENSION zhfacts' && on "c$k" postgres -v shard="$k" -f "$SQLDIR/shard.sql"; } >"$base/setup_c$k.log" 2>&1 &
done
on c0 postgres -c "CREATE DATABASE single" -c "CREATE DATABASE coord" >/dev/null 2>&1 &&
	on c0 single -c "CREATE EXTENSION zhfacts" >/dev/null 2>&1
shards_ok=0
wait
for k in $(seq 1 $NSHARDS); do
	if [ "$(on "c$k" postgres -c "SELECT count(*) FROM pg_extension WHERE extname = 'zhfacts'" 2>/dev/null)" = 1 ] &&
		[ "$(on "c$k" postgres -c "SELECT last_value || ' ' || is_called FROM zhfacts.initiative_id_seq" 2>/dev/null)" = "${k}000000000000 false" ]; then
		shards_ok=$((shards_ok + 1))
	else
		cat "$base/setup_c$k.log"
	fi
done
if [ "$shards_ok" = $NSHARDS ]; then ok "$NSHARDS shards with zhfacts and their id ranges"; else bad "shards set up: $shards_ok of $NSHARDS"; fi

lap "coordinator"
# --- the coordinator
rc=0
{
	on c0 coord -c 'CREATE EXTENSION zhfacts' -c 'CREATE EXTENSION postgres_fdw' || rc=1
	for k in $(seq 1 $NSHARDS); do
		on c0 coord -c "CREATE SERVER shard$k FOREIGN DATA WRAPPER postgres_fdw
			OPTIONS (host '$(sock "c$k")', port '$(port "c$k")', dbname 'postgres',
				extensions 'zhfacts', async_capable 'true', fetch_size '1000', fdw_tuple_cost '0.2')" \
			-c "CREATE USER MAPPING FOR CURRENT_USER SERVER shard$k OPTIONS (user 'postgres')" || rc=1
	done
	on c0 coord -f "$SQLDIR/coordinator.sql" || rc=1
	on c0 coord -c "SELECT zhfacts_dist.attach_shards('{$(seq -s, -f 'shard%g' 1 $NSHARDS)}')" || rc=1
} >"$base/setup_coord.log" 2>&1
np=$(coord -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'zhfacts_dist.article'::regclass" 2>/dev/null)
if [ $rc = 0 ] && [ "$np" = $NSHARDS ]; then ok "coordinator: $np foreign partitions of zhfacts_dist.article"; else bad "coordinator (rc $rc, $np partitions): $(grep -i error "$base/setup_coord.log" | head -3)"; fi

lap "corpus"
# --- the corpus: sample/ and generated pages (sentences of sample/ shuffled,
# many sharing a publication time, every tenth a duplicate)
python3 "$SQLDIR/gen_pages.py" "$base/pages" $NPAGES
corpus=(sample/ "$base/pages/")
files=()
for d in "${corpus[@]}"; do
	while IFS= read -r f; do files+=("$f"); done < <(find "$d" -type f ! -name '.*' | LC_ALL=C sort)
done

# --- ingestion through the coordinator, page by page as bin/zhfacts-load does
ingest_sql() {	# one autocommitted statement per file, the page dollar-quoted as it is
	local f content tag
	for f in "${files[@]}"; do
		content=$(cat -- "$f"; printf x)
		content=${content%x}
		tag='zfload'
		while [[ $content == *"\$$tag\$"* ]]; do tag="${tag}x"; done
		printf 'SELECT zhfacts_dist.ingest_article($%s$%s$%s$);\n' "$tag" "$content" "$tag"
	done
}
ingest_sql >"$base/ingest.sql"
nfiles=${#files[@]}
# the single server (the reference) loads with bin/zhfacts-load meanwhile
bin/zhfacts-load -h "$(sock c0)" -p "$(port c0)" -U postgres -d single "${corpus[@]}" >"$base/load_single.log" 2>/dev/null &
t=$(date +%s.%N)
ids=$(coord -f "$base/ingest.sql" 2>&1 | tr '\n' ' ')
el=$(awk -v s="$t" -v t="$(date +%s.%N)" 'BEGIN { printf "%.1f", t - s }')
wait $!
rc=$?
narticles=$(single -c "SELECT count(*) FROM article")
if [ $rc = 0 ] && [ "$narticles" -gt 100 ]; then ok "single server: $(head -1 "$base/load_single.log")"; else bad "single server (rc $rc): $(head -5 "$base/load_single.log")"; fi
nnew=$(tr ' ' '\n' <<<"$ids" | grep -c .)
got=$(tr ' ' '\n' <<<"$ids" | grep . | sort -un | tr '\n' ' ')
want=$(single -c "SELECT id FROM article ORDER BY id" | tr '\n' ' ')
if [ "$nnew" = "$nfiles" ] && [ "$got" = "$want" ]; then
	ok "$nfiles pages ingested through the coordinator in ${el}s: $narticles articles, the ids of the single server"
else
	bad "ingestion through the coordinator: $nnew ids for $nfiles pages; ids $got; single server $want"
fi
ids2=$(coord -f "$base/ingest.sql" 2>&1 | tr '\n' ' ')
n=$(coord -c "SELECT count(*) FROM article")
if [ "$ids2" = "$ids" ] && [ "$n" = "$narticles" ]; then ok "every page again: duplicates found on their shards, same ids"; else bad "duplicates: $n articles"; fi

lap "statistics"
# statistics, as after any bulk load: on the shards and the single server
# (VACUUM ANALYZE), and the coordinator's own of the foreign partitions
# (ANALYZE samples them on the shards; autovacuum never does)
for k in $(seq 1 $NSHARDS); do on "c$k" postgres -c "VACUUM ANALYZE" & done
on c0 single -c "VACUUM ANALYZE"
wait
coord -c "ANALYZE zhfacts_dist.article, zhfacts_dist.article_region, zhfacts_dist.article_money,
	zhfacts_dist.initiative_mention, zhfacts_dist.initiative" >/dev/null
u1=$(coord -c "SELECT zhfacts_dist.ingest_article(\$\$嘉兴市南湖区设立红船共富基金，首期规模2000万元，支持乡村振兴和共同富裕。\$\$, 'https://example.org/a')")
u2=$(coord -c "SELECT zhfacts_dist.ingest_article(\$\$另一个页面\$\$, 'https://example.org/a')")
if [ -n "$u1" ] && [ "$u1" = "$u2" ]; then ok "the same url again: id $u1"; else bad "the same url again: $u1, $u2"; fi
e=$(coord -c "SELECT zhfacts_dist.ingest_article('Just an English page, no Chinese here.')" 2>&1)
if [[ $e == *"not a Chinese article"* ]]; then ok "a non-Chinese page is an error"; else bad "a non-Chinese page: $e"; fi
coord -c "DELETE FROM article WHERE url = 'https://example.org/a'" >/dev/null
if [ "$(coord -c "SELECT count(*) FROM article_money WHERE article_id = ${u1:-0}")" = 0 ]; then ok "a delete through the coordinator takes the facts along (shard triggers)"; else bad "facts left after a delete"; fi

# every shard holds articles, only those whose id hashes to it, and their facts
dist=""
spread=0
for k in $(seq 1 $NSHARDS); do
	# (the ids are fetched first: satisfies_hash_partition would be shipped, and the shard has no such table)
	r=$(coord -c "SELECT count(*) || ' ' || count(*) FILTER (WHERE NOT satisfies_hash_partition('zhfacts_dist.article'::regclass, $NSHARDS, $((k - 1)), id))
		FROM unnest('{$(coord -c "SELECT string_agg(id::text, ',') FROM article_s$k")}'::bigint[]) id")
	o=$(on "c$k" postgres -c "SELECT (SELECT count(*) FROM zhfacts.article_money m WHERE NOT EXISTS (SELECT FROM zhfacts.article a WHERE a.id = m.article_id))
		+ (SELECT count(*) FROM zhfacts.initiative_mention m WHERE NOT EXISTS (SELECT FROM zhfacts.article a WHERE a.id = m.article_id))
		+ (SELECT count(*) FROM zhfacts.article_region m WHERE NOT EXISTS (SELECT FROM zhfacts.article a WHERE a.id = m.article_id))")
	dist="$dist shard$k:${r%% *}"
	[ "${r%% *}" -gt 0 ] && [ "${r#* }" = 0 ] && [ "$o" = 0 ] && spread=$((spread + 1))
done
if [ "$spread" = $NSHARDS ]; then ok "articles by hash of id:$dist, each with its facts on its shard"; else bad "distribution:$dist"; fi
e=$(on c1 postgres -c "SELECT zhfacts.ingest_article(\$\$温州市龙港市举办城市书房开放日活动，吸引市民参与阅读推广。\$\$)" 2>&1)
if [[ $e == *"reached maximum value"* ]]; then ok "a page ingested on a shard directly is refused"; else bad "direct ingestion on a shard: $e"; fi

lap "comparisons"
# --- the same answers as the single server
# same NAME SQL [COORDINATOR_SQL]: SQL runs on the single server with
# search_path zhfacts, and on the coordinator (search_path zhfacts_dist)
# as COORDINATOR_SQL or else the same text; the results must be identical.
same() {
	local name=$1 s=$2 c=${3:-$2} a b
	a=$(single -c "$s" 2>&1)
	b=$(coord -c "$c" 2>&1)
	if [ -n "$a" ] && [ "$a" = "$b" ] && [[ $a != *ERROR* ]]; then
		if [[ $a == *" rows, md5 "* ]]; then ok "$name: identical (${a%%, md5*})"; else ok "$name: identical ($(wc -l <<<"$a") lines)"; fi
	else
		bad "$name"
		diff <(echo "$a") <(echo "$b") | head -10
	fi
}
digest() {	# the rows of a query as count and md5
	echo "SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM ($1) r"
}

same "table article" "$(digest "SELECT id, url, title, source, published_at, script, body, content_hash, tsv::text, region_code FROM article")"
same "table article_region" "$(digest "SELECT * FROM article_region")"
same "table article_money" "$(digest "SELECT * FROM article_money")"
same "table initiative_mention (with the names)" \
	"$(digest "SELECT m.article_id, m.pos, m.kind, m.sentence, i.name FROM initiative_mention m JOIN initiative i ON i.id = m.initiative_id")"
same "table initiative (the catalogue of a single server)" \
	"$(digest "SELECT name, kind, region_code, first_seen FROM initiative")" \
	"$(digest "SELECT name, kind, region_code, first_seen FROM initiative_first")"

for w in 乡贤 共同富裕 臨平區 亲清直通车 侨 渔嫂 共富工坊; do
	same "search $w" "SELECT id, title FROM article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '$w') ORDER BY id"
done
rank="SELECT a.id, a.title, ts_rank_cd(a.tsv, q) AS rank FROM article a, plainto_tsquery('zhfacts.chinese', '共同富裕') q WHERE a.tsv @@ q ORDER BY rank DESC, a.id LIMIT 5"
same "ranking 共同富裕, top 5" "$rank"
headline="SELECT a.id, ts_headline('zhfacts.chinese', a.body, q, 'StartSel=【, StopSel=】, MaxFragments=2') FROM article a, plainto_tsquery('zhfacts.chinese', '乡贤') q WHERE a.tsv @@ q ORDER BY a.id"
same "ts_headline 乡贤" "$headline"
fn="SELECT id, zhfacts.region_of(title) FROM article WHERE zhfacts.region_of(title) LIKE '33%' ORDER BY id"
same "zhfacts.region_of in WHERE" "$fn"

counts="SELECT region_code, count(*) AS articles FROM article GROUP BY region_code ORDER BY region_code"
same "articles per region_code" "$counts"
same "articles per region_code (roll-up view)" "$counts" "SELECT region_code, articles FROM region_articles ORDER BY region_code"
money="SELECT r.code, r.name, count(*) AS figures, sum(m.amount) AS amount FROM article_money m JOIN zhfacts.region r ON r.code = left(m.region_code, 4) WHERE length(m.region_code) >= 4 GROUP BY r.code, r.name ORDER BY r.code"
same "money per prefecture" "$money"
money_rollup="SELECT r.code, r.name, sum(x.figures) AS figures, sum(x.amount) AS amount FROM region_money x JOIN zhfacts.region r ON r.code = left(x.region_code, 4) WHERE length(x.region_code) >= 4 GROUP BY r.code, r.name ORDER BY r.code"
same "money per prefecture (roll-up view)" "$money" "$money_rollup"
inits="SELECT a.region_code, i.name, count(*) AS mentions, count(DISTINCT a.id) AS articles FROM initiative_mention m JOIN initiative i ON i.id = m.initiative_id JOIN article a ON a.id = m.article_id GROUP BY a.region_code, i.name ORDER BY 1, 2"
same "initiatives per region of the articles" "$inits"
same "initiatives per region of the articles (roll-up view)" "$inits" "SELECT region_code, name, mentions, articles FROM region_initiatives ORDER BY 1, 2"
same "initiatives per region of their first sighting" \
	"SELECT region_code, count(*), string_agg(name, '、' ORDER BY name) FROM initiative GROUP BY region_code ORDER BY region_code" \
	"SELECT region_code, count(*), string_agg(name, '、' ORDER BY name) FROM initiative_first GROUP BY region_code ORDER BY region_code"
per_article="SELECT a.id, a.region_code, count(*) AS figures, sum(m.amount) AS amount FROM article a JOIN article_money m ON m.article_id = a.id GROUP BY a.id, a.region_code ORDER BY a.id"
same "money per article (partition key)" "$per_article"

lap "plans"
# --- what runs on the shards: EXPLAIN (VERBOSE) on the coordinator
# remote NAME SQL PATTERN: every shard's "Remote SQL:" line matches PATTERN
remote() {
	local name=$1 sql=$2 pat=$3 plan n
	plan=$(coord -c "EXPLAIN (VERBOSE, COSTS OFF) $sql" 2>&1)
	n=$(grep -E 'Remote SQL:' <<<"$plan" | grep -cE -- "$pat")
	if [ "$n" -ge $NSHARDS ]; then
		ok "$name: $n shards run $(grep -E 'Remote SQL:' <<<"$plan" | grep -E -- "$pat" | head -1 | sed 's/^ *//')"
	else
		bad "$name: Remote SQL matching /$pat/ on $n shards"
		echo "$plan" | head -40
	fi
}
remote "search pushed down" \
	"SELECT id, title FROM article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '乡贤')" \
	"WHERE \(\(tsv @@ '.*'::tsquery\)\)"
remote "ranking: the match pushed down" "$rank" "WHERE \(\(tsv @@ '.*'::tsquery\)\)"
remote "zhfacts function shipped (extensions 'zhfacts')" "$fn" "WHERE \(\(zhfacts\.region_of\(title\) ~~ '33%'::text\)\)"
remote "zhfacts.chinese configuration shipped" \
	"SELECT id FROM article WHERE to_tsvector('zhfacts.chinese', title) @@ to_tsquery('zhfacts.chinese', '乡贤')" \
	"to_tsvector\('zhfacts\.chinese'::regconfig, title\) @@"
# without the option the same function is evaluated on the coordinator
plan=$(coord -c "BEGIN" -c "ALTER SERVER shard1 OPTIONS (DROP extensions)" -c "EXPLAIN (VERBOSE, COSTS OFF) $fn" -c "ROLLBACK" 2>&1)
if grep -q 'Filter: (.*region_of(' <<<"$plan" && [ "$(grep -c 'Remote SQL:.*zhfacts.region_of' <<<"$plan")" = $((NSHARDS - 1)) ]; then ok "without extensions 'zhfacts' region_of is filtered on the coordinator"; else bad "without the extensions option"; echo "$plan" | head -30; fi
remote "per-article aggregate: join and GROUP BY pushed down (partition-wise)" "$per_article" "FROM \(zhfacts\.article .* JOIN zhfacts\.article_money .*GROUP BY"
remote "articles per region: GROUP BY pushed down (roll-up view)" \
	"SELECT region_code, articles FROM region_articles" \
	"SELECT region_code, count\(\*\) FROM zhfacts\.article GROUP BY 1"
remote "money per region: GROUP BY pushed down (roll-up view)" "$money_rollup" \
	"SELECT region_code, count\(\*\), .*sum\(amount\) FROM zhfacts\.article_money .*GROUP BY 1"
remote "initiatives per region: join and GROUP BY pushed down (roll-up view)" \
	"SELECT region_code, name, mentions, articles FROM region_initiatives" \
	"FROM \(\(zhfacts\.initiative_mention .* JOIN zhfacts\.initiative .*JOIN zhfacts\.article .*GROUP BY"
plan=$(coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT region_code, articles FROM region_articles" 2>&1)
n=$(grep -c 'Async Foreign Scan' <<<"$plan")
if [ "$n" = $NSHARDS ]; then ok "the shards run concurrently (Async Foreign Scan x$n)"; else bad "Async Foreign Scan x$n"; echo "$plan" | head -30; fi

finish
