-- Hostile input for the extractors: no crash, no error where none is due,
-- and sane output (positions inside the text, mentions at their positions).
SET client_min_messages = warning;
\pset null '(null)'

CREATE TEMP TABLE hostile (name text, doc text);
INSERT INTO hostile VALUES
  ('U+FFFD', repeat(E'\uFFFD', 1000)),
  ('unassigned and private use', E'\u0378\uE000\uF8FF' || repeat(E'\U000F0000', 50) || '杭州市投资5亿元'),
  ('combining marks', '杭' || repeat(E'\u0301', 3000) || '州市' || repeat(E'\u0301', 10) || '5万元'),
  ('emoji', repeat(E'\U0001F468\u200D\U0001F469 ', 300) || '西湖区“共富工坊”平台'),
  ('right to left', 'مرحبا 淳安县 שלום 投入超70亿元'),
  ('200 digits before 万元', '捐款' || repeat('9', 200) || '万元'),
  ('nested quotes', repeat('“', 50000) || '乡贤助共富' || repeat('”', 50000)),
  ('unbalanced quotes', repeat('“「《', 30000) || '平台'),
  ('numerals', repeat('一二', 500000)),
  ('digits and units', repeat('1万元', 200000)),
  ('place names', repeat('杭州市西湖区', 100000)),
  ('quotes and context words', repeat('“共富”平台', 100000));

SELECT name,
       (SELECT count(*) FROM zhfacts.extract_money(doc)) AS money,
       (SELECT bool_and(substr(doc, pos, length(mention)) = mention)
          FROM zhfacts.extract_money(doc) WHERE length(doc) <= 20000) AS money_pos,
       (SELECT count(*) FROM zhfacts.extract_regions(doc)) AS regions,
       (SELECT bool_and(substr(doc, pos, length(mention)) = mention)
          FROM zhfacts.extract_regions(doc) WHERE length(doc) <= 20000) AS regions_pos,
       (SELECT count(*) FROM zhfacts.extract_initiatives(doc)) AS initiatives,
       zhfacts.region_of(doc) AS region_of
  FROM hostile ORDER BY name;

-- ingest_article refuses what is not a Chinese article, and writes nothing
SELECT count(*) AS articles_before FROM zhfacts.article \gset
\set VERBOSITY terse
SELECT zhfacts.ingest_article(repeat(E'\uFFFD', 1000));
SELECT zhfacts.ingest_article(repeat('a', 100000));
SELECT zhfacts.ingest_article('');
SELECT zhfacts.ingest_article(E' \n\t ');
\set VERBOSITY default
SELECT count(*) = :articles_before AS nothing_written FROM zhfacts.article;
