/*
 * regions.c - SQL functions over the division gazetteer: zhfacts.extract_regions,
 * zhfacts.region_of, and zhfacts._gazetteer_rows (which fills zhfacts.region at
 * CREATE EXTENSION time).
 *
 * The gazetteer (zhfacts.gaz) is mapped once per backend on first use; the core
 * (src/core/regions.c) works on byte offsets, turned here into 1-based
 * character positions as substr() counts them.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "gazetteer.h"
#include "mapfile.h"
#include "regions.h"
#include "utf8.h"
#include "zhfacts.h"

PG_FUNCTION_INFO_V1(zhfacts_extract_regions);
PG_FUNCTION_INFO_V1(zhfacts_region_of);
PG_FUNCTION_INFO_V1(zhfacts_gazetteer_rows);

#define GAZ_FILE "zhfacts.gaz"

static zf_gaz gaz;
static bool gaz_ready = false;

/* The gazetteer, mapped read-only on first use (ERROR if missing or corrupt). */
static const zf_gaz *
zhfacts_gaz(void)
{
	if (!gaz_ready)
	{
		char	   *path = zhfacts_share_file(GAZ_FILE);
		size_t		len = 0;
		int			err;
		const void *buf = zf_map_file(path, &len, &err);

		if (buf == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FILE),
					 errmsg("could not map zhfacts gazetteer file \"%s\": %m", path),
					 errhint("Reinstall the zhfacts extension files (make install).")));
		if (zf_gaz_open(&gaz, buf, len) != ZF_OK)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("zhfacts gazetteer file \"%s\" is corrupt or of another version", path),
					 errhint("Reinstall the zhfacts extension files (make install).")));
		pfree(path);
		gaz_ready = true;
	}
	return &gaz;
}

static text *
region_name(const zf_gaz *g, uint32_t r)
{
	size_t		len;
	const char *s = zf_gaz_name(g, r, &len);

	return cstring_to_text_with_len(s, (int) len);
}

static text *
region_code(const zf_gaz *g, uint32_t r)
{
	char		buf[24];

	zf_gaz_code_text(g, r, buf);
	return cstring_to_text(buf);
}

/* Name of r's ancestor at level (r itself at that level), or NULL (also for 市辖区). */
static bool
ancestor_name(const zf_gaz *g, uint32_t r, int level, Datum *out)
{
	uint32_t	a = zf_gaz_ancestor(g, r, level);

	if (a == ZF_GAZ_NONE || (g->regions[a].flags & ZF_GAZ_PLACEHOLDER))
		return false;
	*out = PointerGetDatum(region_name(g, a));
	return true;
}

/*
 * The text columns of a region, built once and kept in a small direct-mapped
 * cache for the backend's life: documents name the same few regions over and
 * over, and building six texts per mention was most of the cost of a row.
 */
typedef struct region_cols
{
	uint32_t	region;			/* ZF_GAZ_NONE: empty */
	Datum		values[7];		/* code, level, name, province, prefecture, county, adcode */
	bool		nulls[7];
} region_cols;

#define COLS_CACHE	4096		/* entries, a power of two */

static region_cols *cols_cache = NULL;
static MemoryContext cols_cxt = NULL;

static const region_cols *
region_columns(const zf_gaz *g, uint32_t r)
{
	region_cols *e;
	MemoryContext old;
	char		adcode[24];

	if (cols_cache == NULL)
	{
		cols_cxt = AllocSetContextCreate(TopMemoryContext, "zhfacts region columns",
										 ALLOCSET_DEFAULT_SIZES);
		cols_cache = MemoryContextAlloc(cols_cxt, sizeof(region_cols) * COLS_CACHE);
		for (int i = 0; i < COLS_CACHE; i++)
			cols_cache[i].region = ZF_GAZ_NONE;
	}
	e = &cols_cache[(r * 2654435761u) >> 20 & (COLS_CACHE - 1)];
	if (e->region == r)
		return e;
	if (e->region != ZF_GAZ_NONE)
		for (int k = 0; k < 7; k++)
			if (!e->nulls[k])
				pfree(DatumGetPointer(e->values[k]));
	old = MemoryContextSwitchTo(cols_cxt);
	memset(e->nulls, false, sizeof(e->nulls));
	e->values[0] = PointerGetDatum(region_code(g, r));
	e->values[1] = PointerGetDatum(cstring_to_text(zf_level_name(g->regions[r].level)));
	e->values[2] = PointerGetDatum(region_name(g, r));
	e->nulls[3] = !ancestor_name(g, r, ZF_LEVEL_PROVINCE, &e->values[3]);
	e->nulls[4] = !ancestor_name(g, r, ZF_LEVEL_PREFECTURE, &e->values[4]);
	e->nulls[5] = !ancestor_name(g, r, ZF_LEVEL_COUNTY, &e->values[5]);
	if (zf_gaz_adcode(g, r, adcode))
		e->values[6] = PointerGetDatum(cstring_to_text(adcode));
	else
		e->nulls[6] = true;
	MemoryContextSwitchTo(old);
	e->region = r;
	return e;
}

/*
 * The mentions of the last document, for the next call on the same text: an
 * article's triggers ask region_of(body) and then extract_regions(body).  The
 * result depends on the text alone (the gazetteer and dictionary are fixed
 * for the life of the backend).  Short documents only, so a backend keeps
 * little.
 */
#define CACHE_MAX_BYTES (256 * 1024)

static MemoryContext last_cxt = NULL;
static char *last_doc = NULL;	/* NULL: nothing cached */
static size_t last_len;
static zf_region_mention *last_m;
static size_t last_n;

/* Run the extractor on a text datum; *m is palloc'd (or NULL when *n is 0). */
static void
extract(text *doc, const zf_gaz *g, zf_region_mention **m, size_t *n)
{
	const char *s = VARDATA_ANY(doc);
	size_t		len = VARSIZE_ANY_EXHDR(doc);
	int			rc;

	if (last_doc != NULL && last_len == len && memcmp(last_doc, s, len) == 0)
	{
		*n = last_n;
		*m = last_n ? palloc(sizeof(zf_region_mention) * last_n) : NULL;
		if (last_n)
			memcpy(*m, last_m, sizeof(zf_region_mention) * last_n);
		return;
	}
	rc = zf_regions_extract(g, zhfacts_dict(), s, len, m, n);
	if (rc != ZF_OK)
		elog(ERROR, "zhfacts region extraction failed with status %d", rc);
	if (len > CACHE_MAX_BYTES)
		return;
	if (last_cxt == NULL)
		last_cxt = AllocSetContextCreate(TopMemoryContext, "zhfacts last regions",
										 ALLOCSET_SMALL_SIZES);
	last_doc = NULL;
	MemoryContextReset(last_cxt);
	last_m = MemoryContextAlloc(last_cxt, sizeof(zf_region_mention) * (*n + 1));
	if (*n)
		memcpy(last_m, *m, sizeof(zf_region_mention) * *n);
	last_n = *n;
	last_len = len;
	last_doc = MemoryContextAlloc(last_cxt, len + 1);
	memcpy(last_doc, s, len);
}

/*
 * zhfacts.extract_regions(doc text) RETURNS TABLE(mention text, pos int,
 *   code text, level text, name text, province text, prefecture text,
 *   county text, adcode text, ambiguous bool)
 */
Datum
zhfacts_extract_regions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc;
	const char *s;
	const zf_gaz *g;
	zf_region_mention *m;
	size_t		n,
				i,
				bi = 0;
	int64		ci = 0;

	zhfacts_check_encoding();
	g = zhfacts_gaz();
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	doc = PG_GETARG_TEXT_PP(0);
	s = VARDATA_ANY(doc);
	extract(doc, g, &m, &n);

	for (i = 0; i < n; i++)
	{
		Datum		values[10];
		bool		nulls[10];
		uint32_t	r = m[i].region;

		CHECK_FOR_INTERRUPTS();
		/* byte offset to 1-based character position; mentions come in text order */
		while (bi < m[i].off)
		{
			if (((unsigned char) s[bi] & 0xC0) != 0x80)
				ci++;
			bi++;
		}
		memset(nulls, true, sizeof(nulls));
		values[0] = PointerGetDatum(cstring_to_text_with_len(s + m[i].off, (int) m[i].len));
		nulls[0] = false;
		values[1] = Int32GetDatum((int32) (ci + 1));
		nulls[1] = false;
		if (r != ZF_GAZ_NONE)
		{
			const region_cols *rc = region_columns(g, r);

			/* columns 2..8: code, level, name, province, prefecture, county, adcode */
			for (int k = 0; k < 7; k++)
			{
				values[2 + k] = rc->values[k];
				nulls[2 + k] = rc->nulls[k];
			}
		}
		else if (m[i].level >= 0)
		{
			values[3] = PointerGetDatum(cstring_to_text(zf_level_name(m[i].level)));
			nulls[3] = false;
		}
		values[9] = BoolGetDatum(m[i].ambiguous);
		nulls[9] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	if (m)
		pfree(m);
	return (Datum) 0;
}

/*
 * The regions named in doc as 1-based character spans [pos, end) with their
 * codes (NULL for an ambiguous name), in text order, for money_in_context.
 * Arrays palloc'd in the current context.
 */
void
zhfacts_region_spans(text *doc, int **pos, int **end, Datum **code, bool **code_null, int *n)
{
	const zf_gaz *g = zhfacts_gaz();
	const char *s = VARDATA_ANY(doc);
	zf_region_mention *m;
	size_t		nm,
				bi = 0;
	int			ci = 0;

	extract(doc, g, &m, &nm);
	*n = (int) nm;
	*pos = palloc(sizeof(int) * (nm + 1));
	*end = palloc(sizeof(int) * (nm + 1));
	*code = palloc(sizeof(Datum) * (nm + 1));
	*code_null = palloc(sizeof(bool) * (nm + 1));
	for (size_t i = 0; i < nm; i++)
	{
		/* byte offsets to character positions; mentions come in text order */
		ci += pg_mbstrlen_with_len(s + bi, (int) (m[i].off - bi));
		bi = m[i].off;
		(*pos)[i] = ci + 1;
		(*end)[i] = ci + pg_mbstrlen_with_len(s + bi, (int) m[i].len) + 1;
		(*code_null)[i] = m[i].region == ZF_GAZ_NONE;
		(*code)[i] = (*code_null)[i] ? (Datum) 0 : PointerGetDatum(region_code(g, m[i].region));
	}
	if (m)
		pfree(m);
}

/* zhfacts.region_of(doc text) RETURNS text */
Datum
zhfacts_region_of(PG_FUNCTION_ARGS)
{
	text	   *doc;
	const zf_gaz *g;
	zf_region_mention *m;
	size_t		n;
	uint32_t	r;

	zhfacts_check_encoding();
	g = zhfacts_gaz();
	doc = PG_GETARG_TEXT_PP(0);
	extract(doc, g, &m, &n);
	r = zf_regions_main(g, m, n);
	if (m)
		pfree(m);
	if (r == ZF_GAZ_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(region_code(g, r));
}

/* ---------------------------------------------------------------- the region table */

typedef struct alias_list
{
	int			n;
	int			cap;
	char	  **names;
} alias_list;

/*
 * Collect every name form of the trie except each region's official name,
 * by a depth-first walk that spells the forms out again.
 */
static void
collect_aliases(const zf_gaz *g, alias_list *al)
{
	typedef struct frame
	{
		uint32_t	node;
		uint32_t	next_edge;	/* edges of node still to visit */
	} frame;
	frame		stack[ZF_GAZ_MAX_NAME + 1];
	uint32_t	cps[ZF_GAZ_MAX_NAME + 1];
	int			depth = 0;

	stack[0].node = 0;
	stack[0].next_edge = g->nodes[0].first_edge;
	while (depth >= 0)
	{
		frame	   *f = &stack[depth];
		const zf_gaz_node *nd = &g->nodes[f->node];

		CHECK_FOR_INTERRUPTS();
		if (f->next_edge < nd->first_edge + nd->nedges && depth < ZF_GAZ_MAX_NAME)
		{
			const zf_gaz_edge *e = &g->edges[f->next_edge++];
			const zf_gaz_node *cn = &g->nodes[e->child];

			cps[depth] = e->cp;
			depth++;
			stack[depth].node = e->child;
			stack[depth].next_edge = cn->first_edge;
			if (cn->nhits)
			{
				StringInfoData buf;

				initStringInfo(&buf);
				for (int k = 0; k < depth; k++)
				{
					unsigned char u[4];
					int			l = zf_utf8_encode(cps[k], u);

					appendBinaryStringInfo(&buf, (char *) u, l);
				}
				for (uint32_t h = 0; h < cn->nhits; h++)
				{
					uint32_t	hit = g->hits[cn->first_hit + h];
					uint32_t	r = ZF_HIT_REGION(hit);
					size_t		nlen;
					const char *name = zf_gaz_name(g, r, &nlen);
					alias_list *a = &al[r];

					if (nlen == (size_t) buf.len && memcmp(name, buf.data, nlen) == 0)
						continue;	/* the official name itself */
					if (a->n == a->cap)
					{
						a->cap = a->cap ? a->cap * 2 : 2;
						a->names = a->names ? repalloc(a->names, a->cap * sizeof(char *)) :
							palloc(a->cap * sizeof(char *));
					}
					a->names[a->n++] = pstrdup(buf.data);
				}
				pfree(buf.data);
			}
		}
		else
			depth--;
	}
}

/*
 * zhfacts._gazetteer_rows() RETURNS TABLE(code text, name text, aliases text[],
 *   level text, parent_code text, adcode text, historical bool, current_code text)
 *
 * Every division from province to township, then the renamed and abolished
 * ones; villages only with include_villages.
 */
Datum
zhfacts_gazetteer_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		villages = PG_GETARG_BOOL(0);
	const zf_gaz *g;
	alias_list *al;

	zhfacts_check_encoding();
	g = zhfacts_gaz();
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	al = palloc0(sizeof(alias_list) * g->nregions);
	collect_aliases(g, al);

	for (uint32_t r = 0; r < g->nregions; r++)
	{
		const zf_gaz_region *x = &g->regions[r];
		Datum		values[8];
		bool		nulls[8];
		char		adcode[24];
		bool		hist = (x->flags & ZF_GAZ_HISTORICAL) != 0;

		if (x->level == ZF_LEVEL_VILLAGE && !villages)
			continue;
		if ((r & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		memset(nulls, false, sizeof(nulls));
		values[0] = PointerGetDatum(region_code(g, r));
		values[1] = PointerGetDatum(region_name(g, r));
		if (al[r].n)
		{
			Datum	   *el = palloc(sizeof(Datum) * al[r].n);

			for (int k = 0; k < al[r].n; k++)
				el[k] = PointerGetDatum(cstring_to_text(al[r].names[k]));
			values[2] = PointerGetDatum(construct_array(el, al[r].n, TEXTOID, -1, false, TYPALIGN_INT));
		}
		else
			values[2] = PointerGetDatum(construct_empty_array(TEXTOID));
		values[3] = PointerGetDatum(cstring_to_text(zf_level_name(x->level)));
		if (x->parent != ZF_GAZ_NONE)
			values[4] = PointerGetDatum(region_code(g, x->parent));
		else
			nulls[4] = true;
		if (zf_gaz_adcode(g, r, adcode))
			values[5] = PointerGetDatum(cstring_to_text(adcode));
		else
			nulls[5] = true;
		values[6] = BoolGetDatum(hist);
		values[7] = PointerGetDatum(region_code(g, zf_gaz_current(g, r)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
