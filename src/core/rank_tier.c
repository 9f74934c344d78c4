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

double
zf_rank_weight_rank(int weight)
{
	static const float w[4] = {0.1f, 0.2f, 0.4f, 1.0f};	/* D, C, B, A */

	return 1.0 / (1.0 / (double) w[weight & 3]);
}

bool
zf_rank_rounds_up(int score, float rank)
{
	return rank > (float) (score / 10.0);
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

int
zf_rank_tier_end(int tier)
{
	int			i;

	for (i = 1; i < NTIERS; i++)
		if (tiers[i] == tier)
			return tiers[i - 1];
	return ZF_RANK_MAX_SCORE + 1;	/* the top tier */
}

int
zf_rank_range_keys(int lo, int hi, ZfRankKey *keys)
{
	int			n = 0;
	int			i, s;

	for (i = 0; i < NTIERS; i++)
	{
		int			from = tiers[i], to = zf_rank_tier_end(tiers[i]);

		if (from >= lo && to <= hi)
		{
			keys[n].value = from;
			keys[n++].score = false;
		}
		else
			for (s = (from > lo ? from : lo); s < to && s < hi; s++)
			{
				keys[n].value = s;
				keys[n++].score = true;
			}
	}
	return n;
}

int
zf_rank_split(int lo, int hi)
{
	int			i, first = -1, m = 0;

	/* the tiers that meet [lo, hi), highest first: tiers[first .. first + m - 1] */
	for (i = 0; i < NTIERS; i++)
		if (tiers[i] < hi && zf_rank_tier_end(tiers[i]) > lo)
		{
			if (first < 0)
				first = i;
			m++;
		}
	if (m >= 2)
		return tiers[first + m / 2 - 1];	/* the lowest tier of the upper half starts it */
	return lo + (hi - lo) / 2;
}
