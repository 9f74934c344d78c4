#!/usr/bin/env bash
# score_money_regions.sh - region attribution of money (zhfacts.money_in_context)
# on the gold texts: runs it on /work/shared/gold/text/* via psql and scores
# with the gold scorer (region_code right when equal to the gold code or inside it).
# Uses the database psql connects to by default (PG* variables); the extension
# must be installed there.
set -euo pipefail
GOLD=${ZHFACTS_GOLD:-/work/shared/gold}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf 'seed\tstart\ttext\tamount\tamount_min\tamount_max\tqualifier\tcurrency\tregion_code\n' > "$out"
for f in "$GOLD"/text/*.txt; do
	psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -v doc="$(cat "$f")" -v seed="$(basename "$f")" <<'SQL' >> "$out"
SELECT :'seed', pos, mention, amount, amount_min, amount_max, qualifier, currency, region_code
  FROM zhfacts.money_in_context(:'doc', zhfacts.region_of(:'doc'));
SQL
done
python3 "$GOLD/score.py" money "$out" --base 1 "$@"
