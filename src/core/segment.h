/*
 * segment.h - the segmenter: text in, a gapless sequence of typed tokens out.
 *
 * Every byte of the input belongs to exactly one token, in order, so a caller
 * can give the text back exactly (ts_headline).  Chinese runs are cut by
 * maximum-probability segmentation over the dictionary's word graph, with a
 * character HMM for the runs of unknown characters; numbers, Chinese numerals,
 * dates and times, Latin words, alphanumerics, URLs and e-mail addresses are
 * kept whole by rules.  Input is processed in bounded chunks, so memory stays
 * flat and the caller can check for interrupts between chunks.
 */
#ifndef ZF_SEGMENT_H
#define ZF_SEGMENT_H

#include "dict.h"

/*
 * Token types; the numbers are the text-search parser's token type ids.
 * prsd_headline, which our parser uses for ts_headline, treats some ids of the
 * default parser specially (5, 15, 16, 17 are left out of headlines, 13 is
 * replaced by a space, 12 is a space), so word types avoid those ids.
 */
typedef enum zf_toktype
{
	ZF_TOK_WORD = 1,			/* Chinese word */
	ZF_TOK_LATIN = 2,			/* word in Latin letters */
	ZF_TOK_ALNUM = 3,			/* letters and digits: iPhone15, 5G */
	ZF_TOK_NUMBER = 4,			/* 2600, 1.5, 30%, 1,000, 二〇〇一, 三千五百 */
	ZF_TOK_URL = 6,
	ZF_TOK_EMAIL = 7,
	ZF_TOK_DATETIME = 8,		/* 2022年5月18日, 二〇〇一年, 10:30 */
	ZF_TOK_OTHER = 9,			/* other scripts, emoji, symbols used as words */
	ZF_TOK_PUNCT = 10,			/* punctuation */
	ZF_TOK_BLANK = 12			/* white space */
} zf_toktype;

#define ZF_TOK_LAST 12

typedef struct zf_token
{
	size_t		off;			/* byte offset in the input */
	uint32_t	len;			/* bytes */
	uint32_t	nchars;			/* code points */
	uint8_t		type;			/* zf_toktype */
} zf_token;

typedef struct zf_seg zf_seg;

/*
 * Start segmenting text[0..len).  user is the user dictionary (may be NULL);
 * both must outlive the segmenter.
 */
zf_seg	   *zf_seg_begin(const zf_dict *dict, const zf_trie *user,
						 const char *text, size_t len);

/* Next token; false at the end of the text. */
bool		zf_seg_next(zf_seg *s, zf_token *tok);

void		zf_seg_end(zf_seg *s);

/* Name of a token type ("word", "latin", ...), or NULL. */
const char *zf_toktype_name(int type);

/*
 * Decode and normalize UTF-8 into code points (one per character); returns the
 * number of code points written to out, which needs room for len entries.
 */
size_t		zf_normalize(const char *text, size_t len, uint32_t *out);

/*
 * Rank of a unit that makes a number a date or time, in the order a date is
 * written: 年 1, 月 2, 日/号 3, 时/点 4, 分 5, 秒 6; 0 for anything else.
 */
int			zf_date_unit_rank(uint32_t c);

/*
 * Call fn(arg, start, n) for the sub-words a long word is also indexed under:
 * the parts of two or more characters of its most probable split into other
 * dictionary words, and recursively theirs (淳安县 -> 淳安; 中华人民共和国 ->
 * 中华, 人民, 共和国, 共和).  A part may be reported more than once.
 */
typedef void (*zf_subword_fn) (void *arg, size_t start, size_t len);
void		zf_subwords(const zf_dict *dict, const zf_trie *user,
						const uint32_t *cps, size_t n, zf_subword_fn fn, void *arg);

#endif
