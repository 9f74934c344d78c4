#!/usr/bin/env bash
# score_seeds.sh - issue #5's first bar: zhfacts.ingest_article on each raw
# page of ../shared/seeds gives the right title, publication time (China time)
# and source, and leaves no line of page chrome in the body.
#
# The expected values below were read off the raw pages by hand; 002 and 003
# name no date and no source (NULL).  A chrome line is one of the page's own
# furniture lines (the site banner, app prompts, share counts, licence and
# copyright footers, editor and "read more" lines) found whole in the body.
# Runs in a scratch database on the server psql connects to by default (PG*
# variables; the extension must be installable there).
set -euo pipefail
SEEDS=${ZHFACTS_SEEDS:-$(cd "$(dirname "$0")/../.." && pwd)/shared/seeds}
db=zf_seeds_$$
psql -X -q -d postgres -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"' EXIT
psql -X -q -d "$db" -c "CREATE EXTENSION zhfacts"

# file prefix | title | publication time | source
expected='000|【市县热线】杭州市西湖区统一战线“五个聚力”同心助力共同富裕|2022-05-18 19:36:00|澎湃新闻·澎湃号·政务
001|【上城统战盘点2020】带你看湖滨这一年|2021-01-11 14:21:00|澎湃新闻·澎湃号·政务
002|同心奋楫 勇立潮头||
003|匯聚“奮進新時代、建設新天堂”機關力量||
004|【市县热线】浙江温州龙港:锚定改革方向 推进六项行动 探索共富“新”路径|2022-07-20 17:31:46|浙江统战'
# chrome of these pages, as whole lines
chrome='^(澎湃Logo|下载客户端|登录|• ?\+1|字号|原创 点击关注.*|.*ICP备.*|.*公网安备.*|.*许可证.*|© .*|反馈|新江南網.*歡迎你.*|聲明:?|本文僅代表.*|閱讀推薦|新聞爆料|2021年09月02日 星期四|\(供稿.*\)|\[编辑.*\]|分享到.*|责任编辑.*)$'

right=0
clean=0
n=0
while IFS='|' read -r prefix title at source; do
	f=$(ls "$SEEDS"/"$prefix"_*.txt)
	n=$((n + 1))
	got=$(psql -X -At -F '|' -v ON_ERROR_STOP=1 -d "$db" -v raw="$(cat "$f")" <<'SQL'
SELECT zhfacts.ingest_article(:'raw') AS id \gset
SELECT title, coalesce(to_char(published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), ''),
	   coalesce(source, '')
  FROM zhfacts.article WHERE id = :id;
SQL
)
	if [ "$got" = "$title|$at|$source" ]; then
		right=$((right + 1)); echo "$prefix right: $got"
	else
		echo "$prefix WRONG: got '$got', want '$title|$at|$source'"
	fi
	lines=$(psql -X -At -d "$db" -v re="$chrome" <<'SQL'
SELECT count(*) FROM zhfacts.article a, regexp_split_to_table(a.body, E'\n') l
 WHERE a.id = (SELECT max(id) FROM zhfacts.article) AND btrim(l) ~ :'re';
SQL
)
	if [ "$lines" = 0 ]; then clean=$((clean + 1)); else echo "$prefix: $lines chrome lines in the body"; fi
done <<<"$expected"
echo "seeds: title, publication time and source right for $right/$n; no chrome line in $clean/$n bodies"
