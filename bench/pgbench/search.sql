-- a search as an application runs it: ranked, with a highlighted snippet
\set w random(1, 16)
SELECT a.id, ts_rank(a.tsv, q) AS rank,
	ts_headline('zhfacts.chinese', a.body, q, 'StartSel=【, StopSel=】, MaxFragments=2')
  FROM zhfacts.article a,
	plainto_tsquery('zhfacts.chinese', (ARRAY['乡贤', '共同富裕', '共富工坊', '志愿者', '安吉县',
		'山海协作基金', '养老服务', '群众诉求', '千岛湖', '青田', '投资', '村民增收', '义乌',
		'数字乡村', '困难补贴', '恳谈会'])[:w]) q
 WHERE a.tsv @@ q
 ORDER BY rank DESC
 LIMIT 20;
