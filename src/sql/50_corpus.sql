-- The corpus: articles, their facts (regions, money, initiatives), ingestion
-- of raw saved pages (src/pg/ingest.c, src/pg/initiatives.c).
--
-- Facts follow their article through triggers.  An article row that arrives
-- with facts_at already set brings its facts with it (pg_restore loads the
-- fact tables from the dump): the triggers leave it alone.  Functions that
-- run extract_regions / extract_money are plpgsql, resolved when called.

CREATE FUNCTION zhfacts.clean_page(raw text,
	OUT title text, OUT published_at timestamp, OUT source text, OUT body text,
	OUT script text, OUT han_chars int, OUT latin_chars int)
RETURNS record
AS 'MODULE_PATHNAME', 'zhfacts_clean_page'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION zhfacts.clean_page(text) IS
	'A raw saved page as title, publication time as written on the page (not the site''s "today" banner), source, body (paragraphs separated by newlines, without page chrome and pinyin annotations), script (hans|hant) and its counts of Han characters and Latin letters';

CREATE FUNCTION zhfacts.extract_initiatives(doc text,
	OUT name text, OUT pos int, OUT kind text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zhfacts_extract_initiatives'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10 COST 1000;
COMMENT ON FUNCTION zhfacts.extract_initiatives(text) IS
	'Named initiatives in doc (quoted names told apart from quoted emphasis by context, and unquoted X基金会, X联盟, X行动 ...): name, 1-based character position, kind (platform|campaign|brand|mechanism|fund|event|organisation|programme)';

CREATE SEQUENCE zhfacts.article_id_seq;
-- Range-partitioned on id (issue #7): new articles go into a partition of at
-- most zhfacts.article_partition_rows ids, whose GIN indexes stay small, so
-- ingestion costs the same at 10,000 articles and at a million (merging GIN
-- pending lists into one index of a million articles cost 1.7 times as much).
-- The partitions and their indexes: 70_partitions.sql.  The parent has no
-- indexes, so pg_dump dumps the partitions made at run time as ordinary tables
-- with ordinary indexes.  url and content_hash are unique across partitions
-- through zhfacts.article_key, kept by the triggers.
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
SELECT pg_catalog.pg_extension_config_dump('zhfacts.article_id_seq', '');

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

CREATE SEQUENCE zhfacts.initiative_id_seq;
CREATE TABLE zhfacts.initiative (
	id bigint PRIMARY KEY DEFAULT nextval('zhfacts.initiative_id_seq'),
	name text NOT NULL UNIQUE,
	kind text NOT NULL CHECK (kind IN ('platform', 'campaign', 'brand', 'mechanism',
		'fund', 'event', 'organisation', 'programme')),
	region_code text,
	first_seen timestamptz NOT NULL
);
ALTER SEQUENCE zhfacts.initiative_id_seq OWNED BY zhfacts.initiative.id;
CREATE INDEX initiative_region_code_idx ON zhfacts.initiative (region_code);
COMMENT ON TABLE zhfacts.initiative IS
	'One row per distinct initiative named in the corpus: kind and region of the article it was first seen in';
SELECT pg_catalog.pg_extension_config_dump('zhfacts.initiative', '');
SELECT pg_catalog.pg_extension_config_dump('zhfacts.initiative_id_seq', '');

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

CREATE FUNCTION zhfacts._units(doc text, pos int[], delims text)
RETURNS text[]
AS 'MODULE_PATHNAME', 'zhfacts_units'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._units(text, int[], text) IS
	'Internal: for each 1-based position, the trimmed sentence, clause or paragraph (units ending at any character of delims) holding it';

CREATE FUNCTION zhfacts.money_in_context(doc text, doc_region text DEFAULT NULL)
RETURNS TABLE(mention text, pos int, amount numeric, amount_min numeric,
	amount_max numeric, qualifier text, currency text, region_code text, context text)
AS 'MODULE_PATHNAME', 'zhfacts_money_in_context'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 10 COST 1000;
COMMENT ON FUNCTION zhfacts.money_in_context(text, text) IS
	'Sums of money in doc with the region each is about (the nearest region named before it in its sentence, preferring a place inside it named earlier in the sentence; else the nearest before it in the paragraph or section that lies inside doc_region or holds it, else the nearest; else doc_region) and its clause';

-- Recompute the facts of one article (fresh: it has none yet).  VOLATILE:
-- writes the fact tables.  The fact tables refer to their article without a
-- foreign key (the triggers keep them in step): the key's checks would cost a
-- third of the ingestion time.
CREATE FUNCTION zhfacts._article_facts(a_id bigint, body text, a_region text,
	seen timestamptz, fresh boolean)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	inames	text[];
	ikinds	text[];
	ipos	int[];
BEGIN
	IF NOT fresh THEN
		DELETE FROM zhfacts.article_region r WHERE r.article_id = a_id;
		DELETE FROM zhfacts.article_money m WHERE m.article_id = a_id;
		DELETE FROM zhfacts.initiative_mention m WHERE m.article_id = a_id;
	END IF;

	-- money_in_context finds the regions again: the extractor keeps the last
	-- document's, so it costs nothing
	INSERT INTO zhfacts.article_region (article_id, pos, mention, code)
	SELECT a_id, r.pos, r.mention, r.code FROM zhfacts.extract_regions(body) r
	ON CONFLICT DO NOTHING;
	INSERT INTO zhfacts.article_money (article_id, pos, mention, amount, amount_min,
		amount_max, qualifier, currency, region_code, context)
	SELECT a_id, m.pos, m.mention, m.amount, m.amount_min, m.amount_max, m.qualifier,
		m.currency, m.region_code, m.context
	  FROM zhfacts.money_in_context(body, a_region) m
	ON CONFLICT DO NOTHING;

	-- one initiative row per name, with the kind and region of its first
	-- sighting: inserted, or found and locked by ON CONFLICT (and updated
	-- only when this sighting is earlier), names in sorted order
	SELECT array_agg(x.name ORDER BY x.pos), array_agg(x.kind ORDER BY x.pos),
		   array_agg(x.pos ORDER BY x.pos)
	  INTO inames, ikinds, ipos
	  FROM zhfacts.extract_initiatives(body) x;
	IF ipos IS NOT NULL THEN
		INSERT INTO zhfacts.initiative AS n (name, kind, region_code, first_seen)
		SELECT DISTINCT ON (i.name) i.name, i.kind, a_region, seen
		  FROM unnest(inames, ikinds, ipos) AS i(name, kind, pos)
		 ORDER BY i.name, i.pos
		ON CONFLICT (name) DO UPDATE SET first_seen = EXCLUDED.first_seen,
			region_code = EXCLUDED.region_code, kind = EXCLUDED.kind
		 WHERE n.first_seen > EXCLUDED.first_seen;
		-- the mentions point to it, in a statement of its own: a row another
		-- session inserted and committed while the insert above ran is not
		-- in that statement's snapshot (one statement joining RETURNING with
		-- the table lost those mentions, bench/bench_concurrency.sh); this
		-- statement's snapshot shows it
		INSERT INTO zhfacts.initiative_mention (initiative_id, article_id, pos, kind, sentence)
		SELECT n.id, a_id, i.pos, i.kind, i.sentence
		  FROM unnest(inames, ikinds, ipos, zhfacts._units(body, ipos, E'。！？!?；;\n'))
				AS i(name, kind, pos, sentence)
		  JOIN zhfacts.initiative n ON n.name = i.name
		ON CONFLICT DO NOTHING;
	END IF;
END;
$$;
COMMENT ON FUNCTION zhfacts._article_facts(bigint, text, text, timestamptz, boolean) IS
	'Internal: recompute the regions, money and initiative mentions of one article';

-- The facts of deleted articles, and initiatives no article names any more.
CREATE FUNCTION zhfacts._drop_orphan_initiatives()
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

CREATE FUNCTION zhfacts._article_before()
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

CREATE FUNCTION zhfacts._article_after()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = zhfacts, pg_catalog
AS $$
BEGIN
	PERFORM zhfacts._article_facts(NEW.id, NEW.body, NEW.region_code,
								   coalesce(NEW.published_at, NEW.ingested_at), TG_OP = 'INSERT');
	RETURN NULL;
END;
$$;
COMMENT ON FUNCTION zhfacts._article_after() IS
	'Trigger: recompute the facts of an inserted or changed article';

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

CREATE FUNCTION zhfacts.refresh_facts()
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	a		record;
	reg		text;
	n		bigint := 0;
BEGIN
	FOR a IN SELECT id, body, published_at, ingested_at FROM zhfacts.article ORDER BY id LOOP
		-- facts_at and region_code only: the body stays
		UPDATE zhfacts.article SET region_code = zhfacts.region_of(a.body), facts_at = now()
		 WHERE id = a.id
		RETURNING region_code INTO reg;
		PERFORM zhfacts._article_facts(a.id, a.body, reg,
									   coalesce(a.published_at, a.ingested_at), false);
		n := n + 1;
	END LOOP;
	DELETE FROM zhfacts.initiative i
	 WHERE NOT EXISTS (SELECT FROM zhfacts.initiative_mention m WHERE m.initiative_id = i.id);
	RETURN n;
END;
$$;
COMMENT ON FUNCTION zhfacts.refresh_facts() IS
	'Recompute every article''s region and facts (after the extractors improved); returns the number of articles';

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

CREATE FUNCTION zhfacts.ingest_article(raw text, url text DEFAULT NULL)
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

COMMENT ON SEQUENCE zhfacts.article_id_seq IS 'Ids of zhfacts.article (kept by pg_dump)';
COMMENT ON SEQUENCE zhfacts.initiative_id_seq IS 'Ids of zhfacts.initiative (kept by pg_dump)';
COMMENT ON TRIGGER article_before ON zhfacts.article IS 'Content hash, unique keys, region and facts stamp of a new or changed article';
COMMENT ON TRIGGER article_after ON zhfacts.article IS 'Facts of a new or changed article (not of a restored one, which brings them along)';
COMMENT ON TRIGGER article_orphans_update ON zhfacts.article IS 'Drops initiatives no article names any more';
COMMENT ON TRIGGER article_orphans_delete ON zhfacts.article IS 'Drops the facts of deleted articles and initiatives no article names any more';
COMMENT ON TRIGGER article_orphans_truncate ON zhfacts.article IS 'Empties the fact tables with the articles';
