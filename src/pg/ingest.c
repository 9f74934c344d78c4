/*
 * ingest.c - zhfacts.clean_page(raw text): the page cleaner of
 * src/core/page_clean.c as a SQL function.  zhfacts.ingest_article (in
 * src/sql/50_corpus.sql) calls it, checks the result and stores the article.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "page_clean.h"
#include "zhfacts.h"

PG_FUNCTION_INFO_V1(zhfacts_clean_page);
PG_FUNCTION_INFO_V1(zhfacts_unit_start);
PG_FUNCTION_INFO_V1(zhfacts_unit_end);
PG_FUNCTION_INFO_V1(zhfacts_units);

/*
 * zhfacts.clean_page(raw text, OUT title text, OUT published_at timestamp,
 *     OUT source text, OUT body text, OUT script text, OUT han_chars int,
 *     OUT latin_chars int)
 *
 * published_at is the local time the page gives (no time zone: the caller
 * knows which one the site writes in); NULL when the page gives no date or
 * an impossible one.
 */
Datum
zhfacts_clean_page(PG_FUNCTION_ARGS)
{
	text	   *raw;
	TupleDesc	tupdesc;
	zf_page		page;
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};

	zhfacts_check_encoding();
	raw = PG_GETARG_TEXT_PP(0);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	zf_page_clean(VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw), &page);

	if (page.title)
		values[0] = PointerGetDatum(cstring_to_text(page.title));
	else
		nulls[0] = true;

	nulls[1] = true;
	if (page.year)
	{
		struct pg_tm tm;
		Timestamp	ts;

		memset(&tm, 0, sizeof(tm));
		tm.tm_year = page.year;
		tm.tm_mon = page.month;
		tm.tm_mday = page.day;
		tm.tm_hour = page.hour;
		tm.tm_min = page.minute;
		tm.tm_sec = page.second;
		/* 2023-02-30 and the like: no date rather than an error */
		if (page.day <= day_tab[isleap(page.year)][page.month - 1] &&
			tm2timestamp(&tm, 0, NULL, &ts) == 0)
		{
			values[1] = TimestampGetDatum(ts);
			nulls[1] = false;
		}
	}

	if (page.source)
		values[2] = PointerGetDatum(cstring_to_text(page.source));
	else
		nulls[2] = true;
	values[3] = PointerGetDatum(cstring_to_text_with_len(page.body, (int) page.body_len));
	values[4] = PointerGetDatum(cstring_to_text(page.hant ? "hant" : "hans"));
	values[5] = Int32GetDatum(page.han_chars);
	values[6] = Int32GetDatum(page.latin_chars);
	zf_page_free(&page);

	tupdesc = BlessTupleDesc(tupdesc);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* A text as code points; *n gets their number. */
static pg_wchar *
decode_text(text *t, int *n)
{
	int			len = VARSIZE_ANY_EXHDR(t);
	pg_wchar   *w = palloc((len + 1) * sizeof(pg_wchar));

	*n = pg_mb2wchar_with_len(VARDATA_ANY(t), w, len);
	return w;
}

/*
 * The code points of t with the byte offset of each (and of the end, at
 * index *n): for cutting units out of t by character position.
 */
int
zhfacts_decode_offsets(text *t, pg_wchar **cps, int **byteoff)
{
	const unsigned char *buf = (const unsigned char *) VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			n = 0;

	*cps = palloc((len + 1) * sizeof(pg_wchar));
	*byteoff = palloc((len + 1) * sizeof(int));
	for (int off = 0; off < len; n++)
	{
		int			l = pg_utf_mblen(buf + off);

		if (off + l > len)
			l = len - off;
		(*cps)[n] = utf8_to_unicode(buf + off);
		(*byteoff)[n] = off;
		off += l;
	}
	(*byteoff)[n] = len;
	return n;
}

/*
 * _unit_start and _unit_end: SQL functions of version 0.1 only (0.2 finds
 * units in C, money.c); kept so that a 0.1 install loads until it is updated.
 *
 * zhfacts._unit_start(doc text, pos int, delims text) RETURNS int: the
 * 1-based start of the sentence (clause, paragraph: units ending at any
 * character of delims) that holds position pos.  Walks doc up to pos only.
 */
Datum
zhfacts_unit_start(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	int			pos = PG_GETARG_INT32(1);
	const unsigned char *buf = (const unsigned char *) VARDATA_ANY(doc);
	int			len = VARSIZE_ANY_EXHDR(doc);
	int			nd,
				start = 1,
				i = 1;
	pg_wchar   *del;

	zhfacts_check_encoding();
	del = decode_text(PG_GETARG_TEXT_PP(2), &nd);
	for (int off = 0; off < len && i < pos; i++)
	{
		if (zhfacts_char_in(utf8_to_unicode(buf + off), del, nd))
			start = i + 1;
		off += pg_utf_mblen(buf + off);
	}
	PG_RETURN_INT32(start);
}

/*
 * zhfacts._unit_end(doc text, pos int, delims text) RETURNS int: the 1-based
 * position of the last character (its delimiter included) of the unit that
 * holds pos.
 */
Datum
zhfacts_unit_end(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	int			pos = PG_GETARG_INT32(1);
	const unsigned char *buf = (const unsigned char *) VARDATA_ANY(doc);
	int			len = VARSIZE_ANY_EXHDR(doc);
	int			nd,
				i = 1,
				off = 0;
	pg_wchar   *del;

	zhfacts_check_encoding();
	del = decode_text(PG_GETARG_TEXT_PP(2), &nd);
	for (; off < len; i++)
	{
		if (i >= pos && zhfacts_char_in(utf8_to_unicode(buf + off), del, nd))
			PG_RETURN_INT32(i);
		off += pg_utf_mblen(buf + off);
	}
	PG_RETURN_INT32(i - 1);
}

/*
 * zhfacts._units(doc text, pos int[], delims text) RETURNS text[]: for each
 * 1-based position, the unit of doc holding it (units end at any character of
 * delims, which stays with its unit), without surrounding white space; NULL
 * for a position outside doc.  One decoding of doc for all positions.
 */
Datum
zhfacts_units(PG_FUNCTION_ARGS)
{
	text	   *doc;
	ArrayType  *posarr;
	const char *buf;
	int			nd,
				n,
				npos;
	pg_wchar   *del;
	pg_wchar   *cps;
	int		   *byteoff;
	bool	   *isdel;
	Datum	   *posd;
	bool	   *posnull;
	Datum	   *out;
	bool	   *outnull;
	int			dims[1],
				lbs[1] = {1};

	zhfacts_check_encoding();
	doc = PG_GETARG_TEXT_PP(0);
	posarr = PG_GETARG_ARRAYTYPE_P(1);
	buf = VARDATA_ANY(doc);
	del = decode_text(PG_GETARG_TEXT_PP(2), &nd);
	deconstruct_array(posarr, INT4OID, 4, true, TYPALIGN_INT, &posd, &posnull, &npos);

	/* byte offset of every character, and whether it ends a unit */
	n = zhfacts_decode_offsets(doc, &cps, &byteoff);
	isdel = palloc((n + 1) * sizeof(bool));
	for (int i = 0; i < n; i++)
		isdel[i] = zhfacts_char_in(cps[i], del, nd);

	out = palloc(sizeof(Datum) * (npos + 1));
	outnull = palloc(sizeof(bool) * (npos + 1));
	for (int k = 0; k < npos; k++)
	{
		int			p,
					a,
					b;

		CHECK_FOR_INTERRUPTS();
		p = posnull[k] ? 0 : DatumGetInt32(posd[k]) - 1;
		if (posnull[k] || p < 0 || p >= n)
		{
			outnull[k] = true;
			out[k] = (Datum) 0;
			continue;
		}
		for (a = p; a > 0 && !isdel[a - 1]; a--)
			;
		for (b = p; b < n && !isdel[b]; b++)
			;
		if (b < n)
			b++;				/* the delimiter stays with its unit */
		while (a < b && (buf[byteoff[a]] == ' ' || buf[byteoff[a]] == '\t' ||
						 buf[byteoff[a]] == '\n' || buf[byteoff[a]] == '\r'))
			a++;
		while (b > a && (buf[byteoff[b - 1]] == ' ' || buf[byteoff[b - 1]] == '\t' ||
						 buf[byteoff[b - 1]] == '\n' || buf[byteoff[b - 1]] == '\r'))
			b--;
		out[k] = PointerGetDatum(cstring_to_text_with_len(buf + byteoff[a], byteoff[b] - byteoff[a]));
		outnull[k] = false;
	}
	dims[0] = npos;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, outnull, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
}
