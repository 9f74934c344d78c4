-- Ranked single-word search that does not rank every match: impact tiers
-- (src/core/rank_tier.h, src/pg/rank.c).  For a word of one lexeme,
-- ts_rank_cd is the weighted count of its positions; an article's lexemes
-- counted 2 or more are indexed under (lexeme, tier), those in a bucket of
-- scores also under (lexeme, score), and those whose float rank rounds up
-- (rank_tier.h) under (lexeme, ^score).  top_articles looks for the n best
-- articles from the highest scores down, in ranges of scores whose keys it
-- probes together, and ranks only the articles it returns.

CREATE FUNCTION zhfacts.rank_keys(tsvector) RETURNS text[]
AS 'MODULE_PATHNAME', 'zhfacts_rank_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION zhfacts.rank_keys(tsvector) IS
	'Index keys of zhfacts.top_articles: lexeme || U+001F || tier for each lexeme whose ts_rank_cd score (tenths: D 1, C 2, B 4, A 10 a position) is 2 or more, lexeme || U+001F || ''='' || score when the tier is a bucket of scores (16 and up), and lexeme || U+001F || ''^'' || score when its rank is the higher of the two floats of its score';

CREATE FUNCTION zhfacts._rank_tiers(OUT tier int, OUT tier_end int) RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zhfacts_rank_tier_bounds'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 29;
COMMENT ON FUNCTION zhfacts._rank_tiers() IS
	'Internal: the tiers of zhfacts.rank_keys, highest first; a tier holds the scores [tier, tier_end)';

CREATE FUNCTION zhfacts._rank_range_keys(head text, lo int, hi int) RETURNS text[]
AS 'MODULE_PATHNAME', 'zhfacts_rank_range_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._rank_range_keys(text, int, int) IS
	'Internal: the fewest zhfacts.rank_keys of the lexeme head that index exactly its scores [lo, hi)';

CREATE FUNCTION zhfacts._rank_up_key(head text, score int) RETURNS text
AS 'MODULE_PATHNAME', 'zhfacts_rank_up_key'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._rank_up_key(text, int) IS
	'Internal: the zhfacts.rank_keys key of the articles whose rank of the lexeme head is the higher of the two floats its score can have (D, C and B weights are a little more than their tenths)';

CREATE FUNCTION zhfacts._rank_split(lo int, hi int) RETURNS int
AS 'MODULE_PATHNAME', 'zhfacts_rank_split'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._rank_split(int, int) IS
	'Internal: where zhfacts.top_articles splits the scores [lo, hi) into [mid, hi) and [lo, mid): between tiers, or inside a bucket';

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
	tiers int[];
	top int;			-- above every score
	next int := 1;		-- the highest tier not yet probed
	width int := 1;		-- how many tiers the next range spans
	stack int[] := '{}';	-- ranges still to probe, as pairs lo, hi; the highest last
	lo int;
	hi int;
	mid int;
	keys text[];
	found bigint[];
	ids bigint[] := '{}';
	need int := n;
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
	-- Ranges of scores from the top down: first the tiers in groups of 1, 2,
	-- 4, ... (most words have none in the highest), and a range holding more
	-- articles than are still wanted is split in two, the upper half first,
	-- down to single scores.  A probe fetches need + 1 ids (their heap rows,
	-- not their tsvectors); only the n articles returned are ranked.
	--
	-- One generic plan per probe, made once a session: planning a query over
	-- every partition costs more than running it.  enable_seqscan is off so
	-- that the plan, not knowing the keys, still reads the index (a scan of
	-- the table could look cheap for the first rows of a LIMIT), and parallel
	-- workers too (guessing many rows, it would start two for each probe, at
	-- 100 ms a probe)
	SELECT array_agg(r.tier ORDER BY r.tier DESC), max(r.tier_end) INTO tiers, top FROM zhfacts._rank_tiers() r;
	WHILE need > 0 AND (cardinality(stack) > 0 OR next <= cardinality(tiers)) LOOP
		IF cardinality(stack) > 0 THEN
			lo := stack[cardinality(stack) - 1];
			hi := stack[cardinality(stack)];
			stack := stack[1:cardinality(stack) - 2];
		ELSE
			lo := tiers[least(next + width - 1, cardinality(tiers))];
			hi := coalesce(tiers[next - 1], top);
			next := next + width;
			width := width * 2;
		END IF;
		keys := zhfacts._rank_range_keys(head, lo, hi);
		found := ARRAY(SELECT a.id FROM zhfacts.article a WHERE zhfacts.rank_keys(a.tsv) && keys LIMIT need + 1);
		IF cardinality(found) <= need THEN
			ids := ids || found;
			need := need - cardinality(found);
		ELSIF hi - lo = 1 THEN
			-- one score, more articles than wanted: those whose rank rounds
			-- up first, then any of the others (they rank the same)
			found := ARRAY(SELECT a.id FROM zhfacts.article a
			  WHERE zhfacts.rank_keys(a.tsv) && ARRAY[zhfacts._rank_up_key(head, lo)] LIMIT need);
			ids := ids || found || ARRAY(SELECT a.id FROM zhfacts.article a
			  WHERE zhfacts.rank_keys(a.tsv) && keys AND a.id <> ALL (found) LIMIT need - cardinality(found));
			need := 0;
		ELSE
			mid := zhfacts._rank_split(lo, hi);
			stack := stack || ARRAY[lo, mid, mid, hi];
		END IF;
	END LOOP;
	RETURN QUERY SELECT a.id, ts_rank_cd(a.tsv, q) FROM zhfacts.article a WHERE a.id = ANY (ids) ORDER BY 2 DESC;
	IF need > 0 THEN
		-- score 1 (one body occurrence) is not in the tiers
		RETURN QUERY SELECT a.id, ts_rank_cd(a.tsv, q) FROM zhfacts.article a
		  WHERE a.tsv @@ q AND ts_rank_cd(a.tsv, q) < 0.15 LIMIT need;
	END IF;
END
$$;
COMMENT ON FUNCTION zhfacts.top_articles(text, integer) IS
	'The n articles in which word weighs most, best first: rank = ts_rank_cd(tsv, the word''s lexeme) (a title occurrence counts 1.0, a body one 0.1; ties in no particular order), read from the impact tiers (the GIN index on rank_keys(tsv) of each partition) without ranking every match: it ranks the n it returns.  A query of several words ranks every match with ts_rank_cd(tsv, plainto_tsquery(word))';
