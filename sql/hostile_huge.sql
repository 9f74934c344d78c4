-- Huge hostile input through every function: one character ten million
-- times, and 50 MB of text.  Each finishes (no crash, no hang) with an
-- answer that can be checked; the time is linear (bench/bench_parser.sh and
-- the other benchmarks measure it).
SET client_min_messages = warning;
CREATE TEMP TABLE huge (name text, doc text);
INSERT INTO huge VALUES
  ('one character 10 million times', repeat('好', 10000000)),
  ('one letter 10 million times', repeat('a', 10000000)),
  ('one digit 10 million times', repeat('7', 10000000)),
  ('50 MB of text', repeat('温州市瑞安市去年拨付一点二亿元支持“共富工坊”平台建设，带动村民增收。', 480000));
SELECT name, octet_length(doc) / 1000000 AS mb,
       length(to_tsvector('zhfacts.chinese', doc)) AS lexemes,
       (SELECT count(*) FROM zhfacts.segment(doc)) AS tokens,
       (SELECT count(*) FROM zhfacts.extract_regions(doc)) AS regions,
       zhfacts.region_of(doc) AS region_of,
       (SELECT count(*) FROM zhfacts.extract_money(doc)) AS money,
       (SELECT count(*) FROM zhfacts.extract_initiatives(doc)) AS initiatives,
       octet_length((zhfacts.clean_page(doc)).body) = octet_length(doc) AS page_kept_whole
  FROM huge ORDER BY name;

-- ts_headline gives the text back with the marks only
SELECT name, replace(replace(ts_headline('zhfacts.chinese', doc, plainto_tsquery('zhfacts.chinese', '共富工坊'),
                                         'MaxFragments=0, HighlightAll=true'), '<b>', ''), '</b>', '') = doc AS unchanged
  FROM huge WHERE name IN ('one character 10 million times', '50 MB of text') ORDER BY name;

-- ingest_article: ten million of one Han character is stored (once); ten
-- million Latin letters are refused
BEGIN;
SELECT zhfacts.ingest_article(doc) = zhfacts.ingest_article(doc) AS same_id_twice FROM huge WHERE name = 'one character 10 million times';
SELECT count(*) AS facts FROM zhfacts.article a JOIN zhfacts.article_region r ON r.article_id = a.id
 WHERE a.body = repeat('好', 10000000);
ROLLBACK;
\set VERBOSITY terse
SELECT zhfacts.ingest_article(doc) FROM huge WHERE name = 'one letter 10 million times';
