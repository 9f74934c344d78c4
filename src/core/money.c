/*
 * money.c - the money scanner.
 *
 * One pass over the bytes: a cheap test finds the characters a number can
 * start with (digits, Chinese numerals, 万/亿 after a qualifier); at each one
 * the number is read (number.c), then the words around it are matched on
 * normalized code points (norm.h), so Traditional and full-width forms need
 * no rules of their own.  The scan resumes after the number, so every byte is
 * looked at a bounded number of times: linear in the input.
 */
#include "charclass.h"
#include "money.h"
#include "norm.h"
#include "utf8.h"
#include "zf_alloc.h"

#include <string.h>

#define WIN		24				/* code points looked at around a number */
#define MAXW	8				/* longest word, in code points */
#define CLAUSE	12				/* how far back a context word may be */
#define MAXLIST	160				/* words in the longest list */
#define NELEM(a) ((int) (sizeof(a) / sizeof((a)[0])))

/* ---- words ---- */

typedef struct mword
{
	const char *text;
	int			info;			/* qualifier, currency kind, ... */
	const char *iso;
	uint32_t	cp[MAXW];
	int			n;
} mword;

/* currency kinds */
enum
{
	CUR_PLAIN,
	CUR_YUAN,					/* 元 圆: 角 分 may follow */
	CUR_KUAI,					/* 块: colloquial, checked harder */
	CUR_TENTH,					/* 角钱 毛钱 */
	CUR_HUNDREDTH				/* 分钱 美分 */
};

/* designated initializers: the decoded fields are filled by init_words() */
#define CW(t, k, c)	{.text = (t), .info = (k), .iso = (c)}
#define QW(t, q)	{.text = (t), .info = (q)}
#define XW(t)		{.text = (t)}

static mword currencies[] = {
	CW("元", CUR_YUAN, "CNY"), CW("圆", CUR_YUAN, "CNY"), CW("块", CUR_KUAI, "CNY"),
	CW("块钱", CUR_PLAIN, "CNY"), CW("元钱", CUR_PLAIN, "CNY"),
	CW("人民币", CUR_PLAIN, "CNY"), CW("元人民币", CUR_PLAIN, "CNY"),
	CW("人民币元", CUR_PLAIN, "CNY"), CW("元整", CUR_PLAIN, "CNY"), CW("圆整", CUR_PLAIN, "CNY"),
	CW("毛钱", CUR_TENTH, "CNY"), CW("角钱", CUR_TENTH, "CNY"), CW("分钱", CUR_HUNDREDTH, "CNY"),
	CW("美元", CUR_PLAIN, "USD"), CW("美金", CUR_PLAIN, "USD"), CW("美圆", CUR_PLAIN, "USD"),
	CW("美分", CUR_HUNDREDTH, "USD"),
	CW("欧元", CUR_PLAIN, "EUR"),
	CW("港元", CUR_PLAIN, "HKD"), CW("港币", CUR_PLAIN, "HKD"), CW("港圆", CUR_PLAIN, "HKD"),
	CW("日元", CUR_PLAIN, "JPY"), CW("日圆", CUR_PLAIN, "JPY"),
	CW("英镑", CUR_PLAIN, "GBP"),
	CW("新台币", CUR_PLAIN, "TWD"), CW("台币", CUR_PLAIN, "TWD"),
	CW("韩元", CUR_PLAIN, "KRW"), CW("韩圆", CUR_PLAIN, "KRW"),
	CW("澳元", CUR_PLAIN, "AUD"), CW("澳币", CUR_PLAIN, "AUD"),
	CW("加元", CUR_PLAIN, "CAD"), CW("加币", CUR_PLAIN, "CAD"),
	CW("新加坡元", CUR_PLAIN, "SGD"), CW("新元", CUR_PLAIN, "SGD"), CW("新币", CUR_PLAIN, "SGD"),
	CW("瑞士法郎", CUR_PLAIN, "CHF"), CW("瑞郎", CUR_PLAIN, "CHF"),
	CW("卢布", CUR_PLAIN, "RUB"), CW("俄罗斯卢布", CUR_PLAIN, "RUB"),
	CW("卢比", CUR_PLAIN, "INR"), CW("印度卢比", CUR_PLAIN, "INR"),
	CW("泰铢", CUR_PLAIN, "THB"),
	CW("澳门元", CUR_PLAIN, "MOP"), CW("澳门币", CUR_PLAIN, "MOP"), CW("澳门币元", CUR_PLAIN, "MOP"),
	CW("新西兰元", CUR_PLAIN, "NZD"), CW("纽元", CUR_PLAIN, "NZD"),
	CW("林吉特", CUR_PLAIN, "MYR"), CW("令吉", CUR_PLAIN, "MYR"),
	CW("越南盾", CUR_PLAIN, "VND"), CW("印尼盾", CUR_PLAIN, "IDR"),
	CW("菲律宾比索", CUR_PLAIN, "PHP"), CW("墨西哥比索", CUR_PLAIN, "MXN"),
	CW("雷亚尔", CUR_PLAIN, "BRL"), CW("巴西雷亚尔", CUR_PLAIN, "BRL"),
	CW("兰特", CUR_PLAIN, "ZAR"), CW("南非兰特", CUR_PLAIN, "ZAR"),
	CW("土耳其里拉", CUR_PLAIN, "TRY"),
	CW("瑞典克朗", CUR_PLAIN, "SEK"), CW("挪威克朗", CUR_PLAIN, "NOK"), CW("丹麦克朗", CUR_PLAIN, "DKK"),
	CW("沙特里亚尔", CUR_PLAIN, "SAR"), CW("迪拉姆", CUR_PLAIN, "AED"),
	CW("澳大利亚元", CUR_PLAIN, "AUD"), CW("加拿大元", CUR_PLAIN, "CAD"),
	CW("法郎", CUR_PLAIN, "CHF"), CW("法国法郎", CUR_PLAIN, "FRF"),
	CW("马克", CUR_PLAIN, "DEM"), CW("德国马克", CUR_PLAIN, "DEM"),
	CW("埃镑", CUR_PLAIN, "EGP"), CW("埃及镑", CUR_PLAIN, "EGP"),
	CW("里亚尔", CUR_PLAIN, "SAR"), CW("新谢克尔", CUR_PLAIN, "ILS"),
	CW("兹罗提", CUR_PLAIN, "PLN"), CW("福林", CUR_PLAIN, "HUF"),
	CW("格里夫纳", CUR_PLAIN, "UAH"), CW("坚戈", CUR_PLAIN, "KZT"),
	CW("奈拉", CUR_PLAIN, "NGN"), CW("塔卡", CUR_PLAIN, "BDT"),
	CW("缅元", CUR_PLAIN, "MMK"), CW("瑞尔", CUR_PLAIN, "KHR"), CW("基普", CUR_PLAIN, "LAK"),
	CW("usd", CUR_PLAIN, "USD"), CW("rmb", CUR_PLAIN, "CNY"), CW("cny", CUR_PLAIN, "CNY"),
	CW("hkd", CUR_PLAIN, "HKD"), CW("eur", CUR_PLAIN, "EUR"), CW("gbp", CUR_PLAIN, "GBP"),
	CW("jpy", CUR_PLAIN, "JPY"),
};

/* currency words and symbols before the number (matched on normalized text) */
static mword cur_prefixes[] = {
	CW("人民币", 0, "CNY"), CW("rmb", 1, "CNY"), CW("cny", 1, "CNY"), CW("¥", 0, "CNY"),
	CW("$", 0, "USD"), CW("us$", 0, "USD"), CW("usd", 1, "USD"),
	CW("hk$", 0, "HKD"), CW("hkd", 1, "HKD"), CW("港币", 0, "HKD"),
	CW("nt$", 0, "TWD"), CW("新台币", 0, "TWD"),
	CW("€", 0, "EUR"), CW("eur", 1, "EUR"), CW("£", 0, "GBP"), CW("gbp", 1, "GBP"),
	CW("jpy", 1, "JPY"),
};

/* qualifier flags */
#define QF_BARE_ONLY	0x10	/* only before a bare unit: 上百万, 过亿 */
#define QF_MASK			0x0F

static mword q_prefixes[] = {
	QW("约", ZF_MQ_APPROX), QW("大约", ZF_MQ_APPROX), QW("大概", ZF_MQ_APPROX),
	QW("大致", ZF_MQ_APPROX), QW("约合", ZF_MQ_APPROX), QW("约为", ZF_MQ_APPROX),
	QW("大约为", ZF_MQ_APPROX), QW("约莫", ZF_MQ_APPROX), QW("差不多", ZF_MQ_APPROX),
	QW("超", ZF_MQ_OVER), QW("超过", ZF_MQ_OVER), QW("逾", ZF_MQ_OVER), QW("至少", ZF_MQ_OVER),
	QW("不少于", ZF_MQ_OVER), QW("不低于", ZF_MQ_OVER), QW("多于", ZF_MQ_OVER),
	QW("高于", ZF_MQ_OVER), QW("最少", ZF_MQ_OVER), QW("超出", ZF_MQ_OVER),
	QW("上", ZF_MQ_OVER | QF_BARE_ONLY), QW("过", ZF_MQ_OVER | QF_BARE_ONLY),
	QW("近", ZF_MQ_UNDER), QW("将近", ZF_MQ_UNDER), QW("接近", ZF_MQ_UNDER),
	QW("不到", ZF_MQ_UNDER), QW("不足", ZF_MQ_UNDER), QW("不超过", ZF_MQ_UNDER),
	QW("不高于", ZF_MQ_UNDER), QW("低于", ZF_MQ_UNDER), QW("少于", ZF_MQ_UNDER),
	QW("最多", ZF_MQ_UNDER), QW("至多", ZF_MQ_UNDER), QW("不满", ZF_MQ_UNDER),
};

static mword q_suffixes[] = {
	QW("以上", ZF_MQ_OVER), QW("之上", ZF_MQ_OVER), QW("有余", ZF_MQ_OVER), QW("开外", ZF_MQ_OVER),
	QW("以下", ZF_MQ_UNDER), QW("以内", ZF_MQ_UNDER), QW("之内", ZF_MQ_UNDER),
	QW("左右", ZF_MQ_APPROX), QW("上下", ZF_MQ_APPROX),
};

/* Words in the clause before a bare sum that make it money. */
static mword contexts[] = {
	XW("筹款"), XW("捐款"), XW("募集"), XW("资金"), XW("投资"), XW("筹集"), XW("募捐"), XW("善款"),
	XW("捐赠"), XW("捐资"), XW("融资"), XW("拨款"), XW("出资"), XW("集资"), XW("筹资"), XW("募资"),
	XW("奖金"), XW("经费"), XW("预算"), XW("营收"), XW("收入"), XW("利润"), XW("销售额"),
	XW("营业额"), XW("成交额"), XW("交易额"), XW("总额"), XW("金额"), XW("资产"), XW("税收"),
	XW("产值"), XW("补贴"), XW("补助"), XW("工资"), XW("薪资"), XW("月薪"), XW("年薪"),
	XW("费用"), XW("价格"), XW("售价"), XW("票价"), XW("房价"), XW("租金"), XW("罚款"), XW("赔偿"),
	XW("估值"), XW("市值"), XW("贷款"), XW("存款"), XW("债务"), XW("款项"), XW("资助"), XW("奖励"),
	XW("造价"), XW("成本"), XW("开支"), XW("支出"), XW("花费"), XW("耗资"), XW("斥资"), XW("基金"),
	XW("捐助"), XW("赞助"), XW("拨付"), XW("投入资金"), XW("营业收入"), XW("总价"),
	XW("赚"), XW("盈利"), XW("亏损"), XW("亏"), XW("净利"), XW("利税"), XW("销售收入"),
	XW("收益"), XW("拍出"), XW("成交价"), XW("报价"), XW("标价"), XW("身价"), XW("薪酬"),
	XW("退款"), XW("欠款"), XW("借款"), XW("还款"), XW("付款"), XW("现金"), XW("红包"),
	XW("首付"), XW("月供"), XW("房租"), XW("定金"), XW("押金"), XW("学费"), XW("彩礼"),
	XW("报酬"), XW("稿费"), XW("赃款"), XW("罚金"), XW("保费"), XW("赔款"), XW("奖学金"),
	XW("资本"), XW("注资"), XW("增资"), XW("授信"), XW("税款"), XW("总值"), XW("储蓄"),
};

/* every list fits its index (windex) */
typedef char zf_money_lists_fit[(NELEM(contexts) <= MAXLIST && NELEM(currencies) <= MAXLIST) ? 1 : -1];

/* After a bare sum, these (and any non-Han character) may follow. */
static const char *const ctx_follow = "用的资帮助支为给购投捐和及与已将来善款全";

/* 元 starting another word: 元旦, 元素, 元代 ... */
static const char *const yuan_reject = "旦宵素件器帅凶勋朝化论音宇凯复里桥";
/* After 块 (which also counts pieces: 三块地), only these may follow. */
static const char *const kuai_follow = "钱多左上以毛角的";
/* Before 约: 签约, 合约 ... make it another word. */
static const char *const yue_reject = "签合预节制履违解续特相邀缔公条毁立守婚誓践赴";
/* Before a number: not money. */
static const char *const prev_reject = "第数几每";

static bool words_ready = false;

static uint32_t
mnorm(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return zf_norm_cp(cp);
}

static int
decode_word(const char *text, uint32_t *cp, int max)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		len = strlen(text),
				i = 0;
	int			n = 0,
				used;

	while (i < len && n < max)
	{
		cp[n++] = mnorm(zf_utf8_decode(s + i, len - i, &used));
		i += (size_t) used;
	}
	return n;
}

static void
init_list(mword *list, int n)
{
	for (int i = 0; i < n; i++)
		list[i].n = decode_word(list[i].text, list[i].cp, MAXW);
}

static void index_list(const mword *list, int n);

static void
init_words(void)
{
	if (words_ready)
		return;
	init_list(currencies, NELEM(currencies));
	init_list(cur_prefixes, NELEM(cur_prefixes));
	init_list(q_prefixes, NELEM(q_prefixes));
	init_list(q_suffixes, NELEM(q_suffixes));
	init_list(contexts, NELEM(contexts));
	index_list(currencies, NELEM(currencies));
	index_list(cur_prefixes, NELEM(cur_prefixes));
	index_list(q_prefixes, NELEM(q_prefixes));
	index_list(q_suffixes, NELEM(q_suffixes));
	index_list(contexts, NELEM(contexts));
	words_ready = true;
}

/*
 * Character sets are written as UTF-8 literals; each is decoded once and
 * cached by its address (all callers pass literals or the constants above).
 */
typedef struct cpset
{
	const char *key;
	uint32_t	cp[48];
	int			n;
} cpset;

static cpset set_cache[24];
static int	set_count = 0;

static bool
in_set(uint32_t cp, const char *set)
{
	cpset	   *cs = NULL;

	for (int i = 0; i < set_count; i++)
		if (set_cache[i].key == set)
		{
			cs = &set_cache[i];
			break;
		}
	if (cs == NULL)
	{
		cpset		tmp;

		tmp.key = set;
		tmp.n = decode_word(set, tmp.cp, 48);
		if (set_count == NELEM(set_cache))
			cs = &tmp;			/* cannot happen: more call sites than slots */
		else
		{
			set_cache[set_count] = tmp;
			cs = &set_cache[set_count++];
		}
		for (int i = 0; i < cs->n; i++)
			if (cs->cp[i] == cp)
				return true;
		return false;
	}
	for (int i = 0; i < cs->n; i++)
		if (cs->cp[i] == cp)
			return true;
	return false;
}

/* ---- windows of normalized code points ---- */

typedef struct fwin
{
	uint32_t	cp[WIN];
	size_t		end[WIN];		/* byte offset after cp[i] */
	int			n;
} fwin;

typedef struct bwin
{
	uint32_t	cp[WIN];		/* cp[0] is the character just before the anchor */
	size_t		start[WIN];		/* byte offset of cp[i] */
	int			n;
} bwin;

static void
fwd_window(const unsigned char *s, size_t len, size_t pos, fwin *w, int max)
{
	int			used;

	w->n = 0;
	while (pos < len && w->n < max)
	{
		w->cp[w->n] = mnorm(zf_utf8_decode(s + pos, len - pos, &used));
		pos += (size_t) used;
		w->end[w->n++] = pos;
	}
}

static void
back_window(const unsigned char *s, size_t floor, size_t pos, bwin *w, int max)
{
	w->n = 0;
	while (pos > floor && w->n < max)
	{
		size_t		q = pos - 1;
		int			used;
		uint32_t	cp;

		while (q > floor && pos - q < 4 && (s[q] & 0xC0) == 0x80)
			q--;
		cp = zf_utf8_decode(s + q, pos - q, &used);
		if ((size_t) used != pos - q)
		{
			q = pos - 1;
			cp = ZF_BADCHAR;
		}
		w->cp[w->n] = mnorm(cp);
		w->start[w->n++] = q;
		pos = q;
	}
}

/*
 * Each word list is indexed by hash buckets of its first code point (for
 * matching forward) and of its last (for matching backward), so a lookup
 * compares only the few words that can match.
 */
#define NBUCKET		64
#define BUCKET(cp)	((int) (((uint32_t) (cp) * 2654435761u) >> 26))

typedef struct windex
{
	const mword *list;
	int16_t		head_f[NBUCKET];
	int16_t		head_b[NBUCKET];
	int16_t		next_f[MAXLIST];
	int16_t		next_b[MAXLIST];
} windex;

static windex indexes[5];
static int	nindexes = 0;

static void
index_list(const mword *list, int n)
{
	windex	   *ix = &indexes[nindexes++];

	ix->list = list;
	for (int h = 0; h < NBUCKET; h++)
		ix->head_f[h] = ix->head_b[h] = -1;
	for (int i = n - 1; i >= 0; i--)
	{
		int			hf = BUCKET(list[i].cp[0]),
					hb = BUCKET(list[i].cp[list[i].n - 1]);

		ix->next_f[i] = ix->head_f[hf];
		ix->head_f[hf] = (int16_t) i;
		ix->next_b[i] = ix->head_b[hb];
		ix->head_b[hb] = (int16_t) i;
	}
}

static const windex *
index_of(const mword *list)
{
	for (int i = 0; i < nindexes; i++)
		if (indexes[i].list == list)
			return &indexes[i];
	return NULL;				/* cannot happen: every list is indexed */
}

/* Longest word of list starting at w->cp[from]; its index, or -1.  *ncp its length. */
static int
match_fwd(const fwin *w, int from, const mword *list, int n, int *ncp)
{
	const windex *ix = index_of(list);
	int			best = -1,
				bestn = 0;

	*ncp = 0;
	if (from >= w->n)
		return -1;
	for (int i = ix->head_f[BUCKET(w->cp[from])]; i >= 0 && i < n; i = ix->next_f[i])
	{
		const mword *m = &list[i];
		int			k;

		if (m->n <= bestn || from + m->n > w->n)
			continue;
		for (k = 0; k < m->n && w->cp[from + k] == m->cp[k]; k++)
			;
		if (k == m->n)
		{
			best = i;
			bestn = m->n;
		}
	}
	*ncp = bestn;
	return best;
}

/* Longest word of list ending just before b->cp[from] (going back); index or -1. */
static int
match_back(const bwin *b, int from, const mword *list, int n, int *ncp)
{
	const windex *ix = index_of(list);
	int			best = -1,
				bestn = 0;

	*ncp = 0;
	if (from >= b->n)
		return -1;
	for (int i = ix->head_b[BUCKET(b->cp[from])]; i >= 0 && i < n; i = ix->next_b[i])
	{
		const mword *m = &list[i];
		int			k;

		if (m->n <= bestn || from + m->n > b->n)
			continue;
		for (k = 0; k < m->n && b->cp[from + k] == m->cp[m->n - 1 - k]; k++)
			;
		if (k == m->n)
		{
			best = i;
			bestn = m->n;
		}
	}
	*ncp = bestn;
	return best;
}

static bool
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bit per code point U+4E00..U+9FFF that can start a number. */
static uint8_t anchor_bits[(0xA000 - 0x4E00) / 8];

/* ... and per code point that may follow a number in a mention. */
static uint8_t follow_bits[(0xA000 - 0x4E00) / 8];

static inline bool
cjk_bit(const uint8_t *bits, uint32_t c)
{
	return c >= 0x4E00 && c < 0xA000 && ((bits[(c - 0x4E00) >> 3] >> ((c - 0x4E00) & 7)) & 1);
}

/* Chinese numeral characters (a sum must not be glued to one). */
static bool
is_numeral(uint32_t c)
{
	return c == 0x3007 || cjk_bit(anchor_bits, c);
}

static bool
is_clause_end(uint32_t c)
{
	return c == 0x3002 || c == ',' || c == ';' || c == '!' || c == '?' || c == 0x3001 ||
		c == '\n' || c == '\r' || c == 0xFF61;
}

/* ---- units after 余 ---- */

/* A run of 十百千万亿 (and 个亿) at fw[from..]: multiplier, and code points used. */
static int
unit_run(const fwin *w, int from, zf_dec *mult)
{
	int			i = from;
	int			last = 100;		/* order: small units, then 万, then 亿 */

	zf_dec_set_int(mult, 1);
	/* 5个亿 */
	if (i + 1 < w->n && w->cp[i] == 0x4E2A && (w->cp[i + 1] == 0x4EBF || w->cp[i + 1] == 0x4E07))
		i++;
	while (i < w->n)
	{
		uint32_t	c = w->cp[i];
		uint64_t	u;
		int			rank;
		zf_dec		d;

		if (c == 0x5341)
			u = 10, rank = 1;
		else if (c == 0x767E)
			u = 100, rank = 2;
		else if (c == 0x5343)
			u = 1000, rank = 3;
		else if (c == 0x4E07)
			u = 10000, rank = 4;
		else if (c == 0x4EBF)
			u = 100000000, rank = 5;
		else
			break;
		/* 千万, 百亿, 万亿: each unit bigger than the last */
		if (last != 100 && rank <= last)
			break;
		zf_dec_set_int(&d, u);
		if (zf_dec_mul(mult, mult, &d) != ZF_OK)
			break;
		last = rank;
		i++;
	}
	if (i == from + 1 && w->cp[from] == 0x4E2A)
		return 0;
	/* 105个亿元以上的产业 counts things of 亿元 each; 5个亿 is colloquial money */
	if (w->cp[from] == 0x4E2A && i < w->n && (w->cp[i] == 0x5143 || w->cp[i] == 0x5706))
		return 0;
	return i - from;
}

static inline bool is_anchor(const unsigned char *s, size_t len, size_t i, size_t *adv);

/* ---- one mention ---- */

typedef struct side
{
	zf_numscan	num;
	zf_dec		value;			/* number times the units after 余 */
	zf_dec		step;			/* for 余/多: one unit of the last digit, scaled */
	bool		yu;
	bool		has_units;		/* 万/亿/千 ... anywhere */
	size_t		end;
} side;

/*
 * Read a number and what directly belongs to it (余, units after 余) at pos.
 * Returns false when there is no number there.
 */
static bool
read_side(const unsigned char *s, size_t len, size_t pos, bool allow_bare_big, side *sd)
{
	int			err;
	size_t		k = zf_number_scan(s + pos, len - pos, &sd->num, &err);
	fwin		w;
	int			i = 0,
				nu;
	zf_dec		mult;

	sd->yu = false;
	if (k == 0)
	{
		int			used;
		uint32_t	c;

		if (!allow_bare_big || pos >= len)
			return false;
		c = zf_utf8_decode(s + pos, len - pos, &used);
		if (c != 0x4E07 && c != 0x842C && c != 0x4EBF && c != 0x5104)
			return false;
		/* 近亿元, 超万元: the bare unit is one of it */
		memset(&sd->num, 0, sizeof(sd->num));
		zf_dec_set_int(&sd->num.value, 1);
		zf_dec_set_int(&sd->num.tail, 1);
		sd->num.flags = ZF_NUM_BARE;
		k = 0;
	}
	sd->end = pos + k;
	sd->value = sd->num.value;
	sd->has_units = (sd->num.flags & (ZF_NUM_UNIT | ZF_NUM_BIG)) != 0;
	fwd_window(s, len, sd->end, &w, 6);
	if (k > 0 && w.n > 0 && (w.cp[0] == 0x4F59 || w.cp[0] == 0x591A ||
							 (w.cp[0] == 0x51E0 && (sd->num.flags & (ZF_NUM_UNIT | ZF_NUM_BIG)))))
	{
		/* 余 多 几: a bit more than the figure, by one unit of its last digit */
		sd->yu = true;
		zf_dec_last_step(&sd->num.value, &sd->step);
		i = 1;
	}
	nu = unit_run(&w, i, &mult);
	if (nu > 0)
	{
		if (zf_dec_mul(&sd->value, &sd->value, &mult) != ZF_OK)
			return false;
		if (sd->yu)
			zf_dec_mul(&sd->step, &sd->step, &mult);
		sd->has_units = true;
		sd->num.tail = mult;
		i += nu;
	}
	else if (k == 0)
		return false;
	if (i > 0)
		sd->end = w.end[i - 1];
	return true;
}

/* The value of a plain Chinese digit, or 0. */
static int
cdigit(uint32_t c)
{
	switch (c)
	{
		case 0x4E00:			/* 一 */
			return 1;
		case 0x4E8C:			/* 二 */
		case 0x4E24:			/* 两 */
		case 0x5169:			/* 兩 */
			return 2;
		case 0x4E09:			/* 三 */
			return 3;
		case 0x56DB:			/* 四 */
			return 4;
		case 0x4E94:			/* 五 */
			return 5;
		case 0x516D:			/* 六 */
			return 6;
		case 0x4E03:			/* 七 */
			return 7;
		case 0x516B:			/* 八 */
			return 8;
		case 0x4E5D:			/* 九 */
			return 9;
		default:
			return 0;
	}
}

/*
 * Two neighbouring digits before a unit (两三万, 五六十万, 一两百万, 三五千):
 * *a gets the first digit alone, *z the rest as a number.
 */
static bool
read_pair(const unsigned char *s, size_t len, size_t pos, side *a, side *z)
{
	int			u1,
				u2,
				d1,
				d2;
	uint32_t	c1,
				c2;
	zf_dec		t;

	if (pos + 6 > len)
		return false;
	c1 = zf_utf8_decode(s + pos, len - pos, &u1);
	if ((d1 = cdigit(c1)) == 0)
		return false;
	c2 = zf_utf8_decode(s + pos + u1, len - pos - u1, &u2);
	d2 = cdigit(c2);
	if (d1 == 0 || d2 == 0 || c1 == c2)
		return false;
	if (!(d2 == d1 + 1 || (d1 == 1 && c2 == 0x4E24) || (d1 == 3 && d2 == 5)))
		return false;
	if (c1 == 0x4E24 || c1 == 0x5169)
		d1 = 2;
	if (d1 == 2 && c1 != 0x4E24 && c1 != 0x5169)
		return false;			/* 二三 is not said; 两三 is */
	if (!read_side(s, len, pos + (size_t) u1, false, z) || z->yu || z->num.nlit != 1 ||
		(z->num.flags & ZF_NUM_FRAC))
		return false;
	/* the second must be its digit times the units: 六十万 = 6 x 10^5 */
	zf_dec_set_int(&t, (uint64_t) d2);
	if (zf_dec_mul(&t, &t, &z->num.tail) != ZF_OK || zf_dec_cmp(&t, &z->value) != 0)
		return false;
	memset(a, 0, sizeof(*a));
	zf_dec_set_int(&a->value, (uint64_t) d1);
	a->num.value = a->value;
	zf_dec_set_int(&a->num.tail, 1);
	a->num.flags = ZF_NUM_CHINESE;
	a->end = pos + (size_t) u1;
	return true;
}

typedef struct currency_hit
{
	const char *iso;
	int			kind;
	size_t		end;
} currency_hit;

/* A currency word at pos (one ASCII space allowed before it). */
static bool
read_currency(const unsigned char *s, size_t len, size_t pos, const side *sd, currency_hit *ch)
{
	fwin		w;
	int			from = 0,
				ncp,
				idx;

	/* the longest currency is five characters: one space, five, one after */
	fwd_window(s, len, pos, &w, 7);
	if (w.n > 0 && w.cp[0] == ' ')
		from = 1;
	idx = match_fwd(&w, from, currencies, NELEM(currencies), &ncp);
	if (idx < 0)
		return false;
	ch->iso = currencies[idx].iso;
	ch->kind = currencies[idx].info;
	ch->end = w.end[from + ncp - 1];
	/* a letter code is a word of its own: 300 USD, not 300 usdt */
	if (currencies[idx].cp[0] < 0x80 && from + ncp < w.n && is_alnum(w.cp[from + ncp]))
		return false;
	if (ch->kind == CUR_YUAN && from + ncp < w.n)
	{
		uint32_t	nx = w.cp[from + ncp];

		if (in_set(nx, yuan_reject))
			return false;
		/* 一元二次方程 */
		if (is_numeral(nx) && from + ncp + 1 < w.n && w.cp[from + ncp + 1] == 0x6B21)
			return false;
		if (currencies[idx].cp[0] == 0x5706 && in_set(nx, "满形桌周心圈球梦润顶"))
			return false;
	}
	if (ch->kind == CUR_KUAI)
	{
		uint32_t	nx = from + ncp < w.n ? w.cp[from + ncp] : 0;

		/* 一块 is mostly "together"; 三块地 counts pieces */
		if (sd->num.value.mant == 1 && sd->num.value.scale == 0 &&
			!(sd->num.flags & ZF_NUM_ARABIC) && !(nx && in_set(nx, "钱毛角")) &&
			!(nx >= '0' && nx <= '9') && !(nx && in_set(nx, "五六七八九二三四两")))
			return false;
		if (nx && zf_is_ideograph(nx) && !in_set(nx, kuai_follow) && !is_numeral(nx))
			return false;
	}
	return true;
}

/* 元 or 块 followed by 角/毛 and 分: 123元1角1分, 3块5. Adds the change to *v. */
static size_t
read_change(const unsigned char *s, size_t len, size_t pos, int kind, zf_dec *v)
{
	fwin		w;
	zf_dec		add,
				d;
	bool		any = false,
				jiao = false;
	zf_numscan	ns;
	int			err;
	size_t		k,
				end = pos;

	zf_dec_set_int(&add, 0);
	for (int round = 0; round < 2; round++)
	{
		if (end >= len)
			break;
		/* 零 between: 3元零5分 */
		k = zf_number_scan(s + end, len - end, &ns, &err);
		if (k == 0 || ns.value.scale != 0 || ns.value.mant > 9 || (ns.flags & ZF_NUM_FRAC))
			break;
		fwd_window(s, len, end + k, &w, 2);
		if (w.n > 0 && (w.cp[0] == 0x89D2 || w.cp[0] == 0x6BDB) && round == 0)
		{
			d = ns.value;
			d.scale = 1;
			end = w.end[0];
			jiao = true;
		}
		else if (w.n > 0 && w.cp[0] == 0x5206)
		{
			d = ns.value;
			d.scale = 2;
			end = w.end[0];
			round = 1;
		}
		else if ((w.n == 0 || (!zf_is_ideograph(w.cp[0]) && !is_alnum(w.cp[0])) || w.cp[0] == 0x7684) &&
				 ((kind == CUR_KUAI && round == 0) || (round == 1 && jiao)))
		{
			/* 3块5: the digit after 块 is 角; 一块二毛五: after 毛, 分 */
			d = ns.value;
			d.scale = (round == 0) ? 1 : 2;
			end = end + k;
			round = 1;
		}
		else
			break;
		zf_dec_add(&add, &add, &d);
		any = true;
	}
	if (!any)
		return pos;
	/* 五毛钱 */
	fwd_window(s, len, end, &w, 1);
	if (w.n > 0 && w.cp[0] == 0x94B1)
		end = w.end[0];
	zf_dec_add(v, v, &add);
	return end;
}

static bool
is_sep(uint32_t c)
{
	return c == '-' || c == '~' || c == 0x2014 || c == 0x2013 || c == 0x301C ||
		c == 0x81F3 || c == 0x5230 || c == 0x2015 || c == 0x2212;
}

/* The character after position pos, normalized (0 at the end). */
static uint32_t
peek(const unsigned char *s, size_t len, size_t pos, size_t *next)
{
	int			used;
	uint32_t	c;

	if (pos >= len)
	{
		*next = pos;
		return 0;
	}
	c = zf_utf8_decode(s + pos, len - pos, &used);
	*next = pos + (size_t) used;
	return mnorm(c);
}

/* Is there a context word in the clause that ends at b->cp[from]? */
static bool
money_context(const bwin *b, int from)
{
	for (int i = from; i < b->n && i < from + CLAUSE; i++)
	{
		int			ncp;

		if (is_clause_end(b->cp[i]))
			return false;
		if (match_back(b, i, contexts, NELEM(contexts), &ncp) >= 0)
			return true;
	}
	return false;
}

/*
 * Try a mention whose number starts at anchor; nothing before floor belongs to
 * it.  *next is where the scan goes on.  In parse mode no currency or context
 * is needed.  *err is ZF_ERANGE when the sum was rejected because a figure
 * does not fit a zf_dec, ZF_OK otherwise.
 */
static bool
match_at(const unsigned char *s, size_t len, size_t anchor, size_t floor, bool parse,
		 zf_money *m, size_t *next, size_t *run_end, int *err)
{
	bwin		b;
	side		a,
				z;
	int			bi = 0,
				bi_noq = 0,		/* bi and start before a qualifier */
				got = 0,		/* the number: 1 read, 2 read as a pair */
				ncp,
				idx,
				qual = -1,
				qflags = 0;
	const char *iso = NULL;
	currency_hit ch;
	bool		neg = false,
				have_cur = false,
				range = false,
				bare;
	size_t		start = anchor,
				start_noq = anchor,
				end,
				nx;
	uint32_t	c;
	zf_dec		amount;

	*err = ZF_OK;
	*next = anchor + 1;
	while (*next < len && (s[*next] & 0xC0) == 0x80)
		(*next)++;

	/*
	 * Fast rejection, before reading the number: most numerals in a text are
	 * followed by a word no mention can go on with (2022年, 统一战线, 500家).
	 * Skip the run of numeral characters and look at what follows.
	 */
	{
		size_t		e = anchor,
					adv;
		uint32_t	f;

		/* a run is maximal: an anchor inside the last one shares its end */
		if (*run_end > anchor)
			e = *run_end;
		else
		{
			while (e < len && (is_anchor(s, len, e, &adv) ||
							   ((s[e] == '.' || s[e] == ',') && e + 1 < len &&
								s[e + 1] >= '0' && s[e + 1] <= '9')))
				e += adv;
			*run_end = e;
		}
		f = peek(s, len, e, &nx);
		if (zf_is_ideograph(f) && !cjk_bit(follow_bits, f) && !is_numeral(f) && f != 0x70B9)
		{
			uint32_t	p = 0;

			if (anchor > floor)
			{
				back_window(s, floor, anchor, &b, 1);
				p = b.n ? b.cp[0] : 0;
			}
			if (!(p == 0x5E01 || p == 0xA5 || p == '$' || p == ' ' || p == 0x20AC ||
				  p == 0xA3 || p == 'b' || p == 'y' || p == 'd' || p == 'p' || p == 'r'))
			{
				*next = e;
				return false;
			}
		}
	}
	{
		side	   *t = &a;
		int			used;
		uint32_t	a0 = zf_utf8_decode(s + anchor, len - anchor, &used);

		if (a0 != 0x4E07 && a0 != 0x842C && a0 != 0x4EBF && a0 != 0x5104)
		{
			if (read_pair(s, len, anchor, &a, &z))
			{
				t = &z;
				got = 2;
			}
			else if (read_side(s, len, anchor, false, &a))
				got = 1;
			else
			{
				/* a digit run too long to be a number: none starts inside it */
				if (s[anchor] >= '0' && s[anchor] <= '9')
					*next = *run_end;
				return false;
			}
			c = peek(s, len, t->end, &nx);
			if (c == '%' || c == 0x2030 || (zf_is_ideograph(c) && !cjk_bit(follow_bits, c)))
			{
				uint32_t	p = 0;

				if (anchor > floor)
				{
					back_window(s, floor, anchor, &b, 1);
					p = b.n ? b.cp[0] : 0;
				}
				/* unless a currency symbol or word comes before: ¥100买 */
				if (!(p == 0x5E01 || p == 0xA5 || p == '$' || p == ' ' || p == 0x20AC ||
					  p == 0xA3 || p == 'b' || p == 'y' || p == 'd' || p == 'p' || p == 'r') ||
					c == '%' || c == 0x2030)
				{
					*next = t->end;
					return false;
				}
			}
		}
	}

	back_window(s, floor, anchor, &b, 9);

	/* what precedes: sign, currency symbol, qualifier */
	if (b.n > 0 && (b.cp[0] == '-' || b.cp[0] == 0x2212 || b.cp[0] == 0x8D1F) &&
		(b.n == 1 || (!is_alnum(b.cp[1]) && !is_numeral(b.cp[1]))))
	{
		neg = true;
		start = b.start[0];
		bi = 1;
	}
	if (b.n > bi)
	{
		idx = match_back(&b, bi, cur_prefixes, NELEM(cur_prefixes), &ncp);
		if (idx < 0 && b.cp[bi] == ' ' && bi + 1 < b.n)
		{
			/* RMB 100, ¥ 25.00, 人民币 500元 */
			idx = match_back(&b, bi + 1, cur_prefixes, NELEM(cur_prefixes), &ncp);
			if (idx >= 0)
				ncp++;
		}
		if (idx >= 0)
		{
			int			last = bi + ncp - 1;

			/* a letter code must not end a longer word: ABCUSD100 */
			if (!(cur_prefixes[idx].info == 1 && last + 1 < b.n && is_alnum(b.cp[last + 1])))
			{
				iso = cur_prefixes[idx].iso;
				have_cur = true;
				bi = last + 1;
				start = b.start[last];
			}
		}
	}
	/* the tail of something else: 0571-8888, 2021-2022, 一两 */
	if ((b.n > 1 && is_sep(b.cp[0]) && (is_alnum(b.cp[1]) || is_numeral(b.cp[1]))) ||
		(b.n > 0 && is_numeral(b.cp[0])))
	{
		side		t;

		if (read_side(s, len, anchor, false, &t))
			*next = t.end;
		return false;
	}
	if (!have_cur && b.n > bi)
	{
		uint32_t	c2 = b.n > bi + 1 ? b.cp[bi + 1] : 0;

		/* glued to a code or an ordinal: B2, v1.5, 第3, 每5 */
		c = b.cp[bi];

		if (is_alnum(c) || c == '_' || c == '#' || c == '@' || in_set(c, prev_reject) ||
			((c == '.' || c == '/' || c == ':' || c == '\\') && (is_alnum(c2) || is_numeral(c2))))
		{
			/* skip over the number so its tail is not read again */
			side		t;

			if (read_side(s, len, anchor, false, &t))
				*next = t.end;
			return false;
		}
	}
	if (b.n > bi)
	{
		idx = match_back(&b, bi, q_prefixes, NELEM(q_prefixes), &ncp);
		if (idx >= 0)
		{
			int			last = bi + ncp - 1;
			uint32_t	before = last + 1 < b.n ? b.cp[last + 1] : 0;
			bool		ok = true;

			if (q_prefixes[idx].n == 1)
			{
				uint32_t	q = q_prefixes[idx].cp[0];

				/* 签约, 合约; but 折合约 is 折合 + 约 */
				if (q == 0x7EA6 && in_set(before, yue_reject) &&
					!(before == 0x5408 && last + 2 < b.n && b.cp[last + 2] == 0x6298))
					ok = false;
				if (q == 0x8FD1 && in_set(before, "最附邻就"))
					ok = false;	/* 最近 */
				if (q == 0x8D85 && in_set(before, "赶高"))
					ok = false;
				if ((q == 0x4E0A || q == 0x8FC7) && (in_set(before, "以之加不") || is_numeral(before)))
					ok = false;	/* 成千上万, 不过 */
			}
			if (ok)
			{
				qual = q_prefixes[idx].info & QF_MASK;
				qflags = q_prefixes[idx].info & ~QF_MASK;
				bi_noq = bi;
				start_noq = start;
				bi = last + 1;
				start = b.start[last];
				/* 人民币约3000万元: the currency word before the qualifier */
				idx = have_cur ? -1 : match_back(&b, bi, cur_prefixes, NELEM(cur_prefixes), &ncp);
				if (idx >= 0 && cur_prefixes[idx].info == 0 && cur_prefixes[idx].cp[0] > 0x2000)
				{
					iso = cur_prefixes[idx].iso;
					have_cur = true;
					bi += ncp;
					start = b.start[bi - 1];
				}
			}
		}
	}
	if (got == 2 || (got == 0 && read_pair(s, len, anchor, &a, &z)))
	{
		/* 两三万元, 五六十万元: a range of two neighbouring digits */
		range = true;
		*next = z.end;
	}
	else if (got == 0 && !read_side(s, len, anchor, qual >= 0, &a))
		return false;
	else
		*next = a.end > anchor ? a.end : *next;
	bare = (a.num.flags & ZF_NUM_BARE) != 0;
	if ((qflags & QF_BARE_ONLY) && !bare)
	{
		/* 会上3000万元: 上 is only a qualifier before a bare unit (上百万) */
		qual = -1;
		qflags = 0;
		bi = bi_noq;
		start = start_noq;
	}
	if (bare && b.n > 0 && b.cp[0] == 0x6210 && qual < 0)
		return false;			/* 成千上万 */
	if (!parse && (a.num.flags & (ZF_NUM_DIGITS | ZF_NUM_LEADZERO)))
		return false;
	end = range ? z.end : a.end;

	/* percentages are not money */
	c = peek(s, len, end, &nx);
	if (c == '%' || c == 0x2030)
		return false;
	/* 一分钱: "not a cent", an idiom rather than a sum */
	if (c == 0x5206 && !range && a.num.value.mant == 1 && a.num.value.scale == 0 &&
		(a.num.flags & ZF_NUM_CHINESE))
	{
		fwin		w;

		fwd_window(s, len, nx, &w, 1);
		if (w.n > 0 && w.cp[0] == 0x94B1)
			return false;
	}

	/* a range: 3000-5000万元, 3至5亿元 */
	if (!range && !a.yu && is_sep(c))
	{
		size_t		p2 = nx;

		if (read_side(s, len, p2, false, &z) && !z.yu &&
			!(z.num.flags & (ZF_NUM_DIGITS | ZF_NUM_LEADZERO)))
		{
			range = true;
			end = z.end;
		}
	}

	/* the currency word */
	if (read_currency(s, len, end, range ? &z : &a, &ch))
	{
		/*
		 * After a currency word or symbol, 元 is just the unit (新台币3亿元,
		 * 港币5亿元); two different named currencies are not one sum.
		 */
		if (have_cur && strcmp(ch.iso, iso) != 0 && ch.kind != CUR_YUAN &&
			ch.kind != CUR_KUAI && strcmp(iso, "CNY") != 0)
			return false;
		if (!have_cur || ch.kind == CUR_PLAIN || ch.kind == CUR_HUNDREDTH ||
			ch.kind == CUR_TENTH)
			iso = ch.iso;
		have_cur = true;
		end = ch.end;
		if (ch.kind == CUR_YUAN || ch.kind == CUR_KUAI)
		{
			zf_dec		v = range ? z.value : a.value;
			size_t		e2 = read_change(s, len, end, ch.kind, &v);

			if (e2 != end && !range && !a.yu)
			{
				a.value = v;
				end = e2;
			}
		}
		else if (ch.kind == CUR_TENTH || ch.kind == CUR_HUNDREDTH)
		{
			/*
			 * 五毛钱, 50美分: in the main unit.  Multiplying (rather than
			 * raising the scale) keeps the scale within ZF_DEC_MAXSCALE: a
			 * figure with 30 decimals in cents does not fit.
			 */
			zf_dec		unit;

			unit.mant = 1;
			unit.scale = ch.kind == CUR_TENTH ? 1 : 2;
			unit.neg = false;
			if (zf_dec_mul(&a.value, &a.value, &unit) != ZF_OK ||
				(a.yu && zf_dec_mul(&a.step, &a.step, &unit) != ZF_OK) ||
				(range && zf_dec_mul(&z.value, &z.value, &unit) != ZF_OK))
			{
				*err = ZF_ERANGE;
				return false;
			}
		}
		/* 3万元至5万元 */
		c = peek(s, len, end, &nx);
		if (!range && !a.yu && is_sep(c))
		{
			currency_hit ch2;

			if (read_side(s, len, nx, false, &z) && !z.yu &&
				!(z.num.flags & (ZF_NUM_DIGITS | ZF_NUM_LEADZERO)) &&
				read_currency(s, len, z.end, &z, &ch2) && strcmp(ch2.iso, iso) == 0)
			{
				range = true;
				end = ch2.end;
			}
		}
	}

	/* qualifier after: 50万元以上 */
	{
		fwin		w;
		int			si;

		fwd_window(s, len, end, &w, 3);
		si = match_fwd(&w, 0, q_suffixes, NELEM(q_suffixes), &ncp);
		if (si >= 0)
		{
			bool		ok = true;

			/* 上下游, 以下简称 */
			if (w.n > ncp && q_suffixes[si].cp[0] == 0x4E0A && in_set(w.cp[ncp], "游级班车文"))
				ok = false;
			if (ok)
			{
				if (qual < 0)
					qual = q_suffixes[si].info;
				end = w.end[ncp - 1];
			}
			/* 3万元以上25万元以下: one range */
			if (ok && have_cur && !range && !a.yu && q_suffixes[si].info == ZF_MQ_OVER &&
				q_suffixes[si].cp[0] == 0x4EE5)
			{
				currency_hit ch2;
				fwin		w2;
				int			n2;

				if (read_side(s, len, end, false, &z) && !z.yu &&
					!(z.num.flags & (ZF_NUM_DIGITS | ZF_NUM_LEADZERO)) &&
					read_currency(s, len, z.end, &z, &ch2) && strcmp(ch2.iso, iso) == 0)
				{
					fwd_window(s, len, ch2.end, &w2, 2);
					if (match_fwd(&w2, 0, q_suffixes, NELEM(q_suffixes), &n2) >= 0 && n2 == 2 &&
						w2.cp[0] == 0x4EE5 && w2.cp[1] == 0x4E0B)
					{
						range = true;
						end = w2.end[1];
					}
				}
			}
		}
	}

	if (!have_cur && !parse)
	{
		/* a bare sum: money only where the clause says so */
		zf_dec		hundred;

		c = peek(s, len, end, &nx);
		if (c != 0 && (zf_is_ideograph(c) ? !in_set(c, ctx_follow) :
					   !(c == ' ' || c == '\t' || c == 0x3000 || is_clause_end(c) ||
						 in_set(c, "()[]\"'\u201c\u3011\u300d\u300f\u201d\u2019\u300b"))))
			return false;
		if (a.num.flags & ZF_NUM_LONG)
			return false;
		/* without units, only a round figure of 1000 or more (not 价格指数102.5) */
		zf_dec_set_int(&hundred, 100);
		if (zf_dec_cmp(range ? &z.value : &a.value, &hundred) < 0)
			return false;
		if (!a.has_units && !(range && z.has_units))
		{
			zf_dec		thousand;
			const zf_dec *v = range ? &z.value : &a.value;

			zf_dec_set_int(&thousand, 1000);
			if (v->scale > 0 || zf_dec_cmp(v, &thousand) < 0)
				return false;
		}
		back_window(s, floor, anchor, &b, WIN);
		if (!money_context(&b, bi))
			return false;
		iso = "CNY";
	}
	/* the figures */
	memset(m, 0, sizeof(*m));
	m->off = start;
	m->len = end - start;
	m->currency = iso;
	amount = a.value;
	amount.neg = neg && amount.mant != 0;
	if (range)
	{
		zf_dec		lo = a.value,
					hi = z.value;

		/* the first end inherits the magnitude of the second: 3000-5000万 */
		if (!(a.num.flags & (ZF_NUM_UNIT | ZF_NUM_BIG)) && !a.has_units)
		{
			zf_dec		t;

			if (zf_dec_mul(&t, &lo, &z.num.tail) == ZF_OK && zf_dec_cmp(&t, &hi) <= 0)
				lo = t;
		}
		lo.neg = neg && lo.mant != 0;
		if (zf_dec_cmp(&lo, &hi) > 0)
			return false;
		m->qual = ZF_MQ_RANGE;
		m->amount_min = lo;
		m->amount_max = hi;
		m->has_min = m->has_max = true;
		*next = end;
		return true;
	}
	m->amount = amount;
	m->has_amount = true;
	if (qual < 0 && a.yu)
		qual = ZF_MQ_OVER;
	if (qual < 0)
		qual = ZF_MQ_EXACT;
	m->qual = (zf_money_qual) qual;
	switch (m->qual)
	{
		case ZF_MQ_EXACT:
		case ZF_MQ_APPROX:
			m->amount_min = m->amount_max = amount;
			m->has_min = m->has_max = true;
			break;
		case ZF_MQ_OVER:
			m->amount_min = amount;
			m->has_min = true;
			if (a.yu)
			{
				zf_dec		st = a.step;

				st.neg = amount.neg;
				if (zf_dec_add(&m->amount_max, &amount, &st) == ZF_OK)
					m->has_max = true;
				/* -1000余元: the bound is on the far side of zero */
				if (amount.neg && m->has_max)
				{
					zf_dec		t = m->amount_min;

					m->amount_min = m->amount_max;
					m->amount_max = t;
				}
			}
			break;
		case ZF_MQ_UNDER:
			m->amount_max = amount;
			m->has_max = true;
			break;
		case ZF_MQ_RANGE:
			break;
	}
	*next = end;
	return true;
}

/* ---- the scan ---- */

static bool anchors_ready = false;

#define set_bits(bits, chars) set_bits_n((bits), (chars), 1 << 20)

static void
set_bits_n(uint8_t *bits, const char *chars, int max)
{
	const unsigned char *p = (const unsigned char *) chars;
	size_t		len = strlen(chars),
				i = 0;
	int			used;

	while (i < len && max-- > 0)
	{
		uint32_t	cp = zf_norm_cp(zf_utf8_decode(p + i, len - i, &used));

		if (cp >= 0x4E00 && cp < 0xA000)
			bits[(cp - 0x4E00) >> 3] |= (uint8_t) (1u << ((cp - 0x4E00) & 7));
		i += (size_t) used;
	}
}

static void
init_anchors(void)
{
	if (anchors_ready)
		return;
	set_bits(anchor_bits, "一二三四五六七八九十百千万亿两零壹贰叁肆伍陆柒捌玖拾佰仟");
	/* raw Traditional forms: numbers are read before normalization */
	{
		static const char *const trad = "貳參陸萬億兩";
		const unsigned char *p = (const unsigned char *) trad;
		size_t		len = strlen(trad),
					i = 0;
		int			used;

		while (i < len)
		{
			uint32_t	cp = zf_utf8_decode(p + i, len - i, &used);

			if (cp >= 0x4E00 && cp < 0xA000)
				anchor_bits[(cp - 0x4E00) >> 3] |= (uint8_t) (1u << ((cp - 0x4E00) & 7));
			i += (size_t) used;
		}
	}
	/* first characters of currencies and suffix qualifiers, 余多几, 至到 */
	for (int i = 0; i < NELEM(currencies); i++)
		set_bits_n(follow_bits, currencies[i].text, 1);
	for (int i = 0; i < NELEM(q_suffixes); i++)
		set_bits_n(follow_bits, q_suffixes[i].text, 1);
	set_bits(follow_bits, ctx_follow);
	set_bits(follow_bits, "余多几个至到十百千万亿");
	anchors_ready = true;
}

/* Is there a possible number start at s[i]?  *adv is the character's length. */
static inline bool
is_anchor(const unsigned char *s, size_t len, size_t i, size_t *adv)
{
	unsigned char c = s[i];

	if (c < 0x80)
	{
		*adv = 1;
		return c >= '0' && c <= '9';
	}
	if (c >= 0xE0 && c < 0xF0 && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
		(s[i + 2] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((uint32_t) (c & 0x0F) << 12) | ((uint32_t) (s[i + 1] & 0x3F) << 6) |
			(s[i + 2] & 0x3F);

		*adv = 3;
		if (cp >= 0x4E00 && cp < 0xA000)
			return cjk_bit(anchor_bits, cp);
		return (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x3007 || cp == 0x25CB;
	}
	{
		int			used;

		zf_utf8_decode(s + i, len - i, &used);
		*adv = (size_t) used;
	}
	return false;
}

size_t
zf_money_scan(const char *doc, size_t len, zf_money_cb cb, void *arg)
{
	const unsigned char *s = (const unsigned char *) doc;
	size_t		i = 0,
				floor = 0,
				count = 0,
				run_end = 0,
				check = 1 << 16;

	init_words();
	init_anchors();
	while (i < len)
	{
		size_t		adv,
					next;
		zf_money	m;
		int			err;	/* a rejected sum is just not reported */

		if (i >= check)
		{
			zf_check_interrupts();
			check = i + (1 << 16);
		}
		if (!is_anchor(s, len, i, &adv))
		{
			i += adv;
			continue;
		}
		if (match_at(s, len, i, floor, false, &m, &next, &run_end, &err))
		{
			cb(&m, arg);
			count++;
			floor = m.off + m.len;
		}
		i = next > i ? next : i + adv;
	}
	return count;
}

int
zf_money_parse(const char *str, size_t len, zf_money *out)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		startb = zf_skip_space(s, len),
				end = len,
				i,
				next,
				run_end = 0;
	int			err;
	zf_numscan	ns;

	init_words();
	init_anchors();
	while (end > startb)
	{
		size_t		k = end;

		/* trailing white space, one character at a time */
		while (k > startb && (s[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > startb)
			k--;
		if (zf_skip_space(s + k, end - k) == end - k)
			end = k;
		else
			break;
	}
	for (i = startb; i < end;)
	{
		size_t		adv;
		int			used;
		uint32_t	cp;

		if (is_anchor(s, end, i, &adv))
			break;
		cp = zf_utf8_decode(s + i, end - i, &used);
		/* 近亿元: a bare big unit is an anchor only here */
		if (cp == 0x4E07 || cp == 0x842C || cp == 0x4EBF || cp == 0x5104)
			break;
		i += (size_t) used;
	}
	if (i >= end)
		return ZF_EINVAL;
	/* a number too big for the grammar is a range error, not a syntax error */
	zf_number_scan(s + i, end - i, &ns, &err);
	if (err != ZF_OK)
		return err;
	if (!match_at(s, end, i, startb, true, out, &next, &run_end, &err))
		return err != ZF_OK ? err : ZF_EINVAL;
	if (out->off != startb || out->off + out->len != end)
		return ZF_EINVAL;
	if (out->currency == NULL)
		out->currency = "CNY";	/* a bare sum in Chinese text is in yuan */
	return ZF_OK;
}

const char *
zf_money_qual_name(zf_money_qual q)
{
	switch (q)
	{
		case ZF_MQ_EXACT:
			return "exact";
		case ZF_MQ_APPROX:
			return "approx";
		case ZF_MQ_OVER:
			return "over";
		case ZF_MQ_UNDER:
			return "under";
		case ZF_MQ_RANGE:
			return "range";
	}
	return "exact";
}
