/*
 * fuzz_regions.c - libFuzzer harness for the region matcher.
 * Invariants: extraction succeeds on any bytes; mentions are non-empty, lie
 * inside the input, come in text order and never overlap; every region (and
 * the main region of the document) is ZF_GAZ_NONE or a valid index whose
 * codes can be printed.  Each input is run with and without the segmentation
 * dictionary (the production path uses it; without it other rules decide).
 * Run with `make fuzz`: the gazetteer is $ZHFACTS_GAZ, else zhfacts.gaz next
 * to $ZHFACTS_DICT, else ./zhfacts.gaz.
 */
#include "dict.h"
#include "gazetteer.h"
#include "mapfile.h"
#include "regions.h"
#include "zf_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static zf_gaz gaz;
static zf_dict dict;

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* $ZHFACTS_GAZ, else zhfacts.gaz in the directory of $ZHFACTS_DICT, else ./zhfacts.gaz */
static const char *
gazetteer_path(const char *dpath)
{
	static char buf[4096];
	const char *slash;

	if (getenv("ZHFACTS_GAZ") != NULL)
		return getenv("ZHFACTS_GAZ");
	if (dpath != NULL && (slash = strrchr(dpath, '/')) != NULL &&
		(size_t) (slash - dpath) + sizeof("/zhfacts.gaz") <= sizeof(buf))
	{
		memcpy(buf, dpath, slash - dpath);
		strcpy(buf + (slash - dpath), "/zhfacts.gaz");
		return buf;
	}
	return "zhfacts.gaz";
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dpath = getenv("ZHFACTS_DICT");
	const char *gpath = gazetteer_path(dpath);
	size_t		len;
	int			err;
	const void *buf;

	(void) argc;
	(void) argv;
	if (dpath == NULL || (buf = zf_map_file(dpath, &len, &err)) == NULL ||
		zf_dict_open(&dict, buf, len) != ZF_OK)
	{
		fprintf(stderr, "fuzz_regions: set ZHFACTS_DICT to a built zhfacts.dict\n");
		exit(2);
	}
	if ((buf = zf_map_file(gpath, &len, &err)) == NULL || zf_gaz_open(&gaz, buf, len) != ZF_OK)
	{
		fprintf(stderr, "fuzz_regions: cannot open the gazetteer %s (set ZHFACTS_GAZ)\n", gpath);
		exit(2);
	}
	return 0;
}

static void
check_region(uint32_t r)
{
	char		code[32];

	if (r == ZF_GAZ_NONE)
		return;
	if (r >= gaz.nregions)
		abort();
	zf_gaz_code_text(&gaz, r, code);
	if (code[0] == '\0' || strlen(code) > 20)
		abort();
	zf_gaz_adcode(&gaz, r, code);
}

static void
run(const uint8_t *data, size_t size, const zf_dict *d)
{
	zf_region_mention *m = NULL;
	size_t		n = 0,
				end = 0;

	if (zf_regions_extract(&gaz, d, (const char *) data, size, &m, &n) != ZF_OK)
		abort();
	if ((n == 0) != (m == NULL))
		abort();
	for (size_t i = 0; i < n; i++)
	{
		if (m[i].len == 0 || m[i].off < end || m[i].off + m[i].len > size)
			abort();
		end = m[i].off + m[i].len;
		check_region(m[i].region);
	}
	check_region(zf_regions_main(&gaz, m, n));
	if (m != NULL)
		zf_free(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size, &dict);
	run(data, size, NULL);
	return 0;
}
