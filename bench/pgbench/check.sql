-- check.sql - after the run: one row per check, "name|t or f|detail".
-- Run with psql -X -At -F'|' in the benchmark's database.
-- articles: the seeds, every committed new article, one per contended page
SELECT 'article count = seeds + new articles committed + contended pages',
	a.n = s.n + l.n + r.n,
	format('%s articles; %s seeds + %s new + %s contended pages', a.n, s.n, l.n, r.n)
  FROM (SELECT count(*) n FROM zhfacts.article) a, (SELECT count(*) n FROM zf_conc.seed) s,
	(SELECT count(*) n FROM zf_conc.new_log) l, (SELECT count(DISTINCT k) n FROM zf_conc.race_log) r;
SELECT 'every new article has its own id, stored with the content submitted',
	count(*) = count(DISTINCT l.article_id) AND count(*) = count(a.id)
	AND count(*) FILTER (WHERE a.content_hash IS DISTINCT FROM
		sha256(convert_to((zhfacts.clean_page(zf_conc.page(l.n))).body, 'UTF8'))) = 0,
	format('%s logged, %s distinct ids, %s found, %s with other content', count(*),
		count(DISTINCT l.article_id), count(a.id),
		count(*) FILTER (WHERE a.content_hash IS DISTINCT FROM
			sha256(convert_to((zhfacts.clean_page(zf_conc.page(l.n))).body, 'UTF8'))))
  FROM zf_conc.new_log l LEFT JOIN zhfacts.article a ON a.id = l.article_id;
SELECT 'a contended page has one id for all its ingestions, stored with its content',
	count(*) FILTER (WHERE ids <> 1 OR NOT found) = 0,
	format('%s pages ingested %s times (up to %s times each); %s with several ids or none',
		count(*), sum(times), max(times), count(*) FILTER (WHERE ids <> 1 OR NOT found))
  FROM (SELECT r.k, count(*) AS times, count(DISTINCT r.article_id) AS ids,
		bool_and(a.content_hash = sha256(convert_to((zhfacts.clean_page(zf_conc.page(r.k, 'race'))).body, 'UTF8'))) AS found
		  FROM zf_conc.race_log r LEFT JOIN zhfacts.article a ON a.id = r.article_id
		 GROUP BY r.k) x;
SELECT 're-ingesting a seed returns its id',
	count(*) FILTER (WHERE got IS DISTINCT FROM expected) = 0,
	format('%s re-ingestions (%s with url), %s returned another id', count(*),
		count(*) FILTER (WHERE with_url), count(*) FILTER (WHERE got IS DISTINCT FROM expected))
  FROM zf_conc.reingest_log;
SELECT 'no duplicate content hash or url',
	count(*) = count(DISTINCT content_hash) AND count(url) = count(DISTINCT url),
	format('%s articles, %s distinct hashes, %s urls, %s distinct', count(*),
		count(DISTINCT content_hash), count(url), count(DISTINCT url))
  FROM zhfacts.article;
SELECT 'every fact row belongs to an existing article',
	r.n + m.n + i.n + o.n = 0,
	format('orphans: %s article_region, %s article_money, %s initiative_mention, %s initiative without mention',
		r.n, m.n, i.n, o.n)
  FROM (SELECT count(*) n FROM zhfacts.article_region f
		 WHERE NOT EXISTS (SELECT FROM zhfacts.article a WHERE a.id = f.article_id)) r,
	(SELECT count(*) n FROM zhfacts.article_money f
		 WHERE NOT EXISTS (SELECT FROM zhfacts.article a WHERE a.id = f.article_id)) m,
	(SELECT count(*) n FROM zhfacts.initiative_mention f
		 WHERE NOT EXISTS (SELECT FROM zhfacts.article a WHERE a.id = f.article_id)) i,
	(SELECT count(*) n FROM zhfacts.initiative n
		 WHERE NOT EXISTS (SELECT FROM zhfacts.initiative_mention f WHERE f.initiative_id = n.id)) o;
SELECT 'an initiative''s first_seen is its earliest sighting',
	count(*) FILTER (WHERE n.first_seen <> e.seen) = 0,
	format('%s initiatives, %s with another first_seen', count(*),
		count(*) FILTER (WHERE n.first_seen <> e.seen))
  FROM zhfacts.initiative n
  JOIN (SELECT m.initiative_id, min(coalesce(a.published_at, a.ingested_at)) AS seen
		  FROM zhfacts.initiative_mention m JOIN zhfacts.article a ON a.id = m.article_id
		 GROUP BY m.initiative_id) e ON e.initiative_id = n.id;
-- the facts each article should have, recomputed now, against those stored
-- when it was ingested concurrently
CREATE TEMP TABLE zf_conc_facts AS
SELECT a.id,
	(SELECT count(DISTINCT pos) FROM zhfacts.extract_regions(a.body)) AS regions_want,
	(SELECT count(*) FROM zhfacts.article_region f WHERE f.article_id = a.id) AS regions_have,
	(SELECT count(DISTINCT pos) FROM zhfacts.extract_money(a.body)) AS money_want,
	(SELECT count(*) FROM zhfacts.article_money f WHERE f.article_id = a.id) AS money_have,
	(SELECT count(DISTINCT pos) FROM zhfacts.extract_initiatives(a.body)) AS init_want,
	(SELECT count(*) FROM zhfacts.initiative_mention f WHERE f.article_id = a.id) AS init_have,
	a.region_code IS NOT DISTINCT FROM zhfacts.region_of(a.body) AS region_ok
  FROM zhfacts.article a;
SELECT 'every article has all its regions, sums of money and initiative mentions',
	count(*) FILTER (WHERE regions_want <> regions_have OR money_want <> money_have
		OR init_want <> init_have OR NOT region_ok) = 0,
	format('%s articles with %s regions, %s sums, %s initiative mentions; missing or extra in %s, %s, %s articles; region_code wrong in %s',
		count(*), sum(regions_have), sum(money_have), sum(init_have),
		count(*) FILTER (WHERE regions_want <> regions_have),
		count(*) FILTER (WHERE money_want <> money_have),
		count(*) FILTER (WHERE init_want <> init_have),
		count(*) FILTER (WHERE NOT region_ok))
  FROM zf_conc_facts;
SELECT 'the user words left are in the dictionary of a new session',
	count(*) FILTER (WHERE NOT EXISTS (SELECT FROM zhfacts.segment('今天' || u.word || '。') s
		WHERE s.token = u.word)) = 0,
	format('%s words, %s not found by segment()', count(*),
		count(*) FILTER (WHERE NOT EXISTS (SELECT FROM zhfacts.segment('今天' || u.word || '。') s
			WHERE s.token = u.word)))
  FROM zhfacts.user_word u WHERE u.word LIKE '并发校验%';
-- partitions: made by the clients as they ingested (ingestion puts no row in
-- the default partition); every article has its key
SELECT 'articles in several partitions made while ingesting, none in the default one, each with its unique key',
	(SELECT count(*) FROM zhfacts.article_partitions WHERE bounds <> 'DEFAULT') >= 3
	AND NOT EXISTS (SELECT FROM zhfacts.article_default)
	AND (SELECT count(*) FROM zhfacts.article_key) = (SELECT count(*) FROM zhfacts.article)
	AND (SELECT count(*) FROM zhfacts.article a JOIN zhfacts.article_key k ON k.article_id = a.id AND k.content_hash = a.content_hash) = (SELECT count(*) FROM zhfacts.article),
	format('%s range partitions, %s articles in the default one; %s keys for %s articles',
		(SELECT count(*) FROM zhfacts.article_partitions WHERE bounds <> 'DEFAULT'),
		(SELECT count(*) FROM zhfacts.article_default),
		(SELECT count(*) FROM zhfacts.article_key), (SELECT count(*) FROM zhfacts.article));
