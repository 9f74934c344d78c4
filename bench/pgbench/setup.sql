-- setup.sql - schema zf_conc for bench/bench_concurrency.sh and
-- test/concurrency.sh: the page generator, the logs each pgbench transaction
-- writes in the same transaction as its ingest (so a count after the run says
-- exactly what was committed), and the seeds (sample/, loaded by the caller).
--
-- The sentences are written for this benchmark (see HACKING.md).
CREATE SCHEMA zf_conc;
CREATE SEQUENCE zf_conc.gen_seq;

-- a new article: every n gives a different page (n is in the title and the
-- body); articles with close n share a new initiative name (山海协作第n/20号基金),
-- so concurrent ingestions create the same initiative row at the same time.
-- kind 'race': the page of time slot n, ingested by several clients at once.
CREATE FUNCTION zf_conc.page(n bigint, kind text DEFAULT 'new')
RETURNS text
LANGUAGE sql IMMUTABLE STRICT
AS $$
SELECT CASE kind
WHEN 'new' THEN format(E'%s启动第%s批%s项目\n2024-%s-%s %s:%s\n来源：%s\n\n'
	'%s日前召开%s推进会，确定第%s批重点项目%s个，计划总投资%s万元。\n\n'
	'据介绍，当地将依托“%s”平台，组织%s名志愿者开展上门服务，惠及村民%s户。\n\n'
	'同时设立“山海协作第%s号基金”，首期规模%s亿元。%s负责人表示，下一步将持续完善%s。',
	r1, n, topic, lpad((1 + n % 12)::text, 2, '0'), lpad((1 + n % 28)::text, 2, '0'),
	lpad((n % 24)::text, 2, '0'), lpad((n % 60)::text, 2, '0'), src,
	r1, topic, n, 3 + n % 9, 1000 + n % 9000,
	init, 20 + n % 80, 100 + n % 900,
	n / 20, 1 + n % 9, r2, fac)
ELSE format(E'%s发布第%s号工作通报\n2024-06-%s 17:%s\n来源：%s\n\n'
	'%s第%s号通报显示，本周共办理群众诉求%s件，发放困难补贴%s万元。\n\n'
	'下一阶段，%s将推广“%s”做法，并请%s派员交流经验。',
	r1, n, lpad((1 + n % 28)::text, 2, '0'), lpad((n % 60)::text, 2, '0'), src,
	r1, n, 50 + n % 500, 10 + n % 90,
	r1, init, r2)
END
FROM (SELECT
	(ARRAY['杭州市西湖区', '宁波市鄞州区', '温州市瑞安市', '嘉兴市桐乡市', '湖州市安吉县', '绍兴市诸暨市',
		'金华市义乌市', '衢州市江山市', '舟山市岱山县', '台州市温岭市', '丽水市青田县'])[1 + n % 11] AS r1,
	(ARRAY['杭州市余杭区', '宁波市象山县', '温州市文成县', '湖州市德清县', '金华市浦江县',
		'丽水市景宁畲族自治县', '台州市仙居县'])[1 + n % 7] AS r2,
	(ARRAY['农村饮水改造', '老旧小区加装电梯', '山区道路提升', '社区养老服务', '数字乡村建设',
		'河道生态修复', '农产品冷链物流'])[1 + n % 7] AS topic,
	(ARRAY['共富工坊', '邻里食堂', '乡村夜校', '红色驿站', '村播学院', '银龄互助', '小院议事'])[1 + (n / 7) % 7] AS init,
	(ARRAY['配套设施', '服务网络', '管护机制', '运营体系'])[1 + n % 4] AS fac,
	(ARRAY['样本日报', '示范周刊', '模拟新闻网'])[1 + n % 3] AS src) v
$$;

-- one row per committed new article (n is unique: a second commit of the same
-- n would be an error, not a silent duplicate)
CREATE TABLE zf_conc.new_log (n bigint PRIMARY KEY, client int NOT NULL, article_id bigint);
-- one row per committed ingestion of a contended page (k: its time slot)
CREATE TABLE zf_conc.race_log (k bigint NOT NULL, client int NOT NULL, article_id bigint);
-- one row per committed re-ingestion of a seed
CREATE TABLE zf_conc.reingest_log (k int NOT NULL, client int NOT NULL, with_url boolean,
	expected bigint, got bigint);
CREATE TABLE zf_conc.seed (k int PRIMARY KEY, url text, raw text NOT NULL, id bigint);
