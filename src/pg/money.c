/*
 * money.c - SQL functions over the number grammar and the money scanner:
 * zhfacts.parse_number, zhfacts.parse_money, zhfacts.extract_money.
 *
 * The core (src/core/number.c, money.c) works on bytes and exact decimals;
 * this layer turns decimals into numeric through their canonical text, byte
 * offsets into 1-based character positions, and status codes into errors.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "money.h"
#include "number.h"
#include "zhfacts.h"

PG_FUNCTION_INFO_V1(zhfacts_parse_number);
PG_FUNCTION_INFO_V1(zhfacts_parse_money);
PG_FUNCTION_INFO_V1(zhfacts_extract_money);

/* Longest piece of the input quoted in an error message, in bytes. */
#define QUOTE_MAX	200

static Datum
dec_to_numeric(const zf_dec *d)
{
	char		buf[ZF_DEC_STRLEN];

	/* most sums are whole numbers that fit in int64: skip the text round trip */
	if (d->scale == 0 && d->mant <= (zf_u128) PG_INT64_MAX)
	{
		int64		v = (int64) d->mant;

		return NumericGetDatum(int64_to_numeric(d->neg ? -v : v));
	}
	zf_dec_to_str(d, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* The input as a C string for an error message, clipped at a character boundary. */
static char *
quote_input(const char *s, int len)
{
	int			clip = pg_mbcliplen(s, len, QUOTE_MAX);
	char	   *out = palloc(clip + 4);

	memcpy(out, s, clip);
	if (clip < len)
		strcpy(out + clip, "...");
	else
		out[clip] = '\0';
	return out;
}

static void
report(int rc, const char *what, const char *s, int len, const char *hint)
{
	if (rc == ZF_ERANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s out of range: \"%s\"", what, quote_input(s, len)),
				 errdetail("The value needs more than 38 significant digits.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid %s: \"%s\"", what, quote_input(s, len)),
			 errhint("%s", hint)));
}

/* zhfacts.parse_number(text) RETURNS numeric */
Datum
zhfacts_parse_number(PG_FUNCTION_ARGS)
{
	text	   *t;
	zf_dec		d;
	int			rc;

	zhfacts_check_encoding();
	t = PG_GETARG_TEXT_PP(0);
	rc = zf_number_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &d);
	if (rc != ZF_OK)
		report(rc, "Chinese number", VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
			   "Write one number in Arabic or Chinese numerals, such as 1.3万, 一千零十一, 壹佰萬 or 二〇〇一, without units or currency.");
	PG_RETURN_DATUM(dec_to_numeric(&d));
}

/*
 * Text datums of the qualifier and currency names, made once per call of
 * extract_money (tuplestore_putvalues copies them into each row).
 */
typedef struct name_cache
{
	Datum		qual[ZF_MQ_RANGE + 1];
	const char *iso[16];
	Datum		iso_text[16];
	int			niso;
	MemoryContext cxt;			/* where the cached datums live */
} name_cache;

static Datum
iso_datum(name_cache *nc, const char *iso)
{
	if (nc == NULL)
		return CStringGetTextDatum(iso);
	for (int i = 0; i < nc->niso; i++)
		if (nc->iso[i] == iso)
			return nc->iso_text[i];
	if (nc->niso == lengthof(nc->iso))
		return CStringGetTextDatum(iso);
	{
		MemoryContext old = MemoryContextSwitchTo(nc->cxt);

		nc->iso[nc->niso] = iso;
		nc->iso_text[nc->niso] = CStringGetTextDatum(iso);
		MemoryContextSwitchTo(old);
	}
	return nc->iso_text[nc->niso++];
}

/* The five figures of a mention, as a row's last five columns. */
static void
money_values(const zf_money *m, Datum *values, bool *nulls, name_cache *nc)
{
	values[0] = m->has_amount ? dec_to_numeric(&m->amount) : (Datum) 0;
	nulls[0] = !m->has_amount;
	/* the bounds are mostly the amount itself: convert once */
	if (m->has_min && m->has_amount && zf_dec_cmp(&m->amount_min, &m->amount) == 0)
		values[1] = values[0];
	else
		values[1] = m->has_min ? dec_to_numeric(&m->amount_min) : (Datum) 0;
	nulls[1] = !m->has_min;
	if (m->has_max && m->has_amount && zf_dec_cmp(&m->amount_max, &m->amount) == 0)
		values[2] = values[0];
	else
		values[2] = m->has_max ? dec_to_numeric(&m->amount_max) : (Datum) 0;
	nulls[2] = !m->has_max;
	values[3] = nc ? nc->qual[m->qual] : CStringGetTextDatum(zf_money_qual_name(m->qual));
	nulls[3] = false;
	values[4] = m->currency ? iso_datum(nc, m->currency) : (Datum) 0;
	nulls[4] = m->currency == NULL;
}

/*
 * zhfacts.parse_money(text, OUT amount numeric, OUT amount_min numeric,
 * OUT amount_max numeric, OUT qualifier text, OUT currency text)
 */
Datum
zhfacts_parse_money(PG_FUNCTION_ARGS)
{
	text	   *t;
	zf_money	m;
	int			rc;
	TupleDesc	tupdesc;
	Datum		values[5];
	bool		nulls[5];

	zhfacts_check_encoding();
	t = PG_GETARG_TEXT_PP(0);
	rc = zf_money_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &m);
	if (rc != ZF_OK)
		report(rc, "money expression", VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
			   "Write one sum of money, such as 2600余万元, 近1000万元, 3000-5000万元 or 1.5万美元; zhfacts.extract_money finds sums inside a text.");
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	money_values(&m, values, nulls, NULL);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

typedef struct extract_state
{
	ReturnSetInfo *rsinfo;
	MemoryContext tmpcxt;		/* per row, reset after each */
	name_cache	names;			/* in the call's context */
	const char *doc;
	size_t		byte;			/* a byte offset ... */
	int64		chr;			/* ... and its 0-based character position */
} extract_state;

static void
extract_one(const zf_money *m, void *arg)
{
	extract_state *st = arg;
	MemoryContext old;
	Datum		values[7];
	bool		nulls[7];

	CHECK_FOR_INTERRUPTS();
	/* mentions come in document order: count characters since the last one */
	st->chr += pg_mbstrlen_with_len(st->doc + st->byte, (int) (m->off - st->byte));
	st->byte = m->off;
	old = MemoryContextSwitchTo(st->tmpcxt);
	values[0] = PointerGetDatum(cstring_to_text_with_len(st->doc + m->off, (int) m->len));
	nulls[0] = false;
	values[1] = Int32GetDatum((int32) (st->chr + 1));
	nulls[1] = false;
	money_values(m, values + 2, nulls + 2, &st->names);
	tuplestore_putvalues(st->rsinfo->setResult, st->rsinfo->setDesc, values, nulls);
	MemoryContextSwitchTo(old);
	MemoryContextReset(st->tmpcxt);
}

/*
 * zhfacts.extract_money(doc text) RETURNS TABLE(mention text, pos int,
 * amount numeric, amount_min numeric, amount_max numeric, qualifier text,
 * currency text)
 */
Datum
zhfacts_extract_money(PG_FUNCTION_ARGS)
{
	text	   *t;
	extract_state st;

	zhfacts_check_encoding();
	t = PG_GETARG_TEXT_PP(0);
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	st.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	st.tmpcxt = AllocSetContextCreate(CurrentMemoryContext, "zhfacts extract_money",
									  ALLOCSET_SMALL_SIZES);
	for (int q = 0; q <= ZF_MQ_RANGE; q++)
		st.names.qual[q] = CStringGetTextDatum(zf_money_qual_name((zf_money_qual) q));
	st.names.niso = 0;
	st.names.cxt = CurrentMemoryContext;
	st.doc = VARDATA_ANY(t);
	st.byte = 0;
	st.chr = 0;
	zf_money_scan(st.doc, VARSIZE_ANY_EXHDR(t), extract_one, &st);
	MemoryContextDelete(st.tmpcxt);
	return (Datum) 0;
}
