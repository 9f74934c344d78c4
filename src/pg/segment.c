/*
 * segment.c - zhfacts.segment(doc text): the tokens of a document.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "segment.h"
#include "zhfacts.h"

PG_FUNCTION_INFO_V1(zhfacts_segment);

/*
 * Every token that is not white space, with its 1-based character position
 * (substr(doc, pos, length(token)) = token) and its type name.
 */
Datum
zhfacts_segment(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc;
	const char *buf;
	size_t		len;
	zf_seg	   *seg;
	zf_token	tok;
	int64		pos = 1;

	zhfacts_check_encoding();
	doc = PG_GETARG_TEXT_PP(0);
	buf = VARDATA_ANY(doc);
	len = VARSIZE_ANY_EXHDR(doc);

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	seg = zf_seg_begin(zhfacts_dict(), zhfacts_user_trie(), buf, len);
	while (zf_seg_next(seg, &tok))
	{
		CHECK_FOR_INTERRUPTS();
		if (tok.type != ZF_TOK_BLANK)
		{
			Datum		values[3];
			bool		nulls[3] = {false, false, false};

			values[0] = PointerGetDatum(cstring_to_text_with_len(buf + tok.off, (int) tok.len));
			values[1] = Int32GetDatum((int32) pos);
			values[2] = PointerGetDatum(cstring_to_text(zf_toktype_name(tok.type)));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			pfree(DatumGetPointer(values[0]));
			pfree(DatumGetPointer(values[2]));
		}
		pos += tok.nchars;
	}
	zf_seg_end(seg);
	return (Datum) 0;
}
