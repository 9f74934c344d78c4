/*
 * rank.c - the index keys behind zhfacts.top_articles: zhfacts.rank_keys(tsvector)
 * and zhfacts._rank_tiers().
 *
 * rank_keys gives, for every lexeme whose ts_rank_cd score (src/core/rank_tier.h)
 * is at least 2, the key  lexeme || U+001F || tier.  A GIN index on it lets
 * top_articles fetch the best articles for a word from the highest tier down,
 * instead of ranking every article the word occurs in.
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

#define RANK_KEY_SEP '\x1f'

Datum
zhfacts_rank_keys(PG_FUNCTION_ARGS)
{
	TSVector	tsv = PG_GETARG_TSVECTOR(0);
	WordEntry  *we = ARRPTR(tsv);
	Datum	   *keys = palloc(sizeof(Datum) * Max(tsv->size, 1));
	int			nkeys = 0;
	int			i;

	for (i = 0; i < tsv->size; i++)
	{
		int			score = 0;
		int			tier;

		if (we[i].haspos)
		{
			WordEntryPos *pos = POSDATAPTR(tsv, &we[i]);
			int			j;

			for (j = 0; j < POSDATALEN(tsv, &we[i]); j++)
				score += zf_rank_weight_score(WEP_GETWEIGHT(pos[j]));
		}
		else
			score = zf_rank_weight_score(0);	/* ts_rank_cd counts a lexeme without positions as one D */

		tier = zf_rank_tier(score);
		if (tier > 0)
		{
			char		suffix[16];
			int			slen = snprintf(suffix, sizeof(suffix), "%c%d", RANK_KEY_SEP, tier);
			text	   *key = palloc(VARHDRSZ + we[i].len + slen);

			SET_VARSIZE(key, VARHDRSZ + we[i].len + slen);
			memcpy(VARDATA(key), STRPTR(tsv) + we[i].pos, we[i].len);
			memcpy(VARDATA(key) + we[i].len, suffix, slen);
			keys[nkeys++] = PointerGetDatum(key);
		}
	}
	PG_FREE_IF_COPY(tsv, 0);
	PG_RETURN_ARRAYTYPE_P(construct_array(keys, nkeys, TEXTOID, -1, false, TYPALIGN_INT));
}

/* The tiers, highest first, and whether each holds a single score. */
Datum
zhfacts_rank_tiers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			n, i;
	const int  *tiers = zf_rank_tiers(&n);

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < n; i++)
	{
		Datum		values[2] = {Int32GetDatum(tiers[i]), BoolGetDatum(zf_rank_tier_exact(tiers[i]))};
		bool		nulls[2] = {false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
