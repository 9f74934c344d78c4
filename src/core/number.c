/*
 * number.c - exact decimals and the Chinese/Arabic number grammar.
 *
 * The grammar is a left-to-right state machine over tokens (a run of Arabic
 * digits, one Chinese digit, a unit 十百千, a big unit 万亿, a point).  It keeps
 * the value in three parts, as Chinese groups it: what is already multiplied
 * by 亿, by 万, and the current section below 万.  After every token that can
 * end a number it records a snapshot, so a scan stops at the longest valid
 * prefix ("十二五" reads as 十二, "三点钟" as 三).
 */
#include "number.h"
#include "utf8.h"

#include <string.h>

/* ---- exact decimals ---- */

static const zf_u128 ZF_U128_MAX = ~(zf_u128) 0;

void
zf_dec_set_int(zf_dec *d, uint64_t v)
{
	d->mant = v;
	d->scale = 0;
	d->neg = false;
}

bool
zf_dec_is_zero(const zf_dec *d)
{
	return d->mant == 0;
}

/* mant * 10^k, or false on overflow. */
static bool
mul_pow10(zf_u128 *mant, int k)
{
	while (k-- > 0)
	{
		if (*mant > ZF_U128_MAX / 10)
			return false;
		*mant *= 10;
	}
	return true;
}

/* Bring a and b to the same scale (the larger one). */
static bool
align(const zf_dec *a, const zf_dec *b, zf_u128 *ma, zf_u128 *mb, int *scale)
{
	*ma = a->mant;
	*mb = b->mant;
	*scale = a->scale > b->scale ? a->scale : b->scale;
	return mul_pow10(ma, *scale - a->scale) && mul_pow10(mb, *scale - b->scale);
}

/* Drop trailing fractional zeros. */
static void
dec_trim(zf_dec *d)
{
	while (d->scale > 0 && d->mant % 10 == 0)
	{
		d->mant /= 10;
		d->scale--;
	}
	if (d->mant == 0)
		d->neg = false;
}

int
zf_dec_add(zf_dec *r, const zf_dec *a, const zf_dec *b)
{
	zf_u128		ma,
				mb;
	int			scale;
	zf_dec		out;

	if (!align(a, b, &ma, &mb, &scale))
		return ZF_ERANGE;
	out.scale = scale;
	if (a->neg == b->neg)
	{
		if (ma > ZF_U128_MAX - mb)
			return ZF_ERANGE;
		out.mant = ma + mb;
		out.neg = a->neg;
	}
	else if (ma >= mb)
	{
		out.mant = ma - mb;
		out.neg = a->neg;
	}
	else
	{
		out.mant = mb - ma;
		out.neg = b->neg;
	}
	dec_trim(&out);
	*r = out;
	return ZF_OK;
}

int
zf_dec_mul(zf_dec *r, const zf_dec *a, const zf_dec *b)
{
	zf_dec		out;

	if (a->mant != 0 && b->mant > ZF_U128_MAX / a->mant)
		return ZF_ERANGE;
	out.mant = a->mant * b->mant;
	out.scale = a->scale + b->scale;
	out.neg = a->neg != b->neg;
	/* trimming first keeps the scale small; a scale still too big is overflow */
	dec_trim(&out);
	if (out.scale > ZF_DEC_MAXSCALE)
		return ZF_ERANGE;
	*r = out;
	return ZF_OK;
}

int
zf_dec_cmp(const zf_dec *a, const zf_dec *b)
{
	zf_u128		ma,
				mb;
	int			scale,
				sign;

	if (a->mant == 0 && b->mant == 0)
		return 0;
	if (a->neg != b->neg)
		return a->neg ? -1 : 1;
	sign = a->neg ? -1 : 1;
	if (!align(a, b, &ma, &mb, &scale))
	{
		/* only the one with the smaller scale can overflow: it is the larger */
		return (a->scale < b->scale ? 1 : -1) * sign;
	}
	if (ma == mb)
		return 0;
	return (ma < mb ? -1 : 1) * sign;
}

void
zf_dec_last_step(const zf_dec *d, zf_dec *step)
{
	zf_u128		m = d->mant;
	int			k = 0;

	step->neg = false;
	if (m == 0)
	{
		zf_dec_set_int(step, 1);
		return;
	}
	while (m % 10 == 0)
	{
		m /= 10;
		k++;
	}
	step->mant = 1;
	if (k >= d->scale)
	{
		step->scale = 0;
		mul_pow10(&step->mant, k - d->scale);	/* cannot overflow: <= d */
	}
	else
		step->scale = d->scale - k;
}

size_t
zf_dec_to_str(const zf_dec *d, char *buf)
{
	char		digits[48];
	int			n = 0;
	size_t		o = 0;
	zf_u128		m = d->mant;
	zf_dec		t = *d;

	dec_trim(&t);
	m = t.mant;
	do
	{
		digits[n++] = (char) ('0' + (int) (m % 10));
		m /= 10;
	} while (m != 0);
	/* pad so that there is at least one digit before the point */
	while (n <= t.scale)
		digits[n++] = '0';
	if (t.neg && t.mant != 0)
		buf[o++] = '-';
	while (n > 0)
	{
		if (n == t.scale)
			buf[o++] = '.';
		buf[o++] = digits[--n];
	}
	buf[o] = '\0';
	return o;
}

/* ---- tokens ---- */

enum
{
	T_OTHER,
	T_ADIG,						/* Arabic digit (ASCII or full-width) */
	T_CDIG,						/* Chinese digit 1-9 */
	T_LIANG,					/* 两 兩: 2, only before a unit or alone */
	T_ZERO,						/* 零 〇 ○ */
	T_SMALL,					/* 十 百 千 (val 10, 100, 1000) */
	T_WAN,
	T_YI,
	T_APOINT,					/* . ． */
	T_CPOINT,					/* 点 點 */
	T_COMMA						/* , */
};

/* Classify the character at s; *used its byte length, *val its digit or unit. */
static int
num_tok(const unsigned char *s, size_t len, int *used, int *val)
{
	uint32_t	cp;

	if (s[0] < 0x80)
	{
		*used = 1;
		if (s[0] >= '0' && s[0] <= '9')
		{
			*val = s[0] - '0';
			return T_ADIG;
		}
		if (s[0] == '.')
			return T_APOINT;
		if (s[0] == ',')
			return T_COMMA;
		return T_OTHER;
	}
	cp = zf_utf8_decode(s, len, used);
	if (cp >= 0xFF10 && cp <= 0xFF19)
	{
		*val = (int) (cp - 0xFF10);
		return T_ADIG;
	}
	switch (cp)
	{
		case 0x4E00:			/* 一 */
		case 0x58F9:			/* 壹 */
			*val = 1;
			return T_CDIG;
		case 0x4E8C:			/* 二 */
		case 0x8D30:			/* 贰 */
		case 0x8CB3:			/* 貳 */
			*val = 2;
			return T_CDIG;
		case 0x4E24:			/* 两 */
		case 0x5169:			/* 兩 */
			*val = 2;
			return T_LIANG;
		case 0x4E09:			/* 三 */
		case 0x53C1:			/* 叁 */
		case 0x53C3:			/* 參 */
			*val = 3;
			return T_CDIG;
		case 0x56DB:			/* 四 */
		case 0x8086:			/* 肆 */
			*val = 4;
			return T_CDIG;
		case 0x4E94:			/* 五 */
		case 0x4F0D:			/* 伍 */
			*val = 5;
			return T_CDIG;
		case 0x516D:			/* 六 */
		case 0x9646:			/* 陆 */
		case 0x9678:			/* 陸 */
			*val = 6;
			return T_CDIG;
		case 0x4E03:			/* 七 */
		case 0x67D2:			/* 柒 */
			*val = 7;
			return T_CDIG;
		case 0x516B:			/* 八 */
		case 0x634C:			/* 捌 */
			*val = 8;
			return T_CDIG;
		case 0x4E5D:			/* 九 */
		case 0x7396:			/* 玖 */
			*val = 9;
			return T_CDIG;
		case 0x96F6:			/* 零 */
		case 0x3007:			/* 〇 */
		case 0x25CB:			/* ○ */
			*val = 0;
			return T_ZERO;
		case 0x5341:			/* 十 */
		case 0x62FE:			/* 拾 */
			*val = 10;
			return T_SMALL;
		case 0x767E:			/* 百 */
		case 0x4F70:			/* 佰 */
			*val = 100;
			return T_SMALL;
		case 0x5343:			/* 千 */
		case 0x4EDF:			/* 仟 */
			*val = 1000;
			return T_SMALL;
		case 0x4E07:			/* 万 */
		case 0x842C:			/* 萬 */
			return T_WAN;
		case 0x4EBF:			/* 亿 */
		case 0x5104:			/* 億 */
			return T_YI;
		case 0xFF0E:			/* ． */
			return T_APOINT;
		case 0x70B9:			/* 点 */
		case 0x9EDE:			/* 點 */
			return T_CPOINT;
		default:
			return T_OTHER;
	}
}

static bool
is_adigit(const unsigned char *s, size_t len, int *used, int *val)
{
	return len > 0 && num_tok(s, len, used, val) == T_ADIG;
}

/*
 * An Arabic literal: digits, optional thousands groups (",ddd", only when the
 * first group has 1-3 digits), optional fraction.  Returns bytes used.
 */
static size_t
scan_arabic(const unsigned char *s, size_t len, zf_dec *v, unsigned *flags, int *err)
{
	size_t		i = 0;
	int			used,
				d,
				nint = 0,
				ngroup = 0;
	bool		commas = false,
				lead0 = false;

	v->mant = 0;
	v->scale = 0;
	v->neg = false;
	while (i < len && is_adigit(s + i, len - i, &used, &d))
	{
		if (nint == 0 && d == 0)
			lead0 = true;
		if (v->mant > (ZF_U128_MAX - 9) / 10)
		{
			*err = ZF_ERANGE;
			return 0;
		}
		v->mant = v->mant * 10 + (unsigned) d;
		nint++;
		ngroup++;
		i += used;
		/* a comma is a separator only before exactly three digits */
		if (i < len && s[i] == ',' && (commas ? ngroup == 3 : nint <= 3))
		{
			size_t		j = i + 1;
			int			k;

			for (k = 0; k < 3 && j < len && is_adigit(s + j, len - j, &used, &d); k++)
				j += used;
			if (k == 3 && !(j < len && is_adigit(s + j, len - j, &used, &d)))
			{
				commas = true;
				ngroup = 0;
				i++;
			}
		}
	}
	if (nint == 0)
		return 0;
	if (lead0 && nint > 1)
		*flags |= ZF_NUM_LEADZERO;
	if (!commas && nint >= 9)
		*flags |= ZF_NUM_LONG;
	/* fraction */
	if (i < len)
	{
		int			t = num_tok(s + i, len - i, &used, &d);

		if (t == T_APOINT && i + used < len && is_adigit(s + i + used, len - i - used, &used, &d))
		{
			int			pu;

			num_tok(s + i, len - i, &pu, &d);
			i += pu;
			while (i < len && is_adigit(s + i, len - i, &used, &d))
			{
				if (v->mant > (ZF_U128_MAX - 9) / 10 || v->scale >= ZF_DEC_MAXSCALE)
				{
					*err = ZF_ERANGE;
					return 0;
				}
				v->mant = v->mant * 10 + (unsigned) d;
				v->scale++;
				i += used;
			}
			*flags |= ZF_NUM_FRAC;
		}
	}
	*flags |= ZF_NUM_ARABIC;
	return i;
}

/* ---- the grammar ---- */

typedef struct numstate
{
	zf_dec		total;			/* multiplied by 亿 */
	zf_dec		wan;			/* multiplied by 万, within the current 亿 section */
	zf_dec		sec;			/* below 万 */
	zf_dec		lit;			/* pending literal */
	zf_dec		tail;			/* multiplier of the last literal so far */
	bool		has_lit;
	bool		lit_single;		/* a single integer digit 1-9 */
	bool		lit_chinese;
	bool		lit_arabic;
	bool		lit_after_unit; /* the literal directly follows a unit */
	bool		in_cfrac;		/* after 点, reading Chinese fraction digits */
	bool		cfrac_done;		/* a Chinese fraction was read */
	bool		zero_seen;		/* 零 since the last unit */
	bool		wan_seen;
	bool		yi_seen;
	bool		any_token;
	int			last_small;		/* last small unit in this section; 10000 = none */
	uint64_t	last_unit;		/* last unit of any kind; 0 = none */
	int			ndigits;		/* Chinese digits in a row, without units */
	unsigned	flags;
	int			nlit;
} numstate;

static void
dec_pow10(zf_dec *d, int k)
{
	d->mant = 1;
	d->scale = 0;
	d->neg = false;
	mul_pow10(&d->mant, k);
}

static int
mul_int(zf_dec *d, uint64_t m)
{
	zf_dec		t;

	zf_dec_set_int(&t, m);
	return zf_dec_mul(d, d, &t);
}

/* The literal as it counts at the end: 三万五 -> 五 counts 5000. */
static int
effective_lit(const numstate *st, zf_dec *out, zf_dec *tail)
{
	*out = st->lit;
	zf_dec_set_int(tail, 1);
	if (st->lit_single && st->lit_after_unit && st->last_unit >= 10)
	{
		zf_dec_set_int(tail, st->last_unit / 10);
		return zf_dec_mul(out, out, tail);
	}
	return ZF_OK;
}

/* Can the number end here? */
static bool
valid_end(const numstate *st)
{
	if (!st->any_token || st->in_cfrac)
		return false;
	if (st->has_lit && st->lit_after_unit && st->last_unit > 0 && !st->lit_single)
	{
		zf_dec		bound;

		/* 1万2000 is fine, 1万20000 is not */
		zf_dec_set_int(&bound, st->last_unit);
		if (zf_dec_cmp(&st->lit, &bound) >= 0)
			return false;
	}
	return true;
}

static int
finalize(const numstate *st, zf_numscan *out)
{
	zf_dec		v,
				l,
				tail;
	int			rc;

	if ((rc = zf_dec_add(&v, &st->total, &st->wan)) != ZF_OK ||
		(rc = zf_dec_add(&v, &v, &st->sec)) != ZF_OK)
		return rc;
	out->tail = st->tail;
	if (st->has_lit)
	{
		if ((rc = effective_lit(st, &l, &tail)) != ZF_OK ||
			(rc = zf_dec_add(&v, &v, &l)) != ZF_OK)
			return rc;
		out->tail = tail;
	}
	out->value = v;
	out->flags = st->flags;
	out->nlit = st->nlit;
	return ZF_OK;
}

/* Set the pending literal. */
static void
set_lit(numstate *st, const zf_dec *v, bool chinese, bool single, bool after_unit)
{
	st->lit = *v;
	st->has_lit = true;
	st->lit_chinese = chinese;
	st->lit_arabic = !chinese;
	st->lit_single = single;
	st->lit_after_unit = after_unit;
	zf_dec_set_int(&st->tail, 1);
	st->nlit++;
}

size_t
zf_number_scan(const unsigned char *s, size_t len, zf_numscan *out, int *err)
{
	numstate	st;
	numstate	best;
	size_t		i = 0,
				best_len = 0;
	bool		prev_unit = false;	/* the previous token was a unit */

	*err = ZF_OK;
	/* fast path: a plain Arabic number followed by something else (2022年) */
	if (len > 0 && s[0] >= '0' && s[0] <= '9')
	{
		unsigned	f = 0;
		zf_dec		v;
		size_t		n = scan_arabic(s, len, &v, &f, err);
		int			used,
					val,
					t;

		if (n == 0)
			return 0;
		t = n < len ? num_tok(s + n, len - n, &used, &val) : T_OTHER;
		if (t == T_OTHER)
		{
			memset(out, 0, sizeof(*out));
			out->value = v;
			zf_dec_set_int(&out->tail, 1);
			out->len = n;
			out->flags = f;
			out->nlit = 1;
			return n;
		}
	}
	memset(&st, 0, sizeof(st));
	st.last_small = 10000;
	zf_dec_set_int(&st.tail, 1);
	*err = ZF_OK;
	memset(out, 0, sizeof(*out));

	while (i < len)
	{
		int			used,
					val,
					t = num_tok(s + i, len - i, &used, &val);
		bool		unit_now = false;
		zf_dec		v;

		if (t == T_ADIG)
		{
			unsigned	f = 0;
			size_t		n;

			if (st.has_lit || st.in_cfrac || st.cfrac_done)
				break;
			n = scan_arabic(s + i, len - i, &v, &f, err);
			if (n == 0)
				break;
			st.flags |= f;
			/* one digit 1-9 (ASCII or full-width), for 3万5 */
			set_lit(&st, &v, false,
					v.scale == 0 && v.mant >= 1 && v.mant <= 9 && !(f & ZF_NUM_LEADZERO),
					prev_unit && !st.zero_seen);
			used = (int) n;
		}
		else if (t == T_CDIG || t == T_LIANG || t == T_ZERO)
		{
			if (st.in_cfrac || st.cfrac_done)
			{
				if (t == T_LIANG || !st.in_cfrac)
					break;
				/* a Chinese fraction digit: 三点一四 */
				if (st.lit.mant > (ZF_U128_MAX - 9) / 10 || st.lit.scale >= ZF_DEC_MAXSCALE)
				{
					*err = ZF_ERANGE;
					break;
				}
				st.lit.mant = st.lit.mant * 10 + (unsigned) val;
				st.lit.scale++;
				st.lit_single = false;
				st.flags |= ZF_NUM_FRAC;
				/* stay in_cfrac for more digits; the number can end here */
				st.cfrac_done = true;
			}
			else if (st.has_lit)
			{
				/* digit by digit (二〇〇一): only Chinese digits, no units at all */
				if (!st.lit_chinese || t == T_LIANG || st.last_unit != 0 ||
					(st.flags & ZF_NUM_LIANG))
					break;
				if (st.lit.mant > (ZF_U128_MAX - 9) / 10)
				{
					*err = ZF_ERANGE;
					break;
				}
				st.lit.mant = st.lit.mant * 10 + (unsigned) val;
				st.lit_single = false;
				st.ndigits++;
				st.flags |= ZF_NUM_DIGITS;
			}
			else if (t == T_ZERO && st.last_unit != 0)
			{
				/* 一千零五: a zero after a unit marks a skipped place */
				if (st.zero_seen || !prev_unit)
					break;
				st.zero_seen = true;
			}
			else
			{
				zf_dec_set_int(&v, (uint64_t) val);
				set_lit(&st, &v, true, val >= 1 && val <= 9, prev_unit && !st.zero_seen);
				st.ndigits = 1;
				if (t == T_LIANG)
					st.flags |= ZF_NUM_LIANG;
			}
			if (t != T_ZERO || st.has_lit)
				st.flags |= ZF_NUM_CHINESE;
		}
		else if (t == T_SMALL)
		{
			zf_dec		m;

			if ((st.flags & ZF_NUM_DIGITS) || st.cfrac_done || st.in_cfrac)
				break;
			if (val >= st.last_small)
				break;
			if (st.has_lit)
			{
				zf_dec		ten;

				/* a unit takes one digit: 3千, 五百; or an Arabic 1.5千 */
				zf_dec_set_int(&ten, 10);
				if (zf_dec_is_zero(&st.lit) || zf_dec_cmp(&st.lit, &ten) >= 0)
					break;
				if (st.lit_chinese && !st.lit_single && !(st.flags & ZF_NUM_LIANG))
					break;
				m = st.lit;
			}
			else if (!st.any_token)
			{
				st.flags |= ZF_NUM_BARE;
				zf_dec_set_int(&m, 1);
			}
			else if (st.zero_seen && val == 10)
				zf_dec_set_int(&m, 1);	/* 一千零十一 */
			else
				break;
			if (mul_int(&m, (uint64_t) val) != ZF_OK ||
				zf_dec_add(&st.sec, &st.sec, &m) != ZF_OK)
			{
				*err = ZF_ERANGE;
				break;
			}
			zf_dec_set_int(&st.tail, (uint64_t) val);
			st.has_lit = false;
			st.last_small = val;
			st.last_unit = (uint64_t) val;
			st.zero_seen = false;
			st.flags |= ZF_NUM_UNIT;
			unit_now = true;
		}
		else if (t == T_WAN || t == T_YI)
		{
			zf_dec		part,
						bound,
						mult;
			int			rc;

			if ((st.flags & ZF_NUM_DIGITS) || (st.in_cfrac && !st.cfrac_done))
				break;
			if (t == T_WAN && st.wan_seen)
				break;
			if (t == T_YI && st.yi_seen)
				break;
			if (t == T_WAN)
				part = st.sec;
			else if ((rc = zf_dec_add(&part, &st.wan, &st.sec)) != ZF_OK)
				break;
			if (st.has_lit && zf_dec_add(&part, &part, &st.lit) != ZF_OK)
				break;
			if (zf_dec_is_zero(&part))
				break;			/* a bare 万 is not a number */
			/* below a 亿 already seen, a 万 group must stay under 10^4 */
			if (t == T_WAN && st.yi_seen)
			{
				zf_dec_set_int(&bound, 10000);
				if (zf_dec_cmp(&part, &bound) >= 0)
					break;
			}
			dec_pow10(&mult, t == T_WAN ? 4 : 8);
			if (zf_dec_mul(&part, &part, &mult) != ZF_OK ||
				zf_dec_mul(&st.tail, &st.tail, &mult) != ZF_OK)
			{
				*err = ZF_ERANGE;
				break;
			}
			if (t == T_WAN)
			{
				st.wan = part;
				st.wan_seen = true;
				st.last_unit = 10000;
			}
			else
			{
				st.total = part;
				zf_dec_set_int(&st.wan, 0);
				st.wan_seen = false;
				st.yi_seen = true;
				st.last_unit = 100000000;
			}
			zf_dec_set_int(&st.sec, 0);
			st.has_lit = false;
			st.cfrac_done = false;
			st.last_small = 10000;
			st.zero_seen = false;
			st.flags |= ZF_NUM_BIG;
			unit_now = true;
		}
		else if (t == T_CPOINT)
		{
			/* 三点五, 十二点五亿: the fraction belongs to the section so far */
			int			u2,
						v2,
						t2;

			if (st.in_cfrac || st.cfrac_done || st.wan_seen || st.yi_seen ||
				(st.flags & ZF_NUM_ARABIC) || !st.any_token)
				break;
			if (i + used >= len)
				break;
			t2 = num_tok(s + i + used, len - i - used, &u2, &v2);
			if (t2 != T_CDIG && t2 != T_ZERO)
				break;
			if (st.has_lit)
			{
				zf_dec		l,
							tl;

				if (effective_lit(&st, &l, &tl) != ZF_OK ||
					zf_dec_add(&st.lit, &st.sec, &l) != ZF_OK)
					break;
			}
			else
				st.lit = st.sec;
			zf_dec_set_int(&st.sec, 0);
			st.has_lit = true;
			st.lit_chinese = true;
			st.lit_single = false;
			st.lit_after_unit = false;
			st.in_cfrac = true;
			st.last_small = 10000;
			zf_dec_set_int(&st.tail, 1);
		}
		else
			break;

		if (t != T_CDIG && t != T_ZERO)
		{
			/* only digits continue a Chinese fraction */
			if (t != T_CPOINT)
				st.in_cfrac = false;
		}
		st.any_token = true;
		prev_unit = unit_now;
		i += used;
		if (st.in_cfrac && st.cfrac_done)
		{
			/* end of fraction digits possible here */
			numstate	tmp = st;

			tmp.in_cfrac = false;
			if (valid_end(&tmp))
			{
				best = tmp;
				best_len = i;
			}
			continue;
		}
		if (valid_end(&st))
		{
			best = st;
			best_len = i;
		}
	}
	if (best_len == 0)
		return 0;
	if (finalize(&best, out) != ZF_OK)
	{
		*err = ZF_ERANGE;
		return 0;
	}
	out->len = best_len;
	return best_len;
}

size_t
zf_skip_space(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		if (s[i] == ' ' || (s[i] >= 0x09 && s[i] <= 0x0D))
			i++;
		else if (i + 3 <= len && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80)
			i += 3;				/* U+3000 */
		else if (i + 2 <= len && s[i] == 0xC2 && s[i + 1] == 0xA0)
			i += 2;				/* NBSP */
		else
			break;
	}
	return i;
}

/* Bytes of a sign at s, 0 if none; *neg set for a minus. */
static size_t
scan_sign(const unsigned char *s, size_t len, bool *neg)
{
	int			used;
	uint32_t	cp;

	*neg = false;
	if (len == 0)
		return 0;
	if (s[0] == '-' || s[0] == '+')
	{
		*neg = s[0] == '-';
		return 1;
	}
	cp = zf_utf8_decode(s, len, &used);
	if (cp == 0xFF0D || cp == 0x2212 || cp == 0x8D1F || cp == 0x8CA0)
	{
		*neg = true;			/* － − 负 負 */
		return (size_t) used;
	}
	if (cp == 0xFF0B)
		return (size_t) used;	/* ＋ */
	return 0;
}

int
zf_number_parse(const char *str, size_t len, zf_dec *out)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		i,
				n,
				end = len;
	bool		neg;
	zf_numscan	ns;
	int			err;

	i = zf_skip_space(s, len);
	/* trailing white space */
	while (end > i)
	{
		if (s[end - 1] == ' ' || (s[end - 1] >= 0x09 && s[end - 1] <= 0x0D))
			end--;
		else if (end - i >= 3 && s[end - 3] == 0xE3 && s[end - 2] == 0x80 && s[end - 1] == 0x80)
			end -= 3;
		else if (end - i >= 2 && s[end - 2] == 0xC2 && s[end - 1] == 0xA0)
			end -= 2;
		else
			break;
	}
	i += scan_sign(s + i, end - i, &neg);
	if (i >= end)
		return ZF_EINVAL;
	n = zf_number_scan(s + i, end - i, &ns, &err);
	if (err != ZF_OK)
		return err;
	if (n == 0 || i + n != end)
		return ZF_EINVAL;
	*out = ns.value;
	out->neg = neg && ns.value.mant != 0;
	return ZF_OK;
}
