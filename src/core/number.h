/*
 * number.h - exact decimals and the grammar of Chinese and Arabic numerals.
 *
 * Numbers are kept exact: a 128-bit unsigned mantissa, a decimal scale and a
 * sign, never floating point.  The grammar covers Arabic digits (ASCII or
 * full-width, with thousands commas and a decimal point), Chinese numerals in
 * both scripts (一千零十一, 两亿, 三万五, 壹佰萬, 二〇〇一 digit by digit, 三点五) and
 * their mixes (1.3万, 16.4亿, 1亿2千万, 1,000万).
 */
#ifndef ZF_NUMBER_H
#define ZF_NUMBER_H

#include "zf_common.h"

__extension__ typedef unsigned __int128 zf_u128;

/* value = (neg ? -1 : 1) * mant / 10^scale */
typedef struct zf_dec
{
	zf_u128		mant;
	int			scale;			/* 0 .. ZF_DEC_MAXSCALE */
	bool		neg;
} zf_dec;

#define ZF_DEC_MAXSCALE	30
/* Room for the longest zf_dec_to_str output, with its NUL. */
#define ZF_DEC_STRLEN	48

void		zf_dec_set_int(zf_dec *d, uint64_t v);
bool		zf_dec_is_zero(const zf_dec *d);
/* Sum, product, 10^k multiple: ZF_OK or ZF_ERANGE on overflow. */
int			zf_dec_add(zf_dec *r, const zf_dec *a, const zf_dec *b);
int			zf_dec_mul(zf_dec *r, const zf_dec *a, const zf_dec *b);
/* -1, 0, 1 as a < b, a == b, a > b. */
int			zf_dec_cmp(const zf_dec *a, const zf_dec *b);
/* One unit of the last non-zero digit: 2600 -> 100, 1.35 -> 0.01, 0 -> 1. */
void		zf_dec_last_step(const zf_dec *d, zf_dec *step);
/* Canonical text: no exponent, no trailing fractional zeros ("26000000", "1.5", "-3"). */
size_t		zf_dec_to_str(const zf_dec *d, char *buf);

/* What zf_number_scan saw, in flags. */
#define ZF_NUM_ARABIC	0x001	/* has Arabic digits */
#define ZF_NUM_CHINESE	0x002	/* has Chinese digits */
#define ZF_NUM_UNIT		0x004	/* has 十 百 千 */
#define ZF_NUM_BIG		0x008	/* has 万 or 亿 */
#define ZF_NUM_DIGITS	0x010	/* Chinese digit by digit, two or more (二〇〇一) */
#define ZF_NUM_LEADZERO	0x020	/* an Arabic integer with a leading zero (0571) */
#define ZF_NUM_FRAC		0x040	/* has a fractional part */
#define ZF_NUM_LONG		0x080	/* an Arabic run of 9+ integer digits without commas */
#define ZF_NUM_BARE		0x100	/* starts with a unit without a digit (百万, 十五) */
#define ZF_NUM_LIANG	0x200	/* has 两/兩 */

typedef struct zf_numscan
{
	zf_dec		value;
	zf_dec		tail;			/* multiplier of the last literal: 5000万 -> 10^4, 5千万 -> 10^7 */
	size_t		len;			/* bytes consumed */
	unsigned	flags;
	int			nlit;			/* number of literals (digit runs) */
} zf_numscan;

/*
 * Scan the longest number at the start of s[0..len): no sign, no spaces.
 * Returns the bytes consumed (0 when s does not start with a number) and fills
 * *out.  *err is ZF_ERANGE when the scan stopped at a value too large for a
 * zf_dec, ZF_OK otherwise.
 */
size_t		zf_number_scan(const unsigned char *s, size_t len, zf_numscan *out, int *err);

/*
 * Parse a whole string as one number: optional surrounding white space and one
 * leading sign (- + － − 负 負).  Returns ZF_OK, ZF_EINVAL or ZF_ERANGE.
 */
int			zf_number_parse(const char *s, size_t len, zf_dec *out);

/* Bytes of white space (ASCII, U+3000, NBSP) at the start of s. */
size_t		zf_skip_space(const unsigned char *s, size_t len);

#endif
