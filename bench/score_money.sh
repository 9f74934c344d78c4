#!/usr/bin/env bash
# score_money.sh - zhfacts.extract_money against the hand-checked money gold.
#
# Runs extract_money on every file of ../shared/gold/text/ through psql, writes
# the predictions as TSV (seed, start, text, amount, amount_min, amount_max,
# qualifier, currency; start 1-based) and scores them with the gold's own
# score.py.  The gold is only measured against, never read by the extension.
#
# Usage: bench/score_money.sh [--show] [OUT.tsv]
# With PGHOST/PGDATABASE set (and zhfacts installed there) it uses that
# database; otherwise it builds, installs and starts a throwaway cluster
# (bin/zhfacts-env.sh) for the run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gold=${ZHFACTS_GOLD:-$here/../shared/gold}
show=""
if [ "${1:-}" = "--show" ]; then show="--show"; shift; fi
out=${1:-$here/tmp/money_pred.tsv}
mkdir -p "$(dirname "$out")"

source "$here/bin/zhfacts-env.sh"
zf_bench_server

# One row per file; the text goes in through a psql variable read from the file.
printf 'seed\tstart\ttext\tamount\tamount_min\tamount_max\tqualifier\tcurrency\n' > "$out"
for f in "$gold"/text/*; do
	seed=$(basename "$f")
	psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 -v doc="$(cat "$f")" -v seed="$seed" <<'SQL' >> "$out"
SELECT :'seed', m.pos, m.mention, m.amount, m.amount_min, m.amount_max, m.qualifier, m.currency
  FROM zhfacts.extract_money(:'doc') AS m
 ORDER BY m.pos;
SQL
done
echo "predictions: $out ($(($(wc -l < "$out") - 1)) mentions)"
python3 "$gold/score.py" money "$out" --base 1 $show
