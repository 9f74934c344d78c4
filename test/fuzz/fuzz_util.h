/*
 * fuzz_util.h - checks shared by the libFuzzer harnesses.
 */
#ifndef FUZZ_UTIL_H
#define FUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "utf8.h"

/* Is s[0..len) valid UTF-8? */
static inline bool
valid_utf8(const void *str, size_t len)
{
	const unsigned char *s = str;
	size_t		i = 0;

	while (i < len)
	{
		int			used;

		if (zf_utf8_decode(s + i, len - i, &used) == ZF_BADCHAR && used == 1)
			return false;
		i += (size_t) used;
	}
	return true;
}

#endif
