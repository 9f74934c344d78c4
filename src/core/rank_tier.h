/*
 * rank_tier.h - impact tiers for ranked single-word search.
 *
 * For a query of one lexeme, ts_rank_cd with its default weights is the sum
 * of the weights of the lexeme's positions: 0.1 per D position, 0.2 C,
 * 0.4 B, 1.0 A.  In tenths that is an integer "score" (D 1, C 2, B 4, A 10).
 * An article's lexemes of score >= 2 are indexed under (lexeme, tier), so the
 * best articles for a word are found tier by tier from the top without
 * ranking every article that contains it.  Tiers are the scores themselves up
 * to ZF_RANK_EXACT_MAX (every article of such a tier has the same rank), then
 * half-octave buckets.  A lexeme in a bucket is indexed under its exact score
 * too, so a search that ends inside a bucket can take its best articles by
 * score instead of ranking the whole bucket (which means reading every one of
 * its tsvectors).
 */
#ifndef ZF_RANK_TIER_H
#define ZF_RANK_TIER_H

#include <stdbool.h>

#define ZF_RANK_MIN_SCORE	2	/* score 1 (one body occurrence) is not indexed */
#define ZF_RANK_EXACT_MAX	15	/* tiers 2..15 hold one score each */
#define ZF_RANK_MAX_SCORE	2560	/* 256 positions (a tsvector's most), all A */

/*
 * An index key of a lexeme: its tier, or (score = true) its exact score within
 * a bucket.  (A lexeme whose rank rounds up also has a key of its own.)
 */
typedef struct ZfRankKey
{
	int			value;
	bool		score;
} ZfRankKey;

/* Score of one position of the given weight (0 = D ... 3 = A, as tsvector stores it). */
int zf_rank_weight_score(int weight);

/*
 * What one position of the given weight adds to ts_rank_cd's sum, a double,
 * computed as PostgreSQL computes it (1 / (1 / weight), the weight a float4:
 * src/backend/utils/adt/tsrank.c, calc_rank_cd); the rank is the sum over
 * the lexeme's positions, in their order, cast to float4.
 */
double zf_rank_weight_rank(int weight);

/*
 * Whether a lexeme's rank is the higher of the two floats that lexemes of
 * one score can have.  0.1f, 0.2f and 0.4f are a little more than their
 * tenths, so a sum of D, C and B positions can round up past score / 10
 * while one of A positions (1.0 exactly) does not.  The excess is at most a
 * quarter of a float's step, so one score has at most two ranks.
 */
bool zf_rank_rounds_up(int score, float rank);

/* The tier of a score: 0 below ZF_RANK_MIN_SCORE, else the largest tier <= score. */
int zf_rank_tier(int score);

/* Every tier, highest first; *count receives their number. */
const int *zf_rank_tiers(int *count);

/* Whether all scores of the tier are equal (tier <= ZF_RANK_EXACT_MAX: 2..15). */
bool zf_rank_tier_exact(int tier);

/* The end of a tier: its scores are [tier, zf_rank_tier_end(tier)). */
int zf_rank_tier_end(int tier);

/*
 * The fewest keys that together index exactly the scores [lo, hi), with
 * ZF_RANK_MIN_SCORE <= lo < hi <= ZF_RANK_MAX_SCORE + 1: the key of each tier
 * wholly inside, the exact-score key of each other score.  keys has room for
 * hi - lo of them (each covers one score or more); returns their number.
 */
int zf_rank_range_keys(int lo, int hi, ZfRankKey *keys);

/*
 * Where to split the scores [lo, hi) (hi - lo >= 2) into an upper and a lower
 * half, [mid, hi) and [lo, mid): between tiers if they span several (half of
 * the tiers each), else in the middle of the bucket.
 */
int zf_rank_split(int lo, int hi);

#endif
