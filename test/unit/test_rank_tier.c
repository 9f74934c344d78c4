/*
 * test_rank_tier.c - impact tiers: every score falls in exactly one tier, the
 * tiers are ordered, exact tiers hold one score each.
 */
#include "../../src/core/rank_tier.h"
#include "zf_test.h"

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
	return zf_test_done("rank_tier");
}
