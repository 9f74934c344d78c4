/*
 * money.h - find sums of money in Chinese text.
 *
 * A mention is an optional qualifier (约, 超, 近, ...), an optional currency
 * prefix (人民币, ¥, US$), a number (number.h) with its magnitude and 余/多,
 * optionally a range to a second number (3000-5000万元, 3至5亿元), a currency
 * word (元, 美元, 港币, ...) with 角/分, and an optional qualifier suffix (以上,
 * 以下, 左右).  A sum without a currency word is money only when the clause
 * before it speaks of money (筹款, 捐款, 投资, 资金, ...).
 */
#ifndef ZF_MONEY_H
#define ZF_MONEY_H

#include "number.h"

typedef enum zf_money_qual
{
	ZF_MQ_EXACT,
	ZF_MQ_APPROX,				/* 约 大约 左右 上下 */
	ZF_MQ_OVER,					/* 超 逾 超过 以上 至少 余 多 */
	ZF_MQ_UNDER,				/* 近 将近 不到 不足 以下 */
	ZF_MQ_RANGE					/* 3000-5000万元 */
} zf_money_qual;

typedef struct zf_money
{
	size_t		off;			/* byte offset of the mention */
	size_t		len;			/* its length in bytes */
	zf_dec		amount;			/* in the currency's main unit */
	zf_dec		amount_min;
	zf_dec		amount_max;
	bool		has_amount;		/* false for a range */
	bool		has_min;
	bool		has_max;
	zf_money_qual qual;
	const char *currency;		/* ISO 4217 code */
} zf_money;

/* Called for each mention, in document order. */
typedef void (*zf_money_cb) (const zf_money *m, void *arg);

/*
 * Find every money mention in doc[0..len) (UTF-8) in one pass; mentions do not
 * overlap.  Returns how many were reported.
 */
size_t		zf_money_scan(const char *doc, size_t len, zf_money_cb cb, void *arg);

/*
 * Parse the whole of s (surrounding white space allowed) as one money
 * expression.  No currency word is needed: a bare sum (近百万) is taken as
 * yuan (CNY), as extract_money does where the context makes it money.  Returns
 * ZF_OK, ZF_EINVAL, or ZF_ERANGE.
 */
int			zf_money_parse(const char *s, size_t len, zf_money *out);

/* "exact", "approx", "over", "under", "range". */
const char *zf_money_qual_name(zf_money_qual q);

#endif
