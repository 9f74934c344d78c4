-- Hostile input for the parser and zhfacts.segment: every case must come back
-- whole (the tokens rebuild the text), in bounded time, with no token at the
-- 2047-byte tsvector limit.  (Issue #6 runs the 10-million-character cases.)
SET client_min_messages = warning;
\pset null '(null)'

CREATE TEMP TABLE hostile (name text, doc text);
INSERT INTO hostile VALUES
  ('U+FFFD', repeat(E'\uFFFD', 1000)),
  ('unassigned and private use', E'\u0378\u0379\uE000\uF8FF' || repeat(E'\U000F0000', 50) || '杭州'),
  ('combining marks', 'e' || repeat(E'\u0301', 3000) || ' 中' || repeat(E'\u0301', 10)),
  ('emoji sequences', repeat(E'\U0001F468\u200D\U0001F469\u200D\U0001F467 ', 300) || E'\U0001F1E8\U0001F1F3'),
  ('right to left', 'مرحبا بالعالم שלום עולם 共同富裕 مرحبا'),
  ('200 digits before 万元', repeat('9', 200) || '万元'),
  ('100,000 nested quotes', repeat('“', 50000) || '共富' || repeat('”', 50000)),
  ('unbalanced quotes', repeat('“「《', 30000) || '乡贤'),
  ('control characters', E'a\u0001b\u0007c\u001F杭州\u007F\u0085'),
  ('one character a million times', repeat('好', 1000000)),
  ('one letter a million times', repeat('a', 1000000)),
  ('one digit a million times', repeat('7', 1000000)),
  ('dots and digits', repeat('1.', 500000)),
  ('numerals', repeat('一二', 500000)),
  ('half a URL', 'https://' || repeat('x', 100000)),
  ('at signs', repeat('a@', 100000) || 'b.cn');

SELECT name,
       (SELECT string_agg(token, '' ORDER BY n)
          FROM ts_parse('zhfacts.chinese_parser', doc) WITH ORDINALITY AS p(tokid, token, n)) = doc AS rebuilt,
       (SELECT max(octet_length(token)) < 2047 FROM ts_parse('zhfacts.chinese_parser', doc)) AS short_tokens,
       -- substr() walks from the start of the text, so positions are checked on
       -- the shorter texts only (null for the others)
       CASE WHEN length(doc) <= 20000
            THEN (SELECT bool_and(substr(doc, pos, length(token)) = token) FROM zhfacts.segment(doc))
       END AS positions,
       length(to_tsvector('zhfacts.chinese', doc)) > 0 AS indexed
  FROM hostile ORDER BY name;
