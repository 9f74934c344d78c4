-- zhfacts 0.1 -> 0.2 (ALTER EXTENSION zhfacts UPDATE).  Data stay as they
-- are; test/upgrade.sh checks that the result equals a fresh 0.2 install.
--  * money_in_context is C (it was SQL over the plpgsql _money_in_context,
--    which is gone, with the _unit_start and _unit_end it called): same
--    results, ingestion faster
--  * _article_facts inserts initiative mentions in a statement of their own:
--    under concurrent ingestion, mentions of an initiative another session
--    had just created were lost (bench/bench_concurrency.sh)
--  * per-document functions declare COST 1000 (parallel plans)
--  * ingest_article tests for an empty page without copying it (a 100 MB
--    page is cancelled within a second)

\echo Use "ALTER EXTENSION zhfacts UPDATE TO '0.2'" to load this file. \quit

CREATE OR REPLACE FUNCTION zhfacts.money_in_context(doc text, doc_region text DEFAULT NULL)
RETURNS TABLE(mention text, pos int, amount numeric, amount_min numeric,
	amount_max numeric, qualifier text, currency text, region_code text, context text)
AS 'MODULE_PATHNAME', 'zhfacts_money_in_context'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 10 COST 1000;
COMMENT ON FUNCTION zhfacts.money_in_context(text, text) IS
	'Sums of money in doc with the region each is about (the nearest region named before it in its sentence, preferring a place inside it named earlier in the sentence; else the nearest before it in the paragraph or section that lies inside doc_region or holds it, else the nearest; else doc_region) and its clause';

CREATE OR REPLACE FUNCTION zhfacts._article_facts(a_id bigint, body text, a_region text,
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
		SELECT id INTO a_id FROM zhfacts.article a WHERE a.url = ingest_article.url;
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
	-- a duplicate is found by the unique content hash, which the insert checks
	INSERT INTO zhfacts.article (url, title, source, published_at, script, body)
	VALUES (url, p.title, p.source, p.published_at AT TIME ZONE 'Asia/Shanghai', p.script, p.body)
	ON CONFLICT DO NOTHING
	RETURNING id INTO a_id;
	IF a_id IS NULL THEN
		-- stored already (perhaps by another session meanwhile)
		h := sha256(convert_to(p.body, 'UTF8'));
		SELECT id INTO a_id FROM zhfacts.article a
		 WHERE a.content_hash = h OR (ingest_article.url IS NOT NULL AND a.url = ingest_article.url);
	END IF;
	RETURN a_id;
END;
$$;
COMMENT ON FUNCTION zhfacts.ingest_article(text, text) IS
	'Store a raw saved page as an article (title, publication time read as China time, source, cleaned body, script) with its facts; the same url or content again returns the existing id; ERROR on empty or non-Chinese input';

DROP FUNCTION zhfacts._money_in_context(text, text, int[], int[], text[]);
DROP FUNCTION zhfacts._unit_start(text, int, text);
DROP FUNCTION zhfacts._unit_end(text, int, text);

-- functions over a whole document cost more than the planner's default of 1,
-- which kept them out of parallel plans
ALTER FUNCTION zhfacts.segment(text) COST 1000;
ALTER FUNCTION zhfacts.extract_regions(text) COST 1000;
ALTER FUNCTION zhfacts.region_of(text) COST 1000;
ALTER FUNCTION zhfacts.extract_money(text) COST 1000;
ALTER FUNCTION zhfacts.clean_page(text) COST 1000;
ALTER FUNCTION zhfacts.extract_initiatives(text) COST 1000;
