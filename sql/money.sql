-- Money extraction and Chinese number parsing (issue 4).
-- Expressions and sentences written for these tests.
SET client_min_messages = warning;
SET extra_float_digits = 0;
\set SHOW_CONTEXT never
\set VERBOSITY default
\pset null '(null)'

-- SQLSTATE and message of a statement, without stopping the script
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- the functions are marked as pure
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'zhfacts' AND p.proname IN ('parse_number', 'parse_money', 'extract_money')
 ORDER BY 1;

-- parse_number: Arabic, Chinese, financial, Traditional, mixed, exact
SELECT t AS input, zhfacts.parse_number(t) AS value
  FROM (VALUES ('0'), ('42'), ('3.140'), ('1,000'), ('12,345,678.9'), ('１２３'), ('１．５'),
               ('-12'), ('负五'), ('負三萬'), ('  77  '),
               ('十'), ('十五'), ('三十五'), ('一百零五'), ('一千零十一'), ('两千零五'),
               ('一万零五百'), ('两亿'), ('三万五'), ('一千二'), ('两百五'), ('一万二千三'),
               ('一亿二'), ('百万'), ('千万'), ('九千九百九十九万九千九百九十九'),
               ('一万亿'), ('五亿零三万'), ('二〇〇一'), ('二○○一'), ('一九九八'), ('零'),
               ('三点五'), ('零点五'), ('十二点五亿'), ('壹佰萬'), ('壹仟贰佰叁拾肆'),
               ('貳億'), ('陸萬伍仟'), ('兩億'), ('1.3万'), ('16.4亿'), ('22.05亿'),
               ('1亿2千万'), ('1,000万'), ('3千5百万'), ('3万5'), ('1万2000'),
               ('1亿2000万'), ('1.5万亿'), ('-1.2亿'), ('０.５亿'),
               ('123456789012345678901234567890')) AS v(t);

-- results are numeric, exact
SELECT zhfacts.parse_number('16.4亿') = 1640000000 AS exact,
       pg_typeof(zhfacts.parse_number('1.5')) AS type,
       zhfacts.parse_number('0.1') + zhfacts.parse_number('0.2') = 0.3 AS no_float;

-- NULL in, NULL out; anything that is not one number is 22P02
SELECT zhfacts.parse_number(NULL) AS null_in;
SELECT t AS input, pg_temp.try(format('SELECT zhfacts.parse_number(%L)', t)) AS result
  FROM (VALUES (''), ('   '), ('abc'), ('万'), ('亿'), ('十十'), ('一二三万'), ('三点'),
               ('1,0000'), ('1,00'), ('1.'), ('.5'), ('1e5'), ('1 000'), ('-'), ('两三'),
               ('1万20000'), ('三5'), ('5元'), ('约5'), ('5%')) AS v(t);
SELECT zhfacts.parse_number('一百块');
SELECT zhfacts.parse_number(repeat('9', 60));

-- parse_money: one expression, one row
SELECT t AS input, m.*
  FROM (VALUES ('2600余万元'), ('220余万元'), ('超70亿元'), ('近1000万元'), ('约427亿元'),
               ('22.05亿元'), ('人民币3.14元'), ('1.5万美元'), ('3000-5000万元'), ('3至5亿元'),
               ('五百万元'), ('123元1角1分'), ('50万元以上'), ('20万元以下'), ('8000元左右'),
               ('1000元上下'), ('逾5亿元'), ('超过8万元'), ('至少200元'), ('将近3亿元'),
               ('不到50元'), ('不足一万元'), ('大约6千元'), ('大概两百块钱'), ('100多万元'),
               ('十多万元'), ('1.3万余元'), ('3万元至5万元'), ('两三万元'), ('-300万元'),
               ('近亿元'), ('上百万元'), ('壹佰萬圓整'), ('約300萬元'), ('2600餘萬元'),
               ('100万元人民币'), ('¥1,200'), ('US$30'), ('RMB 500万'), ('50美分'),
               ('五毛钱'), ('3块5'), ('100万'), ('近百万'), (' 5元 ')) AS v(t),
       LATERAL zhfacts.parse_money(t) AS m;

-- currencies
SELECT t AS input, m.currency, m.amount
  FROM (VALUES ('10美元'), ('10美金'), ('30欧元'), ('5千港元'), ('5千港币'), ('5千港幣'),
               ('800日元'), ('9英镑'), ('300新台币'), ('5万韩元'), ('20澳元'), ('20加元'),
               ('1新加坡元'), ('100瑞士法郎'), ('100卢布'), ('100泰铢'), ('100澳门元'),
               ('2块钱'), ('2元钱'), ('€15'), ('£15'), ('HK$15'), ('300 USD'), ('5 RMB'),
               ('1.4亿法郎'), ('900万埃镑'), ('450亿里亚尔'), ('5马克')) AS v(t),
       LATERAL zhfacts.parse_money(t) AS m;

SELECT zhfacts.parse_money(NULL) IS NULL AS null_in;
SELECT t AS input, pg_temp.try(format('SELECT zhfacts.parse_money(%L)', t)) AS result
  FROM (VALUES (''), ('  '), ('元'), ('abc'), ('5元和6元'), ('共5元'), ('5人'), ('95%'),
               ('500余家'), ('二〇二一年'), ('5元钱包')) AS v(t);
SELECT * FROM zhfacts.parse_money('明年再说');

-- extract_money: every form, in sentences
SELECT m.* FROM zhfacts.extract_money(
  '新区招商引资总投资超70亿元，乡贤基金募集2600余万元，已发放220余万元。'
  '校友会捐出近1000万元物资，全年收入约427亿元，签约金额达22.05亿元。') AS m;
SELECT m.* FROM zhfacts.extract_money(
  '这本书售价人民币3.14元；公司融得1.5万美元，后续需要3000-5000万元，二期再投3至5亿元。'
  '他捐了五百万元，收银员找零123元1角1分，单个项目50万元以上。') AS m;
SELECT m.* FROM zhfacts.extract_money(
  '月薪8000元左右，成本在1000元上下，罚款逾5亿元，补助不足一万元，账上只剩不到50元，'
  '每人大概两百块钱，净亏-300万元，最多20万元以下，门票100多万元，合同3万元至5万元。') AS m;
SELECT m.* FROM zhfacts.extract_money(
  '海外部收到10美金、30欧元、5千港元、800日元、9英镑、300新台币、5万韩元和20澳元，'
  '另付¥1,200与US$30，并以RMB 500万结算。') AS m;

SELECT m.* FROM zhfacts.extract_money(
  '公司折合人民币约3000万元收购对方，金额：1,000.00元，单价：¥ 25.00，两三万元的车，'
  '七八十万元的房，买菜花了三五块钱，1.2亿美元的交易，上千元的包，超万元的表，逾千万元的单。') AS m;
SELECT m.* FROM zhfacts.extract_money(
  '账单写着300 USD，折合约新臺幣9千元；主楼造价一亿两千万元，1亿元至1.5亿元的预算，'
  '一块二毛五的零钱，30多亿元的盘子，港币5亿元的贷款，亏损-1000余万元，'
  '违者处3万元以上25万元以下的罚款。') AS m;

-- Traditional characters and full-width digits
SELECT m.* FROM zhfacts.extract_money(
  '該會去年籌得約300萬元，其中2600餘萬元來自海外，另有超過8億美元與１２０萬港幣。') AS m;

-- sums without a currency word: money only where the clause is about money
SELECT m.* FROM zhfacts.extract_money(
  '助学基金已筹款近百万，用于资助学生；员工捐款合计50000，全部转入；该园区总投资1.5亿。'
  '新公司注册资本5000万，首付100万，身价过亿，亏了3个亿。') AS m;
SELECT count(*) AS not_money FROM zhfacts.extract_money(
  '全区增长到1.5亿，投资项目258个，资金支持300家企业，捐款3次，捐款热线0571-88886666，'
  '价格指数上涨102.5，投资者3000多人，捐款热线400-800-1234，'
  '全市已有52个亿元以上的产业，资金也不过万元，他没花家里一分钱。');

-- look-alikes that are not money: counts, areas, percentages, dates, phones, codes
SELECT count(*) AS not_money FROM zhfacts.extract_money(
  '全区企业500余家，联系1.3万余名人士，腾出1万余平方米，满意率95%-98%，同比增长12.5%，'
  '2022年5月19日开幕，热线13812345678，备案号沪ICP备14003370号，二〇二一年，统一战线，'
  '万名乡贤，超千名学生，100多万人次，数百万元，几十万元，成千上万，第1名，2023元旦，'
  '三块地，一块去，三分之一，B2-2017116，2021-2022年，十二五规划，下午三点五十分，'
  '40.17平方公里，一元复始，一元二次方程，时间10:30，版本1.5.3，损失数十亿美元，千万不要，一两银子。');

-- pos counts characters (1-based) and mention is the text at pos
WITH d(doc) AS (VALUES ('ａｂｃ：约5元，𠀀超3亿元；近百万；捐款近百万。'))
SELECT m.mention, m.pos, substr(d.doc, m.pos, length(m.mention)) = m.mention AS at_pos
  FROM d, zhfacts.extract_money(d.doc) m;

-- empty and blank documents, NULL
SELECT count(*) FROM zhfacts.extract_money('');
SELECT count(*) FROM zhfacts.extract_money('   ');
SELECT count(*) FROM zhfacts.extract_money(NULL);

-- sums add up as numeric
SELECT sum(amount) AS total_exact, sum(amount_min) AS total_min
  FROM zhfacts.extract_money('甲出5元，乙出6.5元，丙出超过10元，丁出3-5元。');
