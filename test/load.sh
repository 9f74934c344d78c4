#!/usr/bin/env bash
# load.sh - bin/zhfacts-load: loads a directory, counts duplicates, reports and
# skips bad files, shows progress on stderr, and the articles come out right.
# Uses the running cluster (PGHOST, PGPORT, PGUSER as exported by bin/zhfacts-test).
# Prints "load: N passed, M failed".
cd "$(dirname "$0")/.."
db=zf_load_$$
dir=$(mktemp -d /tmp/zf_load.XXXXXX)
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
q() { psql -X -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS ${db}_j3" >/dev/null 2>&1
	rm -rf "$dir" "$dir.err"
}
trap cleanup EXIT
psql -X -q -d postgres -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" >/dev/null
q "CREATE EXTENSION zhfacts" >/dev/null

n=$(ls sample/ | wc -l)
out=$(bin/zhfacts-load -d "$db" sample/ 2>"$dir.err"); rc=$?
if [ $rc = 0 ] && [[ $out == "loaded $n, duplicates 0, failed 0"* ]]; then ok "sample/: $out"; else bad "sample/ (rc $rc): $out"; fi
if grep -q "ETA" "$dir.err" && grep -q "\[#*\]" "$dir.err"; then ok "progress bar and ETA on stderr"; else bad "no progress bar on stderr"; fi
if [ "$(q "SELECT count(*) FROM zhfacts.article")" = "$n" ]; then ok "$n articles"; else bad "article count"; fi

# every sample has a title, a publication time and a source, and no chrome in its body
if [ "$(q "SELECT count(*) FROM zhfacts.article WHERE title IS NOT NULL AND published_at IS NOT NULL AND source IS NOT NULL")" = "$n" ]; then
	ok "title, date and source of every sample"
else
	bad "title, date and source: $(q "SELECT string_agg(coalesce(title, '?'), ', ') FROM zhfacts.article WHERE title IS NULL OR published_at IS NULL OR source IS NULL")"
fi
chrome=$(q "SELECT count(*) FROM zhfacts.article WHERE body ~ '(APP|登录|注册|版权|©|阅读原文|分享到|分享：|扫码|责任编辑|相关新闻|相关阅读|上一篇|返回顶部|聲明|閱讀推薦|設為首頁|ICP|点赞|编辑：)'")
if [ "$chrome" = 0 ]; then ok "no chrome in any body"; else bad "chrome in $chrome bodies"; fi
if [ "$(q "SELECT count(*) FROM zhfacts.article WHERE script = 'hant'")" = 1 ]; then ok "one Traditional article"; else bad "Traditional articles"; fi
if [ "$(q "SELECT count(*) FROM zhfacts.article WHERE body ~ '\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)'")" = 0 ]; then ok "pinyin annotations removed"; else bad "pinyin left"; fi
b=$(q "SELECT to_char(published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') FROM zhfacts.article WHERE title LIKE '龙港举办城市阅读季%'")
if [ "$b" = "2023-09-28 18:12:05" ]; then ok "date after a today banner"; else bad "date after a today banner: $b"; fi

# three sessions at once: the same articles and facts as one session
facts="SELECT count(*), string_agg(md5(body), ',' ORDER BY md5(body)), (SELECT count(*) FROM zhfacts.article_region),
	(SELECT count(*) FROM zhfacts.article_money), (SELECT count(*) FROM zhfacts.initiative_mention),
	(SELECT string_agg(name, ',' ORDER BY name) FROM zhfacts.initiative) FROM zhfacts.article"
psql -X -q -d postgres -c "CREATE DATABASE ${db}_j3 ENCODING 'UTF8' TEMPLATE template0" >/dev/null
psql -X -q -d "${db}_j3" -c "CREATE EXTENSION zhfacts" >/dev/null
out=$(bin/zhfacts-load -j 3 -d "${db}_j3" sample/ 2>/dev/null); rc=$?
if [ $rc = 0 ] && [[ $out == "loaded $n, duplicates 0, failed 0"* ]] &&
	[ "$(psql -X -At -d "${db}_j3" -c "$facts")" = "$(q "$facts")" ]; then
	ok "-j 3: the same articles and facts: $out"
else
	bad "-j 3 (rc $rc): $out"
fi
psql -X -q -d postgres -c "DROP DATABASE ${db}_j3" >/dev/null
out=$(bin/zhfacts-load -j x -d "$db" sample/ 2>&1); rc=$?
if [ $rc = 1 ] && [[ $out == *"-j takes a number"* ]]; then ok "-j x refused"; else bad "-j x (rc $rc): $out"; fi

# again: all duplicates
out=$(bin/zhfacts-load -d "$db" sample/ 2>/dev/null); rc=$?
if [ $rc = 0 ] && [[ $out == "loaded 0, duplicates $n, failed 0"* ]]; then ok "reload: $out"; else bad "reload (rc $rc): $out"; fi

# bad files are reported and skipped, the good ones load
printf 'Just an English page, no Chinese here.\n' > "$dir/english.txt"
: > "$dir/empty.txt"
printf 'binary\000data' > "$dir/binary.dat"
printf '\xff\xfe not utf-8 \xe4\xb8\n' > "$dir/latin1.txt"
printf '衢州市柯城区新建口袋公园\n2023-05-01 09:00\n来源：示范衢州\n\n衢州市柯城区今年新建口袋公园十二个，投入资金约800万元。\n' > "$dir/good.txt"
# a page holding the loader's own quoting tags loads too
printf '湖州市吴兴区举办乡贤大会\n2023-06-01 10:00\n来源：吴兴发布\n\n湖州市吴兴区举办乡贤大会，募集资金超3000万元。$zfload_batch$ $zfload$ $$\n' > "$dir/quotes.txt"
out=$(bin/zhfacts-load -d "$db" "$dir" "$dir/missing.txt" 2>"$dir.err"); rc=$?
if [ $rc = 2 ] && [[ $out == "loaded 2, duplicates 0, failed 5"* ]]; then ok "bad files skipped: ${out%%$'\n'*}"; else bad "bad files (rc $rc): $out"; fi
for f in english.txt empty.txt binary.dat latin1.txt missing.txt; do
	if grep -q "$f" <<<"$out"; then ok "reported $f"; else bad "not reported: $f"; fi
done
if [ "$(q "SELECT count(*) FROM zhfacts.article")" = $((n + 2)) ]; then ok "nothing half-written"; else bad "article count after bad files"; fi
if [ "$(q "SELECT count(*) FROM zhfacts.article WHERE body LIKE '%\$zfload_batch\$ \$zfload\$ \$\$%'")" = 1 ]; then ok "a page with the loader's quoting tags, whole"; else bad "page with quoting tags"; fi

# psql options are passed on; a database without the extension is a clear error
psql -X -q -d postgres -c "CREATE DATABASE ${db}_empty" >/dev/null
bin/zhfacts-load --dbname="${db}_empty" sample/ >/dev/null 2>"$dir.err"; rc=$?
if [ $rc = 1 ] && grep -q "CREATE EXTENSION" "$dir.err"; then ok "missing extension reported"; else bad "missing extension (rc $rc)"; fi
psql -X -q -d postgres -c "DROP DATABASE ${db}_empty" >/dev/null

echo "load: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
