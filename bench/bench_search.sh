#!/usr/bin/env bash
# bench_search.sh - segmentation F1 (SIGHAN 2005 PKU and MSR) and search
# quality (../shared/bench/search_quality.py) of zhfacts.chinese.  Needs
# PGHOST/PGPORT of a server with zhfacts (bin/zhfacts-bench provides one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${ZHFACTS_SHARED:-$here/../../shared}
"$here/seg_f1.sh" pku msr
for func in phraseto_tsquery plainto_tsquery; do
	python3 "$shared/bench/search_quality.py" --config zhfacts.chinese --func "$func" --psql "psql -X -q"
done
# the same queries drawn with other seeds, and on the MSR gold text
for seed in 11 23; do
	python3 "$shared/bench/search_quality.py" --config zhfacts.chinese --seed "$seed" --psql "psql -X -q"
done
python3 "$shared/bench/search_quality.py" --config zhfacts.chinese \
	--gold "$shared/bench/sighan2005/msr_test_gold.utf8" --psql "psql -X -q"
