-- Every SQL function of zhfacts on every kind of hostile input: a result or
-- a clear error (its SQLSTATE shown), never a crash.  Big and pathological
-- sizes are in hostile_huge, parser_hostile and extract_hostile.
SET client_min_messages = warning;

CREATE TEMP TABLE hostile (name text, doc text);
INSERT INTO hostile VALUES
  ('NULL', NULL),
  ('empty', ''),
  ('white space', E' \t\n\r\u3000 '),
  ('U+FFFD', repeat(E'\uFFFD', 100)),
  ('unassigned and private use', E'\u0378\uE000\uF8FF\U000F0000\U0010FFFD'),
  ('combining marks', '杭' || repeat(E'\u0301', 500) || '州市5万元'),
  ('emoji', E'\U0001F468\u200D\U0001F469 西湖区 \U0001F1E8\U0001F1F3 3亿元'),
  ('right to left', 'مرحبا 淳安县 שלום 投入超70亿元'),
  ('200 digits before 万元', repeat('9', 200) || '万元'),
  ('nested quotes', repeat('“', 1000) || '乡贤' || repeat('”', 1000)),
  ('unbalanced quotes', repeat('“「《', 1000)),
  ('control characters', E'a\u0001b\u0007\u001F杭州\u007F\u0085'),
  ('Chinese number', '一千零十一'),
  ('money', '约427亿元');

-- 'ok' with a short digest of the result, or the error's SQLSTATE
CREATE FUNCTION pg_temp.try(sql text, arg text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE sql INTO r USING arg;
	RETURN coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE;
END
$$;

SELECT name,
       pg_temp.try($$SELECT zhfacts.parse_number($1)::text$$, doc) AS parse_number,
       pg_temp.try($$SELECT (SELECT amount || ' ' || qualifier FROM zhfacts.parse_money($1))$$, doc) AS parse_money,
       pg_temp.try($$SELECT count(*)::text FROM zhfacts.money_in_context($1, '3301')$$, doc) AS money_in_context,
       pg_temp.try($$SELECT (SELECT coalesce(title, '-') || '|' || length(body) || '|' || script FROM zhfacts.clean_page($1))$$, doc) AS clean_page,
       pg_temp.try($$SELECT count(*)::text FROM zhfacts.segment($1)$$, doc) AS segment,
       pg_temp.try($$SELECT length(to_tsvector('zhfacts.chinese', $1))::text$$, doc) AS tsvector,
       pg_temp.try($$SELECT (replace(replace(ts_headline('zhfacts.chinese', $1, plainto_tsquery('zhfacts.chinese', '杭州'),
                                                          'HighlightAll=true'), '<b>', ''), '</b>', '') = $1)::text$$, doc) AS headline_unchanged,
       pg_temp.try($$SELECT array_length(zhfacts._units($1, ARRAY[1, 2, 1000000], E'。\n'), 1)::text$$, doc) AS units
  FROM hostile ORDER BY name;

-- ingest_article: an article, or an error that writes nothing
SELECT count(*) AS articles_before FROM zhfacts.article \gset
SELECT name, pg_temp.try($$SELECT CASE WHEN zhfacts.ingest_article($1) IS NULL THEN 'NULL' ELSE 'stored' END$$, doc) AS ingest_article
  FROM hostile ORDER BY name;
SELECT count(*) - :articles_before AS articles_stored FROM zhfacts.article;
