/*
 * tsdict.c - the text-search dictionary template zhfacts.chinese_template.
 *
 * For a token it returns the normalized word (Simplified, case folded,
 * half-width) and, at the same position and in the same variant, the
 * dictionary words inside it: 淳安县 -> 淳安县, 淳安.  In a document this lets
 * a short query find a long word; in a query the lexemes of one token are
 * ANDed, so a long query word still needs the long word in the document and
 * phrase queries keep their meaning.  Dates also give their parts
 * (2022年5月18日 -> 2022年, 5月, 18日, ...).
 *
 * Option: subwords = true | false (default true).  Changing it changes what
 * documents are indexed under: REINDEX afterwards.
 */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "tsearch/ts_public.h"
#include "utils/builtins.h"

#include "segment.h"
#include "utf8.h"
#include "zhfacts.h"

typedef struct DictState
{
	bool		subwords;
} DictState;

typedef struct LexemeList
{
	TSLexeme   *lex;
	int			n,
				cap;
	const uint32 *cps;
} LexemeList;

PG_FUNCTION_INFO_V1(zhfacts_dict_init);
PG_FUNCTION_INFO_V1(zhfacts_dict_lexize);

Datum
zhfacts_dict_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	DictState  *d = palloc0(sizeof(DictState));
	ListCell   *l;

	d->subwords = true;
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "subwords") == 0)
			d->subwords = defGetBoolean(def);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized zhfacts dictionary parameter: \"%s\"", def->defname),
					 errhint("The only parameter is subwords (boolean).")));
	}
	PG_RETURN_POINTER(d);
}

static void
add_lexeme(LexemeList *l, size_t start, size_t n)
{
	StringInfoData s;

	/* skip duplicates (a part can occur twice in one word) */
	initStringInfo(&s);
	for (size_t i = start; i < start + n; i++)
	{
		unsigned char buf[4];
		int			k = zf_utf8_encode(l->cps[i], buf);

		appendBinaryStringInfo(&s, (char *) buf, k);
	}
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->lex[i].lexeme, s.data) == 0)
		{
			pfree(s.data);
			return;
		}
	if (l->n + 1 >= l->cap)
	{
		l->cap *= 2;
		l->lex = repalloc(l->lex, sizeof(TSLexeme) * l->cap);
	}
	memset(&l->lex[l->n], 0, sizeof(TSLexeme));
	l->lex[l->n].lexeme = s.data;
	l->lex[l->n].nvariant = 1;	/* one variant: ANDed in queries */
	l->n++;
}

static void
subword_cb(void *arg, size_t start, size_t len)
{
	add_lexeme((LexemeList *) arg, start, len);
}

static bool
is_date_unit(uint32 c)
{
	return c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x53F7 ||
		c == 0x65F6 || c == 0x70B9 || c == 0x5206 || c == 0x79D2;
}

/* 2022年5月18日: every run of whole parts (2022年, 5月18日, ...). */
static void
add_date_parts(LexemeList *l, size_t n)
{
	size_t		ends[16];
	int			nparts = 0;

	for (size_t i = 1; i < n && nparts < 15; i++)
		if (is_date_unit(l->cps[i]) && l->cps[i - 1] >= '0' && l->cps[i - 1] <= '9')
			ends[nparts++] = i + 1;
	if (nparts < 2)
		return;
	for (int a = 0; a < nparts; a++)
		for (int b = a; b < nparts; b++)
		{
			size_t		from = a == 0 ? 0 : ends[a - 1];
			size_t		to = ends[b];

			if (from > 0 || to < n)
				add_lexeme(l, from, to - from);
		}
}

Datum
zhfacts_dict_lexize(PG_FUNCTION_ARGS)
{
	DictState  *d = (DictState *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	uint32	   *cps = palloc(sizeof(uint32) * (len + 1));
	size_t		n = zf_normalize(in, (size_t) len, cps);
	LexemeList	l;

	l.cap = 8;
	l.n = 0;
	l.lex = palloc(sizeof(TSLexeme) * l.cap);
	l.cps = cps;
	if (n == 0)
		PG_RETURN_POINTER(NULL);
	add_lexeme(&l, 0, n);
	if (d->subwords && n > 2)
	{
		zf_subwords(zhfacts_dict(), zhfacts_user_trie(), cps, n, subword_cb, &l);
		add_date_parts(&l, n);
	}
	l.lex[l.n].lexeme = NULL;
	pfree(cps);
	PG_RETURN_POINTER(l.lex);
}
