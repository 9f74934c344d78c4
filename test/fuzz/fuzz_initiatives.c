/*
 * fuzz_initiatives.c - libFuzzer harness for the initiative extractor.
 * Invariants: extraction returns ZF_OK on any bytes, with *out NULL exactly
 * when there are no names; names are non-empty, lie inside the input, come
 * in text order and never overlap; their byte offsets fall on the
 * characters the extractor decoded (so a name of valid UTF-8 input is valid
 * UTF-8), and cp_off/cp_len count those characters (the SQL layer reports
 * cp_off + 1 as the position); every kind is one of zf_init_kind.
 * Run with `make fuzz`.
 */
#include "initiatives.h"
#include "utf8.h"
#include "zf_alloc.h"
#include "zf_common.h"

#include <stdlib.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zf_initiative *v = NULL;
	int			n = -1;
	size_t		pos = 0,		/* byte offset reached by the decoder */
				cp = 0;			/* code points before pos */

	if (zf_extract_initiatives((const char *) data, size, &v, &n) != ZF_OK)
		abort();
	if (n < 0 || (n == 0) != (v == NULL))
		abort();
	for (int i = 0; i < n; i++)
	{
		const zf_initiative *x = &v[i];
		const char *kn;
		size_t		end,
					cpn = 0;

		if (x->len == 0 || x->cp_len == 0 || x->off < pos || x->off > size ||
			x->len > size - x->off)
			abort();
		if (x->kind < ZF_INIT_PLATFORM || x->kind > ZF_INIT_PROGRAMME)
			abort();
		kn = zf_init_kind_name(x->kind);
		if (kn == NULL || kn[0] == '\0')
			abort();
		/* decode up to the name: it must start on a character */
		while (pos < x->off)
		{
			int			used;

			zf_utf8_decode(data + pos, size - pos, &used);
			pos += (size_t) used;
			cp++;
		}
		if (pos != x->off || cp != x->cp_off)
			abort();
		/* ... and end on one, cp_len characters later */
		end = x->off + x->len;
		while (pos < end)
		{
			int			used;

			zf_utf8_decode(data + pos, size - pos, &used);
			pos += (size_t) used;
			cpn++;
		}
		if (pos != end || cpn != x->cp_len)
			abort();
		cp += cpn;
	}
	if (v != NULL)
		zf_free(v);
	return 0;
}
