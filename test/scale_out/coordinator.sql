-- coordinator.sql - the coordinator of a scaled-out zhfacts (docs/scale-out.md).
--
-- The corpus lives on shard servers, each an ordinary zhfacts database
-- prepared with shard.sql.  The coordinator holds no data: schema
-- zhfacts_dist has the same tables as zhfacts, partitioned, with one
-- postgres_fdw foreign partition per shard.
--
--   zhfacts_dist.article             PARTITION BY HASH (id)
--   zhfacts_dist.article_region      PARTITION BY HASH (article_id)  } the facts of an article
--   zhfacts_dist.article_money       PARTITION BY HASH (article_id)  } live on its shard:
--   zhfacts_dist.initiative_mention  PARTITION BY HASH (article_id)  } same key, same bounds
--   zhfacts_dist.initiative          PARTITION BY RANGE (id)   each shard's catalogue of names
--
-- Usage, after CREATE SERVER shardN ... OPTIONS (extensions 'zhfacts', ...)
-- and a user mapping for every shard:
--     psql -v ON_ERROR_STOP=1 -d coord -f test/scale_out/coordinator.sql
--     psql -d coord -c "SELECT zhfacts_dist.attach_shards('{shard1,shard2,shard3}')"
--     psql -d coord -c "SELECT zhfacts_dist.ingest_article(\$\$...page...\$\$, 'https://...')"
--
-- zhfacts is installed on the coordinator too: ingest_article cleans pages
-- with zhfacts.clean_page before routing them; postgres_fdw ships a function
-- or a text-search configuration to the shards only when it belongs to an
-- extension installed locally and named in the server's `extensions` option;
-- and what runs on the coordinator (ts_headline with zhfacts.chinese, joins
-- with zhfacts.region) needs it.

CREATE EXTENSION IF NOT EXISTS zhfacts;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;

CREATE SCHEMA zhfacts_dist;
COMMENT ON SCHEMA zhfacts_dist IS
	'zhfacts over several servers: partitioned tables whose partitions are postgres_fdw foreign tables on the shards';

-- Article ids are drawn here, for the whole cluster: the id decides the shard.
CREATE SEQUENCE zhfacts_dist.article_id_seq;

-- The columns of zhfacts.article.  Constraints are checked by the shards (a
-- partitioned table with foreign partitions can have no unique index): the
-- primary key holds cluster-wide because an id always hashes to the same
-- shard; url and content_hash are unique per shard, and cluster-wide because
-- zhfacts_dist.ingest_article looks them up on every shard under a lock.
-- tsv is declared generated so that postgres_fdw sends DEFAULT for it and the
-- shard computes it.
CREATE TABLE zhfacts_dist.article (
	id bigint NOT NULL DEFAULT nextval('zhfacts_dist.article_id_seq'),
	url text,
	title text,
	source text,
	published_at timestamptz,
	script text NOT NULL DEFAULT 'hans',
	body text NOT NULL,
	content_hash bytea,
	tsv tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('zhfacts.chinese'::regconfig, coalesce(title, '')), 'A') ||
		setweight(to_tsvector('zhfacts.chinese'::regconfig, body), 'D')) STORED,
	region_code text,
	ingested_at timestamptz NOT NULL DEFAULT now(),
	facts_at timestamptz
) PARTITION BY HASH (id);
ALTER SEQUENCE zhfacts_dist.article_id_seq OWNED BY zhfacts_dist.article.id;
COMMENT ON TABLE zhfacts_dist.article IS
	'zhfacts.article of every shard, hash-partitioned on id; load with zhfacts_dist.ingest_article';

CREATE TABLE zhfacts_dist.article_region (
	article_id bigint NOT NULL,
	pos int NOT NULL,
	mention text NOT NULL,
	code text
) PARTITION BY HASH (article_id);
COMMENT ON TABLE zhfacts_dist.article_region IS
	'zhfacts.article_region of every shard, partitioned as zhfacts_dist.article';

CREATE TABLE zhfacts_dist.article_money (
	article_id bigint NOT NULL,
	pos int NOT NULL,
	mention text NOT NULL,
	amount numeric,
	amount_min numeric,
	amount_max numeric,
	qualifier text,
	currency text,
	region_code text,
	context text
) PARTITION BY HASH (article_id);
COMMENT ON TABLE zhfacts_dist.article_money IS
	'zhfacts.article_money of every shard, partitioned as zhfacts_dist.article';

CREATE TABLE zhfacts_dist.initiative_mention (
	initiative_id bigint NOT NULL,
	article_id bigint NOT NULL,
	pos int NOT NULL,
	kind text NOT NULL,
	sentence text NOT NULL
) PARTITION BY HASH (article_id);
COMMENT ON TABLE zhfacts_dist.initiative_mention IS
	'zhfacts.initiative_mention of every shard, partitioned as zhfacts_dist.article; initiative_id is a row of zhfacts_dist.initiative on the same shard';

-- Each shard keeps the catalogue of the initiatives its articles name (an
-- initiative named on two shards has a row on each); shard.sql gives shard k
-- the ids [k * 10^12, (k + 1) * 10^12).  zhfacts_dist.initiative_first is the
-- catalogue zhfacts.initiative would hold on a single server.
CREATE TABLE zhfacts_dist.initiative (
	id bigint NOT NULL,
	name text NOT NULL,
	kind text NOT NULL,
	region_code text,
	first_seen timestamptz NOT NULL
) PARTITION BY RANGE (id);
COMMENT ON TABLE zhfacts_dist.initiative IS
	'zhfacts.initiative of every shard (one row per name and shard), partitioned on the shards'' id ranges';

-- The foreign partitions of the shards, and the roll-up views over them.
-- servers[k] is shard k (the k of shard.sql): remainder k - 1 of modulus
-- cardinality(servers).  Run once, when the shards are empty: a different
-- number of shards is a different hash layout (docs/scale-out.md).
CREATE FUNCTION zhfacts_dist.attach_shards(servers name[])
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = zhfacts_dist, pg_catalog
AS $f$
DECLARE
	n		int := cardinality(servers);
	k		int;
	t		text;
	parts	text[];
	one		text;
BEGIN
	IF n IS NULL OR n < 1 THEN
		RAISE EXCEPTION 'no shard servers given' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR k IN 1 .. n LOOP
		FOREACH t IN ARRAY ARRAY['article', 'article_region', 'article_money', 'initiative_mention'] LOOP
			EXECUTE format('CREATE FOREIGN TABLE zhfacts_dist.%I PARTITION OF zhfacts_dist.%I
				FOR VALUES WITH (MODULUS %s, REMAINDER %s)
				SERVER %I OPTIONS (schema_name %L, table_name %L)',
				t || '_s' || k, t, n, k - 1, servers[k], 'zhfacts', t);
		END LOOP;
		EXECUTE format('CREATE FOREIGN TABLE zhfacts_dist.%I PARTITION OF zhfacts_dist.initiative
			FOR VALUES FROM (%s) TO (%s)
			SERVER %I OPTIONS (schema_name %L, table_name %L)',
			'initiative_s' || k, k * 1000000000000::bigint, (k + 1) * 1000000000000::bigint,
			servers[k], 'zhfacts', 'initiative');
	END LOOP;

	-- Roll-ups: PostgreSQL 15's postgres_fdw ships a GROUP BY only when the
	-- grouping holds the partition key (a full partition-wise aggregate); a
	-- GROUP BY region_code over zhfacts_dist.article is aggregated here, from
	-- rows fetched from the shards.  These views ask every shard for its own
	-- aggregate (each foreign scan below is a single-server query postgres_fdw
	-- ships whole: join, WHERE and GROUP BY) and add up the partial results,
	-- as Citus does by itself.  Sums and counts add up; an article is on one
	-- shard only, so per-shard counts of distinct articles add up too.

	-- articles per region (zhfacts.article.region_code)
	parts := '{}';
	FOR k IN 1 .. n LOOP
		parts := parts || format('SELECT region_code, count(*) AS articles
			FROM zhfacts_dist.%I GROUP BY region_code', 'article_s' || k);
	END LOOP;
	EXECUTE 'CREATE OR REPLACE VIEW zhfacts_dist.region_articles AS
		SELECT region_code, sum(articles)::bigint AS articles FROM ('
		|| array_to_string(parts, ' UNION ALL ') || ') s GROUP BY region_code';
	COMMENT ON VIEW zhfacts_dist.region_articles IS
		'Articles per region_code, counted on each shard';

	-- sums of money per region they are about (zhfacts.article_money.region_code)
	parts := '{}';
	FOR k IN 1 .. n LOOP
		parts := parts || format('SELECT region_code, count(*) AS figures,
				count(amount) AS amounts, sum(amount) AS amount
			FROM zhfacts_dist.%I GROUP BY region_code', 'article_money_s' || k);
	END LOOP;
	EXECUTE 'CREATE OR REPLACE VIEW zhfacts_dist.region_money AS
		SELECT region_code, sum(figures)::bigint AS figures, sum(amounts)::bigint AS amounts,
			sum(amount) AS amount FROM ('
		|| array_to_string(parts, ' UNION ALL ') || ') s GROUP BY region_code';
	COMMENT ON VIEW zhfacts_dist.region_money IS
		'Sums of money per region they are about: figures, figures with an amount, their sum; aggregated on each shard';

	-- initiatives named in the articles about each region
	parts := '{}';
	FOR k IN 1 .. n LOOP
		parts := parts || format('SELECT a.region_code, i.name, count(*) AS mentions,
				count(DISTINCT a.id) AS articles
			FROM zhfacts_dist.%I m
			JOIN zhfacts_dist.%I i ON i.id = m.initiative_id
			JOIN zhfacts_dist.%I a ON a.id = m.article_id
			GROUP BY a.region_code, i.name',
			'initiative_mention_s' || k, 'initiative_s' || k, 'article_s' || k);
	END LOOP;
	EXECUTE 'CREATE OR REPLACE VIEW zhfacts_dist.region_initiatives AS
		SELECT region_code, name, sum(mentions)::bigint AS mentions, sum(articles)::bigint AS articles FROM ('
		|| array_to_string(parts, ' UNION ALL ') || ') s GROUP BY region_code, name';
	COMMENT ON VIEW zhfacts_dist.region_initiatives IS
		'Initiatives named in the articles about each region: mentions and articles; joined and aggregated on each shard';

	-- The catalogue a single server would have: one row per name, with the
	-- kind, region and time of its first sighting (earliest publication time,
	-- then lowest article id, as zhfacts._article_facts keeps it).  Each shard
	-- gives its row and the article it comes from; the earliest wins.  (A
	-- name is unique on a shard: min() of its kind, region and first_seen is
	-- the shard's row, and the planner sees one group per name.)
	parts := '{}';
	FOR k IN 1 .. n LOOP
		parts := parts || format('SELECT i.name, min(i.kind) AS kind, min(i.region_code) AS region_code,
				min(i.first_seen) AS first_seen,
				min(a.id) FILTER (WHERE coalesce(a.published_at, a.ingested_at) = i.first_seen) AS article_id
			FROM zhfacts_dist.%I i
			JOIN zhfacts_dist.%I m ON m.initiative_id = i.id
			JOIN zhfacts_dist.%I a ON a.id = m.article_id
			GROUP BY i.name',
			'initiative_s' || k, 'initiative_mention_s' || k, 'article_s' || k);
	END LOOP;
	EXECUTE 'CREATE OR REPLACE VIEW zhfacts_dist.initiative_first AS
		SELECT DISTINCT ON (name) name, kind, region_code, first_seen, article_id FROM ('
		|| array_to_string(parts, ' UNION ALL ') || ') s ORDER BY name, first_seen, article_id NULLS LAST';
	COMMENT ON VIEW zhfacts_dist.initiative_first IS
		'One row per initiative name, as zhfacts.initiative on a single server: kind, region and time of the first sighting, and that article';
END;
$f$;
COMMENT ON FUNCTION zhfacts_dist.attach_shards(name[]) IS
	'Create the foreign partitions of the shard servers (servers[k] is shard k of shard.sql) and the roll-up views over them';

-- zhfacts.ingest_article for the cluster, same contract: a saved page in, an
-- article id out; the same url or content again returns the existing id;
-- ERROR on empty or non-Chinese input.  The page is cleaned here (cheap), the
-- id drawn here, and the row inserted through the partitioned table: tuple
-- routing sends it to the shard its id hashes to, where zhfacts's triggers
-- compute the content hash, region, tsvector and facts (the costly part) in
-- the same transaction.  Duplicates are looked up on every shard (url and
-- content_hash are indexed in every partition there) under advisory locks on the url and the
-- content hash, so that two sessions of this coordinator do not store the
-- same page twice.
CREATE FUNCTION zhfacts_dist.ingest_article(raw text, url text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = zhfacts_dist, pg_catalog
AS $$
DECLARE
	p		record;
	h		bytea;
	a_id	bigint;
BEGIN
	IF raw IS NULL OR btrim(raw, E' \t\r\n\u3000') = '' THEN
		RAISE EXCEPTION 'empty article'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Pass the text of a saved page.';
	END IF;
	IF url IS NOT NULL THEN
		-- 0x7a66 'zf': the advisory lock space of zhfacts_dist
		PERFORM pg_advisory_xact_lock(31334, hashtext(url));
		SELECT id INTO a_id FROM zhfacts_dist.article a WHERE a.url = ingest_article.url;
		IF FOUND THEN
			RETURN a_id;
		END IF;
	END IF;
	p := zhfacts.clean_page(raw);
	IF p.body = '' OR p.han_chars < 10 OR p.han_chars < p.latin_chars THEN
		RAISE EXCEPTION 'not a Chinese article'
			USING ERRCODE = 'invalid_text_representation',
				  DETAIL = format('The page has %s Han characters and %s Latin letters outside its chrome.',
								  p.han_chars, p.latin_chars),
				  HINT = 'zhfacts.ingest_article takes pages in Chinese with at least 10 Han characters of text.';
	END IF;
	h := sha256(convert_to(p.body, 'UTF8'));
	PERFORM pg_advisory_xact_lock(31334, hashtext(encode(h, 'hex')));
	SELECT id INTO a_id FROM zhfacts_dist.article a WHERE a.content_hash = h;
	IF FOUND THEN
		-- zhfacts.ingest_article uses up an id on such a duplicate (it
		-- draws the id before it claims the content hash): so do we, and the same pages in the same order get the same ids on a
		-- single server and on the shards
		PERFORM nextval('zhfacts_dist.article_id_seq');
		RETURN a_id;
	END IF;
	a_id := nextval('zhfacts_dist.article_id_seq');
	INSERT INTO zhfacts_dist.article (id, url, title, source, published_at, script, body, content_hash)
	VALUES (a_id, url, p.title, p.source, p.published_at AT TIME ZONE 'Asia/Shanghai', p.script,
			p.body, h);
	RETURN a_id;
END;
$$;
COMMENT ON FUNCTION zhfacts_dist.ingest_article(text, text) IS
	'zhfacts.ingest_article over the shards: the page is cleaned and given an id here, stored with its facts on the shard the id hashes to; the same url or content again returns the existing id';

-- Partition-wise joins and aggregates: a join of article with its facts on
-- the partition key runs as one remote join per shard, and a GROUP BY that
-- holds the partition key is shipped whole.
DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_join = on', current_database());
	EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_aggregate = on', current_database());
END
$$;
