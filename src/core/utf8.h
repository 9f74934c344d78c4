/*
 * utf8.h - UTF-8 decoding and encoding.
 */
#ifndef ZF_UTF8_H
#define ZF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What zf_utf8_decode returns for a malformed sequence (it consumes one byte). */
#define ZF_BADCHAR 0xFFFDu

/*
 * Decode one code point from s[0..len).  Sets *used to the number of bytes
 * consumed (1..4, at least 1 when len > 0).  Malformed input (overlong,
 * surrogates, truncated, > U+10FFFF) yields ZF_BADCHAR and consumes one byte,
 * so a caller always makes progress.
 */
static inline uint32_t
zf_utf8_decode(const unsigned char *s, size_t len, int *used)
{
	uint32_t	c = s[0];

	if (c < 0x80)
	{
		*used = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80)
	{
		*used = 2;
		return ((c & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (c >= 0xE0 && c <= 0xEF && len >= 3 &&
		(s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((c & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);

		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
		{
			*used = 3;
			return cp;
		}
	}
	else if (c >= 0xF0 && c <= 0xF4 && len >= 4 && (s[1] & 0xC0) == 0x80 &&
			 (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((c & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) |
			((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);

		if (cp >= 0x10000 && cp <= 0x10FFFF)
		{
			*used = 4;
			return cp;
		}
	}
	*used = 1;
	return ZF_BADCHAR;
}

/* Encode cp into out (room for 4 bytes); returns the number of bytes written. */
static inline int
zf_utf8_encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80)
	{
		out[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (unsigned char) (0xC0 | (cp >> 6));
		out[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (unsigned char) (0xE0 | (cp >> 12));
		out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char) (0xF0 | (cp >> 18));
	out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

#endif
