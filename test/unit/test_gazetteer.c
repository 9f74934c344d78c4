/*
 * test_gazetteer.c - the compiled gazetteer and region extraction.
 *
 * Opens the freshly built zhfacts.gaz ($ZHFACTS_GAZ, else ./zhfacts.gaz) and,
 * when $ZHFACTS_DICT is set, the segmentation dictionary (the rules that tell
 * a name from a longer word need it; the other checks run without).
 */
#include "../../src/core/gazetteer.h"
#include "../../src/core/mapfile.h"
#include "../../src/core/regions.h"
#include "../../src/core/zf_alloc.h"
#include "zf_test.h"

#include <stdlib.h>

static zf_gaz gaz;
static zf_dict dict;
static const zf_dict *dictp = NULL;

/* "mention=code" for each mention, joined by spaces ("?" for no code). */
static const char *
run(const char *text)
{
	static char out[4096];
	zf_region_mention *m;
	size_t		n,
				used = 0;

	out[0] = '\0';
	if (zf_regions_extract(&gaz, dictp, text, strlen(text), &m, &n) != ZF_OK)
		return "(error)";
	for (size_t i = 0; i < n && used < sizeof(out) - 64; i++)
	{
		char		code[24] = "?";

		if (m[i].region != ZF_GAZ_NONE)
			zf_gaz_code_text(&gaz, m[i].region, code);
		used += snprintf(out + used, sizeof(out) - used, "%s%.*s=%s", i ? " " : "",
						 (int) m[i].len, text + m[i].off, code);
	}
	if (m)
		zf_free(m);
	return out;
}

static const char *
main_region(const char *text)
{
	static char code[24];
	zf_region_mention *m;
	size_t		n;
	uint32_t	r;

	zf_regions_extract(&gaz, dictp, text, strlen(text), &m, &n);
	r = zf_regions_main(&gaz, m, n);
	if (m)
		zf_free(m);
	if (r == ZF_GAZ_NONE)
		return "none";
	zf_gaz_code_text(&gaz, r, code);
	return code;
}

/* A corrupt copy of the file must be refused, not crash. */
static void
test_corrupt(const void *buf, size_t len)
{
	unsigned char *copy = malloc(len);	/* glibc: 16-byte aligned */
	const zf_gaz_header *h = buf;
	zf_gaz		g;

	memcpy(copy, buf, len);
	CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_OK);
	CHECK_EQ_INT(zf_gaz_open(&g, copy, len - 8), ZF_EFORMAT);	/* truncated */
	CHECK_EQ_INT(zf_gaz_open(&g, copy, 16), ZF_EFORMAT);
	CHECK_EQ_INT(zf_gaz_open(&g, NULL, 0), ZF_EFORMAT);

	copy[0] ^= 0xFF;			/* magic */
	CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	copy[0] ^= 0xFF;

	((zf_gaz_header *) copy)->version = 99;
	CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	((zf_gaz_header *) copy)->version = ZF_GAZ_VERSION;

	((zf_gaz_header *) copy)->nregions = 0x7FFFFFFF;	/* section past the end */
	CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	((zf_gaz_header *) copy)->nregions = h->nregions;

	{
		zf_gaz_region *r = (zf_gaz_region *) (copy + h->regions_off) + 5;
		uint32_t	save = r->parent;

		r->parent = 0xFFFFFF;	/* parent out of range */
		CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
		r->parent = save;
		r->name_off = 0xFFFFFFF0;	/* name outside the strings */
		CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	}
	memcpy(copy, buf, len);
	{
		zf_gaz_edge *e = (zf_gaz_edge *) (copy + h->edges_off) + 3;

		e->child = 0xFFFFFFF;	/* edge to nowhere */
		CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	}
	memcpy(copy, buf, len);
	{
		uint32_t   *hits = (uint32_t *) (copy + h->hits_off);

		hits[0] = ZF_HIT_MAKE(0x0FFFFFF, 0);	/* hit on a region that does not exist */
		CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	}
	memcpy(copy, buf, len);
	{
		uint32_t   *v = (uint32_t *) (copy + h->villages_off);

		v[1] = 0xFFFFFFF0;		/* village form outside the strings */
		CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	}
	memcpy(copy, buf, len);
	{
		uint32_t   *vh = (uint32_t *) (copy + h->vhash_off);
		uint64_t	k = 0;

		while (k < h->nvhash && vh[k] == ZF_GAZ_NONE)
			k++;
		if (k < h->nvhash)
			vh[k] = 0x7FFFFFF0;	/* hash slot pointing past the villages */
		CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
		((zf_gaz_header *) copy)->nvhash = 1000;	/* not a power of two */
		CHECK_EQ_INT(zf_gaz_open(&g, copy, len), ZF_EFORMAT);
	}
	free(copy);
}

static void
test_table(void)
{
	char		buf[24];
	uint32_t	r,
				first;
	size_t		len;
	uint32_t	cps[ZF_GAZ_MAX_NAME];

	r = zf_gaz_find_code(&gaz, "330106");
	CHECK(r != ZF_GAZ_NONE);
	if (r == ZF_GAZ_NONE)
		return;
	CHECK_EQ_INT(gaz.regions[r].level, ZF_LEVEL_COUNTY);
	zf_gaz_code_text(&gaz, gaz.regions[r].parent, buf);
	CHECK_EQ_STR(buf, "3301");
	CHECK(zf_gaz_adcode(&gaz, gaz.regions[r].parent, buf));
	CHECK_EQ_STR(buf, "330100");
	zf_gaz_code_text(&gaz, zf_gaz_ancestor(&gaz, r, ZF_LEVEL_PROVINCE), buf);
	CHECK_EQ_STR(buf, "33");
	CHECK(zf_gaz_find_code(&gaz, "330106010") != ZF_GAZ_NONE);	/* 转塘街道 */
	CHECK(zf_gaz_find_code(&gaz, "330383198076") != ZF_GAZ_NONE);	/* 方城浦社区 */
	CHECK(zf_gaz_find_code(&gaz, "99") == ZF_GAZ_NONE);
	CHECK(zf_gaz_find_code(&gaz, "3x") == ZF_GAZ_NONE);
	CHECK(zf_gaz_find_code(&gaz, "") == ZF_GAZ_NONE);
	CHECK_EQ_STR(zf_level_name(ZF_LEVEL_TOWNSHIP), "township");

	/* village forms: what a text writes for the official name */
	len = zf_village_form("杜家村委会", strlen("杜家村委会"), cps);
	CHECK_EQ_INT(len, 3);
	len = zf_village_form("元村村村民委员会", strlen("元村村村民委员会"), cps);
	CHECK_EQ_INT(len, 3);
	len = zf_village_form("多福巷社区居委会", strlen("多福巷社区居委会"), cps);
	CHECK_EQ_INT(len, 5);
	CHECK_EQ_INT(zf_short_form(cps, len, ZF_LEVEL_VILLAGE), 3);
	len = zf_village_form("杜家村委会", strlen("杜家村委会"), cps);
	CHECK(zf_gaz_find_villages(&gaz, cps, len, &first) >= 1);
	CHECK_EQ_INT(zf_gaz_find_villages(&gaz, cps, 1, &first), 0);
}

static void
test_extract(void)
{
	/* nesting, parents next to a shared name */
	CHECK_EQ_STR(run("杭州市西湖区举办活动。"), "杭州市=3301 西湖区=330106");
	CHECK_EQ_STR(run("江西省南昌市西湖区举办活动。"), "江西省=36 南昌市=3601 西湖区=360103");
	CHECK_EQ_STR(run("北京市朝阳区"), "北京市=11 朝阳区=110105");
	/* a shared name with nothing to decide it stays unresolved */
	CHECK_EQ_STR(run("鼓楼区的居民"), "鼓楼区=?");
	/* the document decides */
	CHECK_EQ_STR(run("南京的秋天很美。鼓楼区游客众多。"), "南京=3201 鼓楼区=320106");
	/* short, autonomous and variant names */
	CHECK_EQ_STR(run("景宁畲族自治县和景宁县都是景宁"), "景宁畲族自治县=331127 景宁县=331127 景宁=331127");
	CHECK_EQ_STR(run("新疆维吾尔自治区"), "新疆维吾尔自治区=65");
	CHECK_EQ_STR(run("湖北恩施鹤峰"), "湖北=42 恩施=4228 鹤峰=422828");
	/* renamed and abolished divisions map to their successors */
	CHECK_EQ_STR(run("原下城区和江干区"), "下城区=330102 江干区=330102");
	CHECK_EQ_STR(run("湖北襄樊"), "湖北=42 襄樊=4206");
	/* Traditional and full-width text */
	CHECK_EQ_STR(run("杭州市臨平區"), "杭州市=3301 臨平區=330113");
	/* not places */
	CHECK_EQ_STR(run("北京时间八点"), "");
	CHECK_EQ_STR(run("住在重庆路和山西北路"), "");
	CHECK_EQ_STR(run("长安汽车销量"), "");
	/* abbreviations only in safe contexts */
	CHECK_EQ_STR(run("沪杭两地"), "沪=31 杭=3301");
	CHECK_EQ_STR(run("三杭集团"), "");
	/* villages need a containing region in the document */
	CHECK_EQ_STR(run("萧山区所前镇杜家村"), "萧山区=330109 所前镇=330109107 杜家村=330109107201");
	CHECK_EQ_STR(run("杜家村"), "");

	CHECK_EQ_STR(main_region("杭州市西湖区转塘街道，西湖区，杭州"), "330106");
	CHECK_EQ_STR(main_region("没有地名"), "none");

	/* robustness: empty input, invalid UTF-8, a name cut at the end */
	CHECK_EQ_STR(run(""), "");
	CHECK_EQ_STR(run("\xE6\x9D\xAD\xFF\xFE杭州市"), "杭州市=3301");
	CHECK_EQ_STR(run("杭州\xE5"), "杭州=3301");

	if (dictp)
	{
		/* rules that need the dictionary: part of a longer word */
		CHECK_EQ_STR(run("孙中山先生"), "");
		CHECK_EQ_STR(run("新乡贤联谊会"), "");
		CHECK_EQ_STR(run("打造共同富裕县域样板"), "");
	}
}

int
main(void)
{
	const char *path = getenv("ZHFACTS_GAZ") ? getenv("ZHFACTS_GAZ") : "zhfacts.gaz";
	const char *dpath = getenv("ZHFACTS_DICT");
	size_t		len;
	int			err;
	const void *buf = zf_map_file(path, &len, &err);

	CHECK(buf != NULL);
	if (buf == NULL)
	{
		fprintf(stderr, "cannot map %s\n", path);
		return zf_test_done("gazetteer");
	}
	CHECK_EQ_INT(zf_gaz_open(&gaz, buf, len), ZF_OK);
	if (dpath)
	{
		size_t		dlen;
		const void *dbuf = zf_map_file(dpath, &dlen, &err);

		if (dbuf && zf_dict_open(&dict, dbuf, dlen) == ZF_OK)
			dictp = &dict;
	}
	test_corrupt(buf, len);
	test_table();
	test_extract();
	return zf_test_done("gazetteer");
}
