/*
 * test_money.c - the money scanner and the single-expression parser.
 *
 * Each mention is rendered as "text|amount|min|max|qualifier|currency" (an
 * empty field is NULL) and the mentions of a document are joined with " ; ".
 */
#include "../../src/core/money.h"
#include "zf_test.h"

#include <stdlib.h>

static char out[4096];

static void
render(const char *doc, const zf_money *m, char *buf, size_t size)
{
	char		a[ZF_DEC_STRLEN] = "",
				lo[ZF_DEC_STRLEN] = "",
				hi[ZF_DEC_STRLEN] = "";

	if (m->has_amount)
		zf_dec_to_str(&m->amount, a);
	if (m->has_min)
		zf_dec_to_str(&m->amount_min, lo);
	if (m->has_max)
		zf_dec_to_str(&m->amount_max, hi);
	snprintf(buf, size, "%.*s|%s|%s|%s|%s|%s", (int) m->len, doc + m->off, a, lo, hi,
			 zf_money_qual_name(m->qual), m->currency ? m->currency : "");
}

typedef struct acc
{
	const char *doc;
	size_t		n;
} acc;

static void
collect(const zf_money *m, void *arg)
{
	acc		   *a = arg;
	char		one[512];

	render(a->doc, m, one, sizeof(one));
	if (a->n++ > 0)
		strncat(out, " ; ", sizeof(out) - strlen(out) - 1);
	strncat(out, one, sizeof(out) - strlen(out) - 1);
}

static const char *
scan(const char *doc)
{
	acc			a = {doc, 0};

	out[0] = '\0';
	zf_money_scan(doc, strlen(doc), collect, &a);
	return out;
}

static const char *
parse(const char *s)
{
	zf_money	m;
	int			rc = zf_money_parse(s, strlen(s), &m);

	if (rc != ZF_OK)
	{
		snprintf(out, sizeof(out), "ERR%d", rc);
		return out;
	}
	render(s, &m, out, sizeof(out));
	return out;
}

static void
test_forms(void)
{
	/* the forms of issue 4, each in a sentence of its own */
	CHECK_EQ_STR(scan("园区总投资超70亿元。"), "超70亿元|7000000000|7000000000||over|CNY");
	CHECK_EQ_STR(scan("基金募集2600余万元,"), "2600余万元|26000000|26000000|27000000|over|CNY");
	CHECK_EQ_STR(scan("发放220余万元"), "220余万元|2200000|2200000|2300000|over|CNY");
	CHECK_EQ_STR(scan("捐出近1000万元物资"), "近1000万元|10000000||10000000|under|CNY");
	CHECK_EQ_STR(scan("总产出约427亿元"), "约427亿元|42700000000|42700000000|42700000000|approx|CNY");
	CHECK_EQ_STR(scan("签约金额达22.05亿元"), "22.05亿元|2205000000|2205000000|2205000000|exact|CNY");
	CHECK_EQ_STR(scan("售价人民币3.14元"), "人民币3.14元|3.14|3.14|3.14|exact|CNY");
	CHECK_EQ_STR(scan("融得1.5万美元"), "1.5万美元|15000|15000|15000|exact|USD");
	CHECK_EQ_STR(scan("预计3000-5000万元"), "3000-5000万元||30000000|50000000|range|CNY");
	CHECK_EQ_STR(scan("需3至5亿元"), "3至5亿元||300000000|500000000|range|CNY");
	CHECK_EQ_STR(scan("奖金五百万元"), "五百万元|5000000|5000000|5000000|exact|CNY");
	CHECK_EQ_STR(scan("共123元1角1分"), "123元1角1分|123.11|123.11|123.11|exact|CNY");
	CHECK_EQ_STR(scan("项目50万元以上"), "50万元以上|500000|500000||over|CNY");
	CHECK_EQ_STR(scan("20万元以下"), "20万元以下|200000||200000|under|CNY");
	CHECK_EQ_STR(scan("约合300万元左右"), "约合300万元左右|3000000|3000000|3000000|approx|CNY");
	CHECK_EQ_STR(scan("月入8000元左右"), "8000元左右|8000|8000|8000|approx|CNY");
	CHECK_EQ_STR(scan("成本1000元上下"), "1000元上下|1000|1000|1000|approx|CNY");
	CHECK_EQ_STR(scan("逾5亿元"), "逾5亿元|500000000|500000000||over|CNY");
	CHECK_EQ_STR(scan("超过8万元"), "超过8万元|80000|80000||over|CNY");
	CHECK_EQ_STR(scan("至少200元"), "至少200元|200|200||over|CNY");
	CHECK_EQ_STR(scan("将近3亿元"), "将近3亿元|300000000||300000000|under|CNY");
	CHECK_EQ_STR(scan("不到50元"), "不到50元|50||50|under|CNY");
	CHECK_EQ_STR(scan("不足一万元"), "不足一万元|10000||10000|under|CNY");
	CHECK_EQ_STR(scan("大约6千元"), "大约6千元|6000|6000|6000|approx|CNY");
	CHECK_EQ_STR(scan("大概两百块钱"), "大概两百块钱|200|200|200|approx|CNY");
	CHECK_EQ_STR(scan("100多万元"), "100多万元|1000000|1000000|2000000|over|CNY");
	CHECK_EQ_STR(scan("十多万元"), "十多万元|100000|100000|200000|over|CNY");
	CHECK_EQ_STR(scan("1.3万余元"), "1.3万余元|13000|13000|14000|over|CNY");
	CHECK_EQ_STR(scan("3万元至5万元"), "3万元至5万元||30000|50000|range|CNY");
	CHECK_EQ_STR(scan("1亿2千万元"), "1亿2千万元|120000000|120000000|120000000|exact|CNY");
	CHECK_EQ_STR(scan("1,000万元"), "1,000万元|10000000|10000000|10000000|exact|CNY");
	CHECK_EQ_STR(scan("三万五元"), "三万五元|35000|35000|35000|exact|CNY");
	CHECK_EQ_STR(scan("１２０万元"), "１２０万元|1200000|1200000|1200000|exact|CNY");
	CHECK_EQ_STR(scan("虧損-300萬元"), "-300萬元|-3000000|-3000000|-3000000|exact|CNY");
	CHECK_EQ_STR(scan("負債负5亿元"), "负5亿元|-500000000|-500000000|-500000000|exact|CNY");
	CHECK_EQ_STR(scan("上億元"), "上億元|100000000|100000000||over|CNY");
	CHECK_EQ_STR(scan("近亿元"), "近亿元|100000000||100000000|under|CNY");
	CHECK_EQ_STR(scan("两三万元"), "两三万元||20000|30000|range|CNY");
	CHECK_EQ_STR(scan("五六十万元"), "五六十万元||500000|600000|range|CNY");
	CHECK_EQ_STR(scan("一两百万美元"), "一两百万美元||1000000|2000000|range|USD");
	CHECK_EQ_STR(scan("千元以下"), "千元以下|1000||1000|under|CNY");
	CHECK_EQ_STR(scan("逾千万元"), "逾千万元|10000000|10000000||over|CNY");
	CHECK_EQ_STR(scan("约3亿至5亿元"), "约3亿至5亿元||300000000|500000000|range|CNY");
	CHECK_EQ_STR(scan("一亿零五百万元"), "一亿零五百万元|105000000|105000000|105000000|exact|CNY");
	CHECK_EQ_STR(scan("十几万元"), "十几万元|100000|100000|200000|over|CNY");
	CHECK_EQ_STR(scan("折合人民币约3000万元"), "人民币约3000万元|30000000|30000000|30000000|approx|CNY");
	CHECK_EQ_STR(scan("约合人民币3000万元"), "约合人民币3000万元|30000000|30000000|30000000|approx|CNY");
	CHECK_EQ_STR(scan("金额：1,000.00元"), "1,000.00元|1000|1000|1000|exact|CNY");
	CHECK_EQ_STR(scan("单价：¥ 25.00"), "¥ 25.00|25|25|25|exact|CNY");
	CHECK_EQ_STR(scan("花了三五块钱"), "三五块钱||3|5|range|CNY");
	CHECK_EQ_STR(scan("净赚1亿。"), "1亿|100000000|100000000|100000000|exact|CNY");
	CHECK_EQ_STR(scan("收取100元年费"), "100元|100|100|100|exact|CNY");
	CHECK_EQ_STR(scan("1.2亿美元收购"), "1.2亿美元|120000000|120000000|120000000|exact|USD");
	CHECK_EQ_STR(scan("US$1.5亿"), "US$1.5亿|150000000|150000000|150000000|exact|USD");
	CHECK_EQ_STR(scan("资金8亿多。"), "8亿多|800000000|800000000|900000000|over|CNY");
	CHECK_EQ_STR(scan("約新臺幣3億元"), "約新臺幣3億元|300000000|300000000|300000000|approx|TWD");
	CHECK_EQ_STR(scan("港币5亿元"), "港币5亿元|500000000|500000000|500000000|exact|HKD");
	CHECK_EQ_STR(scan("一块二毛五"), "一块二毛五|1.25|1.25|1.25|exact|CNY");
	CHECK_EQ_STR(scan("3元5角2分"), "3元5角2分|3.52|3.52|3.52|exact|CNY");
	CHECK_EQ_STR(scan("八分钱"), "八分钱|0.08|0.08|0.08|exact|CNY");
	CHECK_EQ_STR(scan("百余万元"), "百余万元|1000000|1000000|2000000|over|CNY");
	CHECK_EQ_STR(scan("二十余万元"), "二十余万元|200000|200000|300000|over|CNY");
	CHECK_EQ_STR(scan("亏损-1000余万元"), "-1000余万元|-10000000|-20000000|-10000000|over|CNY");
	CHECK_EQ_STR(scan("5.2万亿美元"), "5.2万亿美元|5200000000000|5200000000000|5200000000000|exact|USD");
	CHECK_EQ_STR(scan("人民币壹佰贰拾万元整"), "人民币壹佰贰拾万元整|1200000|1200000|1200000|exact|CNY");
	CHECK_EQ_STR(scan("10亿～20亿元"), "10亿～20亿元||1000000000|2000000000|range|CNY");
	CHECK_EQ_STR(scan("不超过15亿元"), "不超过15亿元|1500000000||1500000000|under|CNY");
	CHECK_EQ_STR(scan("10万元以内"), "10万元以内|100000||100000|under|CNY");
	CHECK_EQ_STR(scan("处3万元以上25万元以下的罚款"), "3万元以上25万元以下||30000|250000|range|CNY");
	CHECK_EQ_STR(scan("300 USD"), "300 USD|300|300|300|exact|USD");
	CHECK_EQ_STR(scan("300usdt"), "");
	CHECK_EQ_STR(scan("会上3000万元的项目"), "3000万元|30000000|30000000|30000000|exact|CNY");
	CHECK_EQ_STR(scan("5个亿"), "");
	CHECK_EQ_STR(scan("亏了5个亿。"), "5个亿|500000000|500000000|500000000|exact|CNY");
}

static void
test_currencies(void)
{
	CHECK_EQ_STR(scan("10美金"), "10美金|10|10|10|exact|USD");
	CHECK_EQ_STR(scan("30欧元"), "30欧元|30|30|30|exact|EUR");
	CHECK_EQ_STR(scan("5千港元"), "5千港元|5000|5000|5000|exact|HKD");
	CHECK_EQ_STR(scan("5千港幣"), "5千港幣|5000|5000|5000|exact|HKD");
	CHECK_EQ_STR(scan("800日元"), "800日元|800|800|800|exact|JPY");
	CHECK_EQ_STR(scan("9英镑"), "9英镑|9|9|9|exact|GBP");
	CHECK_EQ_STR(scan("300新台幣"), "300新台幣|300|300|300|exact|TWD");
	CHECK_EQ_STR(scan("5万韩元"), "5万韩元|50000|50000|50000|exact|KRW");
	CHECK_EQ_STR(scan("20澳元"), "20澳元|20|20|20|exact|AUD");
	CHECK_EQ_STR(scan("100万元人民币"), "100万元人民币|1000000|1000000|1000000|exact|CNY");
	CHECK_EQ_STR(scan("价值¥1,200"), "¥1,200|1200|1200|1200|exact|CNY");
	CHECK_EQ_STR(scan("价值￥99.5"), "￥99.5|99.5|99.5|99.5|exact|CNY");
	CHECK_EQ_STR(scan("售价$30"), "$30|30|30|30|exact|USD");
	CHECK_EQ_STR(scan("集资RMB 500万"), "RMB 500万|5000000|5000000|5000000|exact|CNY");
	CHECK_EQ_STR(scan("50美分"), "50美分|0.5|0.5|0.5|exact|USD");
	CHECK_EQ_STR(scan("五毛钱"), "五毛钱|0.5|0.5|0.5|exact|CNY");
	CHECK_EQ_STR(scan("3块5"), "3块5|3.5|3.5|3.5|exact|CNY");
	CHECK_EQ_STR(scan("20块钱"), "20块钱|20|20|20|exact|CNY");
	CHECK_EQ_STR(scan("壹佰萬圓整"), "壹佰萬圓整|1000000|1000000|1000000|exact|CNY");
	CHECK_EQ_STR(scan("約300萬元"), "約300萬元|3000000|3000000|3000000|approx|CNY");
	CHECK_EQ_STR(scan("2600餘萬元"), "2600餘萬元|26000000|26000000|27000000|over|CNY");
	CHECK_EQ_STR(scan("超過8億美元"), "超過8億美元|800000000|800000000||over|USD");
}

static void
test_context(void)
{
	/* no currency word: money only from the clause */
	CHECK_EQ_STR(scan("基金已筹款近百万,用于助学"), "近百万|1000000||1000000|under|CNY");
	CHECK_EQ_STR(scan("捐款合计50000,全部"), "50000|50000|50000|50000|exact|CNY");
	CHECK_EQ_STR(scan("总投资1.5亿。"), "1.5亿|150000000|150000000|150000000|exact|CNY");
	CHECK_EQ_STR(scan("募集资金300余万用于"), "300余万|3000000|3000000|4000000|over|CNY");
	CHECK_EQ_STR(scan("投资项目258个"), "");
	CHECK_EQ_STR(scan("资金支持300家企业"), "");
	CHECK_EQ_STR(scan("捐款3次"), "");
	CHECK_EQ_STR(scan("增长到1.5亿。"), "");
	CHECK_EQ_STR(scan("捐款热线0571-88886666"), "");
	CHECK_EQ_STR(scan("捐款热线400-800-1234"), "");
	CHECK_EQ_STR(scan("投资者3000多人"), "");
	CHECK_EQ_STR(scan("年薪50万（税前）"), "50万|500000|500000|500000|exact|CNY");
	CHECK_EQ_STR(scan("一元复始"), "");
	CHECK_EQ_STR(scan("一元二次方程"), "");
	CHECK_EQ_STR(scan("时间10:30"), "");
	CHECK_EQ_STR(scan("版本1.5.3元"), "");
	CHECK_EQ_STR(scan("1/3元"), "");
	CHECK_EQ_STR(scan("损失数十亿美元"), "");
	CHECK_EQ_STR(scan("十万八千里"), "");
	CHECK_EQ_STR(scan("千万不要"), "");
	CHECK_EQ_STR(scan("一两银子"), "");
	CHECK_EQ_STR(scan("已形成105个亿元以上的产业"), "");
	CHECK_EQ_STR(scan("资金也不过万元"), "");
	CHECK_EQ_STR(scan("没花国家一分钱"), "");
	CHECK_EQ_STR(scan("价格指数上涨102.5，"), "");
}

static void
test_not_money(void)
{
	CHECK_EQ_STR(scan("企业500余家"), "");
	CHECK_EQ_STR(scan("1.3万余名人士"), "");
	CHECK_EQ_STR(scan("1万余平方米"), "");
	CHECK_EQ_STR(scan("达95%-98%"), "");
	CHECK_EQ_STR(scan("增长12.5%"), "");
	CHECK_EQ_STR(scan("2022年5月19日"), "");
	CHECK_EQ_STR(scan("电话13812345678"), "");
	CHECK_EQ_STR(scan("沪ICP备14003370号"), "");
	CHECK_EQ_STR(scan("二〇二一年"), "");
	CHECK_EQ_STR(scan("统一战线"), "");
	CHECK_EQ_STR(scan("万名乡贤"), "");
	CHECK_EQ_STR(scan("超千名学生"), "");
	CHECK_EQ_STR(scan("100多万人次"), "");
	CHECK_EQ_STR(scan("数百万元"), "");
	CHECK_EQ_STR(scan("几十万元"), "");
	CHECK_EQ_STR(scan("成千上万元"), "");
	CHECK_EQ_STR(scan("第1元"), "");
	CHECK_EQ_STR(scan("签约3亿元"), "3亿元|300000000|300000000|300000000|exact|CNY");
	CHECK_EQ_STR(scan("2023元旦"), "");
	CHECK_EQ_STR(scan("三块地"), "");
	CHECK_EQ_STR(scan("一块去"), "");
	CHECK_EQ_STR(scan("三分之一"), "");
	CHECK_EQ_STR(scan("B2-2017116"), "");
	CHECK_EQ_STR(scan("2021-2022年"), "");
	CHECK_EQ_STR(scan("十二五规划"), "");
	CHECK_EQ_STR(scan("下午三点五十分"), "");
	CHECK_EQ_STR(scan("40.17平方公里"), "");
	CHECK_EQ_STR(scan(""), "");
}

static void
test_documents(void)
{
	CHECK_EQ_STR(scan("去年全区募集善款2600余万元，其中220余万元已发放；另有企业捐赠约50万美元。"),
				 "2600余万元|26000000|26000000|27000000|over|CNY ; "
				 "220余万元|2200000|2200000|2300000|over|CNY ; "
				 "约50万美元|500000|500000|500000|approx|USD");
	CHECK_EQ_STR(scan("全市3.5万人次参与，带动增收超22亿元，活动3000余场。"),
				 "超22亿元|2200000000|2200000000||over|CNY");
	/* invalid UTF-8 is stepped over */
	CHECK_EQ_STR(scan("\xff\xfe" "5元\xc3"), "5元|5|5|5|exact|CNY");
}

/* Long runs of numerals: stepped over in linear time, nothing found. */
static void
test_pathological(void)
{
	size_t		n = 1 << 18;
	char	   *big = malloc(n + 1);
	const char *unit[] = {"1", "一", "1,000", "1-", "三点", "5万至"};

	for (int u = 0; u < 6; u++)
	{
		size_t		k = strlen(unit[u]),
					i;
		acc			a = {big, 0};

		for (i = 0; i + k <= n; i += k)
			memcpy(big + i, unit[u], k);
		big[i] = '\0';
		out[0] = '\0';
		CHECK_EQ_INT(zf_money_scan(big, i, collect, &a), 0);
	}
	free(big);
}

static void
test_parse(void)
{
	CHECK_EQ_STR(parse("2600余万元"), "2600余万元|26000000|26000000|27000000|over|CNY");
	CHECK_EQ_STR(parse("  近1000万元 "), "近1000万元|10000000||10000000|under|CNY");
	CHECK_EQ_STR(parse("3000-5000万元"), "3000-5000万元||30000000|50000000|range|CNY");
	CHECK_EQ_STR(parse("100万"), "100万|1000000|1000000|1000000|exact|CNY");
	CHECK_EQ_STR(parse("近百万"), "近百万|1000000||1000000|under|CNY");
	CHECK_EQ_STR(parse("人民币3.14元"), "人民币3.14元|3.14|3.14|3.14|exact|CNY");
	CHECK_EQ_STR(parse("超亿元"), "超亿元|100000000|100000000||over|CNY");
	CHECK_EQ_STR(parse(""), "ERR-1");
	CHECK_EQ_STR(parse("   "), "ERR-1");
	CHECK_EQ_STR(parse("元"), "ERR-1");
	CHECK_EQ_STR(parse("abc"), "ERR-1");
	CHECK_EQ_STR(parse("5元和6元"), "ERR-1");
	CHECK_EQ_STR(parse("共5元"), "ERR-1");
	CHECK_EQ_STR(parse("5人"), "ERR-1");
	CHECK_EQ_STR(parse("95%"), "ERR-1");
	CHECK_EQ_STR(parse("1000000000000000000000000000000000000000000元"), "ERR-2");
}

/* Inputs the fuzzer (test/fuzz/fuzz_money.c) found; each once broke an invariant. */
static void
test_fuzz_found(void)
{
	zf_money	m;
	const char *s = "0.00000000000000000000000000001角钱";

	/* 30 decimals in cents need 32: the scale must stay within ZF_DEC_MAXSCALE */
	CHECK_EQ_STR(scan("共0.000000000000000000000000000001分钱"), "");
	CHECK_EQ_STR(parse("0.000000000000000000000000000001分钱"), "ERR-2");
	CHECK_EQ_STR(parse("0.000000000000000000000000000001美分"), "ERR-2");
	CHECK_EQ_INT(zf_money_parse(s, strlen(s), &m), ZF_OK);
	CHECK(m.amount.scale <= ZF_DEC_MAXSCALE);
	/* trailing zeros make room: the same figure times 100 still fits */
	CHECK_EQ_STR(scan("共0.000000000000000000000000000100分钱"),
				 "0.000000000000000000000000000100分钱|0.000000000000000000000000000001|"
				 "0.000000000000000000000000000001|0.000000000000000000000000000001|exact|CNY");
	CHECK_EQ_STR(scan("共500美分"), "500美分|5|5|5|exact|USD");
}

int
main(void)
{
	test_forms();
	test_currencies();
	test_context();
	test_not_money();
	test_documents();
	test_parse();
	test_pathological();
	test_fuzz_found();
	return zf_test_done("test_money");
}
