-- shard.sql - prepare one shard of a scaled-out zhfacts (docs/scale-out.md).
--
-- Run on each shard database, after CREATE EXTENSION zhfacts, with the
-- shard's number (1, 2, ...):
--     psql -v ON_ERROR_STOP=1 -v shard=1 -d shard1 -f test/scale_out/shard.sql
--
-- A shard is an ordinary zhfacts database: articles arrive through the
-- coordinator's foreign partitions (INSERT ... with the id the coordinator
-- chose), and the shard's own triggers compute the content hash, region,
-- tsvector and every fact where the article is stored.  Two sequences change:

-- 1. Article ids come from the coordinator's sequence: the id decides the
--    shard (hash partitioning), so an id drawn here could belong to another
--    shard.  The shard's own sequence is set to its end, so that a direct
--    zhfacts.ingest_article() on a shard fails ("reached maximum value of
--    sequence") instead of storing an article on the wrong shard.  setval()
--    is kept by pg_dump (the sequence is a configuration table of zhfacts).
SELECT setval('zhfacts.article_id_seq', 9223372036854775807);

-- 2. Initiative ids are made per shard (each shard keeps its own catalogue of
--    initiative names), from disjoint ranges: shard k draws from
--    [k * 10^12, (k + 1) * 10^12), the bounds of its partition of
--    zhfacts_dist.initiative on the coordinator, so an initiative_id names
--    one initiative row in the whole cluster.
SELECT setval('zhfacts.initiative_id_seq', :shard * 1000000000000::bigint, false);
