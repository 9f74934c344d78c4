/*
 * test_rank_tier.c - impact tiers: every score falls in exactly one tier, the
 * tiers are ordered, exact tiers hold one score each; the keys of a range of
 * scores cover it exactly, and ranges split inside themselves.
 */
#include "../../src/core/rank_tier.h"
#include "zf_test.h"

#include <stdlib.h>

/* Whether the keys of [lo, hi) index each score of it once and no other. */
static int
range_keys_exact(int lo, int hi)
{
	ZfRankKey  *k = malloc(sizeof(ZfRankKey) * (hi - lo));
	int			n = zf_rank_range_keys(lo, hi, k);
	int			s, i, ok = n <= hi - lo;

	for (s = ZF_RANK_MIN_SCORE; s <= ZF_RANK_MAX_SCORE && ok; s++)
	{
		int			hits = 0;
		int			tier = zf_rank_tier(s);

		for (i = 0; i < n; i++)
			if (k[i].score ? k[i].value == s && !zf_rank_tier_exact(tier) : k[i].value == tier)
				hits++;
		ok = hits == (s >= lo && s < hi);
	}
	/* an exact-score key only where its tier is not wholly in the range */
	for (i = 0; i < n && ok; i++)
		if (k[i].score)
		{
			int			tier = zf_rank_tier(k[i].value);

			ok = !(tier >= lo && zf_rank_tier_end(tier) <= hi);
		}
	free(k);
	return ok;
}

int
main(void)
{
	int			n, i, s;
	const int  *t = zf_rank_tiers(&n);

	CHECK_EQ_INT(zf_rank_weight_score(0), 1);	/* D */
	CHECK_EQ_INT(zf_rank_weight_score(1), 2);	/* C */
	CHECK_EQ_INT(zf_rank_weight_score(2), 4);	/* B */
	CHECK_EQ_INT(zf_rank_weight_score(3), 10);	/* A */

	CHECK_EQ_INT(zf_rank_tier(0), 0);
	CHECK_EQ_INT(zf_rank_tier(1), 0);
	CHECK_EQ_INT(zf_rank_tier(2), 2);
	CHECK_EQ_INT(zf_rank_tier(16), 16);
	CHECK_EQ_INT(zf_rank_tier(17), 16);
	CHECK_EQ_INT(zf_rank_tier(23), 16);
	CHECK_EQ_INT(zf_rank_tier(24), 24);
	CHECK_EQ_INT(zf_rank_tier(2560), 2048);

	/* strictly descending, the last one the minimum score */
	for (i = 1; i < n; i++)
		CHECK(t[i] < t[i - 1]);
	CHECK_EQ_INT(t[n - 1], ZF_RANK_MIN_SCORE);
	CHECK(t[0] <= 2560);

	/* every possible score: its tier is a listed tier <= score, and no listed tier lies between them */
	for (s = ZF_RANK_MIN_SCORE; s <= 2560; s++)
	{
		int			tier = zf_rank_tier(s), found = 0;

		for (i = 0; i < n; i++)
		{
			if (t[i] == tier)
				found = 1;
			if (t[i] > tier && t[i] <= s)
				found = -1000;
		}
		if (found != 1 || tier > s)
		{
			CHECK_EQ_INT(s, -1);
			break;
		}
		/* exact tiers hold their own score only */
		if (zf_rank_tier_exact(tier) && tier != s)
		{
			CHECK_EQ_INT(s, -2);
			break;
		}
	}
	CHECK(s > 2560);

	/* a score's two ranks: 13 D positions round up past 1.3, A + 3 D do not */
	{
		double		d13 = 0, a3d = zf_rank_weight_rank(3);

		for (i = 0; i < 13; i++)
			d13 += zf_rank_weight_rank(0);
		for (i = 0; i < 3; i++)
			a3d += zf_rank_weight_rank(0);
		CHECK(zf_rank_rounds_up(13, (float) d13));
		CHECK(!zf_rank_rounds_up(13, (float) a3d));
		CHECK(!zf_rank_rounds_up(10, (float) zf_rank_weight_rank(3)));
		CHECK(!zf_rank_rounds_up(2, (float) (2 * zf_rank_weight_rank(0))));
	}

	/* tier ends: the next tier up, the top one above every score */
	CHECK_EQ_INT(zf_rank_tier_end(2), 3);
	CHECK_EQ_INT(zf_rank_tier_end(15), 16);
	CHECK_EQ_INT(zf_rank_tier_end(16), 24);
	CHECK_EQ_INT(zf_rank_tier_end(t[0]), ZF_RANK_MAX_SCORE + 1);

	/* ranges: keys cover them exactly, splits fall inside and, across tiers, on a tier */
	{
		static const int ends[] = {2, 3, 4, 15, 16, 17, 20, 23, 24, 25, 31, 32, 47, 100, 192, 1000, 1536, 2047, 2048, 2560, 2561};
		int			ne = sizeof(ends) / sizeof(ends[0]);
		int			a, b, bad = 0;

		for (a = 0; a < ne; a++)
			for (b = a + 1; b < ne; b++)
			{
				int			lo = ends[a], hi = ends[b];

				if (!range_keys_exact(lo, hi))
					bad++;
				if (hi - lo >= 2)
				{
					int			mid = zf_rank_split(lo, hi);

					if (mid <= lo || mid >= hi)
						bad++;
					if (zf_rank_tier(lo) != zf_rank_tier(hi - 1) && zf_rank_tier(mid) != mid)
						bad++;
				}
			}
		CHECK_EQ_INT(bad, 0);
		CHECK(range_keys_exact(ZF_RANK_MIN_SCORE, ZF_RANK_MAX_SCORE + 1));
	}

	/* splitting down from the whole range reaches every single score */
	{
		int			lo = ZF_RANK_MIN_SCORE, hi = ZF_RANK_MAX_SCORE + 1, steps = 0;

		while (hi - lo >= 2 && steps < 100)
		{
			hi = zf_rank_split(lo, hi);	/* keep the lower half: the longest way down */
			steps++;
		}
		CHECK_EQ_INT(hi - lo, 1);
		CHECK(steps <= 12);
	}
	return zf_test_done("rank_tier");
}
