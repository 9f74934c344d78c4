/*
 * fuzz_page_clean.c - libFuzzer harness for the page cleaner.
 * Invariants: zf_page_clean returns ZF_OK on any bytes; title, source and
 * body are valid UTF-8 (malformed input becomes U+FFFD), body is never NULL
 * and body_len is its length; a date is either absent (all fields zero, no
 * time) or a plausible one (year 1900..2100, month 1..12, day 1..31, a time
 * of day).  When the input has no NUL byte (as text from the database never
 * has): the title is one non-empty line of at most 80 characters, the
 * source one of at most 40, the body paragraphs are non-empty, trimmed and
 * separated by single '\n' with no runs of spaces, han_chars and
 * latin_chars count the Han characters and Latin letters of title and body,
 * and a Traditional page has Han characters.  zf_strip_pinyin returns valid
 * UTF-8 of the length it reports.
 * Run with `make fuzz`.
 */
#include "charclass.h"
#include "fuzz_util.h"
#include "page_clean.h"
#include "utf8.h"
#include "zf_alloc.h"
#include "zf_common.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The same sets as page_clean.c counts. */
static bool
is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Code points of s; adds its Han characters and Latin letters to *han, *latin. */
static size_t
count(const char *str, int *han, int *latin)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		len = strlen(str),
				i = 0,
				n = 0;

	while (i < len)
	{
		int			used;
		uint32_t	c = zf_utf8_decode(s + i, len - i, &used);

		*han += zf_is_ideograph(c);
		*latin += is_latin(c);
		i += (size_t) used;
		n++;
	}
	return n;
}

/* A single non-empty line of at most max characters. */
static void
check_line(const char *s, size_t max)
{
	int			h = 0,
				l = 0;
	size_t		n = count(s, &h, &l);

	if (n == 0 || n > max || strchr(s, '\n') != NULL || strchr(s, '\r') != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *) data;
	zf_page		p;
	char	   *stripped;
	size_t		slen;

	if (zf_page_clean(raw, size, &p) != ZF_OK)
		abort();
	if (p.body == NULL || p.body_len != strlen(p.body) || !valid_utf8(p.body, p.body_len))
		abort();
	if (p.title != NULL && !valid_utf8(p.title, strlen(p.title)))
		abort();
	if (p.source != NULL && !valid_utf8(p.source, strlen(p.source)))
		abort();
	if (p.year == 0)
	{
		if (p.month || p.day || p.hour || p.minute || p.second || p.has_time)
			abort();
	}
	else if (p.year < 1900 || p.year > 2100 || p.month < 1 || p.month > 12 ||
			 p.day < 1 || p.day > 31 || p.hour < 0 || p.hour > 23 ||
			 p.minute < 0 || p.minute > 59 || p.second < 0 || p.second > 59)
		abort();
	if (p.han_chars < 0 || p.latin_chars < 0 || (p.hant && p.han_chars == 0))
		abort();

	/* a NUL byte would end the strings early: the rest only holds without one */
	if (memchr(data, 0, size) == NULL)
	{
		int			han = 0,
					latin = 0;
		const char *b = p.body;

		if (p.title != NULL)
		{
			check_line(p.title, 80);
			count(p.title, &han, &latin);
		}
		if (p.source != NULL)
			check_line(p.source, 40);
		count(p.body, &han, &latin);
		if (han != p.han_chars || latin != p.latin_chars)
			abort();
		if (p.body_len > 0 &&
			(b[0] == '\n' || b[p.body_len - 1] == '\n' || strstr(b, "\n\n") != NULL ||
			 b[0] == ' ' || b[p.body_len - 1] == ' ' || strstr(b, "  ") != NULL ||
			 strstr(b, " \n") != NULL || strstr(b, "\n ") != NULL || strchr(b, '\r') != NULL))
			abort();
	}
	zf_page_free(&p);

	stripped = zf_strip_pinyin(raw, size, &slen);
	if (stripped == NULL || slen != strlen(stripped) || !valid_utf8(stripped, slen))
		abort();
	/* pinyin is only removed: valid input without NUL never grows */
	if (memchr(data, 0, size) == NULL && valid_utf8(raw, size) && slen > size)
		abort();
	zf_free(stripped);
	return 0;
}
