#!/usr/bin/env bash
# score_regions.sh - zhfacts.extract_regions against the hand-checked region gold.
#
# Runs extract_regions on every file of ../shared/gold/text/ through psql,
# writes the predictions as TSV (seed, start, text, code, level, name,
# ambiguous; start 1-based) and scores them with the gold's own score.py
# (exact-span precision and recall, code accuracy, not_a_region rows hit).
# The gold is only measured against, never read by the extension.
#
# Usage: bench/score_regions.sh [--show] [OUT.tsv]
# With PGHOST set (and zhfacts installed in that database) it uses that
# database; otherwise it builds, installs and starts a throwaway cluster
# (bin/zhfacts-env.sh) for the run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gold=${ZHFACTS_GOLD:-$here/../shared/gold}
show=""
if [ "${1:-}" = "--show" ]; then show="--show"; shift; fi
out=${1:-$here/tmp/regions_pred.tsv}
mkdir -p "$(dirname "$out")"

source "$here/bin/zhfacts-env.sh"
zf_bench_server

printf 'seed\tstart\ttext\tcode\tlevel\tname\tambiguous\n' > "$out"
for f in "$gold"/text/*; do
	seed=$(basename "$f")
	psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 -v doc="$(cat "$f")" -v seed="$seed" <<'SQL' >> "$out"
SELECT :'seed', r.pos, r.mention, r.code, r.level, r.name, r.ambiguous
  FROM zhfacts.extract_regions(:'doc') AS r
 ORDER BY r.pos;
SQL
done
echo "predictions: $out ($(($(wc -l < "$out") - 1)) mentions)"
python3 "$gold/score.py" regions "$out" --base 1 $show
