#!/usr/bin/env bash
# scale_cold.sh - top_articles when the articles are not in memory (issue #7).
#
# bench_scale.sh times queries on a server in its steady state: indexes in
# memory, the tables as earlier queries left them.  A ranked search also
# reads rows of articles, and where memory holds a fraction of the corpus
# those reads go to disk.  Before each round this restarts the server and
# drops the kernel's page cache, so that every row a search reads comes from
# disk, then loads the indexes (pg_prewarm) as a steady server has them, or
# with SCALE_COLD_PREWARM=0 not even those.  Each round runs one call on a
# word outside the lists (a session's first call plans the probes: reported
# apart), then top_articles(w, 20) for the 30 words of bench_scale.sh once
# each (cold), then all of them again (warm: the baseline of the same run).
# Prints p50 / p95 / max per word class, cold and warm.
#
# Needs root (to drop the page cache) and the server's data directory; the
# server is started again as the postgres user, with the options it was
# started with (postmaster.opts):
#   ZF_COLD_PGDATA=/var/tmp/zf1m/data ZF_COLD_PGBIN=/opt/zfpg/lib/postgresql/15/bin \
#   PGHOST=/tmp/zf1m PGPORT=5433 PGUSER=postgres PGDATABASE=zf_p1m bench/scale_cold.sh
# SCALE_COLD_ROUNDS (3) rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/scale_words.sh
[ "$(id -u)" = 0 ] || { echo "scale_cold.sh needs root: it drops the kernel's page cache" >&2; exit 2; }
: "${ZF_COLD_PGDATA:?the data directory of the server}" "${ZF_COLD_PGBIN:?the directory of its pg_ctl}"
: "${PGHOST:?}" "${PGPORT:?}" "${PGDATABASE:?}"
ROUNDS=${SCALE_COLD_ROUNDS:-3}
PREWARM=${SCALE_COLD_PREWARM:-1}
OUT=${SCALE_OUT:-tmp/scale-cold}
mkdir -p "$OUT"
: >"$OUT/cold.tsv"

pg_ctl() { su postgres -c "$ZF_COLD_PGBIN/pg_ctl -D '$ZF_COLD_PGDATA' $*"; }

for r in $(seq 1 "$ROUNDS"); do
	opts=$(cut -d' ' -f2- "$ZF_COLD_PGDATA/postmaster.opts" | sed 's/"-D" "[^"]*" *//g')	# without the program and -D
	pg_ctl -w -m fast stop >/dev/null
	sync
	echo 3 >/proc/sys/vm/drop_caches
	pg_ctl -w -l "'$ZF_COLD_PGDATA/scale_cold.log'" start -o "'$opts'" >/dev/null
	if [ "$PREWARM" = 1 ]; then
		psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'zhfacts' AND c.relkind = 'i'" >/dev/null
	fi
	{
		echo '\timing on'
		echo '\o /dev/null'
		echo "\\echo @ first x"
		echo "SELECT count(*) FROM zhfacts.top_articles('大会', 20);"
		for pass in cold warm; do
			for cls in FREQ MED RARE; do
				case $cls in FREQ) ws=("${FREQ[@]}") ;; MED) ws=("${MED[@]}") ;; RARE) ws=("${RARE[@]}") ;; esac
				for w in "${ws[@]}"; do
					echo "\\echo @ ${pass}_$cls $w"
					echo "SELECT a.id, a.title, t.rank FROM zhfacts.top_articles('$w', 20) t JOIN zhfacts.article a ON a.id = t.article_id;"
				done
			done
		done
	} | psql -X -q 2>&1 | awk -v r="$r" '/^@ / {k = $2; w = $3; next} /^Time:/ && k != "" {print r "\t" k "\t" w "\t" $2; k = ""}' >>"$OUT/cold.tsv"
done

echo "top_articles(w, 20) at $(psql -X -At -c "SELECT count(*) FROM zhfacts.article") articles, $ROUNDS rounds after a restart and a dropped page cache, indexes $([ "$PREWARM" = 1 ] && echo prewarmed || echo cold) ($(date -u '+%Y-%m-%d %H:%M') UTC)"
sort -t$'\t' -k2,2 -k4,4n "$OUT/cold.tsv" | awk -F'\t' '
	{k = $2; v[k, ++c[k]] = $4}
	END {for (k in c) {m = c[k]; printf "  %-10s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d calls)\n", k, v[k, int((m + 1) / 2)], v[k, int(0.95 * m + 0.999)], v[k, m], m}}' | sort
