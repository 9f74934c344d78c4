/*
 * test_segment.c - unit tests of the trie, the dictionary and the segmenter.
 * Needs ZHFACTS_DICT: the path of a built zhfacts.dict (make unittest sets it).
 */
#include "zf_test.h"

#include "dict.h"
#include "mapfile.h"
#include "segment.h"
#include "trie.h"
#include "zf_alloc.h"

#include <stdlib.h>

static zf_dict dict;

/* tokens of text joined by '|', types as a string of letters */
static void
seg(const char *text, const zf_trie *user, char *out, size_t outlen, char *types)
{
	zf_seg	   *s = zf_seg_begin(&dict, user, text, strlen(text));
	zf_token	t;
	size_t		o = 0,
				expect = 0;
	int			nt = 0;
	bool		gapless = true;

	out[0] = '\0';
	while (zf_seg_next(s, &t))
	{
		if (t.off != expect || t.len == 0)	/* gapless, in order, never empty */
			gapless = false;
		expect = t.off + t.len;
		if (o && o + 1 < outlen)
			out[o++] = '|';
		if (o + t.len < outlen)
		{
			memcpy(out + o, text + t.off, t.len);
			o += t.len;
		}
		out[o] = '\0';
		if (types)
			types[nt++] = "?wlan?uedop?b"[t.type];
	}
	if (types)
		types[nt] = '\0';
	CHECK(gapless && expect == strlen(text));
	zf_seg_end(s);
}

static void
check_seg(const char *text, const char *want_tokens, const char *want_types)
{
	char		got[4096],
				types[512];

	seg(text, NULL, got, sizeof(got), types);
	CHECK_EQ_STR(got, want_tokens);
	if (want_types)
		CHECK_EQ_STR(types, want_types);
}

typedef struct collect
{
	char		out[1024];
	const uint32_t *cps;
} collect;

static void
collect_cb(void *arg, size_t start, size_t len)
{
	collect    *c = arg;
	size_t		o = strlen(c->out);

	for (size_t i = start; i < start + len && o + 8 < sizeof(c->out); i++)
	{
		uint32_t	cp = c->cps[i];

		/* encode as UTF-8 */
		if (cp < 0x80)
			c->out[o++] = (char) cp;
		else if (cp < 0x800)
		{
			c->out[o++] = (char) (0xC0 | (cp >> 6));
			c->out[o++] = (char) (0x80 | (cp & 0x3F));
		}
		else
		{
			c->out[o++] = (char) (0xE0 | (cp >> 12));
			c->out[o++] = (char) (0x80 | ((cp >> 6) & 0x3F));
			c->out[o++] = (char) (0x80 | (cp & 0x3F));
		}
	}
	c->out[o++] = ' ';
	c->out[o] = '\0';
}

static void
check_subwords(const char *word, const char *want)
{
	uint32_t	cps[64];
	size_t		n = zf_normalize(word, strlen(word), cps);
	collect		c;

	c.out[0] = '\0';
	c.cps = cps;
	zf_subwords(&dict, NULL, cps, n, collect_cb, &c);
	CHECK_EQ_STR(c.out, want);
}

static void
test_trie_builder(void)
{
	zf_trie_builder *b = zf_trie_builder_new();
	uint32_t	w1[] = {1, 2, 3},
				w2[] = {1, 2},
				w3[] = {7};
	zf_trie		t;
	zf_trie_node *nodes;
	zf_trie_edge *edges;

	zf_trie_builder_add(b, w1, 3, -1.0f, 0);
	zf_trie_builder_add(b, w2, 2, -2.0f, ZF_WORD_NAME);
	zf_trie_builder_add(b, w2, 2, -3.0f, 0);	/* duplicate: the better one wins */
	zf_trie_builder_add(b, w3, 1, -4.0f, 0);
	CHECK_EQ_INT(zf_trie_builder_count(b), 4);
	zf_trie_builder_build(b, &nodes, &t.nnodes, &edges, &t.nedges);
	t.nodes = nodes;
	t.edges = edges;
	t.root_bmp = NULL;
	CHECK(zf_trie_valid(&t));
	CHECK(zf_trie_lookup(&t, w1, 3) == -1.0f);
	CHECK(zf_trie_lookup(&t, w2, 2) == -2.0f);
	CHECK(t.nodes[zf_trie_find(&t, w2, 2)].flags & ZF_WORD_NAME);
	CHECK(zf_trie_lookup(&t, w3, 1) == -4.0f);
	CHECK(zf_trie_lookup(&t, w1, 1) <= ZF_TRIE_NO_WORD);	/* a prefix, not a word */
	CHECK_EQ_INT(zf_trie_find(&t, w3 + 0, 0), 0);
	zf_trie_builder_free(b);
	zf_free(nodes);
	zf_free(edges);
}

static void
test_dict_rejects_garbage(void)
{
	zf_dict		d;
	char		junk[4096];

	memset(junk, 0x5A, sizeof(junk));
	CHECK_EQ_INT(zf_dict_open(&d, junk, sizeof(junk)), ZF_EFORMAT);
	CHECK_EQ_INT(zf_dict_open(&d, junk, 3), ZF_EFORMAT);
}

static void
test_segmentation(void)
{
	/* a rare long entry of the word list (共同富裕: 3) is cut into its words; a rare two-character one is not */
	check_seg("淳安县推进共同富裕", "淳安县|推进|共同|富裕", "wwww");
	check_seg("乡贤参加议事", "乡贤|参加|议事", "www");
	check_seg("2022年5月18日上午10:30", "2022年5月18日|上午|10:30", "dwd");
	check_seg("二〇二一年十二月", "二〇二一年|十二月", "dd");
	check_seg("第二十一届", "第二十一|届", "nw");
	check_seg("iPhone15和5G", "iPhone15|和|5G", "awa");
	check_seg("增长12.5%，达1,000,000元", "增长|12.5%|，|达|1,000,000|元", "wnpwnw");
	check_seg("见https://a.cn/x?y=1。", "见|https://a.cn/x?y=1|。", "wup");
	check_seg("写信到 a.b@c-d.org", "写信|到| |a.b@c-d.org", "wwbe");
	check_seg("C++ 与 COVID-19", "C++| |与| |COVID-19", "lbwba");
	check_seg("臨平區", "臨平區", "w");	/* normalized for lookup, original bytes out */
	check_seg("ＡＢＣ１２３", "ＡＢＣ１２３", "a");
	check_seg("——……", "——|……", "pp");
	check_seg("  \n　", "  \n　", "b");
	check_seg("", "", "");
	check_seg("😀👍", "😀|👍", "oo");
}

static void
test_subwords(void)
{
	check_subwords("淳安县", "淳安 ");
	check_subwords("共同富裕", "共同 富裕 ");
	check_subwords("中华人民共和国", "中华 人民共和国 人民 共和国 共和 ");
	check_subwords("共富", "");
}

/* Invalid UTF-8 and control bytes still come back byte for byte. */
static void
test_bad_bytes(void)
{
	unsigned char text[512];
	char		out[4096];

	srand(7);
	for (int round = 0; round < 200; round++)
	{
		size_t		n = 1 + (size_t) (rand() % (int) (sizeof(text) - 1));

		for (size_t i = 0; i < n; i++)
			text[i] = (unsigned char) (rand() % 255 + 1);
		text[n] = '\0';
		seg((const char *) text, NULL, out, sizeof(out), NULL);
	}
}

/* A long run of one kind is cut into tokens below the tsvector limit. */
static void
test_long_runs(void)
{
	size_t		n = 300000;
	char	   *text = malloc(n + 1);
	zf_seg	   *s;
	zf_token	t;
	size_t		total = 0,
				longest = 0;

	for (size_t i = 0; i < n; i++)
		text[i] = 'a';
	text[n] = '\0';
	s = zf_seg_begin(&dict, NULL, text, n);
	while (zf_seg_next(s, &t))
	{
		total += t.len;
		if (t.len > longest)
			longest = t.len;
	}
	zf_seg_end(s);
	CHECK_EQ_INT(total, n);
	CHECK(longest < 2047);
	free(text);
}

int
main(void)
{
	const char *path = getenv("ZHFACTS_DICT");
	size_t		len;
	int			err;
	const void *buf;

	test_trie_builder();
	test_dict_rejects_garbage();
	if (path == NULL || (buf = zf_map_file(path, &len, &err)) == NULL ||
		zf_dict_open(&dict, buf, len) != ZF_OK)
	{
		fprintf(stderr, "test_segment: set ZHFACTS_DICT to a built zhfacts.dict\n");
		zf_test_failed++;
		return zf_test_done("test_segment");
	}
	test_segmentation();
	test_subwords();
	test_bad_bytes();
	test_long_runs();
	return zf_test_done("test_segment");
}
