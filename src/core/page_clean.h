/*
 * page_clean.h - the cleaner for raw saved news pages.
 *
 * A page as a browser or scraper saved it (plain text, possibly with stray
 * HTML) goes in; out come the title, the publication date and time (not the
 * site's "today" banner), the source, and the body as paragraphs separated by
 * '\n', without page chrome (app prompts, login, share counts, copyright and
 * licence footers, "read more" links) and without the inline pinyin
 * annotations some sites insert after characters (網(wǎng) -> 網).  Image
 * captions (lines starting with a marker such as ▲ or △) are kept as their
 * own paragraphs.  General rules only: nothing is keyed on one site.
 */
#ifndef ZF_PAGE_CLEAN_H
#define ZF_PAGE_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct zf_page
{
	char	   *title;			/* NUL-terminated UTF-8, NULL when none found */
	char	   *source;			/* NULL when none found */
	char	   *body;			/* never NULL; may be "" */
	size_t		body_len;
	/* publication time as written (local time of the site); year 0: none */
	int			year,
				month,
				day,
				hour,
				minute,
				second;
	bool		has_time;
	bool		hant;			/* Traditional script */
	int			han_chars;		/* Han characters in title and body */
	int			latin_chars;	/* Latin letters in title and body */
} zf_page;

/*
 * Clean raw[0..len) (UTF-8; malformed bytes become U+FFFD) into *page, whose
 * strings are zf_malloc'd.  Returns ZF_OK.
 */
int			zf_page_clean(const char *raw, size_t len, zf_page *page);

/* Free the strings of a page filled by zf_page_clean. */
void		zf_page_free(zf_page *page);

/*
 * Remove inline pinyin annotations: a parenthesis right after a Han character
 * holding only pinyin letters with at least one tone mark.  Returns a
 * zf_malloc'd NUL-terminated copy; *outlen gets its length.
 */
char	   *zf_strip_pinyin(const char *s, size_t len, size_t *outlen);

#endif
