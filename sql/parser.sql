-- The Chinese text-search parser, dictionary and configuration.
-- Sentences written for these tests.
SET client_min_messages = warning;
\pset null '(null)'

-- token types: by script and class
SELECT tokid, alias, description FROM ts_token_type('zhfacts.chinese_parser');

-- every word type is mapped; only punctuation and blanks are not indexed
SELECT t.alias, m.mapdict::regdictionary AS dictionary
  FROM ts_token_type('zhfacts.chinese_parser') t
  LEFT JOIN pg_ts_config_map m
    ON m.maptokentype = t.tokid AND m.mapcfg = 'zhfacts.chinese'::regconfig
 ORDER BY t.tokid;

-- segmentation: words, numbers, dates, Latin, alphanumerics, URL, e-mail
SELECT token, pos, type FROM zhfacts.segment(
  '2023年3月18日，淳安县召开乡贤大会，募集资金3000余万元，占比12.5%。');
SELECT token, pos, type FROM zhfacts.segment(
  '新款iPhone15支持5G网络，详见https://www.example.cn/news?id=7 或来信 info@example.cn！');
SELECT token, type FROM zhfacts.segment('二〇二一年十二月三十一日，第二十一届大会开幕');
SELECT token, type FROM zhfacts.segment('会议于10:30开始，COVID-19 防控、C++ 课程与1,000,000元');

-- positions: substr(doc, pos, length(token)) = token, for every token
WITH d(doc) AS (VALUES
  ('杭州市西湖区  推进“亲清直通车”平台，ＡＢＣ公司投资１２亿元。'),
  (E'第一行\n第二行\t制表符 和 emoji 😀 以及 مرحبا 与 Ελληνικά'),
  ('臨平區的街道辦事處'))
SELECT bool_and(substr(doc, pos, length(token)) = token) AS positions_hold,
       count(*) AS tokens
  FROM d, zhfacts.segment(doc);

-- every byte is in exactly one token, in order
WITH d(doc) AS (VALUES
  ('杭州市西湖区  推进“亲清直通车”平台，ＡＢＣ公司投资１２亿元。'),
  (E'  前后空白\r\n\u00a0全角空格　与组合字符 é 和 😀👍  '))
SELECT (SELECT string_agg(token, '' ORDER BY n)
          FROM ts_parse('zhfacts.chinese_parser', doc) WITH ORDINALITY AS p(tokid, token, n)) = doc
       AS text_rebuilt
  FROM d;

-- normalization: full-width, case, Traditional Chinese
SELECT to_tsvector('zhfacts.chinese', '臨平區ＡＢＣ１２３ Hello');
SELECT to_tsvector('zhfacts.chinese', '臨平區位於杭州') @@ plainto_tsquery('zhfacts.chinese', '临平区') AS trad_doc_simp_query,
       to_tsvector('zhfacts.chinese', '临平区位于杭州') @@ plainto_tsquery('zhfacts.chinese', '臨平區') AS simp_doc_trad_query,
       to_tsvector('zhfacts.chinese', 'ｉＰｈｏｎｅ') @@ plainto_tsquery('zhfacts.chinese', 'IPHONE') AS width_and_case;

-- sub-words at the same position; joined neighbours
SELECT to_tsvector('zhfacts.chinese', '淳安县推进共同富裕');
SELECT q, to_tsvector('zhfacts.chinese', '淳安县推进共同富裕') @@ phraseto_tsquery('zhfacts.chinese', q) AS phrase,
       to_tsvector('zhfacts.chinese', '淳安县推进共同富裕') @@ plainto_tsquery('zhfacts.chinese', q) AS plain
  FROM (VALUES ('淳安'), ('淳安县'), ('共同富裕'), ('富裕'), ('推进共同富裕'),
               ('淳安推进'), ('富裕县'), ('共同推进')) AS v(q);
-- a long query word needs the long word in the document
SELECT to_tsvector('zhfacts.chinese', '淳安的风景') @@ plainto_tsquery('zhfacts.chinese', '淳安县') AS short_doc_long_query;
SELECT plainto_tsquery('zhfacts.chinese', '淳安县共同富裕'), phraseto_tsquery('zhfacts.chinese', '淳安县共同富裕');
SELECT websearch_to_tsquery('zhfacts.chinese', '"共同富裕" 淳安 -西湖');

-- dates give their parts
SELECT to_tsvector('zhfacts.chinese', '2022年5月18日') @@ plainto_tsquery('zhfacts.chinese', '5月18日') AS date_part;

-- ts_headline gives the text back unchanged apart from the marks
WITH d(doc) AS (VALUES
  ('  淳安县的乡贤们说：“共同富裕，人人有责！” 详见 https://example.cn/a  '),
  (E'西湖区\n\n共同富裕示范区，2022年投入超70亿元。'))
SELECT replace(replace(ts_headline('zhfacts.chinese', doc, plainto_tsquery('zhfacts.chinese', '共同富裕'),
                                   'StartSel=<<, StopSel=>>, HighlightAll=true'), '<<', ''), '>>', '') = doc
       AS unchanged,
       ts_headline('zhfacts.chinese', doc, plainto_tsquery('zhfacts.chinese', '共同富裕'),
                   'StartSel=<<, StopSel=>>, HighlightAll=true') AS marked
  FROM d;

-- a GIN index serves the searches
CREATE TEMP TABLE t_doc (id int, body text, tsv tsvector);
INSERT INTO t_doc VALUES
  (1, '淳安县乡贤助力共同富裕，共同富裕看淳安'), (2, '西湖区召开政企恳谈会'), (3, '共同体意识与富裕生活'),
  (4, '臨平區推進共同富裕示範區建設');
UPDATE t_doc SET tsv = to_tsvector('zhfacts.chinese', body);
CREATE INDEX ON t_doc USING gin (tsv);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM t_doc WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '共同富裕');
SELECT id FROM t_doc WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '共同富裕') ORDER BY id;
SELECT id FROM t_doc WHERE tsv @@ phraseto_tsquery('zhfacts.chinese', '富裕') ORDER BY id;
-- ts_rank_cd ranks by cover density (ts_rank gives 0 when all query lexemes share one position)
SELECT id, round(ts_rank_cd(tsv, q)::numeric, 4) AS rank
  FROM t_doc, plainto_tsquery('zhfacts.chinese', '共同富裕') q WHERE tsv @@ q ORDER BY rank DESC, id;
RESET enable_seqscan;

-- NULL, empty and blank input
SELECT zhfacts.segment(NULL);
SELECT count(*) FROM zhfacts.segment('');
SELECT count(*) FROM zhfacts.segment(E' \t\n　');
SELECT to_tsvector('zhfacts.chinese', ''), to_tsvector('zhfacts.chinese', E' \n　'),
       to_tsvector('zhfacts.chinese', NULL::text);

-- over-long runs are cut below the 2047-byte token limit: nothing is dropped
SELECT max(length(token)) AS longest, sum(length(token)) AS total
  FROM zhfacts.segment(repeat('a', 5000));
SELECT length(to_tsvector('zhfacts.chinese', repeat('a', 5000))) AS lexemes;

-- dictionary options; unknown options are rejected
CREATE TEXT SEARCH DICTIONARY pg_temp.zh_plain (TEMPLATE = zhfacts.chinese_template, subwords = false, joined = false);
SELECT ts_lexize('pg_temp.zh_plain', '中华人民共和国'), ts_lexize('zhfacts.chinese_dict', '中华人民共和国');
CREATE TEXT SEARCH DICTIONARY pg_temp.zh_bad (TEMPLATE = zhfacts.chinese_template, stopwords = 'x');

-- the user dictionary, seen by another session without reconnecting
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT format('host=%s port=%s dbname=%s', split_part(current_setting('unix_socket_directories'), ',', 1),
              current_setting('port'), current_database()) AS connstr \gset
SELECT dblink_connect('other', :'connstr');
SELECT * FROM dblink('other', $$SELECT string_agg(token, '|' ORDER BY pos) FROM zhfacts.segment('乡贤参加湖滨晴雨议事厅')$$) AS t(s text);
INSERT INTO zhfacts.user_word (word, freq, tag) VALUES ('晴雨议事厅', NULL, 'nz');
SELECT string_agg(token, '|' ORDER BY pos) FROM zhfacts.segment('乡贤参加湖滨晴雨议事厅');
SELECT * FROM dblink('other', $$SELECT string_agg(token, '|' ORDER BY pos) FROM zhfacts.segment('乡贤参加湖滨晴雨议事厅')$$) AS t(s text);
DELETE FROM zhfacts.user_word WHERE word = '晴雨议事厅';
SELECT * FROM dblink('other', $$SELECT string_agg(token, '|' ORDER BY pos) FROM zhfacts.segment('乡贤参加湖滨晴雨议事厅')$$) AS t(s text);
SELECT dblink_disconnect('other');
INSERT INTO zhfacts.user_word (word) VALUES ('有 空格');
-- the table is kept by pg_dump
SELECT 'zhfacts.user_word'::regclass = ANY (extconfig) AS user_word_dumped FROM pg_extension WHERE extname = 'zhfacts';

-- a database that is not UTF8 gets a clear error
CREATE DATABASE zhfacts_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
SELECT current_database() AS origdb \gset
\c zhfacts_latin1
SET client_min_messages = warning;
\set VERBOSITY verbose
CREATE EXTENSION zhfacts;
\set VERBOSITY default
\c :origdb
DROP DATABASE zhfacts_latin1;
