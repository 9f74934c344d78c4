/*
 * gazetteer.c - opening and querying the compiled gazetteer (see gazetteer.h).
 */
#include "gazetteer.h"
#include "norm.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

static const char *const level_names[ZF_NLEVELS] = {
	"province", "prefecture", "county", "township", "village"
};
static const int level_digits[ZF_NLEVELS] = {2, 4, 6, 9, 12};

const char *
zf_level_name(int level)
{
	return level >= 0 && level < ZF_NLEVELS ? level_names[level] : NULL;
}

int
zf_level_digits(int level)
{
	return level >= 0 && level < ZF_NLEVELS ? level_digits[level] : 0;
}

/* Is [off, off + n * size) inside a file of len bytes, and 4-byte aligned? */
static bool
section_ok(uint64_t off, uint64_t n, uint64_t size, size_t len)
{
	if (off % 4 != 0 || off > len)
		return false;
	if (size != 0 && n > (len - off) / size)
		return false;
	return true;
}

int
zf_gaz_open(zf_gaz *g, const void *buf, size_t len)
{
	const zf_gaz_header *h = buf;
	const char *base = buf;
	uint32_t	i;

	memset(g, 0, sizeof(*g));
	if (buf == NULL || len < sizeof(zf_gaz_header) || ((uintptr_t) buf) % 8 != 0)
		return ZF_EFORMAT;
	if (memcmp(h->magic, ZF_GAZ_MAGIC, 8) != 0 || h->version != ZF_GAZ_VERSION ||
		h->file_size != len)
		return ZF_EFORMAT;
	if (h->nregions == 0 || h->nregions >= 0x0FFFFFFFu || h->nnodes == 0 ||
		!section_ok(h->regions_off, h->nregions, sizeof(zf_gaz_region), len) ||
		!section_ok(h->nodes_off, h->nnodes, sizeof(zf_gaz_node), len) ||
		!section_ok(h->edges_off, h->nedges, sizeof(zf_gaz_edge), len) ||
		!section_ok(h->root_off, 65536, sizeof(uint32_t), len) ||
		!section_ok(h->bigrams_off, ZF_GAZ_BIGRAM_BITS / 8, 1, len) ||
		!section_ok(h->hits_off, h->nhits, sizeof(uint32_t), len) ||
		!section_ok(h->villages_off, h->nvillages, 2 * sizeof(uint32_t), len) ||
		!section_ok(h->strings_off, h->strings_len, 1, len) ||
		h->nvhash == 0 || h->nvhash > 0x40000000u || (h->nvhash & (h->nvhash - 1)) != 0 ||
		!section_ok(h->vhash_off, h->nvhash, sizeof(uint32_t), len))
		return ZF_EFORMAT;

	g->regions = (const zf_gaz_region *) (base + h->regions_off);
	g->nodes = (const zf_gaz_node *) (base + h->nodes_off);
	g->edges = (const zf_gaz_edge *) (base + h->edges_off);
	g->root_bmp = (const uint32_t *) (base + h->root_off);
	g->bigrams = (const uint8_t *) (base + h->bigrams_off);
	g->hits = (const uint32_t *) (base + h->hits_off);
	g->villages = (const uint32_t *) (base + h->villages_off);
	g->strings = base + h->strings_off;
	g->vhash = (const uint32_t *) (base + h->vhash_off);
	g->nvhash = (uint32_t) h->nvhash;
	g->nregions = h->nregions;
	g->nnodes = h->nnodes;
	g->nedges = h->nedges;
	g->nhits = h->nhits;
	g->nvillages = h->nvillages;
	g->strings_len = h->strings_len;

	/* Every index the matcher follows is checked once here, not on each use. */
	for (i = 0; i < g->nregions; i++)
	{
		const zf_gaz_region *r = &g->regions[i];

		if (r->level >= ZF_NLEVELS ||
			(uint64_t) r->name_off + r->name_len > g->strings_len ||
			(r->parent != ZF_GAZ_NONE && r->parent >= i) ||
			(r->parent == ZF_GAZ_NONE && r->level != ZF_LEVEL_PROVINCE &&
			 !(r->flags & ZF_GAZ_HISTORICAL)) ||
			((r->flags & ZF_GAZ_HISTORICAL) &&
			 (r->aux >= g->nregions || (g->regions[r->aux].flags & ZF_GAZ_HISTORICAL))))
			return ZF_EFORMAT;
		if (r->parent != ZF_GAZ_NONE && g->regions[r->parent].level >= r->level)
			return ZF_EFORMAT;
	}
	for (i = 0; i < g->nnodes; i++)
	{
		const zf_gaz_node *n = &g->nodes[i];

		if ((uint64_t) n->first_edge + n->nedges > g->nedges ||
			(uint64_t) n->first_hit + n->nhits > g->nhits)
			return ZF_EFORMAT;
	}
	for (i = 0; i < g->nedges; i++)
		if (g->edges[i].child == 0 || g->edges[i].child >= g->nnodes)
			return ZF_EFORMAT;
	for (i = 0; i < 65536; i++)
		if (g->root_bmp[i] >= g->nnodes)
			return ZF_EFORMAT;
	for (i = 0; i < g->nhits; i++)
		if (ZF_HIT_REGION(g->hits[i]) >= g->nregions || ZF_HIT_FORM(g->hits[i]) > ZF_FORM_ABBR)
			return ZF_EFORMAT;
	for (i = 0; i < g->nvhash; i++)
		if (g->vhash[i] != ZF_GAZ_NONE && g->vhash[i] >= g->nvillages)
			return ZF_EFORMAT;
	for (i = 0; i < g->nvillages; i++)
	{
		uint32_t	off = g->villages[2 * i + 1];

		if (g->villages[2 * i] >= g->nregions || off >= g->strings_len ||
			off + 1 + (uint64_t) (unsigned char) g->strings[off] > g->strings_len)
			return ZF_EFORMAT;
	}
	return ZF_OK;
}

void
zf_gaz_code_text(const zf_gaz *g, uint32_t r, char *buf)
{
	const zf_gaz_region *x = &g->regions[r];
	int			digits = zf_level_digits(x->level);

	if (x->flags & ZF_GAZ_HISTORICAL)
		snprintf(buf, 24, "%0*llu@%d", digits, (unsigned long long) x->code, 1900 + x->year);
	else
		snprintf(buf, 24, "%0*llu", digits, (unsigned long long) x->code);
}

bool
zf_gaz_adcode(const zf_gaz *g, uint32_t r, char *buf)
{
	const zf_gaz_region *x = &g->regions[r];
	unsigned long long c = (unsigned long long) x->code;

	switch (x->level)
	{
		case ZF_LEVEL_PROVINCE:
			c *= 10000;
			break;
		case ZF_LEVEL_PREFECTURE:
			c *= 100;
			break;
		case ZF_LEVEL_COUNTY:
			break;
		default:
			return false;
	}
	snprintf(buf, 24, "%06llu", c);
	return true;
}

uint32_t
zf_gaz_ancestor(const zf_gaz *g, uint32_t r, int level)
{
	int			guard = 0;

	while (r != ZF_GAZ_NONE && guard++ < ZF_NLEVELS + 1)
	{
		if (g->regions[r].level == level)
			return r;
		if (g->regions[r].level < level)
			return ZF_GAZ_NONE;
		r = g->regions[r].parent;
	}
	return ZF_GAZ_NONE;
}

bool
zf_gaz_is_ancestor(const zf_gaz *g, uint32_t a, uint32_t b)
{
	int			guard = 0;

	if (a == b)
		return false;
	while (b != ZF_GAZ_NONE && guard++ < ZF_NLEVELS + 1)
	{
		b = g->regions[b].parent;
		if (b == a)
			return true;
	}
	return false;
}

uint32_t
zf_gaz_find_code(const zf_gaz *g, const char *code)
{
	size_t		n = strlen(code);
	unsigned long long v = 0;
	int			level;
	uint32_t	lo = 0,
				hi;

	for (level = 0; level < ZF_NLEVELS; level++)
		if ((size_t) level_digits[level] == n)
			break;
	if (level == ZF_NLEVELS)
		return ZF_GAZ_NONE;
	for (size_t i = 0; i < n; i++)
	{
		if (code[i] < '0' || code[i] > '9')
			return ZF_GAZ_NONE;
		v = v * 10 + (unsigned) (code[i] - '0');
	}
	/*
	 * Regions are sorted by code as a digit string (parents first), which is
	 * the order of the code padded to 12 digits; historical rows sit at the
	 * end.  Binary search over the current rows.
	 */
	hi = g->nregions;
	while (hi > 0 && (g->regions[hi - 1].flags & ZF_GAZ_HISTORICAL))
		hi--;
	{
		unsigned long long key = v;

		for (int i = n; i < 12; i++)
			key *= 10;
		while (lo < hi)
		{
			uint32_t	mid = lo + (hi - lo) / 2;
			const zf_gaz_region *x = &g->regions[mid];
			unsigned long long k = x->code;

			for (int i = level_digits[x->level]; i < 12; i++)
				k *= 10;
			if (k == key && x->level == level)
				return mid;
			if (k < key || (k == key && x->level < level))
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	return ZF_GAZ_NONE;
}

/* Does cps[0..n) end with the ASCII-free UTF-8 string s (already normalized)? */
static size_t
ends_with(const uint32_t *cps, size_t n, const char *s)
{
	uint32_t	buf[16];
	size_t		m = 0,
				i = 0,
				len = strlen(s);

	while (i < len && m < 16)
	{
		int			used;

		buf[m++] = zf_utf8_decode((const unsigned char *) s + i, len - i, &used);
		i += used;
	}
	if (m > n)
		return 0;
	for (i = 0; i < m; i++)
		if (cps[n - m + i] != buf[i])
			return 0;
	return m;
}

size_t
zf_village_form(const char *name, size_t len, uint32_t *out)
{
	size_t		n = 0,
				i = 0,
				k;

	while (i < len)
	{
		int			used;

		if (n >= ZF_GAZ_MAX_NAME)
			return 0;
		out[n++] = zf_norm_cp(zf_utf8_decode((const unsigned char *) name + i, len - i, &used));
		i += used;
	}
	if ((k = ends_with(out, n, "村民委员会")) || (k = ends_with(out, n, "村委会")))
	{
		n -= k;
		if (n > 0 && !ends_with(out, n, "村"))
			out[n++] = 0x6751;	/* 村 */
	}
	else if ((k = ends_with(out, n, "社区居民委员会")) || (k = ends_with(out, n, "社区居委会")))
		n -= k - 2;				/* keep 社区 */
	else if ((k = ends_with(out, n, "居民委员会")) || (k = ends_with(out, n, "居委会")))
	{
		n -= k;
		if (n > 0 && n + 2 <= ZF_GAZ_MAX_NAME)
		{
			out[n++] = 0x793E;	/* 社 */
			out[n++] = 0x533A;	/* 区 */
		}
	}
	return n;
}

/* Compare the stored form of village i with the UTF-8 key. */
static int
cmp_form(const zf_gaz *g, uint32_t i, const unsigned char *key, size_t klen)
{
	const unsigned char *f = (const unsigned char *) g->strings + g->villages[2 * i + 1];
	size_t		flen = f[0];
	int			c = memcmp(f + 1, key, flen < klen ? flen : klen);

	if (c != 0)
		return c;
	return flen < klen ? -1 : flen > klen ? 1 : 0;
}

uint32_t
zf_gaz_find_villages(const zf_gaz *g, const uint32_t *cps, size_t n, uint32_t *first)
{
	unsigned char key[ZF_GAZ_MAX_NAME * 4];
	size_t		klen = 0;
	uint32_t	slot,
				i,
				probes = 0;

	*first = 0;
	if (n > ZF_GAZ_MAX_NAME || g->nvillages == 0)
		return 0;
	for (size_t k = 0; k < n; k++)
		klen += zf_utf8_encode(cps[k], key + klen);
	slot = zf_gaz_hash(key, klen) & (g->nvhash - 1);
	/* linear probing; the table is at most half full, the probe bound guards a corrupt one */
	while ((i = g->vhash[slot]) != ZF_GAZ_NONE && probes++ < g->nvhash)
	{
		if (cmp_form(g, i, key, klen) == 0)
		{
			uint32_t	j = i + 1;

			/* villages with the same form are adjacent in form order */
			while (j < g->nvillages && cmp_form(g, j, key, klen) == 0)
				j++;
			*first = i;
			return j - i;
		}
		slot = (slot + 1) & (g->nvhash - 1);
	}
	return 0;
}

size_t
zf_short_form(const uint32_t *cps, size_t n, int level)
{
	size_t		k = 0;

	if (level == ZF_LEVEL_TOWNSHIP)
	{
		if (!(k = ends_with(cps, n, "街道")) && !(k = ends_with(cps, n, "镇")) &&
			!(k = ends_with(cps, n, "乡")) && !(k = ends_with(cps, n, "苏木")))
			return 0;
		if (ends_with(cps, n - k, "民族"))
			return 0;			/* 民族乡: the short form would end in an ethnic name */
	}
	else if (level == ZF_LEVEL_VILLAGE)
	{
		if (!(k = ends_with(cps, n, "社区")) && !(k = ends_with(cps, n, "村")))
			return 0;
	}
	else
		return 0;
	return n - k >= 2 ? n - k : 0;
}
