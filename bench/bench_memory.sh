#!/usr/bin/env bash
# bench_memory.sh - memory flatness of the SQL functions (issue #6, item 4).
#
# Bar: backend memory after 1,000,000 calls within 10% of that after 1,000,
# for each extract_* function and to_tsvector, in generate_series queries.
#
# What is measured, in one backend per function:
#   1. warm-up: the query over 1,000 rows, and the measuring statements once
#      (the dictionary, gazetteer, user dictionary and catalog caches get
#      loaded);
#   2. the query over 1,000 rows, then over 1,000,000 rows, then over
#      1,000,000 rows again (does what grew keep growing?);
#   3. after each: the sum of total_bytes of pg_backend_memory_contexts (all
#      of the backend's PostgreSQL memory, TopMemoryContext and below).  The
#      zhfacts core allocates with palloc in the caller's context
#      (src/pg/alloc.c), so a leak of the core or of the SQL layer, per call
#      or per statement, shows here.  "in-query" is the same sum taken inside
#      the statement after all its calls (memory held per call until the end
#      of the statement); "after" is taken by the next statement (memory kept
#      for good: TopMemoryContext, CacheMemoryContext, zhfacts' own contexts).
#      "grew" names the contexts whose size changed from after 1,000 calls to
#      after the second million (summed by context name).
#   4. for context, the OS figure: RssAnon of /proc/self/status.  It is not
#      the bar: glibc keeps memory the contexts gave back (the 1,000,000-row
#      statement raises its high-water mark), and PostgreSQL has no
#      malloc_trim; compare it with the controls, which grow as much, and
#      with the figure after the second million (a leak grows again, an
#      allocator's high-water mark does not).
# generate_series runs in the select list (ProjectSet), not in FROM, so no
# million-row tuplestore is counted; the argument varies with the row (g % 7)
# so an immutable call is not folded into a constant.  Controls: length() and
# to_tsvector('simple') (no zhfacts), jsonb_each (a built-in SRF that keeps
# each call's result until the end of the statement: what a per-call leak
# looks like in the in-query column).
#
# Flat = every context ratio (after each million, in-query) <= 1.10.  Prints
# a Markdown table; exit status 0 only if every zhfacts function is flat.
# Usage: bench/bench_memory.sh [CALLS]   (default 1000000)
# Uses PGHOST when set (zhfacts installed there), else a throwaway cluster.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
calls=${1:-1000000}
C=$(echo "$calls" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')	# 1,000,000

source "$here/bin/zhfacts-env.sh"
zf_bench_server
psql -X -q -c "CREATE EXTENSION IF NOT EXISTS zhfacts" >/dev/null 2>&1 || true

sentence='温州市瑞安市去年拨付一点二亿元支持“共富工坊”建设，带动周边村民增收'
page=$'瑞安市推进共富工坊建设\n2024-05-06 10:20\n来源：样本日报\n\n温州市瑞安市去年拨付一点二亿元支持“共富工坊”建设，带动周边村民增收。'

# name | query over :n rows (s.g = 1 .. :n), the document in :'doc'
G="(SELECT generate_series(1, :n) AS g) s"
cases=(
	"control: length() (no zhfacts)|SELECT count(*) FROM $G WHERE length(:'doc' || (s.g % 7)::text) > 0"
	"control: to_tsvector('simple') (no zhfacts)|SELECT count(*) FROM $G WHERE length(to_tsvector('simple', :'doc' || (s.g % 7)::text)) > 0"
	"control: jsonb_each (built-in SRF)|SELECT count(*) FROM $G, jsonb_each(jsonb_build_object(:'doc', s.g % 7)) j"
	"to_tsvector('zhfacts.chinese')|SELECT count(*) FROM $G WHERE length(to_tsvector('zhfacts.chinese', :'doc' || (s.g % 7)::text)) > 0"
	"ts_headline('zhfacts.chinese')|SELECT count(*) FROM $G WHERE length(ts_headline('zhfacts.chinese', :'doc' || (s.g % 7)::text, plainto_tsquery('zhfacts.chinese', '共富工坊'))) > 0"
	"zhfacts.segment|SELECT count(*) FROM $G, zhfacts.segment(:'doc' || (s.g % 7)::text) x"
	"zhfacts.extract_regions|SELECT count(*) FROM $G, zhfacts.extract_regions(:'doc' || (s.g % 7)::text) x"
	"zhfacts.region_of|SELECT count(zhfacts.region_of(:'doc' || (s.g % 7)::text)) FROM $G"
	"zhfacts.extract_money|SELECT count(*) FROM $G, zhfacts.extract_money(:'doc' || (s.g % 7)::text) x"
	"zhfacts.extract_initiatives|SELECT count(*) FROM $G, zhfacts.extract_initiatives(:'doc' || (s.g % 7)::text) x"
	"zhfacts.parse_number|SELECT count(zhfacts.parse_number((s.g % 7 + 1)::text || '千零五')) FROM $G"
	"zhfacts.parse_money|SELECT count(zhfacts.parse_money((s.g % 7)::text || '.5亿元')) FROM $G"
	"zhfacts.clean_page|SELECT count((zhfacts.clean_page(:'page' || (s.g % 7)::text)).body) FROM $G"
)

ctx="(SELECT sum(total_bytes) FROM pg_backend_memory_contexts)::bigint"
top="(SELECT total_bytes FROM pg_backend_memory_contexts WHERE name = 'TopMemoryContext')::bigint"
byname="(SELECT jsonb_object_agg(name, b) FROM (SELECT name, sum(total_bytes) AS b FROM pg_backend_memory_contexts GROUP BY name) x)"
anon="(regexp_match(pg_read_file('/proc/self/status'), 'RssAnon:\\s+(\\d+) kB'))[1]::bigint"

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b / a }'; }

echo "| function | contexts after 1,000 calls | after $C calls | ratio | after $C more | in-query, 1,000 calls | in-query, $C calls | ratio | contexts that grew (1,000 → both runs of $C) | TopMemoryContext, 1,000 → $C | OS RssAnon after 1,000 / $C / $C more calls | seconds ($C calls) | flat (<= 1.10) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
worst=0
for c in "${cases[@]}"; do
	name=${c%%|*}
	query=${c#*|}
	if [ "$name" != "${name#zhfacts.}" ] &&
		[ "$(psql -X -Atc "SELECT to_regproc('$name') IS NOT NULL")" != t ]; then
		continue
	fi
	# one round: the statements run for 1,000 and for 1,000,000 calls, the
	# same ones, so the second round loads no catalog entry the first did not
	round() {	# suffix
		cat <<SQL
SELECT extract(epoch FROM clock_timestamp()) AS t0 \\gset
WITH q AS MATERIALIZED ($query) SELECT $ctx AS in$1 FROM q \\gset
SELECT round(extract(epoch FROM clock_timestamp()) - :t0, 1) AS secs$1 \\gset
SELECT $ctx AS c$1, $top AS t$1, $byname AS n$1, $anon AS k$1 \\gset
SQL
	}
	out=$(psql -X -At -v ON_ERROR_STOP=1 -v doc="$sentence" -v page="$page" <<SQL
\\set n 1000
$query \\g /dev/null
$(round 0)
$(round 1)
\\set n $calls
$(round m)
$(round m2)
SELECT concat_ws('|', :c1, :cm, :cm2, :in1, :inm, :t1, :tm, :k1, :km, :km2, :secsm,
	(SELECT coalesce(string_agg(format('%s %s B', key, to_char(d, 'SGFM999999999')), ', ' ORDER BY abs(d) DESC), 'none')
	   FROM (SELECT coalesce(m.key, o.key) AS key,
					coalesce(m.value::bigint, 0) - coalesce(o.value::bigint, 0) AS d
			   FROM jsonb_each_text(:'nm2'::jsonb) m FULL JOIN jsonb_each_text(:'n1'::jsonb) o ON o.key = m.key) x
	  WHERE d <> 0));
SQL
	)
	IFS='|' read -r c1 cm cm2 in1 inm t1 tm k1 km km2 secs grew <<<"$out"
	r_after=$(ratio "$c1" "$cm")
	r_again=$(ratio "$c1" "$cm2")
	r_in=$(ratio "$in1" "$inm")
	flat=$(awk -v a="$r_after" -v b="$r_in" -v c="$r_again" 'BEGIN { print (a <= 1.10 && b <= 1.10 && c <= 1.10) ? "yes" : "**no**" }')
	printf '| `%s` | %s kB | %s kB | %s | %s kB (%s) | %s kB | %s kB | %s | %s | %s → %s kB | %s / %s / %s kB | %s | %s |\n' \
		"$name" "$(kb "$c1")" "$(kb "$cm")" "$r_after" "$(kb "$cm2")" "$r_again" "$(kb "$in1")" "$(kb "$inm")" "$r_in" \
		"$grew" "$(kb "$t1")" "$(kb "$tm")" "$k1" "$km" "$km2" "$secs" "$flat"
	[ "$flat" = yes ] || [ "$name" != "${name#control}" ] || worst=1
done
exit $worst
