-- Ranked single-word search that does not rank every match: impact tiers
-- (src/core/rank_tier.h, src/pg/rank.c).  For a word of one lexeme,
-- ts_rank_cd is the weighted count of its positions; an article's lexemes
-- counted 2 or more are indexed under (lexeme, tier), and top_articles reads
-- the tiers from the highest down until it has its n articles.

CREATE FUNCTION zhfacts.rank_keys(tsvector) RETURNS text[]
AS 'MODULE_PATHNAME', 'zhfacts_rank_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION zhfacts.rank_keys(tsvector) IS
	'Index keys of zhfacts.top_articles: lexeme || U+001F || tier for each lexeme whose ts_rank_cd score (tenths: D 1, C 2, B 4, A 10 a position) is 2 or more';

CREATE FUNCTION zhfacts._rank_tiers(OUT tier int, OUT exact boolean) RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zhfacts_rank_tiers'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 29;
COMMENT ON FUNCTION zhfacts._rank_tiers() IS
	'The tiers of zhfacts.rank_keys, highest first; exact: the tier holds one score only';

CREATE FUNCTION zhfacts.top_articles(word text, n integer DEFAULT 20)
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
