-- ts_headline returns the text unchanged apart from the marks, on 10,000
-- random snippets of mixed text (Chinese, Latin, digits, full-width forms,
-- Traditional characters, punctuation, blanks, emoji, URLs).
SET client_min_messages = warning;
SELECT setseed(0.42);

CREATE TEMP TABLE hl_pool AS
SELECT string_agg(piece, '' ORDER BY n) AS pool
  FROM (SELECT n, (ARRAY[
          '杭州市西湖区推进共同富裕示范区建设，', '淳安县乡贤联谊会募集资金2600余万元。',
          '臨平區僑聯舉辦「僑助共富」活動！', 'iPhone15与5G网络 ', 'ＡＢＣ１２３ｘｙｚ',
          E'\n\n', '  ', '　', '“亲清直通车·政企恳谈会”', '2022年5月18日10:30，',
          'https://example.cn/a?b=1 ', 'info@example.cn；', '😀👍 ', 'café Ελληνικά мир ',
          '二〇〇一年十二月三十一日', '第二十一届', '——', '……', '（附图片1张）', E'\t'
        ])[1 + floor(random() * 20)::int] AS piece
          FROM generate_series(1, 4000) n) s;

CREATE TEMP TABLE hl_snippet AS
SELECT i, substr(pool, 1 + floor(random() * (length(pool) - 60))::int, 1 + floor(random() * 60)::int) AS doc
  FROM hl_pool, generate_series(1, 10000) i;

-- the query: a word of the snippet itself (so something is marked), or a word not in it
CREATE TEMP TABLE hl_case AS
SELECT i, doc,
       coalesce((SELECT token FROM zhfacts.segment(doc) WHERE type NOT IN ('punct') ORDER BY random() LIMIT 1), '共富') AS q
  FROM hl_snippet;

SELECT count(*) AS snippets,
       count(*) FILTER (WHERE h <> doc) AS changed,
       count(*) FILTER (WHERE hl <> h) AS marked
  FROM (SELECT doc, hl, replace(replace(hl, '<<', ''), '>>', '') AS h
          FROM (SELECT doc, ts_headline('zhfacts.chinese', doc, plainto_tsquery('zhfacts.chinese', q),
                                        'StartSel=<<, StopSel=>>, HighlightAll=true') AS hl
                  FROM hl_case) x) y;

-- without HighlightAll a fragment is cut out of the text: it is still a piece of it
SELECT count(*) FILTER (WHERE position(replace(replace(hl, '<<', ''), '>>', '') IN doc) = 0) AS not_a_piece
  FROM (SELECT doc, ts_headline('zhfacts.chinese', doc, plainto_tsquery('zhfacts.chinese', q),
                                'StartSel=<<, StopSel=>>, MaxWords=10, MinWords=3') AS hl
          FROM hl_case) x;
