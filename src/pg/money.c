/*
 * money.c - SQL functions over the number grammar and the money scanner:
 * zhfacts.parse_number, zhfacts.parse_money, zhfacts.extract_money and
 * zhfacts.money_in_context (each sum with its region and clause).
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
PG_FUNCTION_INFO_V1(zhfacts_money_in_context);

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

/* The regions of a document, for money_in_context (1-based positions). */
typedef struct region_list
{
	int			n;
	int		   *pos,
			   *end;
	Datum	   *code;
	bool	   *code_null;
	text	   *doc_region;		/* or NULL */
	pg_wchar   *cps;			/* the document as code points ... */
	int		   *byteoff;		/* ... with the byte offset of each, and the end */
	int			nchars;
} region_list;

typedef struct extract_state
{
	ReturnSetInfo *rsinfo;
	MemoryContext tmpcxt;		/* per row, reset after each */
	name_cache	names;			/* in the call's context */
	const char *doc;
	size_t		byte;			/* a byte offset ... */
	int64		chr;			/* ... and its 0-based character position */
	region_list *regions;		/* money_in_context only */
} extract_state;

static void money_context(extract_state *st, int pos, Datum *values, bool *nulls);

static void
extract_one(const zf_money *m, void *arg)
{
	extract_state *st = arg;
	MemoryContext old;
	Datum		values[9];
	bool		nulls[9];

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
	if (st->regions)
		money_context(st, (int) st->chr + 1, values + 7, nulls + 7);
	tuplestore_putvalues(st->rsinfo->setResult, st->rsinfo->setDesc, values, nulls);
	MemoryContextSwitchTo(old);
	MemoryContextReset(st->tmpcxt);
}

/* Every sum of money in t as a row of the call's result set. */
static void
scan_money(FunctionCallInfo fcinfo, text *t, region_list *regions)
{
	extract_state st;

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
	st.regions = regions;
	zf_money_scan(st.doc, VARSIZE_ANY_EXHDR(t), extract_one, &st);
	MemoryContextDelete(st.tmpcxt);
}

/*
 * zhfacts.extract_money(doc text) RETURNS TABLE(mention text, pos int,
 * amount numeric, amount_min numeric, amount_max numeric, qualifier text,
 * currency text)
 */
Datum
zhfacts_extract_money(PG_FUNCTION_ARGS)
{
	zhfacts_check_encoding();
	scan_money(fcinfo, PG_GETARG_TEXT_PP(0), NULL);
	return (Datum) 0;
}

/* ---------- money_in_context ---------- */

/* Sentence ends, and clause ends (the context stops at these). */
static const pg_wchar sentence_ends[] = {0x3002, 0xFF01, 0xFF1F, '!', '?', 0xFF1B, ';', '\n'};
static const pg_wchar clause_starts[] = {0xFF0C, ',', 0x3002, 0xFF1B, ';', 0xFF1A, ':', 0xFF01, 0xFF1F, '!', '?', 0x3001, '\n'};
static const pg_wchar clause_ends[] = {0xFF0C, ',', 0x3002, 0xFF1B, ';', 0xFF01, 0xFF1F, '!', '?', '\n'};

/* 1-based start of the unit (ended by a character of set) holding 1-based pos. */
static int
unit_start(const region_list *r, int pos, const pg_wchar *set, int nset)
{
	int			a = pos - 1;

	while (a > 0 && !zhfacts_char_in(r->cps[a - 1], set, nset))
		a--;
	return a + 1;
}

/* 1-based position of the last character (its delimiter included) of that unit. */
static int
unit_end(const region_list *r, int pos, const pg_wchar *set, int nset)
{
	for (int i = pos - 1; i < r->nchars; i++)
		if (zhfacts_char_in(r->cps[i], set, nset))
			return i + 1;
	return r->nchars;
}

/* Characters a..b (1-based, inclusive) without surrounding spaces, or NULL if none are left. */
static text *
trimmed(const region_list *r, const char *doc, int a, int b)
{
	if (a < 1)
		a = 1;
	if (b > r->nchars)
		b = r->nchars;
	while (a <= b && r->cps[a - 1] == ' ')
		a++;
	while (b >= a && r->cps[b - 1] == ' ')
		b--;
	if (a > b)
		return NULL;
	return cstring_to_text_with_len(doc + r->byteoff[a - 1], r->byteoff[b] - r->byteoff[a - 1]);
}

/* Is code a a prefix of code b (both text)? */
static bool
code_prefix(Datum a, Datum b)
{
	text	   *ta = DatumGetTextPP(a),
			   *tb = DatumGetTextPP(b);
	int			la = VARSIZE_ANY_EXHDR(ta),
				lb = VARSIZE_ANY_EXHDR(tb);

	return la <= lb && memcmp(VARDATA_ANY(ta), VARDATA_ANY(tb), la) == 0;
}

/*
 * The region a sum at 1-based pos is about, and its clause, as the last two
 * columns: the nearest region named before it in its sentence (a place inside
 * it named earlier in the sentence wins: 浙江 ... 景宁县 ... 浙江X小学); else
 * the nearest before it, preferring one inside the article's region or
 * holding it; else the article's region.  The clause is what leads up to the
 * sum, else the whole clause.
 */
static void
money_context(extract_state *st, int pos, Datum *values, bool *nulls)
{
	region_list *r = st->regions;
	int			s0 = unit_start(r, pos, sentence_ends, lengthof(sentence_ends));
	int			c0,
				k;
	Datum		reg = (Datum) 0;
	bool		have = false;
	text	   *ctx;

	/* the last region that ends before the sum (ambiguous ones have no code) */
	for (k = r->n - 1; k >= 0 && (r->end[k] > pos || r->code_null[k]); k--)
		;
	if (k >= 0)
	{
		reg = r->code[k];
		have = true;
		if (r->pos[k] >= s0)
		{
			for (int j = k - 1; j >= 0 && r->pos[j] >= s0; j--)
				if (!r->code_null[j] && code_prefix(reg, r->code[j]) &&
					VARSIZE_ANY_EXHDR(DatumGetTextPP(r->code[j])) > VARSIZE_ANY_EXHDR(DatumGetTextPP(reg)))
					reg = r->code[j];
		}
		else if (r->doc_region != NULL)
		{
			Datum		dr = PointerGetDatum(r->doc_region);

			for (int j = k; j >= 0; j--)
				if (!r->code_null[j] && (code_prefix(dr, r->code[j]) || code_prefix(r->code[j], dr)))
				{
					reg = r->code[j];
					break;
				}
		}
	}
	if (!have && r->doc_region != NULL)
	{
		reg = PointerGetDatum(r->doc_region);
		have = true;
	}
	values[0] = have ? PointerGetDatum(DatumGetTextPP(reg)) : (Datum) 0;
	nulls[0] = !have;

	c0 = unit_start(r, pos, clause_starts, lengthof(clause_starts));
	ctx = trimmed(r, st->doc, c0, pos - 1);
	if (ctx == NULL)
		ctx = trimmed(r, st->doc, c0, unit_end(r, pos, clause_ends, lengthof(clause_ends)));
	values[1] = PointerGetDatum(ctx);
	nulls[1] = ctx == NULL;
}

/*
 * zhfacts.money_in_context(doc text, doc_region text DEFAULT NULL) RETURNS
 * TABLE(mention, pos, amount, amount_min, amount_max, qualifier, currency,
 * region_code, context): the sums of doc with the region each is about and
 * its clause (see money_context).  Not strict: doc_region may be NULL.
 */
Datum
zhfacts_money_in_context(PG_FUNCTION_ARGS)
{
	region_list r;
	text	   *doc;

	zhfacts_check_encoding();
	if (PG_ARGISNULL(0))
	{
		InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
		return (Datum) 0;
	}
	doc = PG_GETARG_TEXT_PP(0);
	r.doc_region = PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1);
	zhfacts_region_spans(doc, &r.pos, &r.end, &r.code, &r.code_null, &r.n);
	r.nchars = zhfacts_decode_offsets(doc, &r.cps, &r.byteoff);
	scan_money(fcinfo, doc, &r);
	return (Datum) 0;
}
