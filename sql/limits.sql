-- Big documents: a 100 MB document is cancelled by statement_timeout within
-- a second; a 20 MB one is parsed whole.  (Speed and linearity: bench/.)
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.cancelled_within(sql text, limit_s float8) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE sql;
	RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
	RETURN CASE WHEN clock_timestamp() - t0 < make_interval(secs => limit_s)
	            THEN 'cancelled in time' ELSE 'cancelled late' END;
END
$$;

-- 100 MB of text; the timeout is 1 s, the answer must come within 1 s of it
CREATE TEMP TABLE big AS SELECT repeat('杭州市西湖区推进共同富裕，投资超70亿元。', 2000000) AS doc;
SELECT octet_length(doc) / 1000000 AS mb FROM big;
SET statement_timeout = '1s';
SELECT pg_temp.cancelled_within($$SELECT length(to_tsvector('zhfacts.chinese', doc)) FROM big$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT count(*) FROM big, zhfacts.segment(doc)$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT count(*) FROM big, ts_parse('zhfacts.chinese_parser', doc)$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT length(ts_headline('zhfacts.chinese', doc, plainto_tsquery('zhfacts.chinese', '共同富裕'))) FROM big$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT count(*) FROM big, zhfacts.extract_regions(doc)$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT zhfacts.region_of(doc) FROM big$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT count(*) FROM big, zhfacts.extract_money(doc)$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT count(*) FROM big, zhfacts.money_in_context(doc)$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT count(*) FROM big, zhfacts.extract_initiatives(doc)$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT (zhfacts.clean_page(doc)).title FROM big$$, 2.0);
SELECT pg_temp.cancelled_within($$SELECT zhfacts.ingest_article(doc) FROM big$$, 2.0);
RESET statement_timeout;
SELECT count(*) AS articles_left_by_cancelled_ingest FROM zhfacts.article WHERE octet_length(body) > 50000000;

-- 20 MB parsed whole: few distinct words, so the tsvector stays small
SELECT length(to_tsvector('zhfacts.chinese', left(doc, 7000000))) AS lexemes FROM big;
SELECT count(*) AS tokens FROM big, zhfacts.segment(left(doc, 700000));
