/*
 * initiatives.c - zhfacts.extract_initiatives(doc text): named initiatives.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "initiatives.h"
#include "zhfacts.h"

PG_FUNCTION_INFO_V1(zhfacts_extract_initiatives);

/*
 * Every initiative named in doc: the name, its 1-based character position
 * (substr(doc, pos, length(name)) = name) and its kind.
 */
Datum
zhfacts_extract_initiatives(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc;
	const char *buf;
	size_t		len;
	zf_initiative *v;
	int			n;

	zhfacts_check_encoding();
	doc = PG_GETARG_TEXT_PP(0);
	buf = VARDATA_ANY(doc);
	len = VARSIZE_ANY_EXHDR(doc);

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	zf_extract_initiatives(buf, len, &v, &n);
	for (int i = 0; i < n; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		values[0] = PointerGetDatum(cstring_to_text_with_len(buf + v[i].off, (int) v[i].len));
		values[1] = Int32GetDatum((int32) v[i].cp_off + 1);
		values[2] = PointerGetDatum(cstring_to_text(zf_init_kind_name(v[i].kind)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	if (v)
		pfree(v);
	return (Datum) 0;
}
