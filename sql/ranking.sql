-- zhfacts.top_articles: the best articles for a word from the impact tiers of
-- the GIN index on rank_keys(tsv) of each partition, checked against ranking every match with ts_rank_cd.
SET client_min_messages = warning;

-- the keys: lexemes whose score (tenths of ts_rank_cd: D 1, C 2, B 4, A 10) is 2 or more
SELECT replace(k, chr(31), '|') AS key
  FROM unnest(zhfacts.rank_keys('once:1 twice:1,2 title:1A mixed:3A,4 cee:5C bee:6B many:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20'::tsvector)) k
 ORDER BY 1;
SELECT zhfacts.rank_keys('nopos'::tsvector) AS without_positions, zhfacts.rank_keys(''::tsvector) AS empty;
-- the key of a score's higher rank: exactly where ts_rank_cd rounds up past
-- score / 10, over many mixes of weights
SELECT count(*) AS lexemes, count(*) FILTER (WHERE up) AS rounding_up,
       count(*) FILTER (WHERE up <> (r > (s / 10.0)::real)) AS wrong
  FROM (SELECT s, ts_rank_cd(v, 'x'::tsquery) r, zhfacts.rank_keys(v) @> ARRAY['x' || chr(31) || '^' || s] up
          FROM generate_series(0, 6) a, generate_series(0, 2) b, generate_series(0, 2) c, generate_series(0, 60) d,
               LATERAL (SELECT string_agg('x:' || p || CASE WHEN p <= a THEN 'A' WHEN p <= a + b THEN 'B'
                                                          WHEN p <= a + b + c THEN 'C' ELSE '' END, ' ')::tsvector v
                          FROM generate_series(1, a + b + c + d) p) t,
               LATERAL (SELECT 10 * a + 4 * b + 2 * c + d AS s) sc
         WHERE a + b + c + d > 0) x;
SELECT count(*) AS tiers, count(*) FILTER (WHERE tier_end = tier + 1) AS exact,
       max(tier) FILTER (WHERE tier_end = tier + 1) AS highest_exact, min(tier) AS lowest, max(tier_end) AS top,
       bool_and(tier_end = coalesce(lag, top)) AS adjacent
  FROM (SELECT r.*, lag(tier) OVER (ORDER BY tier DESC), max(tier_end) OVER () AS top FROM zhfacts._rank_tiers() r) t;
-- the keys of a range of scores: whole tiers by their key, the rest of a
-- bucket score by score; and where ranges split
SELECT lo, hi, replace(array_to_string(zhfacts._rank_range_keys('茶', lo, hi), ' '), chr(31), '|') AS keys
  FROM (VALUES (2, 3), (14, 16), (16, 24), (20, 26), (30, 50), (1024, 2561)) r(lo, hi);
SELECT lo, hi, zhfacts._rank_split(lo, hi) AS mid
  FROM (VALUES (2, 4), (2, 2561), (16, 2561), (16, 32), (16, 24), (20, 24), (1536, 2561)) r(lo, hi);
SELECT zhfacts._rank_range_keys('茶', 1, 3);
SELECT zhfacts._rank_range_keys('茶', 5, 5);
SELECT zhfacts._rank_split(5, 6);
SELECT zhfacts._rank_split(2000, 2562);

-- a score is ts_rank_cd: over every lexeme of some texts
SELECT count(*) AS lexemes,
       count(*) FILTER (WHERE abs(ts_rank_cd(v, ('''' || l.lexeme || '''')::tsquery) * 10 -
           (SELECT coalesce(sum(CASE w WHEN 'A' THEN 10 WHEN 'B' THEN 4 WHEN 'C' THEN 2 ELSE 1 END), 1)
              FROM unnest(l.weights) w)) > 1e-4) AS differ
  FROM (VALUES (setweight(to_tsvector('zhfacts.chinese', '图书馆开放日'), 'A') ||
                to_tsvector('zhfacts.chinese', '图书馆每周开放，图书馆的志愿者也在图书馆值班。开放日人多。')),
               (setweight(to_tsvector('zhfacts.chinese', '茶园'), 'B') || to_tsvector('zhfacts.chinese', '茶园茶园茶园，茶农采茶。'))) t(v),
       unnest(v) l;

BEGIN;
-- articles in which 茶农 weighs from 0 to 32 (title occurrences count 10, body ones 1)
INSERT INTO zhfacts.article (title, body)
SELECT CASE WHEN g % 11 = 0 THEN '茶农的新生活' ELSE '山村见闻' || g END,
       repeat('茶农上山采茶。', g % 23) || '这是第' || g || '篇，村里修了路。'
  FROM generate_series(1, 60) g;
-- and 采茶 up to 296, spread over every bucket up to 256 and many of the
-- scores inside them (for g = 61 .. 140: g % 5 times in the title, and
-- (g - 60) * 3 % 250 + g % 7 times in the body)
INSERT INTO zhfacts.article (title, body)
SELECT '茶山' || g || repeat('采茶', g % 5), repeat('采茶，', (g - 60) * 3 % 250 + g % 7) || '第' || g || '篇。'
  FROM generate_series(61, 140) g;
SELECT count(DISTINCT ts_rank_cd(tsv, q)) AS scores, max(ts_rank_cd(tsv, q)) AS highest
  FROM zhfacts.article, to_tsquery('zhfacts.chinese', '采茶') q WHERE tsv @@ q;
-- 竹林 scores 13 in each of 10 articles, but ranks 1.3 where it is in the title
-- (1.0 + 3 * 0.1f) and 1.3000001 where it is only in the body (13 * 0.1f): the
-- former come first in the table
INSERT INTO zhfacts.article (title, body)
SELECT CASE WHEN g <= 5 THEN '竹林' ELSE '林间' || g END,
       repeat('竹林，', CASE WHEN g <= 5 THEN 3 ELSE 13 END) || '第' || g || '篇。'
  FROM generate_series(1, 10) g;
-- a word in only a few articles, once each; a word in none
INSERT INTO zhfacts.article (title, body) VALUES
	('报道甲', '今年的晨会改到了周一。'), ('报道乙', '晨会之后，大家去了田里。');

CREATE TEMP TABLE ranked AS
SELECT w, n, array(SELECT rank FROM zhfacts.top_articles(w, n)) AS fast,
       array(SELECT ts_rank_cd(tsv, plainto_tsquery('zhfacts.chinese', w)) FROM zhfacts.article
              WHERE tsv @@ plainto_tsquery('zhfacts.chinese', w) ORDER BY 1 DESC LIMIT n) AS every_match
  FROM unnest(ARRAY['茶农', '晨会', '采茶', '竹林', '从未出现的词', '村里']) w, unnest(ARRAY[1, 3, 7, 20, 33, 100]) n;
-- the same ranks, best first, for every word and n
SELECT w, n, fast = every_match AS same, cardinality(fast) AS rows, fast[1:4] AS best
  FROM ranked ORDER BY w, n;
-- each row's rank is its article's ts_rank_cd
SELECT count(*) AS rows, count(*) FILTER (WHERE abs(t.rank - ts_rank_cd(a.tsv, plainto_tsquery('zhfacts.chinese', '茶农'))) > 1e-6) AS wrong
  FROM zhfacts.top_articles('茶农', 100) t JOIN zhfacts.article a ON a.id = t.article_id;
-- after a change the tiers follow the text
UPDATE zhfacts.article SET body = repeat('茶农', 40) || '，远近闻名。' WHERE title = '山村见闻1';
SELECT a.title, t.rank FROM zhfacts.top_articles('茶农', 1) t JOIN zhfacts.article a ON a.id = t.article_id;
DELETE FROM zhfacts.article WHERE title = '山村见闻1';
SELECT t.rank FROM zhfacts.top_articles('茶农', 1) t;
-- Traditional script and full width are normalized as in any query
SELECT array(SELECT rank FROM zhfacts.top_articles('茶農', 3)) = array(SELECT rank FROM zhfacts.top_articles('茶农', 3)) AS traditional;
-- several words: every match ranked with plainto_tsquery
SELECT array(SELECT rank FROM zhfacts.top_articles('茶农 采茶', 5)) =
       array(SELECT ts_rank_cd(tsv, plainto_tsquery('zhfacts.chinese', '茶农 采茶')) FROM zhfacts.article
              WHERE tsv @@ plainto_tsquery('zhfacts.chinese', '茶农 采茶') ORDER BY 1 DESC LIMIT 5) AS several_words;
ROLLBACK;

-- edges
SELECT count(*) AS null_word FROM zhfacts.top_articles(NULL, 5);
SELECT count(*) AS no_lexeme FROM zhfacts.top_articles('，。！', 5);
SELECT count(*) AS none_wanted FROM zhfacts.top_articles('茶农', 0);
SELECT * FROM zhfacts.top_articles('茶农', -1);
