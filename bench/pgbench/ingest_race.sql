-- the page of the current half-second slot (4 per slot): several clients
-- ingest the same new content at the same moment; all must get one id
\set r random(0, 3)
INSERT INTO zf_conc.race_log (k, client, article_id)
SELECT g.k, :client_id, zhfacts.ingest_article(zf_conc.page(g.k, 'race'),
	CASE WHEN g.k % 2 = 1 THEN 'https://conc.example/race/' || g.k END)
  FROM (SELECT floor(extract(epoch FROM clock_timestamp()) * 2)::bigint * 4 + :r AS k) g;
