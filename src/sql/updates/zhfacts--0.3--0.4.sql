-- zhfacts 0.3 -> 0.4: zhfacts.article becomes range-partitioned on id (issue #7).
-- The table of 0.3 leaves the extension and stays, with its rows and its
-- indexes, as the partition zhfacts.article_legacy of the ids it holds; new
-- articles go into new partitions.  Its unique constraints on url and
-- content_hash become zhfacts.article_key (filled here: seconds for a million).
-- Nothing else is rebuilt; attaching the old table reads it once.

DROP TRIGGER article_before ON zhfacts.article;
DROP TRIGGER article_after ON zhfacts.article;
DROP TRIGGER article_orphans_update ON zhfacts.article;
DROP TRIGGER article_orphans_delete ON zhfacts.article;
DROP TRIGGER article_orphans_truncate ON zhfacts.article;
ALTER EXTENSION zhfacts DROP TABLE zhfacts.article;
ALTER TABLE zhfacts.article RENAME TO article_legacy;
-- its unique indexes serve as the partition's indexes on id, url and content
-- hash (zhfacts._index_partition skips them by name): nothing to build
ALTER TABLE zhfacts.article_legacy RENAME CONSTRAINT article_pkey TO article_legacy_id_key;
ALTER TABLE zhfacts.article_legacy RENAME CONSTRAINT article_url_key TO article_legacy_url_idx;
ALTER TABLE zhfacts.article_legacy RENAME CONSTRAINT article_content_hash_key TO article_legacy_content_hash_idx;
-- out of the way of the new table's CHECK constraints, whose names they take
-- back before it is attached (a partition has its parent's constraints)
ALTER TABLE zhfacts.article_legacy RENAME CONSTRAINT article_script_check TO article_legacy_script_check;
ALTER TABLE zhfacts.article_legacy RENAME CONSTRAINT article_body_check TO article_legacy_body_check;
ALTER INDEX zhfacts.article_tsv_idx RENAME TO article_legacy_tsv_idx;
ALTER INDEX zhfacts.article_rank_idx RENAME TO article_legacy_rank_idx;
ALTER INDEX zhfacts.article_region_code_idx RENAME TO article_legacy_region_code_idx;
ALTER INDEX zhfacts.article_published_at_idx RENAME TO article_legacy_published_at_idx;
COMMENT ON TABLE zhfacts.article_legacy IS
	'The articles stored before zhfacts 0.4, a partition of zhfacts.article';
-- the fact tables likewise: their rows of 0.3 become partitions *_legacy with
-- the same bounds
ALTER EXTENSION zhfacts DROP TABLE zhfacts.article_region;
ALTER EXTENSION zhfacts DROP TABLE zhfacts.article_money;
ALTER EXTENSION zhfacts DROP TABLE zhfacts.initiative_mention;
ALTER TABLE zhfacts.article_region RENAME TO article_region_legacy;
ALTER TABLE zhfacts.article_money RENAME TO article_money_legacy;
ALTER TABLE zhfacts.initiative_mention RENAME TO initiative_mention_legacy;
ALTER TABLE zhfacts.article_region_legacy RENAME CONSTRAINT article_region_pkey TO article_region_legacy_key;
ALTER TABLE zhfacts.article_money_legacy RENAME CONSTRAINT article_money_pkey TO article_money_legacy_key;
ALTER TABLE zhfacts.initiative_mention_legacy RENAME CONSTRAINT initiative_mention_pkey TO initiative_mention_legacy_key;
ALTER TABLE zhfacts.initiative_mention_legacy
	RENAME CONSTRAINT initiative_mention_initiative_id_fkey TO initiative_mention_legacy_initiative_id_fkey;
ALTER INDEX zhfacts.article_region_code_idx2 RENAME TO article_region_legacy_code_idx;
ALTER INDEX zhfacts.article_money_region_code_idx RENAME TO article_money_legacy_region_code_idx;
ALTER INDEX zhfacts.initiative_mention_initiative_idx RENAME TO initiative_mention_legacy_initiative_id_idx;

CREATE TABLE zhfacts.article (
	id bigint NOT NULL DEFAULT nextval('zhfacts.article_id_seq'),
	url text,
	title text,
	source text,
	published_at timestamptz,
	script text NOT NULL DEFAULT 'hans' CHECK (script IN ('hans', 'hant')),
	body text NOT NULL CHECK (body <> ''),
	content_hash bytea NOT NULL,
	tsv tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('zhfacts.chinese'::regconfig, coalesce(title, '')), 'A') ||
		setweight(to_tsvector('zhfacts.chinese'::regconfig, body), 'D')) STORED,
	region_code text,
	ingested_at timestamptz NOT NULL DEFAULT now(),
	facts_at timestamptz
) PARTITION BY RANGE (id);
ALTER SEQUENCE zhfacts.article_id_seq OWNED BY zhfacts.article.id;
-- lz4 compresses the body and the tsvector several times faster than pglz
-- (a sixth of the ingestion time); servers built without it keep pglz.
DO $$
BEGIN
	ALTER TABLE zhfacts.article ALTER COLUMN body SET COMPRESSION lz4,
		ALTER COLUMN tsv SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
	NULL;
END
$$;
COMMENT ON TABLE zhfacts.article IS
	'Articles: load raw pages with zhfacts.ingest_article(raw, url) or insert title and body directly; the fact tables follow every change.  Partitioned on id (zhfacts.article_partitions)';
COMMENT ON COLUMN zhfacts.article.url IS
	'Where the page came from; unique (zhfacts.article_key)';
COMMENT ON COLUMN zhfacts.article.content_hash IS
	'SHA-256 of the body: the same article twice is stored once (zhfacts.article_key)';
COMMENT ON COLUMN zhfacts.article.tsv IS
	'Title (weight A) and body (weight D) for full-text search with zhfacts.chinese';
COMMENT ON COLUMN zhfacts.article.region_code IS
	'The region the article is about (zhfacts.region_of(body))';
COMMENT ON COLUMN zhfacts.article.facts_at IS
	'When the facts were computed; a row inserted with it already set brings its facts along (pg_restore)';

-- One row per article: the unique keys of the whole partitioned table.  Not
-- dumped: restoring the articles fills it again.
CREATE TABLE zhfacts.article_key (
	content_hash bytea PRIMARY KEY,
	url text UNIQUE,
	article_id bigint NOT NULL
);
CREATE INDEX article_key_article_id_idx ON zhfacts.article_key (article_id);
COMMENT ON TABLE zhfacts.article_key IS
	'The content hash and url of every article, unique across the partitions of zhfacts.article (kept by its triggers)';

INSERT INTO zhfacts.article_key (content_hash, url, article_id)
SELECT content_hash, url, id FROM zhfacts.article_legacy;

-- The facts of each article are partitioned as the articles are, on
-- article_id with the same bounds (70_partitions.sql): what an ingested
-- article writes goes into partitions whose indexes stay small.  Unique on
-- (article_id, pos) in each partition.
CREATE TABLE zhfacts.initiative_mention (
	initiative_id bigint NOT NULL REFERENCES zhfacts.initiative ON DELETE CASCADE,
	article_id bigint NOT NULL,
	pos int NOT NULL,
	kind text NOT NULL,
	sentence text NOT NULL
) PARTITION BY RANGE (article_id);
COMMENT ON TABLE zhfacts.initiative_mention IS
	'Every mention of an initiative: article, 1-based character position in the body, kind in this context, the sentence';

CREATE TABLE zhfacts.article_region (
	article_id bigint NOT NULL,
	pos int NOT NULL,
	mention text NOT NULL,
	code text
) PARTITION BY RANGE (article_id);
COMMENT ON TABLE zhfacts.article_region IS
	'Every region named in an article body (code NULL when ambiguous)';

CREATE TABLE zhfacts.article_money (
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
) PARTITION BY RANGE (article_id);
COMMENT ON TABLE zhfacts.article_money IS
	'Every sum of money in an article body, with the region it is about (nearest region named before it in the sentence, else the paragraph, else the article''s) and its clause';


CREATE OR REPLACE FUNCTION zhfacts._drop_orphan_initiatives()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = zhfacts, pg_catalog
AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		TRUNCATE zhfacts.article_region, zhfacts.article_money, zhfacts.initiative_mention,
			zhfacts.initiative, zhfacts.article_key;
		RETURN NULL;
	END IF;
	IF TG_OP = 'DELETE' THEN
		DELETE FROM zhfacts.article_key k WHERE k.article_id IN (SELECT id FROM gone);
		DELETE FROM zhfacts.article_region f WHERE f.article_id IN (SELECT id FROM gone);
		DELETE FROM zhfacts.article_money f WHERE f.article_id IN (SELECT id FROM gone);
		DELETE FROM zhfacts.initiative_mention f WHERE f.article_id IN (SELECT id FROM gone);
	END IF;
	DELETE FROM zhfacts.initiative n
	 WHERE NOT EXISTS (SELECT FROM zhfacts.initiative_mention m WHERE m.initiative_id = n.id);
	RETURN NULL;
END;
$$;
COMMENT ON FUNCTION zhfacts._drop_orphan_initiatives() IS
	'Trigger: removes the keys and facts of deleted articles, and initiatives no article mentions after articles were deleted or changed';

CREATE OR REPLACE FUNCTION zhfacts._article_before()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	other	bigint;
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.id IS DISTINCT FROM OLD.id THEN
		RAISE EXCEPTION 'the id of an article cannot change'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = format('Article %s would become %s.', OLD.id, NEW.id),
				  HINT = 'Its facts refer to it by id: insert the article anew and delete the old one.';
	END IF;
	NEW.content_hash := sha256(convert_to(NEW.body, 'UTF8'));
	-- ingest_article claims the key before it inserts: then the row is there
	-- with this article's id, and one lookup finds it
	IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT FROM zhfacts.article_key k
			WHERE k.content_hash = NEW.content_hash AND k.article_id = NEW.id
			  AND k.url IS NOT DISTINCT FROM NEW.url) THEN
		INSERT INTO zhfacts.article_key (content_hash, url, article_id)
		VALUES (NEW.content_hash, NEW.url, NEW.id) ON CONFLICT DO NOTHING;
		IF NOT FOUND THEN
			SELECT k.article_id INTO other FROM zhfacts.article_key k
			 WHERE k.content_hash = NEW.content_hash OR k.url = NEW.url LIMIT 1;
			RAISE EXCEPTION 'article % is stored already', other
				USING ERRCODE = 'unique_violation',
					  DETAIL = 'An article with the same body or the same url is stored as article ' || other || '.',
					  HINT = 'zhfacts.ingest_article returns the id of the stored article instead of failing.';
		END IF;
	ELSIF TG_OP = 'UPDATE' AND (NEW.content_hash IS DISTINCT FROM OLD.content_hash OR NEW.url IS DISTINCT FROM OLD.url) THEN
		UPDATE zhfacts.article_key k SET content_hash = NEW.content_hash, url = NEW.url
		 WHERE k.article_id = NEW.id;
	END IF;
	IF TG_OP = 'INSERT' AND NEW.facts_at IS NOT NULL THEN
		RETURN NEW;				-- restored with its facts: keep everything as it was
	END IF;
	IF TG_OP = 'INSERT' OR NEW.body IS DISTINCT FROM OLD.body THEN
		NEW.region_code := zhfacts.region_of(NEW.body);
		-- the after trigger computes the facts of rows stamped now
		NEW.facts_at := now();
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION zhfacts._article_before() IS
	'Trigger: content hash, unique keys (zhfacts.article_key) and region of an article';

CREATE TRIGGER article_before
	BEFORE INSERT OR UPDATE OF body, url, id ON zhfacts.article
	FOR EACH ROW EXECUTE FUNCTION zhfacts._article_before();
CREATE TRIGGER article_after
	AFTER INSERT OR UPDATE OF body ON zhfacts.article
	FOR EACH ROW WHEN (NEW.facts_at = now()) EXECUTE FUNCTION zhfacts._article_after();
CREATE TRIGGER article_orphans_update
	AFTER UPDATE OF body ON zhfacts.article
	FOR EACH STATEMENT EXECUTE FUNCTION zhfacts._drop_orphan_initiatives();
CREATE TRIGGER article_orphans_delete
	AFTER DELETE ON zhfacts.article REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION zhfacts._drop_orphan_initiatives();
CREATE TRIGGER article_orphans_truncate
	AFTER TRUNCATE ON zhfacts.article
	FOR EACH STATEMENT EXECUTE FUNCTION zhfacts._drop_orphan_initiatives();

-- The id of the stored article with this content hash or url; a key whose
-- article is gone (deleted from a partition directly, which the delete
-- trigger of zhfacts.article does not see) is dropped.
CREATE FUNCTION zhfacts._stored_article(h bytea, u text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	k	record;
BEGIN
	FOR k IN SELECT * FROM zhfacts.article_key WHERE content_hash = h OR url = u LOOP
		IF EXISTS (SELECT FROM zhfacts.article a WHERE a.id = k.article_id) THEN
			RETURN k.article_id;
		END IF;
		DELETE FROM zhfacts.article_key WHERE content_hash = k.content_hash;
	END LOOP;
	RETURN NULL;
END;
$$;
COMMENT ON FUNCTION zhfacts._stored_article(bytea, text) IS
	'Internal: the id of the stored article with content hash h or url u, or NULL';

CREATE OR REPLACE FUNCTION zhfacts.ingest_article(raw text, url text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	p		record;
	h		bytea;
	a_id	bigint;
BEGIN
	-- only white space?  (a match stops at the first other character; btrim
	-- would copy the whole page, and cannot be cancelled)
	IF raw IS NULL OR raw ~ E'^[ \t\r\n\u3000]*$' THEN
		RAISE EXCEPTION 'empty article'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Pass the text of a saved page.';
	END IF;
	IF url IS NOT NULL THEN
		a_id := zhfacts._stored_article(NULL, url);
		IF a_id IS NOT NULL THEN
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
	-- a duplicate is found by the unique keys: claimed first, so that of two
	-- sessions storing the same page one waits for the other and returns its id
	h := sha256(convert_to(p.body, 'UTF8'));
	a_id := nextval('zhfacts.article_id_seq');
	INSERT INTO zhfacts.article_key (content_hash, url, article_id)
	VALUES (h, url, a_id) ON CONFLICT DO NOTHING;
	IF NOT FOUND THEN
		-- stored already (perhaps by another session meanwhile), or the key
		-- was stale and is gone now: then claim it again
		RETURN coalesce(zhfacts._stored_article(h, url), zhfacts.ingest_article(raw, url));
	END IF;
	PERFORM zhfacts._cover_article_id(a_id);
	INSERT INTO zhfacts.article (id, url, title, source, published_at, script, body)
	VALUES (a_id, url, p.title, p.source, p.published_at AT TIME ZONE 'Asia/Shanghai', p.script, p.body);
	RETURN a_id;
END;
$$;
COMMENT ON FUNCTION zhfacts.ingest_article(text, text) IS
	'Store a raw saved page as an article (title, publication time read as China time, source, cleaned body, script) with its facts; the same url or content again returns the existing id; ERROR on empty or non-Chinese input';

COMMENT ON TRIGGER article_before ON zhfacts.article IS 'Content hash, unique keys, region and facts stamp of a new or changed article';
COMMENT ON TRIGGER article_after ON zhfacts.article IS 'Facts of a new or changed article (not of a restored one, which brings them along)';
COMMENT ON TRIGGER article_orphans_update ON zhfacts.article IS 'Drops initiatives no article names any more';
COMMENT ON TRIGGER article_orphans_delete ON zhfacts.article IS 'Drops the facts of deleted articles and initiatives no article names any more';
COMMENT ON TRIGGER article_orphans_truncate ON zhfacts.article IS 'Empties the fact tables with the articles';

CREATE OR REPLACE FUNCTION zhfacts.top_articles(word text, n integer DEFAULT 20)
RETURNS TABLE (article_id bigint, rank real)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 20
SET search_path = zhfacts, pg_catalog
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
SET max_parallel_workers_per_gather = 0
AS $$
DECLARE
	v tsvector := to_tsvector('zhfacts.chinese', word);
	head text;
	q tsquery;
	t record;
	got bigint := 0;
	k bigint;
BEGIN
	IF n < 0 THEN
		RAISE EXCEPTION 'n must not be negative: %', n
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'n is the number of articles wanted (default 20).';
	END IF;
	-- the lexeme that stands for the whole word: the longest, if every other
	-- lexeme of the word (its sub-words, its tokens) lies inside it
	SELECT u.lexeme INTO head FROM unnest(v) u ORDER BY length(u.lexeme) DESC, u.lexeme LIMIT 1;
	IF head IS NULL OR n = 0 THEN
		RETURN;
	END IF;
	IF EXISTS (SELECT FROM unnest(v) u WHERE strpos(head, u.lexeme) = 0) THEN
		-- several words: no single lexeme to follow, every match is ranked
		q := plainto_tsquery('zhfacts.chinese', word);
		RETURN QUERY SELECT a.id, ts_rank_cd(a.tsv, q) FROM zhfacts.article a
			WHERE a.tsv @@ q ORDER BY 2 DESC LIMIT n;
		RETURN;
	END IF;
	q := ('''' || replace(replace(head, '\', '\\'), '''', '''''') || '''')::tsquery;
	-- one generic plan per probe, made once a session: planning a query over
	-- every partition costs more than running it.  enable_seqscan is off so
	-- that the plan, not knowing the key, still reads the index (a scan of
	-- the table could look cheap for the first rows of a LIMIT), and parallel
	-- workers too (guessing many rows, it would start two for each probe, at
	-- 100 ms a probe)
	FOR t IN SELECT * FROM zhfacts._rank_tiers() LOOP
		-- an exact tier holds one score: any n - got of its articles; a
		-- bucket of scores: its best
		IF t.exact THEN
			RETURN QUERY SELECT a.id, ts_rank_cd(a.tsv, q) FROM zhfacts.article a
			  WHERE zhfacts.rank_keys(a.tsv) && ARRAY[head || chr(31) || t.tier] LIMIT n - got;
		ELSE
			RETURN QUERY SELECT a.id, ts_rank_cd(a.tsv, q) FROM zhfacts.article a
			  WHERE zhfacts.rank_keys(a.tsv) && ARRAY[head || chr(31) || t.tier] ORDER BY 2 DESC LIMIT n - got;
		END IF;
		GET DIAGNOSTICS k = ROW_COUNT;
		got := got + k;
		IF got >= n THEN
			RETURN;
		END IF;
	END LOOP;
	-- score 1 (one body occurrence) is not in the tiers
	RETURN QUERY SELECT a.id, ts_rank_cd(a.tsv, q) FROM zhfacts.article a
	  WHERE a.tsv @@ q AND ts_rank_cd(a.tsv, q) < 0.15 LIMIT n - got;
END
$$;
COMMENT ON FUNCTION zhfacts.top_articles(text, integer) IS
	'The n articles in which word weighs most, best first: rank = ts_rank_cd(tsv, the word''s lexeme) (a title occurrence counts 1.0, a body one 0.1; ties in no particular order), read from the impact tiers (the GIN index on rank_keys(tsv) of each partition) without ranking every match.  A query of several words ranks every match with ts_rank_cd(tsv, plainto_tsquery(word))';

CREATE FUNCTION zhfacts._range_partitions_end(regclass) RETURNS bigint
AS 'MODULE_PATHNAME', 'zhfacts_range_partitions_end'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._range_partitions_end(regclass) IS
	'Internal: the exclusive upper bound of the highest range partition of a table range-partitioned on a bigint, or NULL';

CREATE FUNCTION zhfacts._article_partition_rows() RETURNS bigint
AS 'MODULE_PATHNAME', 'zhfacts_article_partition_rows'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._article_partition_rows() IS
	'Internal: the setting zhfacts.article_partition_rows (ids per new partition of zhfacts.article)';

-- The indexes every partition has (the parents have none: see 50_corpus.sql).
CREATE FUNCTION zhfacts._index_partition(part regclass, parent regclass)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	n text := (SELECT c.relname FROM pg_class c WHERE c.oid = part);
	col text := CASE parent WHEN 'zhfacts.article_region'::regclass THEN 'code'
							WHEN 'zhfacts.article_money'::regclass THEN 'region_code'
							ELSE 'initiative_id' END;
BEGIN
	IF parent = 'zhfacts.article'::regclass THEN
		EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %s (id)', n || '_id_key', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (url)', n || '_url_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (content_hash)', n || '_content_hash_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (tsv)', n || '_tsv_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (zhfacts.rank_keys(tsv))', n || '_rank_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (region_code)', n || '_region_code_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (published_at)', n || '_published_at_idx', part);
	ELSE
		-- a fact table: its key, and the column it is searched by
		EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %s (article_id, pos)', n || '_key', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (%I)', n || '_' || col || '_idx', part, col);
	END IF;
END;
$$;
COMMENT ON FUNCTION zhfacts._index_partition(regclass, regclass) IS
	'Internal: the indexes of a partition of zhfacts.article (those it lacks: id unique, url, content_hash, tsv (GIN), rank_keys(tsv) (GIN, for top_articles), region_code, published_at) or of a fact table (article_id and pos unique; code, region_code or initiative_id)';

CREATE TABLE zhfacts.article_default PARTITION OF zhfacts.article DEFAULT;
CREATE TABLE zhfacts.article_region_default PARTITION OF zhfacts.article_region DEFAULT;
CREATE TABLE zhfacts.article_money_default PARTITION OF zhfacts.article_money DEFAULT;
CREATE TABLE zhfacts.initiative_mention_default PARTITION OF zhfacts.initiative_mention DEFAULT;
SELECT zhfacts._index_partition(format('zhfacts.%s_default', t)::regclass, format('zhfacts.%s', t)::regclass)
  FROM unnest(ARRAY['article', 'article_region', 'article_money', 'initiative_mention']) t;
COMMENT ON TABLE zhfacts.article_default IS
	'Articles whose ids lie beyond the range partitions of zhfacts.article (see zhfacts.add_article_partitions)';
COMMENT ON TABLE zhfacts.article_region_default IS 'Regions of the articles in zhfacts.article_default';
COMMENT ON TABLE zhfacts.article_money_default IS 'Sums of money of the articles in zhfacts.article_default';
COMMENT ON TABLE zhfacts.initiative_mention_default IS 'Initiative mentions of the articles in zhfacts.article_default';
SELECT pg_catalog.pg_extension_config_dump('zhfacts.article_default', '');
SELECT pg_catalog.pg_extension_config_dump('zhfacts.article_region_default', '');
SELECT pg_catalog.pg_extension_config_dump('zhfacts.article_money_default', '');
SELECT pg_catalog.pg_extension_config_dump('zhfacts.initiative_mention_default', '');

CREATE FUNCTION zhfacts.add_article_partitions(upto bigint)
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	width	bigint := zhfacts._article_partition_rows();
	lo		bigint;
	t		text;
	name	text;
	made	integer := 0;
	owner	oid := (SELECT c.relowner FROM pg_class c WHERE c.oid = 'zhfacts.article'::regclass);
BEGIN
	IF NOT pg_has_role(owner, 'USAGE') THEN
		RAISE EXCEPTION 'only the owner of zhfacts.article can add partitions to it'
			USING ERRCODE = 'insufficient_privilege',
				  HINT = format('Run zhfacts.add_article_partitions as %s.', owner::regrole);
	END IF;
	-- one session at a time (ingest_article's sessions do not wait)
	PERFORM pg_advisory_xact_lock(hashtext('zhfacts.article partitions'));
	-- after the last range partition, and after rows already in the default
	-- one (which a new partition must not claim)
	lo := greatest(coalesce(zhfacts._range_partitions_end('zhfacts.article'), 1),
				   coalesce((SELECT max(d.id) FROM zhfacts.article_default d), 0) + 1,
				   coalesce((SELECT max(d.article_id) FROM zhfacts.article_region_default d), 0) + 1,
				   coalesce((SELECT max(d.article_id) FROM zhfacts.article_money_default d), 0) + 1,
				   coalesce((SELECT max(d.article_id) FROM zhfacts.initiative_mention_default d), 0) + 1);
	WHILE lo <= upto LOOP
		-- the articles' partition first: the fact tables follow its bounds
		FOREACH t IN ARRAY ARRAY['article', 'article_region', 'article_money', 'initiative_mention'] LOOP
			name := t || '_' || lo;
			EXECUTE format('CREATE TABLE zhfacts.%I (LIKE zhfacts.%I INCLUDING DEFAULTS
				INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING COMPRESSION INCLUDING STORAGE)', name, t);
			PERFORM zhfacts._index_partition(format('zhfacts.%I', name)::regclass, format('zhfacts.%I', t)::regclass);
			-- ATTACH, not CREATE TABLE ... PARTITION OF: it leaves the parent
			-- open to inserts and searches (SHARE UPDATE EXCLUSIVE)
			EXECUTE format('ALTER TABLE zhfacts.%I ATTACH PARTITION zhfacts.%I FOR VALUES FROM (%s) TO (%s)',
						   t, name, lo, lo + width);
		END LOOP;
		lo := lo + width;
		made := made + 1;
	END LOOP;
	RETURN made;
END;
$$;
COMMENT ON FUNCTION zhfacts.add_article_partitions(bigint) IS
	'Make range partitions of zhfacts.article and its fact tables (zhfacts.article_partition_rows ids each) until ids up to upto are covered; returns how many ranges were made.  Before a bulk INSERT of n rows: add_article_partitions(nextval(''zhfacts.article_id_seq'') + n)';

-- Called by ingest_article with each new id before it inserts: keeps one
-- spare partition ahead of the ids.  While the id is covered it tries on one
-- id in 64, without waiting (attaching a partition locks the default one,
-- which every search reads): if another session is making a partition or a
-- query holds the default partition, a later id tries again.  An id that is
-- not covered waits until its partition is made, so that ingestion never
-- puts rows into the default partition (a row routed there while another
-- session attaches the range that holds it fails).  A role that does not own
-- zhfacts.article makes none: its rows beyond the partitions go to
-- article_default.
CREATE FUNCTION zhfacts._cover_article_id(a_id bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	width	bigint := zhfacts._article_partition_rows();
	covered	bigint := zhfacts._range_partitions_end('zhfacts.article');
	timeout	text := current_setting('lock_timeout');
BEGIN
	IF a_id + width < covered
	   OR NOT pg_has_role((SELECT c.relowner FROM pg_class c WHERE c.oid = 'zhfacts.article'::regclass), 'USAGE') THEN
		RETURN;
	END IF;
	IF a_id < covered THEN
		IF a_id % 64 <> 0 OR NOT pg_try_advisory_xact_lock(hashtext('zhfacts.article partitions')) THEN
			RETURN;
		END IF;
		BEGIN
			PERFORM set_config('lock_timeout', '10ms', true);
			PERFORM zhfacts.add_article_partitions(a_id + width);
			PERFORM set_config('lock_timeout', timeout, true);
		EXCEPTION
			-- busy, or a row just inserted into a default partition lies in
			-- the new range: a later id tries again (after that row)
			WHEN lock_not_available OR check_violation THEN
				NULL;
		END;
	ELSE
		FOR attempt IN 1..3 LOOP
			BEGIN
				PERFORM zhfacts.add_article_partitions(a_id + width);
				EXIT;
			EXCEPTION WHEN check_violation THEN
				NULL;	-- as above; the next attempt starts after that row
			END;
		END LOOP;
	END IF;
END;
$$;
COMMENT ON FUNCTION zhfacts._cover_article_id(bigint) IS
	'Internal: make the next partition of zhfacts.article when id a_id nears the end of the last one (now, if a_id is not covered)';

CREATE VIEW zhfacts.article_partitions AS
SELECT c.oid::regclass AS partition, pg_get_expr(c.relpartbound, c.oid) AS bounds,
	   greatest(c.reltuples, 0)::bigint AS rows_estimate,
	   pg_total_relation_size(c.oid) AS total_bytes
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'zhfacts.article'::regclass;
COMMENT ON VIEW zhfacts.article_partitions IS
	'The partitions of zhfacts.article: bounds, rows (as of the last ANALYZE) and size with indexes';

-- GIN indexes keep new entries in a pending list until it fills; this merges
-- them now (after a bulk load, before measuring, before a read-only period).
CREATE FUNCTION zhfacts.clean_pending_lists()
RETURNS bigint
LANGUAGE sql VOLATILE
SET search_path = zhfacts, pg_catalog
BEGIN ATOMIC
	SELECT coalesce(sum(pg_catalog.gin_clean_pending_list(x.indexrelid)), 0)
	  FROM pg_catalog.pg_index x
	  JOIN pg_catalog.pg_inherits i ON i.inhrelid = x.indrelid
	  JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid
	  JOIN pg_catalog.pg_am am ON am.oid = c.relam
	 WHERE i.inhparent = 'zhfacts.article'::pg_catalog.regclass AND am.amname = 'gin';
END;
COMMENT ON FUNCTION zhfacts.clean_pending_lists() IS
	'Merge the pending lists of the GIN indexes of every partition of zhfacts.article into the indexes; returns the pages removed from the lists';

-- the rows of 0.3, as the partition of the ids they hold
ALTER TABLE zhfacts.article_legacy RENAME CONSTRAINT article_legacy_script_check TO article_script_check;
ALTER TABLE zhfacts.article_legacy RENAME CONSTRAINT article_legacy_body_check TO article_body_check;
DO $$
DECLARE
	t	text;
	hi	bigint := coalesce((SELECT max(id) FROM zhfacts.article_legacy), 0) + 1;
BEGIN
	FOREACH t IN ARRAY ARRAY['article', 'article_region', 'article_money', 'initiative_mention'] LOOP
		PERFORM zhfacts._index_partition(format('zhfacts.%I_legacy', t)::regclass, format('zhfacts.%I', t)::regclass);
		EXECUTE format('ALTER TABLE zhfacts.%I ATTACH PARTITION zhfacts.%I FOR VALUES FROM (MINVALUE) TO (%s)',
					   t, t || '_legacy', hi);
	END LOOP;
END
$$;
