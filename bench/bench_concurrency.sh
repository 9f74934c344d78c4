#!/usr/bin/env bash
# bench_concurrency.sh - concurrent ingestion, search and user-dictionary
# changes (issue #6, item 5).
#
# Bar: a pgbench run of 8 clients for two minutes mixing ingest_article,
# searches and user_word changes ends with no errors, no deadlocks, and no
# lost or duplicated articles (article count = inserts made).
#
# In a private database (dropped at the end) it loads sample/ as seeds, then
# runs pgbench with the scripts of bench/pgbench/ (weights in brackets):
#   ingest_new [30]   a new article, distinct per transaction (n from a
#                     sequence), half with a url; nearby articles share a
#                     new initiative name, so its row is created concurrently
#   ingest_race [15]  the page of the current half-second slot: several
#                     clients ingest the same new content at once
#   reingest [10]     a seed again, with or without its url: the same id
#   search [35]       plainto_tsquery + ts_rank + ts_headline, LIMIT 20
#   user_word [10]    INSERT ... ON CONFLICT DO UPDATE / DELETE of a user word
# Every ingesting transaction also writes a log row in the same transaction,
# so the logs hold exactly the ingestions that committed.  --max-tries=1: a
# deadlock or serialization failure is a failed transaction, not retried;
# any other error aborts its client; both are reported and fail the run.
# Then bench/pgbench/check.sql checks the corpus against the logs: article
# count, one id per content, no duplicate hash or url, re-ingestions returned
# the seed's id, no orphan facts, every article holds all its facts.
#
# Prints a Markdown summary; exit status 0 only if every check passed.
# Usage: bench/bench_concurrency.sh     (CONC_SECONDS=120 CONC_CLIENTS=8 by default;
#        CONC_KEEP=1 keeps the database for a look afterwards)
# Uses PGHOST when set (zhfacts installed there), else a throwaway cluster.
# test/concurrency.sh runs it for 15 seconds in the test suite.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${CONC_SECONDS:-120}
# partitions of zhfacts.article of 200 ids: the clients make them as they
# ingest, racing each other
export PGOPTIONS="${PGOPTIONS:-} -c zhfacts.article_partition_rows=${CONC_PARTITION_ROWS:-200}"
clients=${CONC_CLIENTS:-8}
threads=${CONC_THREADS:-$clients}

source "$here/bin/zhfacts-env.sh"
zf_bench_server
PGBENCH=$PG_BIN/pgbench
[ -x "$PGBENCH" ] || PGBENCH=$(command -v pgbench)

db=zf_conc_$$
work=$(mktemp -d /tmp/zf_conc.XXXXXX)
if [ -n "${CONC_KEEP:-}" ]; then
	zf_on_exit "rm -rf '$work'; echo 'kept database $db' >&2"
else
	zf_on_exit "psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS $db' >/dev/null 2>&1; rm -rf '$work'"
fi
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" >/dev/null
q() { psql -X -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q -q -c "CREATE EXTENSION zhfacts" -f "$here/bench/pgbench/setup.sql" >/dev/null

# seeds: the sample pages, each with a url
k=0
for f in "$here"/sample/*.txt; do
	k=$((k + 1))
	q -q -v k="$k" -v url="file:sample/$(basename "$f")" -v raw="$(cat "$f")" >/dev/null <<'SQL'
INSERT INTO zf_conc.seed (k, url, raw) VALUES (:k, :'url', :'raw');
UPDATE zf_conc.seed SET id = zhfacts.ingest_article(raw, url) WHERE k = :k;
SQL
done
q -c "VACUUM ANALYZE" >/dev/null
stats="SELECT deadlocks, xact_rollback FROM pg_stat_database WHERE datname = current_database()"
read -r dl0 rb0 < <(q -F' ' -c "$stats")

s="$here/bench/pgbench"
set +e
"$PGBENCH" -n -c "$clients" -j "$threads" -T "$seconds" --max-tries=1 --failures-detailed \
	-f "$s/ingest_new.sql@30" -f "$s/ingest_race.sql@15" -f "$s/reingest.sql@10" \
	-f "$s/search.sql@35" -f "$s/user_word.sql@10" \
	"$db" >"$work/out" 2>"$work/err"
rc=$?
set -e

# wait for pgbench's backends to end (they flush their statistics on exit)
for _ in $(seq 50); do
	[ "$(q -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")" = 0 ] && break
	sleep 0.2
done
read -r dl1 rb1 < <(q -F' ' -c "$stats")

num() { grep -m1 "$1" "$work/out" | sed -E 's/^[^:=]*[:=] *([0-9.]+).*/\1/'; }
tps=$(num '^tps =')
total=$(num '^number of transactions actually processed')
failed=$(num '^number of failed transactions')
serial=$(num '^number of serialization failures')
deadl=$(num '^number of deadlock failures')
aborted=$(grep -c 'aborted in command' "$work/err" || true)

echo "### Concurrency: $clients clients, $seconds s (\`bench/bench_concurrency.sh\`)"
echo
echo "pgbench exit status $rc; $total transactions, tps ${tps:-?}; failed ${failed:-?} (deadlock ${deadl:-?}, serialization ${serial:-?}); clients aborted by an error: $aborted; pg_stat_database: deadlocks +$((dl1 - dl0)), rollbacks +$((rb1 - rb0))"
echo
echo "| script | weight | transactions | tps | failed | latency avg (ms) |"
echo "|---|---|---|---|---|---|"
awk '
	/^SQL script [0-9]+:/ { if (name != "") print_row(); name = $4; sub(".*/", "", name); sub("\\.sql$", "", name) }
	/^ - weight:/ { weight = $3 }
	/^ - [0-9]+ transactions/ { tx = $2; t = $0; sub(".*tps = ", "", t); sub("\\).*", "", t); tps = t }
	/^ - number of failed transactions:/ { failed = $6 }
	/^ - latency average/ { lat = $5 }
	function print_row() { printf "| %s | %s | %s | %s | %s | %s |\n", name, weight, tx, tps, failed, lat; failed = "?"; lat = "?" }
	END { if (name != "") print_row() }
' "$work/out"
echo
if [ -s "$work/err" ]; then
	echo "pgbench errors (first 10 lines):"
	echo
	echo '```'
	head -10 "$work/err"
	echo '```'
	echo
fi

echo "| check | result | detail |"
echo "|---|---|---|"
bad=0
check() {	# name ok detail
	if [ "$2" = t ]; then
		echo "| $1 | pass | $3 |"
	else
		echo "| $1 | **FAIL** | $3 |"
		bad=$((bad + 1))
	fi
}
[ "$rc" = 0 ] && [ "$aborted" = 0 ] && [ "${failed:-x}" = 0 ] && ok=t || ok=f
check "pgbench: no failed transaction, no aborted client" "$ok" \
	"exit status $rc, $failed failed ($deadl deadlocks, $serial serialization), $aborted clients aborted"
[ "$((dl1 - dl0))" = 0 ] && ok=t || ok=f
check "server: no deadlock detected" "$ok" "pg_stat_database.deadlocks +$((dl1 - dl0))"
while IFS='|' read -r name ok detail; do
	[ -n "$name" ] && check "$name" "$ok" "$detail"
done < <(q -F'|' -f "$s/check.sql" 2>&1 | grep -v '^SELECT [0-9]*$')
echo
echo "checks: $bad failed"
[ "$bad" -eq 0 ]
