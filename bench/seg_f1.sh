#!/usr/bin/env bash
# seg_f1.sh - segmentation F1 of zhfacts.segment on the SIGHAN 2005 test sets.
# Usage: bench/seg_f1.sh [pku|msr ...]   (needs PGHOST/PGPORT of a server with zhfacts)
# Writes tmp/seg_<set>.txt (tokens space-joined per line) and runs ../shared/bench/seg_f1.py.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ZHFACTS_SHARED:-$root/../shared}
mkdir -p "$root/tmp"
for set in "${@:-pku msr}"; do
	for s in $set; do
		in="$shared/bench/sighan2005/${s}_test.utf8"
		out="$root/tmp/seg_$s.txt"
		psql -X -q -v ON_ERROR_STOP=1 -At >"$out" <<SQL
CREATE TEMP TABLE seg_lines(n bigserial, line text);
\\copy seg_lines(line) from program 'sed -e "s/\\\\\\\\/\\\\\\\\\\\\\\\\/g" "$in"'
SELECT coalesce((SELECT string_agg(token, ' ' ORDER BY pos) FROM zhfacts.segment(line)), '')
  FROM seg_lines ORDER BY n;
SQL
		printf '%s: ' "$s"
		python3 "$shared/bench/seg_f1.py" "$shared/bench/sighan2005/${s}_test_gold.utf8" "$out"
	done
done
