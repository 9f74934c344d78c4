/*
 * fuzz_segment.c - libFuzzer harness for the segmenter and sub-words.
 * Invariants: tokens cover the input gaplessly and in order, none is empty or
 * reaches the 2047-byte tsvector limit, and sub-words lie inside their word.
 * Run with `make fuzz` (ZHFACTS_DICT is set to the built dictionary).
 */
#include "dict.h"
#include "mapfile.h"
#include "segment.h"

#include <stdio.h>
#include <stdlib.h>

static zf_dict dict;

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = getenv("ZHFACTS_DICT");
	size_t		len;
	int			err;
	const void *buf;

	(void) argc;
	(void) argv;
	if (path == NULL || (buf = zf_map_file(path, &len, &err)) == NULL ||
		zf_dict_open(&dict, buf, len) != ZF_OK)
	{
		fprintf(stderr, "fuzz_segment: set ZHFACTS_DICT to a built zhfacts.dict\n");
		exit(2);
	}
	return 0;
}

static size_t sub_n;

static void
check_sub(void *arg, size_t start, size_t len)
{
	(void) arg;
	if (len < 2 || start + len > sub_n)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zf_seg	   *s = zf_seg_begin(&dict, NULL, (const char *) data, size);
	zf_token	t;
	size_t		expect = 0;
	uint32_t	cps[ZF_MAX_WORD_CHARS * 4 + 4];

	while (zf_seg_next(s, &t))
	{
		if (t.off != expect || t.len == 0 || t.len >= 2047 || t.nchars == 0)
			abort();
		expect = t.off + t.len;
		if (t.len <= ZF_MAX_WORD_CHARS * 4)
		{
			sub_n = zf_normalize((const char *) data + t.off, t.len, cps);
			zf_subwords(&dict, NULL, cps, sub_n, check_sub, NULL);
		}
	}
	if (expect != size)
		abort();
	zf_seg_end(s);
	return 0;
}
