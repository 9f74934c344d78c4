#!/usr/bin/env bash
# score_initiatives.sh - zhfacts.extract_initiatives on the gold texts.
#
# Runs the function on every file of $GOLD/text via psql (the database psql
# connects to by default: PG* variables; the extension must be installed),
# writes seed/start/text/kind TSV, scores it with the gold scorer against
# initiatives.tsv (precision, recall) and against quoted_not_initiatives.tsv
# (the share of quoted non-initiatives predicted: bar <= 10%).
# Extra arguments (--show) go to score.py.
set -euo pipefail
GOLD=${ZHFACTS_GOLD:-/work/shared/gold}
out=${ZHFACTS_PRED:-$(mktemp)}
[ -n "${ZHFACTS_PRED:-}" ] || trap 'rm -f "$out"' EXIT
printf 'seed\tstart\ttext\tkind\n' > "$out"
for f in "$GOLD"/text/*.txt; do
	psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -v doc="$(cat "$f"; printf x)" -v seed="$(basename "$f")" <<'SQL' >> "$out"
SELECT :'seed', pos, name, kind FROM zhfacts.extract_initiatives(left(:'doc', -1));
SQL
done
python3 "$GOLD/score.py" initiatives "$out" --base 1 "$@"
# quoted_not: how many of those quotes were predicted (an exact-span match is a hit)
python3 - "$GOLD/quoted_not_initiatives.tsv" "$out" <<'PY'
import csv, sys
gold = list(csv.DictReader(open(sys.argv[1], encoding='utf-8'), delimiter='\t'))
pred = {(p['seed'], int(p['start']) - 1, p['text'])
        for p in csv.DictReader(open(sys.argv[2], encoding='utf-8'), delimiter='\t')}
hit = [g for g in gold if (g['seed'], int(g['start']), g['text']) in pred]
print('quoted_not_initiatives: %d/%d predicted (%.1f%%, bar <= 10%%)' % (len(hit), len(gold), 100.0 * len(hit) / len(gold)))
for g in hit:
    print('  quoted_not hit: %s %s %s' % (g['seed'][:3], g['start'], g['text']))
PY
