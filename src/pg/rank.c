/*
 * rank.c - the index keys behind zhfacts.top_articles: zhfacts.rank_keys(tsvector),
 * zhfacts._rank_tiers(), zhfacts._rank_range_keys(), zhfacts._rank_up_key() and
 * zhfacts._rank_split().
 *
 * rank_keys gives, for every lexeme whose ts_rank_cd score (src/core/rank_tier.h)
 * is at least 2, the key  lexeme || U+001F || tier, and for a score in a
 * bucket also  lexeme || U+001F || '=' || score, and where the rank rounds up
 * (rank_tier.h)  lexeme || U+001F || '^' || score.  A GIN index on it lets
 * top_articles fetch the best articles for a word from the highest scores
 * down, instead of ranking every article the word occurs in.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "tsearch/ts_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "rank_tier.h"

PG_FUNCTION_INFO_V1(zhfacts_rank_keys);
PG_FUNCTION_INFO_V1(zhfacts_rank_tiers);
PG_FUNCTION_INFO_V1(zhfacts_rank_tier_bounds);
PG_FUNCTION_INFO_V1(zhfacts_rank_range_keys);
PG_FUNCTION_INFO_V1(zhfacts_rank_split);
PG_FUNCTION_INFO_V1(zhfacts_rank_up_key);

#define RANK_KEY_SEP '\x1f'

/* lexeme || U+001F || mark || number, the mark "" (a tier), "=" (a score) or "^" (a score's higher rank) */
static Datum
rank_key_marked(const char *lexeme, int len, const char *mark, int value)
{
	char		suffix[16];
	int			slen = snprintf(suffix, sizeof(suffix), "%c%s%d", RANK_KEY_SEP, mark, value);
	text	   *key = palloc(VARHDRSZ + len + slen);

	SET_VARSIZE(key, VARHDRSZ + len + slen);
	memcpy(VARDATA(key), lexeme, len);
	memcpy(VARDATA(key) + len, suffix, slen);
	return PointerGetDatum(key);
}

static Datum
rank_key(const char *lexeme, int len, ZfRankKey k)
{
	return rank_key_marked(lexeme, len, k.score ? "=" : "", k.value);
}

Datum
zhfacts_rank_keys(PG_FUNCTION_ARGS)
{
	TSVector	tsv = PG_GETARG_TSVECTOR(0);
	WordEntry  *we = ARRPTR(tsv);
	Datum	   *keys = palloc(sizeof(Datum) * Max(3 * tsv->size, 1));
	int			nkeys = 0;
	int			i;

	for (i = 0; i < tsv->size; i++)
	{
		int			score = 0;
		double		rank = 0;
		ZfRankKey	k;

		if (we[i].haspos)
		{
			WordEntryPos *pos = POSDATAPTR(tsv, &we[i]);
			int			j;

			for (j = 0; j < POSDATALEN(tsv, &we[i]); j++)
			{
				score += zf_rank_weight_score(WEP_GETWEIGHT(pos[j]));
				rank += zf_rank_weight_rank(WEP_GETWEIGHT(pos[j]));
			}
		}
		else
		{
			/* ts_rank_cd counts a lexeme without positions as one D */
			score = zf_rank_weight_score(0);
			rank = zf_rank_weight_rank(0);
		}

		k.value = zf_rank_tier(score);
		k.score = false;
		if (k.value == 0)
			continue;
		keys[nkeys++] = rank_key(STRPTR(tsv) + we[i].pos, we[i].len, k);
		if (!zf_rank_tier_exact(k.value))
		{
			k.value = score;
			k.score = true;
			keys[nkeys++] = rank_key(STRPTR(tsv) + we[i].pos, we[i].len, k);
		}
		if (zf_rank_rounds_up(score, (float) rank))
			keys[nkeys++] = rank_key_marked(STRPTR(tsv) + we[i].pos, we[i].len, "^", score);
	}
	PG_FREE_IF_COPY(tsv, 0);
	PG_RETURN_ARRAYTYPE_P(construct_array(keys, nkeys, TEXTOID, -1, false, TYPALIGN_INT));
}

static void
check_score_range(int lo, int hi, int min_width)
{
	if (lo < ZF_RANK_MIN_SCORE || hi > ZF_RANK_MAX_SCORE + 1 || hi - lo < min_width)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("score range [%d, %d) must lie within [%d, %d) and hold at least %d score%s",
						lo, hi, ZF_RANK_MIN_SCORE, ZF_RANK_MAX_SCORE + 1, min_width, min_width > 1 ? "s" : ""),
				 errhint("Scores count tenths of ts_rank_cd's rank of one lexeme.")));
}

/* The keys of the lexeme head that index exactly the scores [lo, hi). */
Datum
zhfacts_rank_range_keys(PG_FUNCTION_ARGS)
{
	text	   *head = PG_GETARG_TEXT_PP(0);
	int			lo = PG_GETARG_INT32(1);
	int			hi = PG_GETARG_INT32(2);
	ZfRankKey  *k;
	Datum	   *keys;
	int			n, i;

	check_score_range(lo, hi, 1);
	k = palloc(sizeof(ZfRankKey) * (hi - lo));
	n = zf_rank_range_keys(lo, hi, k);
	keys = palloc(sizeof(Datum) * n);
	for (i = 0; i < n; i++)
		keys[i] = rank_key(VARDATA_ANY(head), VARSIZE_ANY_EXHDR(head), k[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(keys, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* The key of the articles whose rank of the lexeme head is the higher of score's two. */
Datum
zhfacts_rank_up_key(PG_FUNCTION_ARGS)
{
	text	   *head = PG_GETARG_TEXT_PP(0);
	int			score = PG_GETARG_INT32(1);

	check_score_range(score, score + 1, 1);
	PG_RETURN_DATUM(rank_key_marked(VARDATA_ANY(head), VARSIZE_ANY_EXHDR(head), "^", score));
}

/* Where the scores [lo, hi) split into an upper and a lower half. */
Datum
zhfacts_rank_split(PG_FUNCTION_ARGS)
{
	int			lo = PG_GETARG_INT32(0);
	int			hi = PG_GETARG_INT32(1);

	check_score_range(lo, hi, 2);
	PG_RETURN_INT32(zf_rank_split(lo, hi));
}

/* One row per tier, highest first: the tier and, by ends, its end or whether it is exact. */
static Datum
tier_rows(FunctionCallInfo fcinfo, bool ends)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			n, i;
	const int  *tiers = zf_rank_tiers(&n);

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < n; i++)
	{
		Datum		values[2] = {Int32GetDatum(tiers[i]),
			ends ? Int32GetDatum(zf_rank_tier_end(tiers[i])) : BoolGetDatum(zf_rank_tier_exact(tiers[i]))};
		bool		nulls[2] = {false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * The tiers, highest first, and whether each holds a single score: the
 * zhfacts._rank_tiers() of versions 0.3 and 0.4, whose top_articles still
 * runs on this library until ALTER EXTENSION zhfacts UPDATE.
 */
Datum
zhfacts_rank_tiers(PG_FUNCTION_ARGS)
{
	return tier_rows(fcinfo, false);
}

/* The tiers, highest first, and where each ends. */
Datum
zhfacts_rank_tier_bounds(PG_FUNCTION_ARGS)
{
	return tier_rows(fcinfo, true);
}
