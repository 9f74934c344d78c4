/*
 * parser.c - the text-search parser zhfacts.chinese_parser.
 *
 * A thin wrapper over the core segmenter: every byte of the input comes back
 * in exactly one token, in order, so ts_headline reproduces the text.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "tsearch/ts_public.h"

#include "segment.h"
#include "zhfacts.h"

typedef struct ParserState
{
	const char *buf;
	zf_seg	   *seg;
} ParserState;

uint64		zhfacts_parse_generation = 0;

PG_FUNCTION_INFO_V1(zhfacts_prs_start);
PG_FUNCTION_INFO_V1(zhfacts_prs_gettoken);
PG_FUNCTION_INFO_V1(zhfacts_prs_end);
PG_FUNCTION_INFO_V1(zhfacts_prs_lextype);

Datum
zhfacts_prs_start(PG_FUNCTION_ARGS)
{
	char	   *buf = (char *) PG_GETARG_POINTER(0);
	int			len = PG_GETARG_INT32(1);
	ParserState *st;

	zhfacts_check_encoding();
	zhfacts_parse_generation++;
	st = palloc(sizeof(ParserState));
	st->buf = buf;
	st->seg = zf_seg_begin(zhfacts_dict(), zhfacts_user_trie(), buf, (size_t) len);
	PG_RETURN_POINTER(st);
}

Datum
zhfacts_prs_gettoken(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	zf_token	tok;

	CHECK_FOR_INTERRUPTS();
	if (!zf_seg_next(st->seg, &tok))
	{
		*t = NULL;
		*tlen = 0;
		PG_RETURN_INT32(0);
	}
	*t = (char *) st->buf + tok.off;
	*tlen = (int) tok.len;
	PG_RETURN_INT32(tok.type);
}

Datum
zhfacts_prs_end(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) PG_GETARG_POINTER(0);

	zf_seg_end(st->seg);
	pfree(st);
	PG_RETURN_VOID();
}

Datum
zhfacts_prs_lextype(PG_FUNCTION_ARGS)
{
	static const struct
	{
		int			type;
		const char *descr;
	}			types[] = {
		{ZF_TOK_WORD, "Chinese word"},
		{ZF_TOK_LATIN, "Word in Latin letters"},
		{ZF_TOK_ALNUM, "Word of letters and digits"},
		{ZF_TOK_NUMBER, "Number, Arabic or Chinese"},
		{ZF_TOK_URL, "URL"},
		{ZF_TOK_EMAIL, "E-mail address"},
		{ZF_TOK_DATETIME, "Date or time"},
		{ZF_TOK_OTHER, "Other script or symbol"},
		{ZF_TOK_PUNCT, "Punctuation"},
		{ZF_TOK_BLANK, "Space symbols"},
	};
	int			n = lengthof(types);
	LexDescr   *descr = palloc(sizeof(LexDescr) * (n + 1));

	for (int i = 0; i < n; i++)
	{
		descr[i].lexid = types[i].type;
		descr[i].alias = pstrdup(zf_toktype_name(types[i].type));
		descr[i].descr = pstrdup(types[i].descr);
	}
	descr[n].lexid = 0;
	PG_RETURN_POINTER(descr);
}
