/*
 * test_initiatives.c - the initiative extractor (src/core/initiatives.c):
 * what test/fuzz/fuzz_initiatives.c checks on random bytes, on sentences.
 * The names of a text are rendered as "name/kind" joined with " ; ".
 */
#include "../../src/core/initiatives.h"
#include "../../src/core/zf_alloc.h"
#include "zf_test.h"

#include <stdlib.h>

static char out[4096];

/*
 * The names of text; also checks that they are non-empty, in text order,
 * without overlaps, and that cp_off/cp_len count the characters before and
 * in each (the SQL layer reports cp_off + 1 as the position).
 */
static const char *
names(const char *text)
{
	zf_initiative *v;
	int			n;
	size_t		end = 0;

	out[0] = '\0';
	CHECK_EQ_INT(zf_extract_initiatives(text, strlen(text), &v, &n), 0);
	CHECK((n == 0) == (v == NULL));
	for (int i = 0; i < n; i++)
	{
		size_t		cps = 0,
					cpn = 0;

		CHECK(v[i].len > 0 && v[i].off >= end);
		end = v[i].off + v[i].len;
		for (size_t k = 0; k < v[i].off; k++)
			cps += ((text[k] & 0xC0) != 0x80);
		for (size_t k = v[i].off; k < end; k++)
			cpn += ((text[k] & 0xC0) != 0x80);
		CHECK_EQ_INT(v[i].cp_off, cps);
		CHECK_EQ_INT(v[i].cp_len, cpn);
		if (i > 0)
			strncat(out, " ; ", sizeof(out) - strlen(out) - 1);
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%.*s/%s",
				 (int) v[i].len, text + v[i].off, zf_init_kind_name(v[i].kind));
	}
	if (v != NULL)
		zf_free(v);
	return out;
}

static void
test_basic(void)
{
	CHECK_EQ_STR(names("该镇搭建“乡贤议事厅”平台。"), "乡贤议事厅/platform");
	CHECK_EQ_STR(names("市里成立青年创业联盟。"), "青年创业联盟/organisation");
	CHECK_EQ_STR(names(""), "");
	CHECK_EQ_STR(names("今天天气很好。"), "");
}

/* Inputs the fuzzer (test/fuzz/fuzz_initiatives.c) found; each once broke an invariant. */
static void
test_fuzz_found(void)
{
	/*
	 * 晴雨书院 is an item of the list after the quote and a family item of
	 * 晴雨议事厅 (found by its suffix): it was reported twice.
	 */
	CHECK_EQ_STR(names("社区推出“邻里食堂”、由居民共同发起的晴雨议事厅、晴雨书院等一批阵地。"),
				 "邻里食堂/platform ; 晴雨议事厅/platform ; 晴雨书院/platform");
}

int
main(void)
{
	test_basic();
	test_fuzz_found();
	return zf_test_done("test_initiatives");
}
