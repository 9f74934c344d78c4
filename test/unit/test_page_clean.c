/*
 * test_page_clean.c - unit tests of the page cleaner (src/core/page_clean.c)
 * and the initiative extractor (src/core/initiatives.c), on pages and
 * sentences written for these tests.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/initiatives.h"
#include "../../src/core/page_clean.h"
#include "../../src/core/zf_common.h"
#include "zf_test.h"

static zf_page
clean(const char *s)
{
	zf_page		p;

	CHECK_EQ_INT(zf_page_clean(s, strlen(s), &p), ZF_OK);
	return p;
}

/* A news portal page: logo, app prompt, login, meta lines, footer. */
static void
test_portal_page(void)
{
	zf_page		p = clean(
		"示范网Logo\n下载客户端\n\n登录\n  • +3\n\n"
		"桐庐县开通山区公交专线\n\n"
		"2021-03-07 08:15\n来源:示范晚报\n字号\n\n"
		"桐庐县交通部门近日开通四条山区公交专线，沿线群众出行时间缩短一半。\n\n"
		"▲专线首发仪式\n\n"
		"（供稿：桐庐县交通运输局）\n\n"
		"原标题:《桐庐县开通山区公交专线》\n阅读原文\n"
		"    本文为示范号作者上传并发布，仅代表该作者观点。\n"
		"    沪ICP备00000000号\n    © 2020-2024 示范传媒有限公司\n");

	CHECK_EQ_STR(p.title, "桐庐县开通山区公交专线");
	CHECK_EQ_STR(p.source, "示范晚报");
	CHECK_EQ_INT(p.year, 2021);
	CHECK_EQ_INT(p.month, 3);
	CHECK_EQ_INT(p.day, 7);
	CHECK_EQ_INT(p.hour, 8);
	CHECK_EQ_INT(p.minute, 15);
	CHECK(p.has_time);
	CHECK(!p.hant);
	/* captions are kept as their own paragraph; chrome, credits and footer go */
	CHECK_EQ_STR(p.body, "桐庐县交通部门近日开通四条山区公交专线，沿线群众出行时间缩短一半。\n▲专线首发仪式");
	zf_page_free(&p);
}

/* The site's "today" banner comes before the title: it is not the publication date. */
static void
test_today_banner(void)
{
	zf_page		p = clean(
		"2024年01月15日 星期一\n"
		"建德市举办草莓采摘节\n"
		"2023-12-30 10:05:09   来源:示范建德\n\n"
		"  建德市杨村桥镇草莓采摘节开幕，游客可在大棚内现摘现买。\n\n"
		"[编辑:某某]\n");

	CHECK_EQ_STR(p.title, "建德市举办草莓采摘节");
	CHECK_EQ_STR(p.source, "示范建德");
	CHECK_EQ_INT(p.year, 2023);
	CHECK_EQ_INT(p.month, 12);
	CHECK_EQ_INT(p.day, 30);
	CHECK_EQ_INT(p.second, 9);
	CHECK_EQ_STR(p.body, "建德市杨村桥镇草莓采摘节开幕，游客可在大棚内现摘现买。");
	zf_page_free(&p);

	/* a banner alone is no publication date */
	p = clean("2024年01月15日 星期一\n柯城区新建口袋公园\n\n柯城区今年新建口袋公园十二个，方便居民就近休闲。\n");
	CHECK_EQ_INT(p.year, 0);
	CHECK_EQ_STR(p.title, "柯城区新建口袋公园");
	zf_page_free(&p);
}

/* Traditional script with pinyin annotations and a hidden span. */
static void
test_traditional_pinyin(void)
{
	zf_page		p = clean(
		"示範網(wǎng)歡迎你 | 設為首頁\n"
		"餘杭區(qū)新增三處鄰里中心\n"
		"餘杭區(qū)今年新建三處鄰里中心，居民在家門口就能辦理社保業(yè)務。"
		"<span style=\"display:none\">隱藏的廣告文字</span>中心還設有老年食堂。\n"
		"聲明:本文僅代表作者觀點。\n"
		"閱讀推薦\n");

	CHECK_EQ_STR(p.title, "餘杭區新增三處鄰里中心");
	CHECK(p.source == NULL);
	CHECK_EQ_INT(p.year, 0);
	CHECK(p.hant);
	CHECK_EQ_STR(p.body, "餘杭區今年新建三處鄰里中心，居民在家門口就能辦理社保業務。中心還設有老年食堂。");
	zf_page_free(&p);
}

/* A page without chrome: title, subtitle, body, no date or source. */
static void
test_plain_page(void)
{
	zf_page		p = clean(
		"\n\n山海协作 结对同行\n\n——2023年衢州结对工作回顾\n\n"
		"2023年，衢州市与杭州市多个区县结对，共建产业园区五个。\n");

	CHECK_EQ_STR(p.title, "山海协作 结对同行");
	CHECK(p.source == NULL);
	CHECK_EQ_INT(p.year, 0);
	CHECK_EQ_STR(p.body, "——2023年衢州结对工作回顾\n2023年，衢州市与杭州市多个区县结对，共建产业园区五个。");
	zf_page_free(&p);
}

static void
test_edge_cases(void)
{
	zf_page		p = clean("");
	size_t		n;
	char	   *s;

	CHECK(p.title == NULL);
	CHECK_EQ_STR(p.body, "");
	CHECK_EQ_INT(p.han_chars, 0);
	zf_page_free(&p);

	p = clean("Only English words here, nothing else at all.\n");
	CHECK_EQ_INT(p.han_chars, 0);
	zf_page_free(&p);

	/* malformed UTF-8 does not crash */
	p = clean("\xff\xfe\xe4\xb8 标题\n\xe4正文内容\n");
	zf_page_free(&p);

	/* an impossible date is still parsed as numbers; the SQL layer rejects it */
	p = clean("标题在这里\n2023-13-40 10:00\n正文是一句完整的话。\n");
	CHECK_EQ_INT(p.year, 0);
	zf_page_free(&p);

	s = zf_strip_pinyin("網(wǎng)站(web)與區(qū)", strlen("網(wǎng)站(web)與區(qū)"), &n);
	CHECK_EQ_STR(s, "網站(web)與區");
	CHECK_EQ_INT(n, strlen("網站(web)與區"));
	free(s);
}

/* Find name in the extracted initiatives of text; returns its kind or NULL. */
static const char *
kind_of(const char *text, const char *name)
{
	zf_initiative *v;
	int			n;
	const char *kind = NULL;

	zf_extract_initiatives(text, strlen(text), &v, &n);
	for (int i = 0; i < n; i++)
		if (v[i].len == strlen(name) && memcmp(text + v[i].off, name, v[i].len) == 0)
			kind = zf_init_kind_name(v[i].kind);
	free(v);
	return kind;
}

static int
count_of(const char *text)
{
	zf_initiative *v;
	int			n;

	zf_extract_initiatives(text, strlen(text), &v, &n);
	free(v);
	return n;
}

static void
test_initiatives(void)
{
	/* quoted names with a kind word after them */
	CHECK_EQ_STR(kind_of("区里搭建“午间一小时”“云上会客厅”等服务平台。", "午间一小时"), "platform");
	CHECK_EQ_STR(kind_of("区里搭建“午间一小时”“云上会客厅”等服务平台。", "云上会客厅"), "platform");
	CHECK_EQ_STR(kind_of("深化“百名书记联百村”工作机制。", "百名书记联百村"), "mechanism");
	CHECK_EQ_STR(kind_of("开展“清风护航”专项行动。", "清风护航"), "campaign");
	CHECK_EQ_STR(kind_of("擦亮“江南好客”服务品牌。", "江南好客"), "brand");
	CHECK_EQ_STR(kind_of("成立「青苗助学」基金。", "青苗助学"), "fund");
	/* the name itself ends with a kind word */
	CHECK_EQ_STR(kind_of("创办“乡村振兴学堂”，培训农民。", "乡村振兴学堂"), "platform");
	/* emphasis, goals and slogans are not names */
	CHECK(kind_of("提高服务“便利化”和“精准化”水平。", "便利化") == NULL);
	CHECK(kind_of("坚持“政府引导、市场运作、社会参与”原则。", "政府引导、市场运作、社会参与") == NULL);
	CHECK(kind_of("推行“线上+线下”培训模式。", "线上+线下") == NULL);
	CHECK(kind_of("以“同心”为主题开展活动。", "同心") == NULL);
	CHECK(kind_of("他说：“我们一定要把路修好。”", "我们一定要把路修好。") == NULL);
	/* 《》 are titles of publications */
	CHECK_EQ_INT(count_of("印发《乡村振兴实施方案》。"), 0);
	/* unquoted names by their suffix */
	CHECK_EQ_STR(kind_of("企业家陈先生发起春晖助学基金会，资助学生。", "春晖助学基金会"), "fund");
	CHECK_EQ_STR(kind_of("组建钱塘青年创业联盟，吸引人才。", "钱塘青年创业联盟"), "organisation");
	CHECK_EQ_STR(kind_of("开展清洁家园美化行动助力乡村振兴。", "清洁家园美化行动"), "campaign");
	/* counted generic things are not names */
	CHECK(kind_of("推进六大行动。", "六大行动") == NULL);
	/* Traditional script */
	CHECK_EQ_STR(kind_of("打造「鄰里守望」服務品牌。", "鄰里守望"), "brand");
	CHECK_EQ_INT(count_of(""), 0);
}

int
main(void)
{
	test_portal_page();
	test_today_banner();
	test_traditional_pinyin();
	test_plain_page();
	test_edge_cases();
	test_initiatives();
	return zf_test_done("page_clean");
}
