-- The corpus: ingestion of raw pages, facts kept in step by triggers,
-- duplicates, errors, refresh, dump registration.  Articles written for
-- this test.
SET client_min_messages = warning;
SET timezone = 'Asia/Shanghai';
\pset null '(null)'

-- a page with chrome, a date line and a source
SELECT zhfacts.ingest_article($page$示范新闻Logo
打开APP
登录

桐庐县设立乡贤助学基金

2023-03-18 09:05
来源：示范日报
字号

杭州市桐庐县近日设立“乡贤助学”基金，首期募集资金1200余万元。桐庐县分水镇乡贤代表捐款约300万元。

县里还搭建“乡贤驿站”服务平台，推动“百名乡贤联百村”工作机制落地。

▲设立仪式现场

（供稿：桐庐县委统战部）
阅读原文
© 2023 示范日报 版权所有
$page$, 'https://example.cn/a/1') AS id1 \gset
SELECT id = :id1 AS same_id, url, title, source, published_at, script
  FROM zhfacts.article;
SELECT body FROM zhfacts.article WHERE id = :id1;

-- the tsvector: title above body
SELECT tsv @@ plainto_tsquery('zhfacts.chinese', '乡贤') AS found,
       ts_rank_cd(tsv, plainto_tsquery('zhfacts.chinese', '助学基金')) > 0 AS ranked
  FROM zhfacts.article;

-- initiatives and their sentences
SELECT m.pos, i.name, m.kind, m.sentence
  FROM zhfacts.initiative_mention m JOIN zhfacts.initiative i ON i.id = m.initiative_id
 ORDER BY m.pos;

-- money with its clause; the region is one the text names (桐庐县 330122, 分水镇 under it)
SELECT pos, mention, amount, amount_min, amount_max, qualifier, currency,
       region_code LIKE '330122%' AS in_tonglu, context
  FROM zhfacts.article_money ORDER BY pos;
SELECT count(*) > 0 AS has_regions FROM zhfacts.article_region WHERE article_id = :id1;

-- the same url again, the same content under another url: the existing id
SELECT zhfacts.ingest_article('whatever', 'https://example.cn/a/1') = :id1 AS same_url;
SELECT zhfacts.ingest_article(body, 'https://example.cn/copy') = :id1 AS same_content
  FROM zhfacts.article WHERE id = :id1;
SELECT count(*) AS articles FROM zhfacts.article;

-- Traditional script with pinyin annotations, a "today" banner
SELECT zhfacts.ingest_article($page$2024年05月06日 星期一
富陽區(qū)舉辦「鄰里守望」志願服務活動
2023-11-02 16:40:12   來源：示範富陽網(wǎng)

杭州市富陽區(qū)銀湖街道日前舉辦「鄰里守望」志願服務活動，三百餘名居民參加。

此次活動共籌集善款約8萬元，將用於資助轄區(qū)困難家庭。
$page$) AS id2 \gset
SELECT title, source, published_at, script, body FROM zhfacts.article WHERE id = :id2;
SELECT i.name, i.kind FROM zhfacts.initiative_mention m
  JOIN zhfacts.initiative i ON i.id = m.initiative_id WHERE m.article_id = :id2;

-- one initiative named in two articles is one row, first seen at the earlier one
SELECT zhfacts.ingest_article($page$桐庐县“乡贤驿站”服务平台运行一年
2022-12-01 10:00
来源：示范周刊

桐庐县“乡贤驿站”服务平台运行一年来，共接待回乡乡贤六百余人次。
$page$) AS id3 \gset
SELECT i.name, i.first_seen, count(*) AS mentions
  FROM zhfacts.initiative i JOIN zhfacts.initiative_mention m ON m.initiative_id = i.id
 WHERE i.name = '乡贤驿站' GROUP BY i.name, i.first_seen;

-- errors: empty and non-Chinese input, nothing written
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT zhfacts.ingest_article('');
SELECT zhfacts.ingest_article(E'  \n\t ');
SELECT zhfacts.ingest_article('An English page with a title and a body but no Chinese at all.');
SELECT zhfacts.ingest_article(NULL);
\set VERBOSITY terse
SELECT count(*) AS articles FROM zhfacts.article;

-- update: facts follow the body
UPDATE zhfacts.article SET body = '宁波市鄞州区设立“甬上同心”基金，规模5000万元。' WHERE id = :id3;
SELECT i.name, m.sentence FROM zhfacts.initiative_mention m
  JOIN zhfacts.initiative i ON i.id = m.initiative_id WHERE m.article_id = :id3;
SELECT mention, amount, region_code LIKE '3302%' AS in_ningbo
  FROM zhfacts.article_money WHERE article_id = :id3;
SELECT first_seen FROM zhfacts.initiative WHERE name = '乡贤驿站';

-- delete: facts go, initiatives nobody names go
DELETE FROM zhfacts.article WHERE id = :id3;
SELECT (SELECT count(*) FROM zhfacts.article_money WHERE article_id = :id3) AS money,
       (SELECT count(*) FROM zhfacts.article_region WHERE article_id = :id3) AS regions,
       (SELECT count(*) FROM zhfacts.initiative_mention WHERE article_id = :id3) AS mentions,
       (SELECT count(*) FROM zhfacts.initiative WHERE name = '甬上同心') AS initiative;

-- direct inserts work too
INSERT INTO zhfacts.article (title, body)
VALUES ('测试', '温州市龙港市成立“书香龙港”阅读联盟，获赠图书价值20万元。');
SELECT a.script, a.region_code LIKE '3303%' AS in_wenzhou,
       (SELECT count(*) FROM zhfacts.article_money m WHERE m.article_id = a.id) AS money
  FROM zhfacts.article a WHERE title = '测试';

-- refresh recomputes every article's facts
SELECT zhfacts.refresh_facts();
SELECT count(*) AS mentions FROM zhfacts.initiative_mention;

-- money in context on a bare text
SELECT mention, region_code, context
  FROM zhfacts.money_in_context('浙江省丽水市青田县侨联接收捐款2600余万元，其中景宁县获赠300万元。', '33');

-- what pg_dump keeps: every table and sequence with user data
SELECT unnest(extconfig)::regclass AS dumped FROM pg_extension WHERE extname = 'zhfacts' ORDER BY 1::text;

-- every function of this file pins its search path and is not SECURITY DEFINER
SELECT p.proname, p.provolatile, p.prosecdef, p.proconfig IS NOT NULL OR p.prolang = 13 OR p.prolang = 12 AS pinned
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'zhfacts'
 WHERE p.proname IN ('ingest_article', 'refresh_facts', 'money_in_context',
                     '_article_facts', 'clean_page', 'extract_initiatives', '_units')
 ORDER BY 1;

-- clean_page alone
SELECT title, published_at, source, script, han_chars, body
  FROM zhfacts.clean_page(E'普陀区开展海岛义诊\n2022年6月1日 09:00 来源：示范舟山\n\n普陀区卫健局组织医生赴东极镇义诊。\n');
SELECT (zhfacts.clean_page(E'标题在此处\n2023-02-30 10:00\n正文内容写在这里。')).published_at;
