/*
 * fuzz_money.c - libFuzzer harness for the number and money grammar.
 * Invariants: zf_number_parse and zf_money_parse return ZF_OK, ZF_EINVAL or
 * ZF_ERANGE; zf_number_scan consumes at most the input and reports its
 * length; zf_money_scan reports as many mentions as it returns, each
 * non-empty, inside the input, in text order and not overlapping (and valid
 * UTF-8 when the input is); a parsed sum spans the whole input but white
 * space.  Every figure has a scale in 0..ZF_DEC_MAXSCALE, prints in fewer
 * than ZF_DEC_STRLEN bytes and parses back to itself; a mention has an ISO
 * currency code and a qualifier, a range has a min and a max and no amount,
 * and amount_min <= amount <= amount_max wherever they are set.
 * Run with `make fuzz`.
 */
#include "fuzz_util.h"
#include "money.h"
#include "number.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_dec(const zf_dec *d)
{
	char		buf[ZF_DEC_STRLEN + 16];
	size_t		n;
	zf_dec		back;
	int			rc;

	/* check the scale first: zf_dec_to_str relies on it */
	if (d->scale < 0 || d->scale > ZF_DEC_MAXSCALE)
		abort();
	n = zf_dec_to_str(d, buf);
	if (n >= ZF_DEC_STRLEN || n != strlen(buf))
		abort();
	/* the canonical text reads back as the same value */
	rc = zf_number_parse(buf, n, &back);
	if (rc == ZF_OK)
	{
		if (zf_dec_cmp(&back, d) != 0)
			abort();
	}
	else if (rc != ZF_ERANGE || n < 37)
		abort();				/* only a figure near 2^128 may not read back */
}

static void
check_money(const zf_money *m)
{
	const char *q;

	if (m->currency == NULL || strlen(m->currency) != 3)
		abort();
	for (int i = 0; i < 3; i++)
		if (m->currency[i] < 'A' || m->currency[i] > 'Z')
			abort();
	if (m->qual < ZF_MQ_EXACT || m->qual > ZF_MQ_RANGE)
		abort();
	q = zf_money_qual_name(m->qual);
	if (q == NULL || q[0] == '\0')
		abort();
	if (m->qual == ZF_MQ_RANGE)
	{
		if (m->has_amount || !m->has_min || !m->has_max)
			abort();
	}
	else if (!m->has_amount)
		abort();
	if (m->has_amount)
		check_dec(&m->amount);
	if (m->has_min)
		check_dec(&m->amount_min);
	if (m->has_max)
		check_dec(&m->amount_max);
	if (m->has_amount && m->has_min && zf_dec_cmp(&m->amount_min, &m->amount) > 0)
		abort();
	if (m->has_amount && m->has_max && zf_dec_cmp(&m->amount, &m->amount_max) > 0)
		abort();
	if (m->has_min && m->has_max && zf_dec_cmp(&m->amount_min, &m->amount_max) > 0)
		abort();
}

typedef struct scan_state
{
	const uint8_t *data;
	size_t		size;
	size_t		end;			/* end of the previous mention */
	size_t		count;
	bool		valid;			/* the input is valid UTF-8 */
} scan_state;

static void
on_money(const zf_money *m, void *arg)
{
	scan_state *st = arg;

	if (m->len == 0 || m->off < st->end || m->off > st->size || m->len > st->size - m->off)
		abort();
	/* the SQL layer returns the mention as text: whole characters only */
	if (st->valid && !valid_utf8(st->data + m->off, m->len))
		abort();
	st->end = m->off + m->len;
	st->count++;
	check_money(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	scan_state	st = {data, size, 0, 0, valid_utf8(data, size)};
	zf_numscan	ns;
	zf_dec		d;
	zf_money	m;
	size_t		n;
	int			rc,
				err;

	/* the longest number at the start */
	n = zf_number_scan(data, size, &ns, &err);
	if (n > size || (err != ZF_OK && err != ZF_ERANGE))
		abort();
	if (n > 0)
	{
		if (ns.len != n)
			abort();
		check_dec(&ns.value);
	}

	/* the whole input as one number */
	rc = zf_number_parse(s, size, &d);
	if (rc == ZF_OK)
		check_dec(&d);
	else if (rc != ZF_EINVAL && rc != ZF_ERANGE)
		abort();

	/* the whole input as one sum */
	memset(&m, 0, sizeof(m));
	rc = zf_money_parse(s, size, &m);
	if (rc == ZF_OK)
	{
		if (m.len == 0 || m.off > size || m.len > size - m.off ||
			zf_skip_space(data, m.off) != m.off ||
			zf_skip_space(data + m.off + m.len, size - m.off - m.len) != size - m.off - m.len)
			abort();
		check_money(&m);
	}
	else if (rc != ZF_EINVAL && rc != ZF_ERANGE)
		abort();

	/* every sum in the input */
	if (zf_money_scan(s, size, on_money, &st) != st.count)
		abort();
	return 0;
}
