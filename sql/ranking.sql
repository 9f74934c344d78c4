-- zhfacts.top_articles: the best articles for a word from the impact tiers of
-- the GIN index on rank_keys(tsv) of each partition, checked against ranking every match with ts_rank_cd.
SET client_min_messages = warning;

-- the keys: lexemes whose score (tenths of ts_rank_cd: D 1, C 2, B 4, A 10) is 2 or more
SELECT replace(k, chr(31), '|') AS key
  FROM unnest(zhfacts.rank_keys('once:1 twice:1,2 title:1A mixed:3A,4 cee:5C bee:6B many:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20'::tsvector)) k
 ORDER BY 1;
SELECT zhfacts.rank_keys('nopos'::tsvector) AS without_positions, zhfacts.rank_keys(''::tsvector) AS empty;
SELECT count(*) AS tiers, count(*) FILTER (WHERE exact) AS exact, max(tier) FILTER (WHERE exact) AS highest_exact,
       min(tier) AS lowest FROM zhfacts._rank_tiers();

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
-- a word in only a few articles, once each; a word in none
INSERT INTO zhfacts.article (title, body) VALUES
	('报道甲', '今年的晨会改到了周一。'), ('报道乙', '晨会之后，大家去了田里。');

CREATE TEMP TABLE ranked AS
SELECT w, n, array(SELECT rank FROM zhfacts.top_articles(w, n)) AS fast,
       array(SELECT ts_rank_cd(tsv, plainto_tsquery('zhfacts.chinese', w)) FROM zhfacts.article
              WHERE tsv @@ plainto_tsquery('zhfacts.chinese', w) ORDER BY 1 DESC LIMIT n) AS every_match
  FROM unnest(ARRAY['茶农', '晨会', '采茶', '从未出现的词', '村里']) w, unnest(ARRAY[1, 3, 20, 100]) n;
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
