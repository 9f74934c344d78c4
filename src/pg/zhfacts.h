/*
 * zhfacts.h - shared pieces of the PostgreSQL layer.
 */
#ifndef ZHFACTS_H
#define ZHFACTS_H

#include "dict.h"
#include "trie.h"

#include "mb/pg_wchar.h"

/* ERROR unless the database encoding is UTF8; call first in every SQL function. */
extern void zhfacts_check_encoding(void);

/* Defines the settings zhfacts.* (partition.c); from _PG_init. */
extern void zhfacts_define_gucs(void);

/* Full path of a data file installed into $SHAREDIR/tsearch_data (palloc'd). */
extern char *zhfacts_share_file(const char *name);

/* The segmentation dictionary, mapped read-only on first use. */
extern const zf_dict *zhfacts_dict(void);

/*
 * The user dictionary (zhfacts.user_word) as a trie, reloaded after another
 * session changed the table; NULL when it is empty or the extension's table
 * is not there.
 */
extern const zf_trie *zhfacts_user_trie(void);

/*
 * Bumped by the parser for every text it starts on, so the dictionary can tell
 * two adjacent tokens of one text from the end of one text and the start of
 * the next.
 */
extern uint64 zhfacts_parse_generation;

/*
 * The regions named in doc as 1-based character spans [pos, end) with their
 * codes (NULL when ambiguous), in text order (regions.c).
 */
extern void zhfacts_region_spans(text *doc, int **pos, int **end, Datum **code,
								 bool **code_null, int *n);

/*
 * The code points of t into *cps, the byte offset of each into *byteoff (and
 * the end at index n); returns n (ingest.c).
 */
extern int	zhfacts_decode_offsets(text *t, pg_wchar **cps, int **byteoff);

/* Is c one of the n code points of set?  (For sets of delimiters.) */
static inline bool
zhfacts_char_in(pg_wchar c, const pg_wchar *set, int n)
{
	for (int i = 0; i < n; i++)
		if (set[i] == c)
			return true;
	return false;
}

#endif
