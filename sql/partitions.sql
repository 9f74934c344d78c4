-- zhfacts.article is range-partitioned on id (issue #7): partitions of
-- zhfacts.article_partition_rows ids are made ahead of ingest_article, rows
-- beyond them go to article_default, url and content hash stay unique across
-- partitions (article_key), searches and facts see every partition.
SET client_min_messages = warning;
\set VERBOSITY terse
TRUNCATE zhfacts.article;
DO $$
DECLARE p regclass;
BEGIN
	FOR p IN SELECT i.inhrelid::regclass FROM pg_inherits i
			  WHERE i.inhparent IN ('zhfacts.article'::regclass, 'zhfacts.article_region'::regclass,
					'zhfacts.article_money'::regclass, 'zhfacts.initiative_mention'::regclass)
				AND i.inhrelid::regclass::text NOT LIKE '%\_default' LOOP
		EXECUTE format('DROP TABLE %s', p);
	END LOOP;
END
$$;
SELECT setval('zhfacts.article_id_seq', 1, false);
SET zhfacts.article_partition_rows = 4;

-- a fresh table: the default partition only; the first ingest makes the
-- partition of its id and a spare one
SELECT partition, bounds FROM zhfacts.article_partitions ORDER BY partition::text;
SELECT zhfacts.ingest_article('杭州市西湖区投入2600余万元建设“共富工坊”，带动村民增收。', 'https://example.cn/a1') AS a1 \gset
SELECT partition, bounds FROM zhfacts.article_partitions ORDER BY partition::text;

-- the same url, or the same body under another url: the stored id
SELECT zhfacts.ingest_article('另一页：淳安县下姜村今年旅游收入超过3000万元。', 'https://example.cn/a1') = :a1 AS same_url;
SELECT zhfacts.ingest_article('杭州市西湖区投入2600余万元建设“共富工坊”，带动村民增收。', 'https://example.cn/other') = :a1 AS same_body;

-- ingestion keeps a spare partition ahead of its ids
SELECT count(zhfacts.ingest_article('丽水市景宁县第' || g || '次侨乡议事会召开，筹集资金' || g || '00万元。'))
  FROM generate_series(1, 9) g;
SELECT partition, bounds, (SELECT count(*) FROM zhfacts.article a WHERE a.tableoid = p.partition) AS rows
  FROM zhfacts.article_partitions p ORDER BY partition::text;

-- a direct insert beyond the partitions lands in the default partition;
-- add_article_partitions makes the ranges after it
INSERT INTO zhfacts.article (title, body)
SELECT '议事' || g, '宁波市鄞州区第' || g || '次议事会议召开，讨论村集体经济。' FROM generate_series(1, 6) g;
SELECT count(*) AS in_default FROM zhfacts.article_default;
SELECT zhfacts.add_article_partitions(currval('zhfacts.article_id_seq') + 6) AS made;
SELECT partition, bounds FROM zhfacts.article_partitions ORDER BY partition::text;
INSERT INTO zhfacts.article (title, body) VALUES ('议事7', '宁波市鄞州区第7次议事会议召开，讨论村集体经济。');
SELECT a.tableoid::regclass = 'zhfacts.article_default'::regclass AS in_default FROM zhfacts.article a WHERE title = '议事7';

-- unique across partitions: a duplicate body or url is refused
\set VERBOSITY default
INSERT INTO zhfacts.article (title, body) VALUES ('重复', '宁波市鄞州区第1次议事会议召开，讨论村集体经济。');
INSERT INTO zhfacts.article (url, body) VALUES ('https://example.cn/a1', '温州市龙港市成立阅读联盟。');
UPDATE zhfacts.article SET body = '宁波市鄞州区第2次议事会议召开，讨论村集体经济。' WHERE title = '议事1';
UPDATE zhfacts.article SET id = id + 1000 WHERE title = '议事1';
\set VERBOSITY terse

-- a change of body or url follows into the keys; facts follow the body
UPDATE zhfacts.article SET body = '温州市龙港市成立“书香龙港”阅读联盟，获赠图书价值20万元。', url = 'https://example.cn/x'
 WHERE title = '议事1';
SELECT k.url, k.content_hash = sha256(convert_to(a.body, 'UTF8')) AS hash_follows,
       (SELECT count(*) FROM zhfacts.article_money m WHERE m.article_id = a.id) AS money
  FROM zhfacts.article a JOIN zhfacts.article_key k ON k.article_id = a.id WHERE a.title = '议事1';
SELECT zhfacts.ingest_article('另一页', 'https://example.cn/x') = (SELECT id FROM zhfacts.article WHERE title = '议事1') AS new_url_found;

-- searches, ranking and facts span the partitions
SELECT count(*) AS matches FROM zhfacts.article WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '议事');
SELECT count(DISTINCT a.tableoid) > 2 AS several_partitions
  FROM zhfacts.article a WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '议事');
SELECT count(*) AS top FROM zhfacts.top_articles('议事', 100);
SELECT count(*) = (SELECT count(*) FROM zhfacts.article) AS every_article_has_a_key FROM zhfacts.article_key;
SELECT count(DISTINCT article_id) AS articles_with_money FROM zhfacts.article_money;
SELECT zhfacts.clean_pending_lists() >= 0 AS merged;
-- each fact lies in the partition of its table with its article's bounds
SELECT t, count(*) AS facts, count(DISTINCT f) AS partitions,
       bool_and(substr(f, length(t) + 2) = substr(a, length('zhfacts.article') + 2)) AS beside_their_article
  FROM (SELECT 'zhfacts.article_region' t, r.tableoid::regclass::text f, a.tableoid::regclass::text a
		  FROM zhfacts.article_region r JOIN zhfacts.article a ON a.id = r.article_id
		UNION ALL
		SELECT 'zhfacts.article_money', m.tableoid::regclass::text, a.tableoid::regclass::text
		  FROM zhfacts.article_money m JOIN zhfacts.article a ON a.id = m.article_id
		UNION ALL
		SELECT 'zhfacts.initiative_mention', m.tableoid::regclass::text, a.tableoid::regclass::text
		  FROM zhfacts.initiative_mention m JOIN zhfacts.article a ON a.id = m.article_id) x
 GROUP BY t ORDER BY t;

-- every partition has the same indexes
SELECT p.partition, array_agg(regexp_replace(i.indexrelid::regclass::text, '^zhfacts\.article_[a-z0-9]+_', '') ORDER BY 1) AS indexes
  FROM zhfacts.article_partitions p JOIN pg_index i ON i.indrelid = p.partition
 GROUP BY 1 ORDER BY 1::text;

-- deleting articles drops their keys: the same page can be stored again
DELETE FROM zhfacts.article WHERE id = :a1;
SELECT count(*) AS key_left FROM zhfacts.article_key WHERE article_id = :a1;
SELECT zhfacts.ingest_article('杭州市西湖区投入2600余万元建设“共富工坊”，带动村民增收。', 'https://example.cn/a1') > :a1 AS stored_anew;
-- a row deleted from a partition directly leaves its key behind; ingest
-- notices and stores the page again
DELETE FROM zhfacts.article_default WHERE title = '议事7';
SELECT zhfacts.ingest_article('宁波市鄞州区第7次议事会议召开，讨论村集体经济。') IS NOT NULL AS stored_again;

-- TRUNCATE empties the keys with the facts
TRUNCATE zhfacts.article;
SELECT (SELECT count(*) FROM zhfacts.article_key) AS keys, (SELECT count(*) FROM zhfacts.article_money) AS money;

-- a role that does not own the table ingests into the default partition
-- beyond the last range (no error); add_article_partitions tells it why
CREATE ROLE regress_zhfacts_loader NOLOGIN;
GRANT USAGE ON SCHEMA zhfacts TO regress_zhfacts_loader;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA zhfacts TO regress_zhfacts_loader;
GRANT UPDATE, DELETE ON zhfacts.article_key TO regress_zhfacts_loader;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA zhfacts TO regress_zhfacts_loader;
SET ROLE regress_zhfacts_loader;
SELECT count(zhfacts.ingest_article('衢州市开化县第' || g || '次乡贤大会召开，乡贤捐资' || g || '0万元。'))
  FROM generate_series(1, 12) g;
\set VERBOSITY default
SELECT zhfacts.add_article_partitions(1000);
\set VERBOSITY terse
RESET ROLE;
SELECT count(*) > 0 AS some_in_default FROM zhfacts.article_default;
TRUNCATE zhfacts.article;
REVOKE ALL ON ALL TABLES IN SCHEMA zhfacts FROM regress_zhfacts_loader;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA zhfacts FROM regress_zhfacts_loader;
REVOKE ALL ON SCHEMA zhfacts FROM regress_zhfacts_loader;
DROP ROLE regress_zhfacts_loader;

-- the setting is checked
SET zhfacts.article_partition_rows = 0;
RESET zhfacts.article_partition_rows;
SHOW zhfacts.article_partition_rows;
