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
 * half-octave buckets (whose articles are ranked among themselves).
 */
#ifndef ZF_RANK_TIER_H
#define ZF_RANK_TIER_H

#include <stdbool.h>

#define ZF_RANK_MIN_SCORE	2	/* score 1 (one body occurrence) is not indexed */
#define ZF_RANK_EXACT_MAX	15	/* tiers 2..15 hold one score each */

/* Score of one position of the given weight (0 = D ... 3 = A, as tsvector stores it). */
int zf_rank_weight_score(int weight);

/* The tier of a score: 0 below ZF_RANK_MIN_SCORE, else the largest tier <= score. */
int zf_rank_tier(int score);

/* Every tier, highest first; *count receives their number. */
const int *zf_rank_tiers(int *count);

/* Whether all scores of the tier are equal (tier <= ZF_RANK_EXACT_MAX: 2..15). */
bool zf_rank_tier_exact(int tier);

#endif
