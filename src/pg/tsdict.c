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
 * A token that directly follows another token of the same text (no space or
 * punctuation between) also gets the two joined (社会 经济 -> 经济, 社会经济),
 * and the joins of their edge parts (乡镇企业 进行 -> 企业进行).
 * A query of two words then asks for them side by side even with
 * plainto_tsquery, which otherwise only ANDs them anywhere in the document.
 * Adjacency is seen from the token pointers, which point into the text being
 * parsed, and the parser's generation count, which changes with every text.
 *
 * Options: subwords, joined = true | false (both default true).  Changing
 * them changes what documents are indexed under: REINDEX afterwards.
 */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "tsearch/ts_public.h"
#include "utils/builtins.h"

#include "segment.h"
#include "utf8.h"
#include "zhfacts.h"

#define MAX_FORM_BYTES	64		/* longer words are not joined */
#define MAX_FORMS		6		/* a word and its edge parts kept for joining */

/* A token with the parts that begin or end it, in normalized form. */
typedef struct WordForms
{
	int			n;
	char		form[MAX_FORMS][MAX_FORM_BYTES];
} WordForms;

typedef struct DictState
{
	bool		subwords;
	bool		joined;
	/* the previous token, for the joined lexemes */
	uint64		prev_generation;
	const char *prev_end;
	WordForms	prev;			/* the word and the parts that end it */
} DictState;

typedef struct LexemeList
{
	TSLexeme   *lex;
	int			n,
				cap;
	const uint32 *cps;
	size_t		ncps;
	WordForms	head;			/* the word and the parts that begin it */
	WordForms	tail;			/* the word and the parts that end it */
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
	d->joined = true;
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "subwords") == 0)
			d->subwords = defGetBoolean(def);
		else if (strcmp(def->defname, "joined") == 0)
			d->joined = defGetBoolean(def);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized zhfacts dictionary parameter: \"%s\"", def->defname),
					 errhint("The parameters are subwords and joined (boolean).")));
	}
	PG_RETURN_POINTER(d);
}

/* The normalized characters cps[start..start+n) as a palloc'd string. */
static char *
encode_cps(const uint32 *cps, size_t start, size_t n)
{
	char	   *out = palloc(n * 4 + 1);
	char	   *p = out;

	for (size_t i = start; i < start + n; i++)
		p += zf_utf8_encode(cps[i], (unsigned char *) p);
	*p = '\0';
	return out;
}

/* a followed by b, palloc'd */
static char *
concat(const char *a, const char *b)
{
	size_t		la = strlen(a),
				lb = strlen(b);
	char	   *out = palloc(la + lb + 1);

	memcpy(out, a, la);
	memcpy(out + la, b, lb + 1);
	return out;
}

static void
add_form(WordForms *f, const char *str)
{
	if (f->n < MAX_FORMS && strlen(str) < MAX_FORM_BYTES)
		strcpy(f->form[f->n++], str);
}

/* Add a lexeme (taking ownership of str) unless it is there already. */
static void
add_lexeme_string(LexemeList *l, char *str)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->lex[i].lexeme, str) == 0)
		{
			pfree(str);
			return;
		}
	if (l->n + 1 >= l->cap)
	{
		l->cap *= 2;
		l->lex = repalloc(l->lex, sizeof(TSLexeme) * l->cap);
	}
	memset(&l->lex[l->n], 0, sizeof(TSLexeme));
	l->lex[l->n].lexeme = str;
	l->lex[l->n].nvariant = 1;	/* one variant: ANDed in queries */
	l->n++;
}

static void
subword_cb(void *arg, size_t start, size_t len)
{
	LexemeList *l = arg;
	char	   *str = encode_cps(l->cps, start, len);

	if (start == 0)
		add_form(&l->head, str);
	if (start + len == l->ncps)
		add_form(&l->tail, str);
	add_lexeme_string(l, str);
}

/* 2022年5月18日: every run of whole parts (2022年, 5月18日, ...). */
static void
add_date_parts(LexemeList *l)
{
	size_t		ends[16];
	int			nparts = 0;
	size_t		n = l->ncps;

	for (size_t i = 1; i < n && nparts < 15; i++)
		if (zf_date_unit_rank(l->cps[i]) > 0 && l->cps[i - 1] >= '0' && l->cps[i - 1] <= '9')
			ends[nparts++] = i + 1;
	if (nparts < 2)
		return;
	for (int a = 0; a < nparts; a++)
		for (int b = a; b < nparts; b++)
		{
			size_t		from = a == 0 ? 0 : ends[a - 1];
			size_t		to = ends[b];

			if (from > 0 || to < n)
				subword_cb(l, from, to - from);
		}
}

Datum
zhfacts_dict_lexize(PG_FUNCTION_ARGS)
{
	DictState  *d = (DictState *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	uint32		stackbuf[128];
	uint32	   *cps = (len < 128) ? stackbuf : palloc(sizeof(uint32) * (len + 1));
	LexemeList	l;
	char	   *word;

	memset(&l, 0, sizeof(l));
	l.ncps = zf_normalize(in, (size_t) len, cps);
	if (l.ncps == 0)
		PG_RETURN_POINTER(NULL);
	l.cap = 8;
	l.lex = palloc(sizeof(TSLexeme) * l.cap);
	l.cps = cps;

	word = encode_cps(cps, 0, l.ncps);
	add_form(&l.head, word);
	add_form(&l.tail, word);
	add_lexeme_string(&l, word);
	if (d->subwords)
	{
		zf_subwords(zhfacts_dict(), zhfacts_user_trie(), cps, l.ncps, subword_cb, &l);
		add_date_parts(&l);
	}

	/* joined with the token just before, when nothing separates them */
	if (d->joined && d->prev_generation == zhfacts_parse_generation && d->prev_end == in)
	{
		for (int i = 0; i < d->prev.n; i++)
			add_lexeme_string(&l, concat(d->prev.form[i], l.head.form[0]));
		for (int j = 1; j < l.head.n && d->prev.n > 0; j++)
			add_lexeme_string(&l, concat(d->prev.form[0], l.head.form[j]));
	}
	d->prev = l.tail;
	d->prev_generation = zhfacts_parse_generation;
	d->prev_end = in + len;

	l.lex[l.n].lexeme = NULL;
	if (cps != stackbuf)
		pfree(cps);
	PG_RETURN_POINTER(l.lex);
}
