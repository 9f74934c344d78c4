/*
 * test_norm.c - unit tests of zf_norm_cp (the generated table in
 * src/core/norm_table.gen.c), plus a throughput measurement that is printed,
 * not asserted.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/core/norm.h"
#include "../../src/core/utf8.h"
#include "../../src/core/zf_alloc.h"
#include "zf_test.h"

/* The first code point of a UTF-8 string literal. */
static uint32_t
cp_of(const char *s)
{
	int			used;

	return zf_utf8_decode((const unsigned char *) s, strlen(s), &used);
}

/* from and to are single characters as UTF-8 literals. */
#define CHECK_NORM(from, to) CHECK_EQ_INT(zf_norm_cp(cp_of(from)), cp_of(to))
#define CHECK_SAME(c) CHECK_EQ_INT(zf_norm_cp(c), (c))

static void
test_compat_and_case(void)
{
	uint32_t	c;

	CHECK_NORM("Ａ", "a");
	CHECK_NORM("ｚ", "z");
	CHECK_NORM("１", "1");
	CHECK_NORM("９", "9");
	CHECK_NORM("A", "a");
	CHECK_NORM("Z", "z");
	CHECK_NORM("À", "à");
	CHECK_NORM("Σ", "σ");
	CHECK_NORM("ｶ", "カ");		/* half-width katakana */
	CHECK_EQ_INT(zf_norm_cp(0x3280), 0x4E00);	/* circled ideograph ㊀ */
	CHECK_EQ_INT(zf_norm_cp(0x2F00), 0x4E00);	/* Kangxi radical ⼀ to 一 */
	/* compatibility ideograph U+F900 to 豈 (NFKC), then to 岂 (T->S) */
	CHECK_EQ_INT(zf_norm_cp(0xF900), 0x5C82);

	/* ASCII: only A-Z change. */
	for (c = 0; c < 0x80; c++)
	{
		if (c >= 'A' && c <= 'Z')
			CHECK_EQ_INT(zf_norm_cp(c), c + 32);
		else
			CHECK_SAME(c);
	}
}

static void
test_traditional(void)
{
	CHECK_NORM("臨", "临");
	CHECK_NORM("區", "区");
	CHECK_NORM("億", "亿");
	CHECK_NORM("萬", "万");
	CHECK_NORM("餘", "余");
	CHECK_NORM("約", "约");
	CHECK_NORM("國", "国");
	CHECK_NORM("學", "学");
	CHECK_NORM("來", "来");
	CHECK_NORM("圓", "圆");
	CHECK_NORM("們", "们");

	/* 臺 (and 颱, 檯) fold into 台, which itself stays. */
	CHECK_NORM("臺", "台");
	CHECK_NORM("颱", "台");
	CHECK_NORM("檯", "台");
	CHECK_NORM("台", "台");

	/* Simplified characters are already normal. */
	CHECK_NORM("临", "临");
	CHECK_NORM("区", "区");
	CHECK_NORM("亿", "亿");
	CHECK_NORM("万", "万");
	CHECK_NORM("余", "余");
	CHECK_NORM("国", "国");
	CHECK_NORM("元", "元");
	CHECK_NORM("人", "人");
	CHECK_NORM("的", "的");
	CHECK_NORM("中", "中");
	CHECK_NORM("省", "省");
	CHECK_NORM("市", "市");
	CHECK_NORM("零", "零");
}

static void
test_spaces_zero_punct(void)
{
	CHECK_EQ_INT(zf_norm_cp(0x3000), 0x20);	/* ideographic space */
	CHECK_EQ_INT(zf_norm_cp(0x00A0), 0x20);
	CHECK_EQ_INT(zf_norm_cp(0x1680), 0x20);	/* ogham space mark, not NFKC */
	CHECK_EQ_INT(zf_norm_cp(0x2003), 0x20);
	CHECK_EQ_INT(zf_norm_cp(0x202F), 0x20);
	CHECK_EQ_INT(zf_norm_cp(0x205F), 0x20);
	CHECK_SAME(0x20);
	CHECK_SAME('\t');
	CHECK_SAME('\n');
	CHECK_SAME(0x200B);			/* zero width space is a format char */

	/* Both circle zeros end up as 〇 U+3007. */
	CHECK_EQ_INT(zf_norm_cp(0x25CB), 0x3007);
	CHECK_EQ_INT(zf_norm_cp(0x3007), 0x3007);
	CHECK_EQ_INT(zf_norm_cp(0x25CB), zf_norm_cp(0x3007));

	/* Full-width punctuation only as far as NFKC goes. */
	CHECK_NORM("，", ",");
	CHECK_NORM("！", "!");
	CHECK_NORM("？", "?");
	CHECK_NORM("：", ":");
	CHECK_NORM("（", "(");
	CHECK_NORM("。", "。");
	CHECK_NORM("、", "、");
	CHECK_NORM("“", "“");
	CHECK_NORM("”", "”");
	CHECK_NORM("《", "《");
	CHECK_NORM("￥", "¥");
}

static void
test_unchanged(void)
{
	CHECK_SAME(0xFFFD);
	CHECK_SAME(0xFEFF);
	CHECK_SAME(0x0378);			/* unassigned */
	CHECK_SAME(0x40000);		/* unassigned plane */
	CHECK_SAME(0xE0080);		/* unassigned */
	CHECK_SAME(0xFFFF);			/* noncharacters */
	CHECK_SAME(0x10FFFF);
	CHECK_SAME(0xE000);			/* private use */
	CHECK_SAME(0xF8FF);
	CHECK_SAME(0xF0000);
	CHECK_SAME(0x10FFFD);
	CHECK_SAME(0xD800);			/* lone surrogates pass through */
	CHECK_SAME(0xDFFF);
	CHECK_SAME(0x110000);		/* out of range: returned as is */
	CHECK_SAME(0xFFFFFFFFu);
	CHECK_SAME(0x20000);		/* ext. B 𠀀 */
}

/* Over every code point: idempotent, in range, and no new surrogates. */
static void
test_whole_range(void)
{
	uint32_t	c;
	long		not_idem = 0;
	long		bad_range = 0;
	long		mapped = 0;

	for (c = 0; c <= 0x10FFFF; c++)
	{
		uint32_t	n = zf_norm_cp(c);

		if (zf_norm_cp(n) != n)
		{
			if (not_idem++ < 5)
				fprintf(stderr, "not idempotent: U+%04X -> U+%04X -> U+%04X\n",
						(unsigned) c, (unsigned) n, (unsigned) zf_norm_cp(n));
		}
		if (n > 0x10FFFF || (n != c && n >= 0xD800 && n <= 0xDFFF))
			bad_range++;
		if (n != c)
			mapped++;
	}
	CHECK_EQ_INT(not_idem, 0);
	CHECK_EQ_INT(bad_range, 0);
	/* NFKC, case folding and T->S together: thousands, not a handful. */
	CHECK(mapped > 5000);
	printf("norm: %ld code points mapped\n", mapped);
}

static double
now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Throughput over ~20 MB of mixed text: decode, normalize, encode, as the
 * segmenter's input loop does.  Printed for the record, not asserted.
 */
static void
bench(void)
{
	static const char *const pieces[] = {
		"二〇二三年，本公司營業收入達到人民幣12.5億元，同比增長百分之八。",
		"The quarterly report for ACME Ltd. lists revenue of USD 3,400,000.",
		"臺灣地區與香港特別行政區的貿易額約為５０００萬美元　（初步統計）。",
		"我们在北京市海淀区举行了会议，讨论明年的预算和人员安排。",
		"ＡＢＣ股份有限公司於２０２２年度實現淨利潤壹佰萬圓整。",
		"Mixed 中英 text: ZHFACTS normalizes Ｆｕｌｌ-width forms.\n",
	};
	const size_t target = 20 * 1024 * 1024;
	unsigned char *in = zf_malloc(target + 256);
	unsigned char *out = zf_malloc(target + 1024);
	uint32_t   *cps = zf_malloc(sizeof(uint32_t) * (target + 256));
	size_t		len = 0;
	size_t		ncp = 0;
	size_t		pos;
	size_t		outlen = 0;
	uint32_t	sum = 0;
	size_t		k = 0;
	double		t0;
	double		t_full;
	double		t_norm;
	int			rep;
	const int	reps = 5;

	while (len < target)
	{
		size_t		n = strlen(pieces[k % 6]);

		memcpy(in + len, pieces[k % 6], n);
		len += n;
		k++;
	}

	/* decode + normalize + encode, best of a few runs */
	t_full = 1e9;
	for (rep = 0; rep < reps; rep++)
	{
		t0 = now_sec();
		outlen = 0;
		for (pos = 0; pos < len;)
		{
			int			used;
			uint32_t	c = zf_utf8_decode(in + pos, len - pos, &used);

			pos += used;
			outlen += zf_utf8_encode(zf_norm_cp(c), out + outlen);
		}
		t0 = now_sec() - t0;
		if (t0 < t_full)
			t_full = t0;
	}

	/* the table lookup alone, on pre-decoded code points */
	for (pos = 0; pos < len;)
	{
		int			used;

		cps[ncp++] = zf_utf8_decode(in + pos, len - pos, &used);
		pos += used;
	}
	t_norm = 1e9;
	for (rep = 0; rep < reps; rep++)
	{
		size_t		i;

		t0 = now_sec();
		for (i = 0; i < ncp; i++)
			sum += zf_norm_cp(cps[i]);
		t0 = now_sec() - t0;
		if (t0 < t_norm)
			t_norm = t0;
	}

	printf("norm: speed over %.1f MB (%zu chars): decode+norm+encode %.0f MB/s; "
		   "zf_norm_cp alone %.0f MB/s (%.2f ns/char) [checksum %u, out %zu bytes]\n",
		   len / 1e6, ncp, len / 1e6 / t_full, len / 1e6 / t_norm,
		   t_norm * 1e9 / ncp, (unsigned) sum, outlen);

	zf_free(in);
	zf_free(out);
	zf_free(cps);
}

int
main(void)
{
	test_compat_and_case();
	test_traditional();
	test_spaces_zero_punct();
	test_unchanged();
	test_whole_range();
	bench();
	return zf_test_done("test_norm");
}
