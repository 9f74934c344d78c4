/*
 * test_number.c - the exact decimal type and the number grammar.
 */
#include "../../src/core/number.h"
#include "zf_test.h"

/* Parse s and return its canonical text, or "ERR<code>". */
static const char *
num(const char *s)
{
	static char buf[ZF_DEC_STRLEN + 8];
	zf_dec		d;
	int			rc = zf_number_parse(s, strlen(s), &d);

	if (rc != ZF_OK)
	{
		snprintf(buf, sizeof(buf), "ERR%d", rc);
		return buf;
	}
	zf_dec_to_str(&d, buf);
	return buf;
}

/* Scan s and return the length scanned in bytes and the value. */
static const char *
scan(const char *s, size_t *n)
{
	static char buf[ZF_DEC_STRLEN];
	zf_numscan	ns;
	int			err;

	*n = zf_number_scan((const unsigned char *) s, strlen(s), &ns, &err);
	if (*n == 0)
		return "";
	zf_dec_to_str(&ns.value, buf);
	return buf;
}

static void
test_dec(void)
{
	zf_dec		a,
				b,
				r;
	char		buf[ZF_DEC_STRLEN];

	zf_dec_set_int(&a, 26);
	zf_dec_set_int(&b, 1000000);
	CHECK_EQ_INT(zf_dec_mul(&r, &a, &b), ZF_OK);
	zf_dec_to_str(&r, buf);
	CHECK_EQ_STR(buf, "26000000");
	a.mant = 15;
	a.scale = 1;
	zf_dec_to_str(&a, buf);
	CHECK_EQ_STR(buf, "1.5");
	a.mant = 5;
	a.scale = 2;
	a.neg = true;
	zf_dec_to_str(&a, buf);
	CHECK_EQ_STR(buf, "-0.05");
	zf_dec_set_int(&b, 1);
	CHECK_EQ_INT(zf_dec_add(&r, &a, &b), ZF_OK);
	zf_dec_to_str(&r, buf);
	CHECK_EQ_STR(buf, "0.95");
	CHECK_EQ_INT(zf_dec_cmp(&a, &b), -1);
	CHECK_EQ_INT(zf_dec_cmp(&b, &a), 1);
	CHECK_EQ_INT(zf_dec_cmp(&b, &b), 0);
	zf_dec_set_int(&a, 2600);
	zf_dec_last_step(&a, &r);
	zf_dec_to_str(&r, buf);
	CHECK_EQ_STR(buf, "100");
	a.mant = 135;
	a.scale = 2;
	zf_dec_last_step(&a, &r);
	zf_dec_to_str(&r, buf);
	CHECK_EQ_STR(buf, "0.01");
	zf_dec_set_int(&a, 0);
	zf_dec_to_str(&a, buf);
	CHECK_EQ_STR(buf, "0");
	/* overflow is reported, not wrapped */
	a.mant = ~(zf_u128) 0 / 2;
	a.scale = 0;
	zf_dec_set_int(&b, 10);
	CHECK_EQ_INT(zf_dec_mul(&r, &a, &b), ZF_ERANGE);
	CHECK_EQ_INT(zf_dec_add(&r, &a, &a), ZF_OK);
	CHECK_EQ_INT(zf_dec_add(&r, &r, &a), ZF_ERANGE);
}

static void
test_arabic(void)
{
	CHECK_EQ_STR(num("0"), "0");
	CHECK_EQ_STR(num("42"), "42");
	CHECK_EQ_STR(num("1.5"), "1.5");
	CHECK_EQ_STR(num("3.140"), "3.14");
	CHECK_EQ_STR(num("1,000"), "1000");
	CHECK_EQ_STR(num("12,345,678.9"), "12345678.9");
	CHECK_EQ_STR(num("１２３"), "123");
	CHECK_EQ_STR(num("１．５"), "1.5");
	CHECK_EQ_STR(num("  77  "), "77");
	CHECK_EQ_STR(num("\xe3\x80\x80" "8"), "8");
	CHECK_EQ_STR(num("-12"), "-12");
	CHECK_EQ_STR(num("－12"), "-12");
	CHECK_EQ_STR(num("+12"), "12");
	CHECK_EQ_STR(num("-0"), "0");
	CHECK_EQ_STR(num("007"), "7");
	CHECK_EQ_STR(num("123456789012345678901234567890"), "123456789012345678901234567890");
	CHECK_EQ_STR(num("1,0000"), "ERR-1");
	CHECK_EQ_STR(num("1234,567"), "ERR-1");
	CHECK_EQ_STR(num("1,00"), "ERR-1");
	CHECK_EQ_STR(num("1."), "ERR-1");
	CHECK_EQ_STR(num(".5"), "ERR-1");
	CHECK_EQ_STR(num("1e5"), "ERR-1");
	CHECK_EQ_STR(num("1 000"), "ERR-1");
	CHECK_EQ_STR(num(""), "ERR-1");
	CHECK_EQ_STR(num("   "), "ERR-1");
	CHECK_EQ_STR(num("-"), "ERR-1");
	CHECK_EQ_STR(num("abc"), "ERR-1");
	CHECK_EQ_STR(num("1000000000000000000000000000000000000000000000"), "ERR-2");
	CHECK_EQ_STR(num("9999999999999999999999999999999亿亿"), "ERR-2");
}

static void
test_chinese(void)
{
	CHECK_EQ_STR(num("一"), "1");
	CHECK_EQ_STR(num("十"), "10");
	CHECK_EQ_STR(num("十五"), "15");
	CHECK_EQ_STR(num("二十"), "20");
	CHECK_EQ_STR(num("一十"), "10");
	CHECK_EQ_STR(num("三十五"), "35");
	CHECK_EQ_STR(num("一百零五"), "105");
	CHECK_EQ_STR(num("一千零十一"), "1011");
	CHECK_EQ_STR(num("一千零一十一"), "1011");
	CHECK_EQ_STR(num("两千零五"), "2005");
	CHECK_EQ_STR(num("一万零五百"), "10500");
	CHECK_EQ_STR(num("两亿"), "200000000");
	CHECK_EQ_STR(num("两"), "2");
	CHECK_EQ_STR(num("三万五"), "35000");
	CHECK_EQ_STR(num("三万五千"), "35000");
	CHECK_EQ_STR(num("一千二"), "1200");
	CHECK_EQ_STR(num("两百五"), "250");
	CHECK_EQ_STR(num("一万二千三"), "12300");
	CHECK_EQ_STR(num("一亿二"), "120000000");
	CHECK_EQ_STR(num("百"), "100");
	CHECK_EQ_STR(num("百万"), "1000000");
	CHECK_EQ_STR(num("千万"), "10000000");
	CHECK_EQ_STR(num("十万"), "100000");
	CHECK_EQ_STR(num("九千九百九十九万九千九百九十九"), "99999999");
	CHECK_EQ_STR(num("三百亿"), "30000000000");
	CHECK_EQ_STR(num("一万亿"), "1000000000000");
	CHECK_EQ_STR(num("五亿零三万"), "500030000");
	CHECK_EQ_STR(num("二〇〇一"), "2001");
	CHECK_EQ_STR(num("二○○一"), "2001");
	CHECK_EQ_STR(num("一九九八"), "1998");
	CHECK_EQ_STR(num("零"), "0");
	CHECK_EQ_STR(num("〇"), "0");
	CHECK_EQ_STR(num("三点五"), "3.5");
	CHECK_EQ_STR(num("零点五"), "0.5");
	CHECK_EQ_STR(num("三点一四"), "3.14");
	CHECK_EQ_STR(num("十二点五亿"), "1250000000");
	CHECK_EQ_STR(num("一点五万"), "15000");
	CHECK_EQ_STR(num("负五"), "-5");
	CHECK_EQ_STR(num("負三萬"), "-30000");
	/* financial and Traditional forms */
	CHECK_EQ_STR(num("壹佰萬"), "1000000");
	CHECK_EQ_STR(num("壹仟贰佰叁拾肆"), "1234");
	CHECK_EQ_STR(num("貳億"), "200000000");
	CHECK_EQ_STR(num("參拾"), "30");
	CHECK_EQ_STR(num("陸萬伍仟"), "65000");
	CHECK_EQ_STR(num("兩億"), "200000000");
	/* not numbers */
	CHECK_EQ_STR(num("万"), "ERR-1");
	CHECK_EQ_STR(num("亿"), "ERR-1");
	CHECK_EQ_STR(num("十十"), "ERR-1");
	CHECK_EQ_STR(num("百千"), "ERR-1");
	CHECK_EQ_STR(num("一二三万"), "ERR-1");
	CHECK_EQ_STR(num("三点"), "ERR-1");
	CHECK_EQ_STR(num("万万"), "ERR-1");
	CHECK_EQ_STR(num("一亿亿"), "ERR-1");
	CHECK_EQ_STR(num("三个"), "ERR-1");
	CHECK_EQ_STR(num("两三"), "ERR-1");
	CHECK_EQ_STR(num("零零"), "0");
}

static void
test_mixed(void)
{
	CHECK_EQ_STR(num("1.3万"), "13000");
	CHECK_EQ_STR(num("16.4亿"), "1640000000");
	CHECK_EQ_STR(num("1亿2千万"), "120000000");
	CHECK_EQ_STR(num("1,000万"), "10000000");
	CHECK_EQ_STR(num("3千5百万"), "35000000");
	CHECK_EQ_STR(num("5千万"), "50000000");
	CHECK_EQ_STR(num("3万5"), "35000");
	CHECK_EQ_STR(num("３万５"), "35000");
	CHECK_EQ_STR(num("3万05"), "30005");
	CHECK_EQ_STR(num("1万2000"), "12000");
	CHECK_EQ_STR(num("1亿2000万"), "120000000");
	CHECK_EQ_STR(num("1.5万亿"), "1500000000000");
	CHECK_EQ_STR(num("22.05亿"), "2205000000");
	CHECK_EQ_STR(num("０.５亿"), "50000000");
	CHECK_EQ_STR(num("１．３万"), "13000");
	CHECK_EQ_STR(num("-1.2亿"), "-120000000");
	CHECK_EQ_STR(num("1万20000"), "ERR-1");
	CHECK_EQ_STR(num("1亿20000万"), "ERR-1");
	CHECK_EQ_STR(num("30百"), "ERR-1");
	CHECK_EQ_STR(num("三5"), "ERR-1");
	CHECK_EQ_STR(num("5三"), "ERR-1");
}

static void
test_scan(void)
{
	size_t		n;

	CHECK_EQ_STR(scan("2600余万元", &n), "2600");
	CHECK_EQ_INT(n, 4);
	CHECK_EQ_STR(scan("十二五规划", &n), "12");
	CHECK_EQ_INT(n, 6);
	CHECK_EQ_STR(scan("三点钟", &n), "3");
	CHECK_EQ_INT(n, 3);
	CHECK_EQ_STR(scan("1.3万余名", &n), "13000");
	CHECK_EQ_INT(n, 6);
	CHECK_EQ_STR(scan("1,2,3", &n), "1");
	CHECK_EQ_INT(n, 1);
	CHECK_EQ_STR(scan("5.元", &n), "5");
	CHECK_EQ_INT(n, 1);
	CHECK_EQ_STR(scan("一二三万", &n), "123");
	CHECK_EQ_STR(scan("两个", &n), "2");
	CHECK_EQ_STR(scan("统一", &n), "");
	CHECK_EQ_STR(scan("万名", &n), "");
	CHECK_EQ_STR(scan("1万20000", &n), "10000");
	CHECK_EQ_STR(scan("3000-5000", &n), "3000");
	{
		zf_numscan	ns;
		int			err;
		char		buf[ZF_DEC_STRLEN];

		zf_number_scan((const unsigned char *) "5千万", strlen("5千万"), &ns, &err);
		zf_dec_to_str(&ns.tail, buf);
		CHECK_EQ_STR(buf, "10000000");
		zf_number_scan((const unsigned char *) "5000万", strlen("5000万"), &ns, &err);
		zf_dec_to_str(&ns.tail, buf);
		CHECK_EQ_STR(buf, "10000");
		CHECK(ns.flags & ZF_NUM_BIG);
		zf_number_scan((const unsigned char *) "三万五", strlen("三万五"), &ns, &err);
		zf_dec_to_str(&ns.tail, buf);
		CHECK_EQ_STR(buf, "1000");
		zf_number_scan((const unsigned char *) "0571", 4, &ns, &err);
		CHECK(ns.flags & ZF_NUM_LEADZERO);
		zf_number_scan((const unsigned char *) "二〇〇一", strlen("二〇〇一"), &ns, &err);
		CHECK(ns.flags & ZF_NUM_DIGITS);
	}
}

int
main(void)
{
	test_dec();
	test_arabic();
	test_chinese();
	test_mixed();
	test_scan();
	return zf_test_done("test_number");
}
