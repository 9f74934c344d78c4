/*
 * regions.h - mentions of Chinese administrative divisions in a text.
 *
 * One pass over the normalized code points finds every name form the
 * gazetteer knows (full, short, abbreviated); rules then drop what is not a
 * place here (北京时间, 重庆路, 孙中山, 共同富裕县域, 西湖印社), pick one
 * mention where names overlap (leftmost longest; 杭州市西湖区 gives 杭州市 and
 * 西湖区), and resolve names shared by several divisions from an explicit
 * parent or child next to them, else from the other regions of the document,
 * else leave them unresolved and ambiguous.  A second pass finds the short
 * forms of townships and villages named in full earlier (湖滨街道 ... 湖滨),
 * and villages and communities by pattern (...村, ...社区).
 */
#ifndef ZF_REGIONS_H
#define ZF_REGIONS_H

#include "dict.h"
#include "gazetteer.h"

typedef struct zf_region_mention
{
	size_t		off;			/* byte offset of the mention */
	size_t		len;			/* bytes */
	uint32_t	region;			/* current division (a historical name maps here), or ZF_GAZ_NONE */
	int8_t		level;			/* ZF_LEVEL_*, or -1 when unresolved candidates differ */
	bool		ambiguous;		/* several divisions fit and nothing decided */
} zf_region_mention;

/*
 * Find the region mentions of text[0..len) (UTF-8; invalid bytes are skipped
 * as unknown characters).  dict (may be NULL) is the segmentation dictionary,
 * used to tell a name from a longer word it is part of.  *out is allocated
 * with zf_malloc (NULL when *nout is 0); mentions are in text order and never
 * overlap.
 */
int			zf_regions_extract(const zf_gaz *g, const zf_dict *dict,
							   const char *text, size_t len,
							   zf_region_mention **out, size_t *nout);

/*
 * The region a document is mainly about: the most specific division that
 * contains at least half of the resolved mentions, or ZF_GAZ_NONE.
 */
uint32_t	zf_regions_main(const zf_gaz *g, const zf_region_mention *m, size_t n);

#endif
