-- a new, distinct article (n from a sequence), half of them with a url; the
-- log row commits with the article or not at all
INSERT INTO zf_conc.new_log (n, client, article_id)
SELECT g.n, :client_id, zhfacts.ingest_article(zf_conc.page(g.n),
	CASE WHEN g.n % 2 = 0 THEN 'https://conc.example/new/' || g.n END)
  FROM (SELECT nextval('zf_conc.gen_seq') AS n) g;
