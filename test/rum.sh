#!/usr/bin/env bash
# rum.sh - ranked search in rank order from a RUM index (Debian
# postgresql-15-rum, installed by bin/zhfacts-test): `ORDER BY tsv <=> q
# LIMIT 20` gives the ranks of `ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 20`
# (ties may come in another order), from the index.
# Uses the running cluster (PGHOST, PGPORT, PGUSER as exported by bin/zhfacts-test).
# Prints "rum: N passed, M failed".
cd "$(dirname "$0")/.."
db=zf_rum_$$
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
q() { psql -X -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
psql -X -q -d postgres -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" >/dev/null
if ! q "CREATE EXTENSION zhfacts; CREATE EXTENSION rum" >/dev/null; then
	bad "CREATE EXTENSION rum (Debian package postgresql-15-rum)"
	echo "rum: $passed passed, $failed failed"
	exit 1
fi
# the sample articles and 600 generated pages (bench/gen_scale_corpus.py)
bin/zhfacts-load -d "$db" sample/ >/dev/null 2>&1
python3 bench/gen_scale_corpus.py --seed 7 --start 1 -n 600 --format tsv-raw |
	psql -X -q -d "$db" -c "CREATE TEMP TABLE b (url text, raw text)" -c "COPY b FROM STDIN" \
		-c "SELECT count(zhfacts.ingest_article(raw, url)) FROM b" >/dev/null
q "CREATE INDEX article_rum_idx ON zhfacts.article USING rum (tsv rum_tsvector_ops); ANALYZE zhfacts.article; SET enable_seqscan = off" >/dev/null

for w in 乡贤 共同富裕 统战部 项目 杭州 資金 工作 一体 '乡贤 回归'; do
	by_rank=$(q "SELECT string_agg(round(ts_rank_cd(tsv, q)::numeric, 5)::text, ' ' ORDER BY ts_rank_cd(tsv, q) DESC)
		FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '$w') q WHERE tsv @@ q")
	by_rum=$(q "SELECT string_agg(r, ' ') FROM (SELECT round(ts_rank_cd(tsv, q)::numeric, 5)::text r
		FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '$w') q WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 20) t")
	if [ -n "$by_rank" ] && [ "$by_rum" = "$(cut -d' ' -f1-20 <<<"$by_rank")" ]; then
		ok "$w: the 20 best by tsv <=> q have the ranks of the 20 best by ts_rank_cd ($(wc -w <<<"$by_rank") matches)"
	else
		bad "$w: ts_rank_cd order '$by_rank', RUM order '$by_rum'"
	fi
done
plan=$(psql -X -At -d "$db" -c "SET enable_seqscan = off" -c "EXPLAIN SELECT id FROM zhfacts.article, plainto_tsquery('zhfacts.chinese', '乡贤') q
	WHERE tsv @@ q ORDER BY tsv <=> q LIMIT 20")
# one ordered RUM scan a partition, merged (no sort of the matches)
if grep -q "Merge Append" <<<"$plan" && grep -q "Order By" <<<"$plan" && ! grep -q -- "->  Sort" <<<"$plan" &&
	[ "$(grep -c "Index Scan using .*_tsv_idx" <<<"$plan")" = "$(q "SELECT count(*) FROM zhfacts.article_partitions")" ]; then
	ok "the ranked query merges index scans ordered by the RUM index of each partition"
else
	bad "plan: $plan"
fi
echo "rum: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
