/*
 * rank_tier.c - impact tiers for ranked single-word search (see rank_tier.h).
 */
#include "rank_tier.h"

/*
 * Highest first.  A lexeme has at most 256 positions in a tsvector, so a score
 * is at most 2560 (all of them A); the buckets above 16 grow by half octaves
 * so that a word needs at most 29 index probes (16 and up are buckets).
 */
static const int tiers[] = {
	2048, 1536, 1024, 768, 512, 384, 256, 192, 128, 96, 64, 48, 32, 24,
	16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2
};
#define NTIERS ((int) (sizeof(tiers) / sizeof(tiers[0])))

int
zf_rank_weight_score(int weight)
{
	static const int score[4] = {1, 2, 4, 10};	/* D, C, B, A: ts_rank_cd's 0.1 0.2 0.4 1.0 */

	return score[weight & 3];
}

int
zf_rank_tier(int score)
{
	int			i;

	if (score < ZF_RANK_MIN_SCORE)
		return 0;
	for (i = 0; i < NTIERS; i++)
		if (tiers[i] <= score)
			return tiers[i];
	return 0;					/* not reached: the last tier is the minimum score */
}

const int *
zf_rank_tiers(int *count)
{
	*count = NTIERS;
	return tiers;
}

bool
zf_rank_tier_exact(int tier)
{
	return tier <= ZF_RANK_EXACT_MAX;
}
