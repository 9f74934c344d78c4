-- zhfacts.region, zhfacts.extract_regions, zhfacts.region_of
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
\pset null '(null)'
SET client_min_messages = warning;

-- the table: counts by level, a few rows, parents are prefixes
SELECT level, count(*) > 0 AS present FROM zhfacts.region GROUP BY level ORDER BY level;
SELECT count(*) BETWEEN 44000 AND 46000 AS about_45000 FROM zhfacts.region WHERE NOT historical;
SELECT code, name, aliases, level, parent_code, adcode, historical, current_code
  FROM zhfacts.region
 WHERE code IN ('33', '3301', '330106', '360103', '331127', '4228', '65', '330106010', '330103@2021', '4206@2010')
 ORDER BY code;
SELECT count(*) AS parent_not_prefix
  FROM zhfacts.region r
 WHERE NOT historical AND parent_code IS NOT NULL AND left(r.code, length(parent_code)) <> parent_code;
SELECT count(*) AS dangling_parent
  FROM zhfacts.region r
 WHERE parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM zhfacts.region p WHERE p.code = r.parent_code);
SELECT name, current_code FROM zhfacts.region WHERE historical AND name IN ('下城区', '江干区', '襄樊市', '莱芜市', '巢湖市') ORDER BY name;

-- nesting: a parent and its child are separate mentions
SELECT mention, pos, code, level, name, province, prefecture, county, adcode, ambiguous
  FROM zhfacts.extract_regions('上周，浙江省杭州市西湖区转塘街道的茶农迎来了采摘季。');

-- the same district name in three cities: decided by the explicit parent ...
SELECT mention, pos, code, prefecture FROM zhfacts.extract_regions('杭州市西湖区和南昌市西湖区结成了友好城区。');
-- ... by the rest of the document ...
SELECT mention, code, prefecture, ambiguous
  FROM zhfacts.extract_regions('这篇报道讲的是福州。记者在鼓楼区走访了三个社区，鼓楼区的老街保存完好。');
SELECT mention, code, prefecture, ambiguous
  FROM zhfacts.extract_regions('南京的梧桐很有名。鼓楼区有很多高校。');
-- ... or by nothing: no code, ambiguous
SELECT mention, code, level, ambiguous FROM zhfacts.extract_regions('朝阳区的房价又涨了。');
SELECT mention, code, ambiguous FROM zhfacts.extract_regions('北京市朝阳区和辽宁省朝阳市不是一个地方。');

-- short and autonomous names, variants
SELECT mention, code, level, name
  FROM zhfacts.extract_regions('景宁畲族自治县，也叫景宁县，人们常说去景宁看畲族风情；新疆、广西、内蒙古的客商也来了。');
SELECT mention, code, name FROM zhfacts.extract_regions('湖北恩施的茶叶和延边州的大米都上了展台。');
SELECT mention, code, name FROM zhfacts.extract_regions('淳安的千岛湖，临安的山核桃。');

-- renamed and abolished divisions map to the division that holds them now
SELECT mention, code, name FROM zhfacts.extract_regions('2021年以前，下城区和江干区还是两个独立的区。');
SELECT mention, code, name FROM zhfacts.extract_regions('他在襄樊读书，后来去了莱芜市工作，老家在安徽巢湖。');

-- Traditional characters and full-width forms
SELECT mention, pos, code, name FROM zhfacts.extract_regions('浙江省杭州市臨平區的運河邊，新開了一家書店。');
SELECT mention, code FROM zhfacts.extract_regions('ＡＢＣ公司落户杭州市蕭山區。');

-- street, road, company and time names that contain place names
SELECT count(*) AS false_places
  FROM zhfacts.extract_regions('北京时间晚上八点，长安汽车的展厅里，住在重庆路和山西北路的市民排起了长队。');
SELECT mention, code FROM zhfacts.extract_regions('上海市的南京路步行街，离杭州路不远。');
-- a person, a word that contains a name, a lake
SELECT count(*) AS false_places
  FROM zhfacts.extract_regions('孙中山先生的故居对外开放；各地新乡贤踊跃参与，打造共同富裕县域样板。');
SELECT mention, code FROM zhfacts.extract_regions('杭州西湖区的游客在西湖边散步。');

-- idioms, rivers, common words that are also names
SELECT count(*) AS false_places
  FROM zhfacts.extract_regions('两种方案大同小异；澜沧江水量充沛；一望无际的平原；他穿着一身中山装。');
-- a name that is also a word needs its own prefecture nearby
SELECT mention, code FROM zhfacts.extract_regions('上海的干部说，绿水青山就是金山银山。');
SELECT mention, code FROM zhfacts.extract_regions('丽水的龙泉青瓷闻名全国。');
SELECT count(*) AS none FROM zhfacts.extract_regions('龙泉宝剑');

-- a province name shared with a district elsewhere
SELECT mention, code FROM zhfacts.extract_regions('天津的客人和河北的客人坐在一起。');
SELECT mention, code FROM zhfacts.extract_regions('天津市河北区');

-- single-character abbreviations only where they are safe
SELECT mention, code FROM zhfacts.extract_regions('沪杭高铁开通后，她常常赴沪出差，周末回杭。');
SELECT count(*) AS none FROM zhfacts.extract_regions('这家公司叫三杭集团，产品有杭白菊。');

-- townships and villages: full names, short forms after the full name, villages by pattern
SELECT mention, code, level
  FROM zhfacts.extract_regions('杭州市上城区湖滨街道举办了活动。湖滨的商户积极参与。');
SELECT mention, code, level
  FROM zhfacts.extract_regions('杭州市萧山区所前镇杜家村的梅农正忙着采收杨梅。');
SELECT mention, code, level FROM zhfacts.extract_regions('杭州市滨江区西兴街道彩虹社区开展了志愿服务。');
-- a village name that starts with a county's short name
SELECT mention, code, level FROM zhfacts.extract_regions('北京市顺义区沿河村的村民');

-- positions are characters, as substr() counts them
SELECT bool_and(substr(d, pos, length(mention)) = mention) AS positions_agree
  FROM (SELECT '𠀀ｘ杭州市，和西湖区。臨平區' AS d) t, zhfacts.extract_regions(d);

-- the region a document is about
SELECT zhfacts.region_of('杭州市西湖区转塘街道召开大会，西湖区有关负责人出席。杭州市领导讲话。');
SELECT zhfacts.region_of('浙江各地：杭州、宁波、温州都有代表参加。');
SELECT zhfacts.region_of('今天天气很好。');

-- NULL, empty, blank
SELECT count(*) FROM zhfacts.extract_regions(NULL);
SELECT count(*) FROM zhfacts.extract_regions('');
SELECT count(*) FROM zhfacts.extract_regions(E' \t\n');
SELECT zhfacts.region_of(NULL) IS NULL AS null_in_null_out, zhfacts.region_of('') IS NULL AS empty;
