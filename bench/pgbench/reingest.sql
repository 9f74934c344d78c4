-- a sample article loaded before the run, again (with its url or without):
-- must return the id it got then
\set k random(1, 12)
\set u random(0, 1)
INSERT INTO zf_conc.reingest_log (k, client, with_url, expected, got)
SELECT s.k, :client_id, :u = 1, s.id,
	zhfacts.ingest_article(s.raw, CASE WHEN :u = 1 THEN s.url END)
  FROM zf_conc.seed s WHERE s.k = :k;
